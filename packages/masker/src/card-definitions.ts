// credit-card-type's issuer table, reduced to what the masker reads (scripts/generate-issuer-table.mjs):
// its matcher clones every card type per call, which the scan cannot afford, and the full table
// carries names, groupings and code sizes the masker never shows.
import { ISSUERS } from './issuer-table.js';

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

/** How many leading digits of `digits` a credit-card-type pattern (a prefix or an inclusive range of prefixes) matches; 0 for none. */
function patternStrength(digits: string, pattern: number | readonly [number, number]): number {
  if (typeof pattern === 'number') {
    const prefix = String(pattern);
    return digits.startsWith(prefix) ? prefix.length : 0;
  }
  const [min, max] = pattern;
  const width = String(min).length;
  const head = Number(digits.slice(0, width));
  return head >= min && head <= max ? width : 0;
}

/**
 * Verve's six-digit ranges lie inside Maestro's, and credit-card-type calls them Verve; its table
 * lists Maestro first, so Verve goes first here to win that tie.
 */
const BUILT_IN = [...ISSUERS].sort((a, b) => Number(b[0] === 'verve') - Number(a[0] === 'verve'));

/** The first digits any built-in card can start with: a cheap test that spares the full lookup for most digit runs. */
const FIRST_DIGITS = new Set(
  BUILT_IN.flatMap(([, patterns]) =>
    patterns.flatMap((pattern) => {
      const [min, max] = (Array.isArray(pattern) ? pattern : [pattern, pattern]).map((bound) =>
        Number(String(bound)[0]),
      );
      return Array.from({ length: max! - min! + 1 }, (_, offset) => min! + offset);
    }),
  ),
);

/** Whether some card, built in or extra, could begin where `digits` (ASCII, up to a card's length) begins. */
export function couldStartCard(digits: string, extra: readonly CardDefinition[] = []): boolean {
  return (
    FIRST_DIGITS.has(digits.charCodeAt(0) - 48) ||
    extra.some((card) => card.prefixes.some((prefix) => hasPrefix(digits, prefix)))
  );
}

/**
 * The brand of a complete card number (ASCII digits), or undefined if no known card has this prefix,
 * length and check digit. Where two schemes claim a prefix, the longer prefix wins, as in credit-card-type.
 */
export function brandOf(digits: string, extra: readonly CardDefinition[] = []): string | undefined {
  for (const card of extra) {
    if (card.lengths.includes(digits.length) && card.prefixes.some((prefix) => hasPrefix(digits, prefix))) {
      if (card.luhn === false || passesLuhn(digits)) return card.brand;
    }
  }
  if (!passesLuhn(digits)) return undefined;
  let best: string | undefined;
  let bestStrength = 0;
  for (const [brand, patterns, lengths] of BUILT_IN) {
    if (!lengths.includes(digits.length) && !EXTRA_LENGTHS[brand]?.includes(digits.length)) continue;
    for (const pattern of patterns) {
      const strength = patternStrength(digits, pattern);
      if (strength > bestStrength) {
        best = brand;
        bestStrength = strength;
      }
    }
  }
  return best;
}
