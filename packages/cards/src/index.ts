// What ChatPay knows about card numbers, in one place for every package: the built-in brands (from
// credit-card-type, plus the lengths it lacks), integrators' extra cards, digits of every script, the
// Luhn check, brand detection for a whole number and while typing, and grouping. No DOM, no dependencies.
export {
  BRAND_ROWS,
  BRAND_GAPS,
  BRAND_DETAILS,
  type BrandPattern,
  type BrandRow,
  type BrandDetails,
} from './brand-table.js';
export { MAX_CARD_NUMBER_LENGTH, EXTRA_LENGTHS } from './lengths.js';
export { digitValue, foldDigits, toAsciiDigits } from './digits.js';
export { BMP_DIGIT_ZEROS } from './digit-table.js';
export { LUHN_DOUBLED, passesLuhn } from './luhn.js';
export { prefixStrength, type CardPrefix } from './prefixes.js';
export {
  CardDefinitionError,
  checkCardDefinitions,
  type CardDefinition,
  type SecurityCodeRule,
} from './card-definition.js';
export { BUILT_IN_CARD_BRANDS, brandFromDefinition, cardBrand, type CardBrand } from './brands.js';
export { brandOf, builtInBrandOf } from './brand-of.js';
export { CARD_SEGMENTS } from './card-ranges.js';
export { extraBrandOf, isBuiltInCard } from './is-card.js';
export {
  detectCardBrand,
  matchCardDefinitions,
  potentialBrands,
  type CardBrandDetection,
} from './detect-card-brand.js';
export { DEFAULT_GAPS, groupCardNumber, splitAtGaps } from './grouping.js';
