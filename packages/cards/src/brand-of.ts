// Whether a whole digit string is a card, and whose: the brand of a number found or typed. It reads
// only the prefixes and lengths. (Masking, which never names a brand, asks is-card.ts instead.)
import { BRAND_ROWS } from './brand-table.js';
import type { CardDefinition } from './card-definition.js';
import { EXTRA_LENGTHS } from './lengths.js';
import { passesLuhn } from './luhn.js';
import { extraBrandOf } from './is-card.js';

/**
 * The built-in prefixes, by the first two digits they can start with (0 to 99), longest first (the
 * table's order kept among equals), five numbers each: min, max, prefix length, lengths as a bit set,
 * and the brand's row. The first that fits is the answer.
 */
const BY_FIRST_DIGITS: number[][] = [];
{
  const entries: number[][][] = Array.from({ length: 100 }, () => []);
  BRAND_ROWS.forEach(([brand, patterns, lengths], row) => {
    let lengthBits = 0;
    for (const length of [...lengths, ...(EXTRA_LENGTHS[brand] ?? [])]) lengthBits |= 1 << length;
    for (const pattern of patterns) {
      const [min, max] = typeof pattern === 'object' ? pattern : [pattern, pattern];
      const size = String(min).length;
      // The two-digit starts the pattern covers: a one-digit prefix covers ten.
      const [low, high] =
        size === 1 ? [min * 10, max * 10 + 9] : [min, max].map((bound) => Number(String(bound).slice(0, 2)));
      for (let first = low!; first <= high!; first++) entries[first]!.push([min, max, size, lengthBits, row]);
    }
  });
  for (const list of entries) BY_FIRST_DIGITS.push(list.sort((a, b) => b[2]! - a[2]!).flat());
}
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * The brand of a complete card number (ASCII digits), or undefined if no card has this prefix, length
 * and check digit. Extra definitions come first (a gift card inside a built-in brand's range is the
 * gift card); among those that fit, and then among the built-in brands, the longest prefix wins, the
 * first listed on a tie, as in credit-card-type. A built-in brand always needs its check digit here:
 * a digit run in text that fails Luhn is far more often something else than a card without one.
 */
export function brandOf(digits: string, extra: readonly CardDefinition[] = []): string | undefined {
  const best = extraBrandOf(digits, extra);
  if (best || !passesLuhn(digits)) return best;
  const known = Math.min(8, digits.length);
  return builtInBrandOf(Number(digits.slice(0, known)), known, digits.length);
}

/**
 * The built-in brand whose prefix and length fit a number of `length` digits whose first `known`
 * digits (8, or all of them when fewer) read as `head`; the check digit is the caller's to test. For
 * a scan that has the digits as numbers already.
 */
export function builtInBrandOf(head: number, known: number, length: number): string | undefined {
  if (known < 2 || length > 30) return undefined;
  const entries = BY_FIRST_DIGITS[Math.floor(head / POWERS_OF_TEN[known - 2]!)] ?? [];
  for (let at = 0; at < entries.length; at += 5) {
    const size = entries[at + 2]!;
    if (size > known || !((entries[at + 3]! >> length) & 1)) continue;
    const prefix = Math.floor(head / POWERS_OF_TEN[known - size]!);
    if (prefix >= entries[at]! && prefix <= entries[at + 1]!) return BRAND_ROWS[entries[at + 4]!]![0];
  }
  return undefined;
}
