// Whether a whole digit string is a card, and whose: what a scan over text (the masker) asks of every
// window of digits. It reads only the prefixes and lengths, so such code ships nothing else.
import { BRAND_ROWS } from './brand-table.js';
import type { CardDefinition } from './card-definition.js';
import { EXTRA_LENGTHS } from './lengths.js';
import { passesLuhn } from './luhn.js';
import { prefixStrength } from './prefixes.js';

/** The first digits any built-in card can start with: a cheap test that spares the full lookup for most digit runs. */
const FIRST_DIGITS = new Set(
  BRAND_ROWS.flatMap(([, patterns]) =>
    patterns.flatMap((pattern) => {
      const [min, max] = (typeof pattern === 'object' ? pattern : [pattern, pattern]).map((bound) =>
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
    extra.some((card) => card.prefixes.some((prefix) => prefixStrength(digits, prefix) > 0))
  );
}

/**
 * The brand of a complete card number (ASCII digits), or undefined if no card has this prefix, length
 * and check digit. Extra definitions come first (a gift card inside a built-in brand's range is the
 * gift card); among those that fit, and then among the built-in brands, the longest prefix wins, the
 * first listed on a tie, as in credit-card-type. A built-in brand always needs its check digit here:
 * a digit run in text that fails Luhn is far more often something else than a card without one.
 */
export function brandOf(digits: string, extra: readonly CardDefinition[] = []): string | undefined {
  let best: string | undefined;
  let bestStrength = 0;
  const consider = (brand: string, patterns: readonly Parameters<typeof prefixStrength>[1][]) => {
    for (const pattern of patterns) {
      const strength = prefixStrength(digits, pattern);
      if (strength > bestStrength) [best, bestStrength] = [brand, strength];
    }
  };
  for (const card of extra) {
    if (card.lengths.includes(digits.length) && (card.luhn === false || passesLuhn(digits))) {
      consider(card.brand, card.prefixes);
    }
  }
  if (best || !passesLuhn(digits)) return best;
  for (const [brand, patterns, lengths] of BRAND_ROWS) {
    if (lengths.includes(digits.length) || EXTRA_LENGTHS[brand]?.includes(digits.length)) consider(brand, patterns);
  }
  return best;
}
