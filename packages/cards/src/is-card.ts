// Whether digits are a card number, without naming the brand: all that masking asks. It reads the
// generated ranges and an integrator's definitions only, so such code ships no brand table.
import { CARD_SEGMENTS } from './card-ranges.js';
import type { CardDefinition } from './card-definition.js';
import { passesLuhn } from './luhn.js';
import { prefixStrength } from './prefixes.js';

/**
 * Whether some built-in brand issues numbers of `length` digits (12 to 19) whose first eight digits
 * read as `head`; the check digit is the caller's to test. Exactly when `builtInBrandOf(head, 8,
 * length)` names a brand.
 */
export function isBuiltInCard(head: number, length: number): boolean {
  // A binary search for the last segment starting at or before `head` (the first starts at 0).
  let low = 0;
  let high = CARD_SEGMENTS.length / 2;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (CARD_SEGMENTS[middle * 2]! <= head) low = middle;
    else high = middle;
  }
  return length >= 12 && length <= 19 && ((CARD_SEGMENTS[low * 2 + 1]! >> (length - 12)) & 1) === 1;
}

/**
 * The brand of the first of `extra` (integrators' definitions) that a complete number (ASCII digits)
 * fits, by length, check digit where the card has one, and prefix; among those, the longest prefix
 * wins, the first listed on a tie. Undefined when none fits.
 */
export function extraBrandOf(digits: string, extra: readonly CardDefinition[]): string | undefined {
  let best: string | undefined;
  let bestStrength = 0;
  for (const card of extra) {
    if (card.lengths.includes(digits.length) && (card.luhn === false || passesLuhn(digits))) {
      for (const pattern of card.prefixes) {
        const strength = prefixStrength(digits, pattern);
        if (strength > bestStrength) [best, bestStrength] = [card.brand, strength];
      }
    }
  }
  return best;
}
