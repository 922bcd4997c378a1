import creditCardType from 'credit-card-type';

/**
 * A card scheme the built-in tables do not know: a gift or private-label card, say. Prefixes are
 * digit strings (`'6035'`) or inclusive ranges of equal-length prefixes (`['622126', '622925']`).
 */
export interface CardDefinition {
  readonly brand: string;
  readonly prefixes: readonly (string | readonly [string, string])[];
  readonly lengths: readonly number[];
  /** Whether the last digit is a Luhn check digit. Default true. */
  readonly luhn?: boolean;
}

/**
 * Lengths the card schemes publish that credit-card-type's tables do not list: Visa still issues
 * 13-digit numbers. (Its tables are otherwise used as they are.)
 */
const EXTRA_LENGTHS: Readonly<Record<string, readonly number[]>> = { visa: [13] };

/** The Luhn (mod 10) check of a string of ASCII digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function hasPrefix(digits: string, prefix: string | readonly [string, string]): boolean {
  if (typeof prefix === 'string') return digits.startsWith(prefix);
  const head = digits.slice(0, prefix[0].length);
  return head.length === prefix[0].length && head >= prefix[0] && head <= prefix[1];
}

/** The brand of a complete card number (ASCII digits), or undefined if no known card has this prefix, length and check digit. */
export function brandOf(digits: string, extra: readonly CardDefinition[] = []): string | undefined {
  for (const card of extra) {
    if (card.lengths.includes(digits.length) && card.prefixes.some((prefix) => hasPrefix(digits, prefix))) {
      if (card.luhn === false || passesLuhn(digits)) return card.brand;
    }
  }
  if (!passesLuhn(digits)) return undefined;
  for (const type of creditCardType(digits)) {
    if (type.lengths.includes(digits.length) || EXTRA_LENGTHS[type.type]?.includes(digits.length)) return type.type;
  }
  return undefined;
}
