// The secure card form's pure logic: one module per field, each check returning
// `{ isValid, isPotentiallyValid, reason }`. No DOM, no Lit, no masks: the elements wire these.
export {
  CARD_NUMBER_REASONS,
  EXPIRY_REASONS,
  SECURITY_CODE_REASONS,
  CARDHOLDER_NAME_REASONS,
  POSTAL_CODE_REASONS,
  CARD_FIELD_REASONS,
  type CardNumberReason,
  type ExpiryReason,
  type SecurityCodeReason,
  type CardholderNameReason,
  type PostalCodeReason,
  type CardField,
  type CardFieldReason,
  type FieldCheck,
} from './errors.js';
export { toAsciiDigits } from './normalize.js';
export { passesLuhn } from './luhn.js';
export {
  BUILT_IN_CARD_BRANDS,
  MAX_CARD_NUMBER_LENGTH,
  checkCardDefinitions,
  type CardDefinition,
  type CardPrefix,
  type SecurityCodeRule,
} from './card-definitions.js';
export {
  DEFAULT_GAPS,
  parseCardNumber,
  groupCardNumber,
  formatCardNumber,
  detectCardBrand,
  validateCardNumber,
  type CardBrand,
  type CardBrandDetection,
  type CardNumberOptions,
  type CardNumberResult,
} from './card-number.js';
export {
  DEFAULT_MAX_YEARS_AHEAD,
  parseExpiry,
  expandYear,
  formatExpiry,
  validateExpiry,
  type ExpiryOptions,
  type ExpiryParts,
  type ExpiryResult,
} from './expiry.js';
export { UNKNOWN_BRAND_SECURITY_CODE_SIZES, validateSecurityCode, type SecurityCodeResult } from './security-code.js';
export { MAX_CARDHOLDER_NAME_LENGTH, validateCardholderName, type CardholderNameResult } from './cardholder-name.js';
export {
  MIN_POSTAL_CODE_LENGTH,
  MAX_POSTAL_CODE_LENGTH,
  validatePostalCode,
  type PostalCodeOptions,
  type PostalCodeResult,
} from './postal-code.js';
