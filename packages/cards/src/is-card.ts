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
  let lengths = 0;
  for (let at = 0; at < CARD_SEGMENTS.length && CARD_SEGMENTS[at]! <= head; at += 2) lengths = CARD_SEGMENTS[at + 1]!;
  return length >= 12 && length <= 19 && ((lengths >> (length - 12)) & 1) === 1;
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
