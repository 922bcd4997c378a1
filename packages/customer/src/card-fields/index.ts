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
// What a card number is (brands, Luhn, digits of every script, grouping, extra definitions) is
// @chatpay/cards'; these are its names, for the card fields' callers.
export {
  BUILT_IN_CARD_BRANDS,
  DEFAULT_GAPS,
  MAX_CARD_NUMBER_LENGTH,
  CardDefinitionError,
  checkCardDefinitions,
  detectCardBrand,
  groupCardNumber,
  passesLuhn,
  toAsciiDigits,
  type CardBrand,
  type CardBrandDetection,
  type CardDefinition,
  type CardPrefix,
  type SecurityCodeRule,
} from '@chatpay/cards';
export {
  parseCardNumber,
  formatCardNumber,
  validateCardNumber,
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
