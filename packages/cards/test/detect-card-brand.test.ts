import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BRAND_DETAILS,
  BRAND_GAPS,
  BRAND_ROWS,
  BUILT_IN_CARD_BRANDS,
  brandOf,
  cardBrand,
  detectCardBrand,
  potentialBrands,
  type CardDefinition,
} from '../src/index.js';
import { ACME_GIFT, breakCheckDigit, cardNumber, EXTRA_CARDS } from './support.js';

const require = createRequire(import.meta.url);
const creditCardType = require('credit-card-type') as ((digits: string) => { type: string }[]) & {
  getTypeInfo(brand: string): { lengths: number[]; patterns: (number | [number, number])[] };
};

/** Digit strings that start like some built-in brand (either end of any of its prefixes), of any length up to 20. */
const likeACard = fc.oneof(
  fc.stringMatching(/^[0-9]{0,20}$/),
  fc
    .constantFrom(...BRAND_ROWS.flatMap(([, patterns]) => patterns.flatMap((p) => (typeof p === 'object' ? p : [p]))))
    .chain((prefix) => fc.stringMatching(/^[0-9]{0,14}$/).map((rest) => `${prefix}${rest}`.slice(0, 20)))
    .chain((digits) => fc.integer({ min: 0, max: digits.length }).map((length) => digits.slice(0, length))),
);

describe('potentialBrands: credit-card-type’s answer from the table alone', () => {
  it('is credit-card-type’s answer for any digits (property)', () => {
    fc.assert(
      fc.property(likeACard, (digits) => {
        expect(potentialBrands(digits)).toEqual(creditCardType(digits).map(({ type }) => type));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['', BUILT_IN_CARD_BRANDS],
    ['4', ['visa', 'naranja', 'maestro', 'elo']],
    ['4111', ['visa']],
    ['3', ['american-express', 'diners-club', 'jcb']],
    ['34', ['american-express']],
    ['1', ['jcb']],
    ['0', []],
    ['6', ['discover', 'troy', 'unionpay', 'maestro', 'elo', 'hiper', 'hipercard']],
    ['401178', ['elo']],
    ['50609', ['verve', 'maestro']],
    ['506099', ['verve']],
  ])('potentialBrands(%j) is %j', (digits, brands) => {
    expect(potentialBrands(digits)).toEqual(brands);
  });
});

describe('detectCardBrand: while typing', () => {
  it.each([
    ['', 'undecided', null],
    ['3', 'undecided', null],
    ['37', 'known', 'american-express'],
    ['4', 'undecided', null],
    ['4111', 'known', 'visa'],
    ['0', 'unknown', null],
    ['9', 'known', 'troy'],
    ['1', 'known', 'jcb'],
  ])('%j is %s (%s)', (digits, kind, brand) => {
    const detection = detectCardBrand(digits);
    expect(detection.kind).toBe(kind);
    expect(detection.kind === 'known' ? detection.card.brand : null).toBe(brand);
  });

  it('gives a built-in brand’s name, lengths (13-digit Visa too), groups, code and Luhn rule', () => {
    expect(detectCardBrand('4111')).toEqual({
      kind: 'known',
      card: {
        brand: 'visa',
        niceName: 'Visa',
        lengths: [13, 16, 18, 19],
        gaps: [4, 8, 12],
        luhn: true,
        securityCode: { name: 'CVV', size: 3 },
        isExtra: false,
      },
    });
    expect(detectCardBrand('620')).toMatchObject({ kind: 'known', card: { brand: 'unionpay', luhn: false } });
  });

  it.each([
    ['6035', 'known', 'acme-gift'],
    ['603', 'undecided', null],
    ['40117', 'undecided', null],
    ['401175', 'known', 'store-card'],
    ['40118', 'known', 'visa'],
    ['777', 'undecided', null],
    ['7777', 'known', 'coffee-gift'],
    ['8899', 'known', 'bare'],
  ])('with extra cards, %j is %s (%s)', (digits, kind, brand) => {
    const detection = detectCardBrand(digits, EXTRA_CARDS);
    expect(detection.kind).toBe(kind);
    expect(detection.kind === 'known' ? detection.card.brand : null).toBe(brand);
  });

  it('lists the extra cards still possible before the built-in ones', () => {
    expect(detectCardBrand('603', EXTRA_CARDS)).toEqual({ kind: 'undecided', candidates: ['acme-gift', 'maestro'] });
    expect(detectCardBrand('40117', EXTRA_CARDS)).toEqual({
      kind: 'undecided',
      candidates: ['store-card', 'visa', 'elo'],
    });
  });

  it('fills in an extra card’s defaults: its brand as its name, groups of four, Luhn, no code', () => {
    expect(detectCardBrand('8899', EXTRA_CARDS)).toEqual({
      kind: 'known',
      card: {
        brand: 'bare',
        niceName: 'bare',
        lengths: [16],
        gaps: [4, 8, 12, 16],
        luhn: true,
        securityCode: null,
        isExtra: true,
      },
    });
  });

  it('an earlier definition does not shadow a longer prefix of a later one', () => {
    const broad: CardDefinition = { ...ACME_GIFT, brand: 'broad', prefixes: ['60'] };
    expect(detectCardBrand('6035', [broad, ACME_GIFT])).toMatchObject({ card: { brand: 'acme-gift' } });
    expect(detectCardBrand('6036', [broad, ACME_GIFT])).toMatchObject({ card: { brand: 'broad' } });
  });

  it('refuses malformed definitions', () => {
    expect(() => detectCardBrand('6035', [{ ...ACME_GIFT, lengths: [] }])).toThrow(/lengths/);
  });
});

describe('brandOf: a whole number', () => {
  /** Every (brand, length) of the table, with a Luhn-valid number from the first prefix that is that brand. */
  const cases = BUILT_IN_CARD_BRANDS.flatMap((brand) =>
    cardBrand(brand)!.lengths.map((length) => {
      const prefixes = creditCardType
        .getTypeInfo(brand)
        .patterns.map((pattern) => String(Array.isArray(pattern) ? pattern[0] : pattern));
      const number = prefixes.map((prefix) => cardNumber(prefix, length)).find((n) => brandOf(n) === brand);
      return { brand, length, number };
    }),
  );

  it.each(cases.filter(({ length }) => length >= 12))('$brand, $length digits', ({ brand, number }) => {
    expect(number, `no prefix of ${brand} gives a number that is ${brand}`).toBeDefined();
    expect(brandOf(number!)).toBe(brand);
    expect(brandOf(breakCheckDigit(number!))).toBeUndefined();
  });

  it.each([
    ['4222222222222', 'visa'],
    ['4111111111111111', 'visa'],
    ['378282246310005', 'american-express'],
    ['6362970000457013', 'elo'],
    ['0000000000000000', undefined],
    ['1234567890123452', undefined],
    ['42424242424242424242', undefined],
  ])('brandOf(%j) is %s', (digits, brand) => {
    expect(brandOf(digits)).toBe(brand);
  });

  it('asks every built-in brand for its check digit, UnionPay too', () => {
    expect(brandOf('6200000000000005')).toBe('unionpay');
    expect(brandOf('6200000000000006')).toBeUndefined();
  });

  it('takes extra cards first, with or without Luhn, the longest prefix winning', () => {
    expect(brandOf(cardNumber('401175', 16), EXTRA_CARDS)).toBe('store-card');
    expect(brandOf(cardNumber('401175', 16))).toBe('visa');
    expect(brandOf('7777123456789012346', EXTRA_CARDS)).toBe('coffee-gift');
    expect(brandOf('7777123456789012346')).toBeUndefined();
    expect(brandOf(breakCheckDigit(cardNumber('6035', 16)), EXTRA_CARDS)).toBeUndefined();
    expect(brandOf(cardNumber('6035', 15), EXTRA_CARDS)).toBe('maestro');
    const broad: CardDefinition = { ...ACME_GIFT, brand: 'broad', prefixes: ['60'] };
    expect(brandOf(cardNumber('6035', 16), [broad, ACME_GIFT])).toBe('acme-gift');
    expect(brandOf(cardNumber('6036', 16), [broad, ACME_GIFT])).toBe('broad');
  });
});

describe('cardBrand', () => {
  it('describes every built-in brand from the table', () => {
    for (const brand of BUILT_IN_CARD_BRANDS) {
      const [niceName, name, size] = BRAND_DETAILS[brand]!;
      const gaps = BRAND_GAPS[brand]!;
      expect(cardBrand(brand)).toMatchObject({ brand, niceName, gaps, securityCode: { name, size }, isExtra: false });
      expect(cardBrand(brand)!.lengths).toEqual(expect.arrayContaining(creditCardType.getTypeInfo(brand).lengths));
    }
  });

  it('is undefined for a brand nobody knows, and an extra card’s own for an extra brand', () => {
    expect(cardBrand('no-such-brand')).toBeUndefined();
    expect(cardBrand('constructor')).toBeUndefined();
    expect(cardBrand('__proto__')).toBeUndefined();
    expect(cardBrand('coffee-gift', EXTRA_CARDS)).toMatchObject({ niceName: 'Coffee Gift Card', luhn: false });
  });

  it('hands out built-in records that cannot be changed', () => {
    const visa = cardBrand('visa')!;
    expect(Object.isFrozen(visa) && Object.isFrozen(visa.gaps) && Object.isFrozen(visa.securityCode)).toBe(true);
  });
});

describe('an extra card, added once, is found whole and while typed (property)', () => {
  const definition = fc.record({
    prefix: fc.stringMatching(/^7[0-9]{3,5}$/),
    length: fc.integer({ min: 12, max: 19 }),
    luhn: fc.boolean(),
  });

  it('a number with its prefix and length is that card, whole and at every step of typing it', () => {
    fc.assert(
      fc.property(definition, fc.stringMatching(/^[0-9]{19}$/), ({ prefix, length, luhn }, rest) => {
        const card: CardDefinition = { brand: 'house-card', prefixes: [prefix], lengths: [length], luhn };
        const body = (prefix + rest).slice(0, length);
        const number = luhn ? cardNumber(body, length) : body;
        expect(brandOf(number, [card])).toBe('house-card');
        for (let typed = prefix.length; typed <= length; typed++) {
          expect(detectCardBrand(number.slice(0, typed), [card])).toMatchObject({ card: { brand: 'house-card' } });
        }
        // Before its prefix is complete, it is still one of the candidates.
        const partial = detectCardBrand(number.slice(0, prefix.length - 1), [card]);
        expect(partial.kind === 'undecided' && partial.candidates.includes('house-card')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
