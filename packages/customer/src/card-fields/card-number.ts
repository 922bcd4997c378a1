// The card number field: from what was typed or pasted to digits, brand, display groups and validity.
import cardValidator from 'card-validator';
import creditCardType from 'credit-card-type';
import {
  checkCardDefinitions,
  matchCardDefinitions,
  MAX_CARD_NUMBER_LENGTH,
  type CardDefinition,
  type SecurityCodeRule,
} from './card-definitions.js';
import { failed, passed, type CardNumberReason, type FieldCheck } from './errors.js';
import { passesLuhn } from './luhn.js';
import { NUMBER_SEPARATORS, toAsciiDigits } from './normalize.js';

/** Groups of four, for numbers whose brand is not known yet. */
export const DEFAULT_GAPS: readonly number[] = Object.freeze([4, 8, 12]);

/** A brand a number was recognised as, with what the fields need to know about it. */
export interface CardBrand {
  /** credit-card-type's id (`'visa'`, `'american-express'`, ...) or an extra definition's `brand`. */
  readonly brand: string;
  /** The name to show: `'Visa'`, `'American Express'`, an extra definition's `niceName`. */
  readonly niceName: string;
  readonly lengths: readonly number[];
  readonly gaps: readonly number[];
  /** Whether the last digit is checked with Luhn (card-validator does not check UnionPay's). */
  readonly luhn: boolean;
  /** The code it asks for, or `null` for a card without one. */
  readonly securityCode: SecurityCodeRule | null;
  /** Whether it came from the caller's `extraCards` rather than credit-card-type. */
  readonly isExtra: boolean;
}

/** What the leading digits say about the brand. */
export type CardBrandDetection =
  | { readonly kind: 'known'; readonly card: CardBrand }
  /** Too few digits to tell; `candidates` are the brand ids still possible (all of them for no digits). */
  | { readonly kind: 'undecided'; readonly candidates: readonly string[] }
  /** No brand starts this way. */
  | { readonly kind: 'unknown' };

export interface CardNumberOptions {
  /** Brand ids the merchant takes; any other brand is refused (`'brand-not-accepted'`). Default: all. */
  readonly acceptedBrands?: readonly string[];
  /** Gift and private-label cards, checked before credit-card-type's brands. */
  readonly extraCards?: readonly CardDefinition[];
}

export interface CardNumberResult extends FieldCheck<CardNumberReason> {
  /** The brand id once the number says which (even when not accepted), else `null`. */
  readonly brand: string | null;
  readonly niceName: string | null;
  /**
   * What the security-code field should ask for: the brand's rule, `null` for a card without a code,
   * absent while the brand is not known (`validateSecurityCode` then takes 3 or 4 digits).
   */
  readonly securityCode?: SecurityCodeRule | null;
  /** The ASCII digits found in the input. */
  readonly digits: string;
  /** `digits` in groups, with one space at each of the brand's gaps: `'3782 822463 10005'`. */
  readonly formatted: string;
  /** `digits` split at the gaps: `['3782', '822463', '10005']`. */
  readonly groups: readonly string[];
  /** The brand's gaps (`DEFAULT_GAPS` while unknown), for a mask. */
  readonly gaps: readonly number[];
  /** The most digits the brand's numbers have (19 while unknown), for a mask. */
  readonly maxLength: number;
}

/** The digits in `input` (any script, full-width included) and whether anything but separators was there. */
export function parseCardNumber(input: string): { readonly digits: string; readonly hasInvalidCharacters: boolean } {
  const compact = toAsciiDigits(input).replace(NUMBER_SEPARATORS, '');
  const digits = compact.replace(/\D/g, '');
  return { digits, hasInvalidCharacters: digits.length !== compact.length };
}

/** `digits` split at `gaps`; the last group takes whatever follows the last gap. */
export function groupCardNumber(digits: string, gaps: readonly number[] = DEFAULT_GAPS): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const gap of gaps) {
    if (gap >= digits.length) break;
    groups.push(digits.slice(start, gap));
    start = gap;
  }
  if (start < digits.length) groups.push(digits.slice(start));
  return groups;
}

/** `digits` with a space at each gap: `'dddd dddd dddd dddd'` for a 16-digit Visa. No trailing space. */
export function formatCardNumber(digits: string, gaps: readonly number[] = DEFAULT_GAPS): string {
  return groupCardNumber(digits, gaps).join(' ');
}

function fromDefinition(definition: CardDefinition): CardBrand {
  const { brand, niceName, lengths, gaps, luhn, securityCode } = definition;
  return { brand, niceName, lengths, gaps, luhn, securityCode, isExtra: true };
}

function builtInCandidates(digits: string): string[] {
  return creditCardType(digits).map((type) => type.type);
}

/**
 * The brand of a number from its leading ASCII digits: the caller's extra cards first (the longest
 * matching prefix wins once every candidate is decided), then card-validator's `number()`, which asks
 * credit-card-type. Nothing global is changed.
 */
export function detectCardBrand(digits: string, extraCards: readonly CardDefinition[] = []): CardBrandDetection {
  checkCardDefinitions(extraCards);
  const extras = matchCardDefinitions(digits, extraCards);
  if (extras.best) return { kind: 'known', card: fromDefinition(extras.best) };

  const { card } = cardValidator.number(digits);
  if (extras.possible.length > 0) {
    const builtIn = card ? [card.type] : builtInCandidates(digits);
    return { kind: 'undecided', candidates: [...extras.possible.map((extra) => extra.brand), ...builtIn] };
  }
  if (card) {
    const { type, niceType, lengths, gaps, code } = card;
    const luhn = type !== creditCardType.types['UNIONPAY'];
    const securityCode = { name: code.name, size: code.size };
    return {
      kind: 'known',
      card: { brand: type, niceName: niceType, lengths, gaps, luhn, securityCode, isExtra: false },
    };
  }
  const candidates = builtInCandidates(digits);
  return candidates.length > 0 ? { kind: 'undecided', candidates } : { kind: 'unknown' };
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
 * `digits`, `formatted` and `groups`.
 */
export function validateCardNumber(input: string, options: CardNumberOptions = {}): CardNumberResult {
  const { acceptedBrands, extraCards = [] } = options;
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

  const groups = groupCardNumber(digits, gaps);
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
