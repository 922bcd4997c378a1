import { describe, expect, it } from 'vitest';
import { BRAND_ROWS } from '../src/brand-table.js';
import { brandOf, builtInBrandOf } from '../src/brand-of.js';
import { CARD_SEGMENTS } from '../src/card-ranges.js';
import { extraBrandOf, isBuiltInCard } from '../src/is-card.js';

/** Every head at which a built-in prefix starts or ends, and its neighbours: between two of them, both answers are constant. */
function edges(): number[] {
  const heads = new Set<number>([0, 99_999_999]);
  for (const [, patterns] of BRAND_ROWS) {
    for (const pattern of patterns) {
      const [min, max] = typeof pattern === 'object' ? pattern : [pattern, pattern];
      const scale = 10 ** (8 - String(min).length);
      for (const head of [min * scale, (max + 1) * scale - 1]) for (const near of [-1, 0, 1]) heads.add(head + near);
    }
  }
  for (let at = 0; at < CARD_SEGMENTS.length; at += 2)
    for (const near of [-1, 0, 1]) heads.add(CARD_SEGMENTS[at]! + near);
  return [...heads].filter((head) => head >= 0 && head <= 99_999_999);
}

describe('isBuiltInCard', () => {
  it('answers exactly when builtInBrandOf names a brand, at every edge of every prefix, for every length (else rerun scripts/generate-issuer-table.mjs)', () => {
    const heads = edges();
    expect(heads.length).toBeGreaterThan(400);
    for (let length = 12; length <= 19; length++) {
      for (const head of heads) {
        expect([head, length, isBuiltInCard(head, length)]).toEqual([
          head,
          length,
          builtInBrandOf(head, 8, length) !== undefined,
        ]);
      }
    }
  });

  it('knows no card shorter than 12 or longer than 19 digits', () => {
    expect(isBuiltInCard(41_111_111, 11)).toBe(false);
    expect(isBuiltInCard(41_111_111, 20)).toBe(false);
    expect(isBuiltInCard(41_111_111, 16)).toBe(true);
  });

  it('has sorted segments from 0, each with other lengths than the one before, for lengths 12 to 19 only', () => {
    expect(CARD_SEGMENTS[0]).toBe(0);
    for (let at = 2; at < CARD_SEGMENTS.length; at += 2) {
      expect(CARD_SEGMENTS[at]!).toBeGreaterThan(CARD_SEGMENTS[at - 2]!);
      expect(CARD_SEGMENTS[at + 1]).not.toBe(CARD_SEGMENTS[at - 1]);
      expect(CARD_SEGMENTS[at + 1]! >> 8).toBe(0);
    }
  });
});

describe('extraBrandOf', () => {
  const gift = { brand: 'gift', prefixes: ['6035'], lengths: [16], luhn: false } as const;
  const store = { brand: 'store', prefixes: ['603'], lengths: [16] } as const;

  it('names the extra card a number fits, the longest prefix first, and never a built-in brand', () => {
    expect(extraBrandOf('6035000000000001', [store, gift])).toBe('gift');
    expect(extraBrandOf('4111111111111111', [store, gift])).toBeUndefined();
    expect(brandOf('4111111111111111', [store, gift])).toBe('visa');
  });

  it('asks for the check digit where the card has one', () => {
    expect(extraBrandOf('6031000000000001', [store])).toBeUndefined();
    expect(extraBrandOf('6031000000000000', [store])).toBe('store');
  });
});
