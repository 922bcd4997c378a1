// The card number field: from what was typed or pasted to digits, brand, display groups and validity.
// What a brand is (prefixes, lengths, groups, code, Luhn) is @chatpay/cards' knowledge; this module
// applies it to a field, in the manner of card-validator's `number()`.
import {
  CardDefinitionError,
  checkCardDefinitions,
  detectCardBrand,
  DEFAULT_GAPS,
  MAX_CARD_NUMBER_LENGTH,
  passesLuhn,
  splitAtGaps,
  toAsciiDigits,
  type CardBrand,
  type CardDefinition,
  type SecurityCodeRule,
} from '@chatpay/cards';
import { ConfigError } from '@chatpay/core';
import { failed, passed, type CardNumberReason, type FieldCheck } from './errors.js';
import { NUMBER_SEPARATORS } from './normalize.js';

/** What `validateCardNumber` takes besides the input. */
export interface CardNumberOptions {
  /** Brand ids the merchant takes; any other brand is refused (`'brand-not-accepted'`). Default: all. */
  readonly acceptedBrands?: readonly string[];
  /** Gift and private-label cards, checked before the built-in brands. */
  readonly extraCards?: readonly CardDefinition[];
}

export interface CardNumberResult extends FieldCheck<CardNumberReason> {
  /** The brand id once the number says which (even when not accepted), else `null`. */
  readonly brand: string | null;
  /** The brand's name for people (`Visa`, `American Express`), else `null`. */
  readonly niceName: string | null;
  /**
   * What the security-code field should ask for: the brand's rule, `null` for a card without a code,
   * absent while the brand is not known (`validateSecurityCode` then takes 3 or 4 digits).
   */
  readonly securityCode?: SecurityCodeRule | null;
  /** The ASCII digits found in the input. */
  readonly digits: string;
  /** `digits` in groups, with one space at each of the brand's gaps: `'dddd dddddd ddddd'`. */
  readonly formatted: string;
  /** `digits` split at the gaps: `['3782', '822463', '10005']`. */
  readonly groups: readonly string[];
  /** The brand's gaps (`DEFAULT_GAPS` while unknown), for a mask. */
  readonly gaps: readonly number[];
  /** The most digits the brand's numbers have (19 while unknown), for a mask. */
  readonly maxLength: number;
}

/** The digits in `input` (any script, full-width included) and whether anything but separators was there. */
export function parseCardNumber(input: string): {
  /** The ASCII digits found. */
  readonly digits: string;
  /** Something other than digits and separators (spaces, dashes, dots) was there. */
  readonly hasInvalidCharacters: boolean;
} {
  const compact = toAsciiDigits(input).replace(NUMBER_SEPARATORS, '');
  const digits = compact.replace(/\D/g, '');
  return { digits, hasInvalidCharacters: digits.length !== compact.length };
}

/** `digits` with a space at each gap: `'dddd dddd dddd dddd'` for a 16-digit Visa. No trailing space. */
export function formatCardNumber(digits: string, gaps: readonly number[] = DEFAULT_GAPS): string {
  return splitAtGaps(digits, gaps).join(' ');
}

/** Throws a `ConfigError` (option `extraCards`) unless every definition is well formed: the form's option error. */
function checkExtraCards(extraCards: readonly CardDefinition[]): void {
  try {
    checkCardDefinitions(extraCards);
  } catch (error) {
    if (!(error instanceof CardDefinitionError)) throw error;
    throw new ConfigError('extraCards', `extraCards[${error.index}]: ${error.rule}.`);
  }
}

/**
 * Validity of a number of a known brand. card-validator's rule, applied alike to extra cards: valid at
 * one of the brand's lengths with a good check digit (when the brand has one); potentially valid while
 * shorter than the brand's longest number, or valid.
 */
function checkKnown(
  digits: string,
  card: CardBrand,
  accepted: ReadonlySet<string> | null,
): FieldCheck<CardNumberReason> {
  if (accepted && !accepted.has(card.brand)) return failed('brand-not-accepted', false);
  const maxLength = Math.max(...card.lengths);
  const isFullLength = card.lengths.includes(digits.length);
  if (isFullLength && (!card.luhn || passesLuhn(digits))) return passed;
  if (digits.length > maxLength) return failed('wrong-length', false);
  const isPotentiallyValid = digits.length < maxLength;
  return isFullLength ? failed('luhn', isPotentiallyValid) : failed('incomplete', isPotentiallyValid);
}

/**
 * Everything the card number field needs from `input` as typed or pasted: digits, brand, display
 * groups and validity. Spaces, dashes, dots and invisible characters between digits are ignored;
 * full-width and other scripts' digits count as digits. The result carries the number only in
 * `digits`, `formatted` and `groups`. Throws a `ConfigError` for malformed `extraCards`.
 */
export function validateCardNumber(input: string, options: CardNumberOptions = {}): CardNumberResult {
  const { acceptedBrands, extraCards = [] } = options;
  checkExtraCards(extraCards);
  const { digits, hasInvalidCharacters } = parseCardNumber(input);
  const detection = detectCardBrand(digits, extraCards);
  const card = detection.kind === 'known' ? detection.card : null;
  const gaps = card?.gaps ?? DEFAULT_GAPS;
  const accepted = acceptedBrands ? new Set(acceptedBrands) : null;

  let check: FieldCheck<CardNumberReason>;
  if (hasInvalidCharacters) check = failed('invalid-characters', false);
  else if (digits === '') check = failed('required', true);
  else if (detection.kind === 'unknown') check = failed('unknown-brand', false);
  else if (detection.kind === 'undecided') {
    const stillPossible = !accepted || detection.candidates.some((brand) => accepted.has(brand));
    check = stillPossible ? failed('incomplete', true) : failed('brand-not-accepted', false);
  } else check = checkKnown(digits, detection.card, accepted);

  const groups = splitAtGaps(digits, gaps);
  return {
    ...check,
    brand: card?.brand ?? null,
    niceName: card?.niceName ?? null,
    ...(card ? { securityCode: card.securityCode } : {}),
    digits,
    formatted: groups.join(' '),
    groups,
    gaps,
    maxLength: card ? Math.max(...card.lengths) : MAX_CARD_NUMBER_LENGTH,
  };
}
