import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandOf, builtInBrandOf } from '../src/brand-of.js';
import { BRAND_ROWS } from '../src/brand-table.js';
import { EXTRA_LENGTHS } from '../src/lengths.js';
import { passesLuhn } from '../src/luhn.js';
import { prefixStrength } from '../src/prefixes.js';
import { cardNumber } from './support.js';

/** credit-card-type's rule read straight from the table: every pattern of every brand, the longest prefix winning, the first on a tie. */
function referenceBrand(digits: string): string | undefined {
  if (!passesLuhn(digits)) return undefined;
  let best: string | undefined;
  let bestStrength = 0;
  for (const [brand, patterns, lengths] of BRAND_ROWS) {
    if (!lengths.includes(digits.length) && !EXTRA_LENGTHS[brand]?.includes(digits.length)) continue;
    for (const pattern of patterns) {
      const strength = prefixStrength(digits, pattern);
      if (strength > bestStrength) [best, bestStrength] = [brand, strength];
    }
  }
  return best;
}

/** Every prefix the table names, as digits: both ends of each range, and a digit past each. */
const TABLE_PREFIXES = BRAND_ROWS.flatMap(([, patterns]) =>
  patterns.flatMap((pattern) =>
    (typeof pattern === 'object' ? pattern : [pattern]).flatMap((bound) => [String(bound), String(bound + 1)]),
  ),
);

/** A Luhn-valid number of `length` digits starting with `prefix` (cut to fit). */
const numberFrom = (prefix: string, fill: string, length: number) =>
  cardNumber((prefix + fill).slice(0, length - 1), length);

describe('brandOf reads the built-in table by first digit and number', () => {
  it('agrees with the table read pattern by pattern, on numbers at and around every prefix (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLE_PREFIXES),
        fc.stringMatching(/^[0-9]{19}$/),
        fc.integer({ min: 1, max: 24 }),
        fc.boolean(),
        (prefix, fill, length, valid) => {
          const digits = valid ? numberFrom(prefix, fill, Math.max(2, length)) : (prefix + fill).slice(0, length);
          expect(brandOf(digits)).toBe(referenceBrand(digits));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees on random digit strings too (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (digits) => {
        expect(brandOf(digits)).toBe(referenceBrand(digits));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives, from a number's head, what brandOf gives from its digits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLE_PREFIXES),
        fc.stringMatching(/^[0-9]{19}$/),
        fc.integer({ min: 2, max: 19 }),
        (prefix, fill, length) => {
          const digits = numberFrom(prefix, fill, length);
          const known = Math.min(8, length);
          expect(builtInBrandOf(Number(digits.slice(0, known)), known, length)).toBe(brandOf(digits));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is undefined for a number longer than any card, and for what is not digits', () => {
    expect(brandOf(cardNumber('4', 33))).toBeUndefined();
    expect(brandOf('')).toBeUndefined();
    expect(brandOf('abcdefghijklmnop')).toBeUndefined();
  });
});
