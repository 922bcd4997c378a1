import cardValidator from 'card-validator';
import creditCardType from 'credit-card-type';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@chatpay/core';
import {
  BUILT_IN_CARD_BRANDS,
  CARD_FIELD_REASONS,
  DEFAULT_GAPS,
  detectCardBrand,
  expandYear,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  toAsciiDigits,
  validateCardholderName,
  validateCardNumber,
  validateExpiry,
  validatePostalCode,
  validateSecurityCode,
  type CardDefinition,
  type CardField,
  type CardFieldReason,
  type CardNumberOptions,
  type SecurityCodeRule,
} from '../src/card-fields/index.js';
import { cardNumber, checkDigit } from '../../../test-support/luhn.js';
// The gift card the card module's own tests use: one definition for both.
import { ACME_GIFT } from '../../cards/test/support.js';

// ---------------------------------------------------------------------------------------------------
// Helpers

/** `digits` with the last digit changed, so the Luhn check fails. */
function breakCheckDigit(digits: string): string {
  const last = Number(digits.at(-1));
  return digits.slice(0, -1) + String((last + 1) % 10);
}

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const fullWidth = (text: string): string =>
  text.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + FULL_WIDTH_OFFSET));
const arabicIndic = (text: string): string =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

/** A moment in the middle of `month` (1–12) of `year`, local time. */
const inMonth = (year: number, month: number): Date => new Date(year, month - 1, 15, 12);

/** A result with the fields that hold what was typed (by design) taken out. */
const DATA_FIELDS = new Set(['digits', 'formatted', 'groups', 'value', 'month', 'year']);
function withoutData(result: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([key]) => !DATA_FIELDS.has(key)));
}

/** What a security code rule looks like for each built-in brand, from credit-card-type. */
const typeInfo = (brand: string) => creditCardType.getTypeInfo(brand);

const STORE_CARD: CardDefinition = {
  brand: 'store-card',
  niceName: 'Store Card',
  // Inside Visa's '4' and Elo's '401178': extra cards are checked first.
  prefixes: [['401170', '401179']],
  lengths: [16],
  gaps: [4, 8, 12],
  luhn: true,
  securityCode: { name: 'CVV', size: 3 },
};
const COFFEE_GIFT: CardDefinition = {
  brand: 'coffee-gift',
  niceName: 'Coffee Gift Card',
  prefixes: ['7777'],
  lengths: [19],
  gaps: [4, 8, 12, 16],
  luhn: false,
  securityCode: { name: 'PIN', size: 8 },
};
const EXTRA_CARDS: readonly CardDefinition[] = [ACME_GIFT, STORE_CARD, COFFEE_GIFT];

// ---------------------------------------------------------------------------------------------------
// Card number

describe('validateCardNumber: one row per rule', () => {
  const visaOnly: CardNumberOptions = { acceptedBrands: ['visa'] };
  it.each<{
    name: string;
    input: string;
    options?: CardNumberOptions;
    isValid: boolean;
    isPotentiallyValid: boolean;
    reason: string | null;
    brand: string | null;
  }>([
    {
      name: 'a valid Visa',
      input: '4111111111111111',
      isValid: true,
      isPotentiallyValid: true,
      reason: null,
      brand: 'visa',
    },
    { name: 'nothing typed', input: '', isValid: false, isPotentiallyValid: true, reason: 'required', brand: null },
    { name: 'only spaces', input: '   ', isValid: false, isPotentiallyValid: true, reason: 'required', brand: null },
    {
      name: 'a letter',
      input: '4111 1111 1111 111a',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'invalid-characters',
      brand: 'visa',
    },
    {
      name: 'letters only',
      input: 'abcd',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'invalid-characters',
      brand: null,
    },
    {
      name: 'a slash',
      input: '4111/1111',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'invalid-characters',
      brand: 'visa',
    },
    {
      name: 'no brand starts with 1',
      input: '1234 5678 9012 3456',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'unknown-brand',
      brand: null,
    },
    {
      name: 'no brand starts with 0',
      input: '0',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'unknown-brand',
      brand: null,
    },
    {
      name: 'a Visa while typing',
      input: '4111 11',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: 'visa',
    },
    {
      name: 'a 13-digit Visa',
      input: '4222 2222 2222 2',
      isValid: true,
      isPotentiallyValid: true,
      reason: null,
      brand: 'visa',
    },
    {
      name: 'a Visa at 17 digits (18 and 19 exist)',
      input: cardNumber('4111', 17),
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: 'visa',
    },
    {
      name: 'an undecided brand',
      input: '5',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: null,
    },
    {
      name: 'a Visa with a bad check digit (longer Visas exist)',
      input: '4111 1111 1111 1112',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'luhn',
      brand: 'visa',
    },
    {
      name: 'a Mastercard with a bad check digit (16 is its only length)',
      input: '5555 5555 5555 4445',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'luhn',
      brand: 'mastercard',
    },
    {
      name: 'an Amex with a bad check digit',
      input: '3782 822463 10006',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'luhn',
      brand: 'american-express',
    },
    {
      name: '20 digits',
      input: '4111 1111 1111 1111 1111',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'wrong-length',
      brand: 'visa',
    },
    {
      name: 'a 16-digit Amex',
      input: '3782 822463 100051',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'wrong-length',
      brand: 'american-express',
    },
    {
      name: 'an Amex when only Visa is taken',
      input: '378282246310005',
      options: visaOnly,
      isValid: false,
      isPotentiallyValid: false,
      reason: 'brand-not-accepted',
      brand: 'american-express',
    },
    {
      name: 'an Amex begun when only Visa is taken',
      input: '37',
      options: visaOnly,
      isValid: false,
      isPotentiallyValid: false,
      reason: 'brand-not-accepted',
      brand: 'american-express',
    },
    {
      name: '3 when no brand starting with 3 is taken',
      input: '3',
      options: visaOnly,
      isValid: false,
      isPotentiallyValid: false,
      reason: 'brand-not-accepted',
      brand: null,
    },
    {
      name: '3 when Amex is taken',
      input: '3',
      options: { acceptedBrands: ['american-express'] },
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: null,
    },
    {
      name: 'a Visa when Visa is taken',
      input: '4242424242424242',
      options: visaOnly,
      isValid: true,
      isPotentiallyValid: true,
      reason: null,
      brand: 'visa',
    },
    {
      name: 'nothing typed with accepted brands',
      input: '',
      options: visaOnly,
      isValid: false,
      isPotentiallyValid: true,
      reason: 'required',
      brand: null,
    },
    {
      name: 'anything when no brand is taken',
      input: '4111111111111111',
      options: { acceptedBrands: [] },
      isValid: false,
      isPotentiallyValid: false,
      reason: 'brand-not-accepted',
      brand: 'visa',
    },
  ])('$name → $reason', ({ input, options, isValid, isPotentiallyValid, reason, brand }) => {
    const result = validateCardNumber(input, options);
    expect(result).toMatchObject({ isValid, isPotentiallyValid, reason, brand });
  });
});

describe('validateCardNumber: while typing', () => {
  const typed = '4111 1111 1111 1111';
  it.each([...typed].map((_, index) => typed.slice(0, index + 1)))('%j is potentially valid', (input) => {
    const result = validateCardNumber(input);
    expect(result.isPotentiallyValid).toBe(true);
    expect(result.isValid).toBe(input === typed);
    expect(result.formatted).toBe(input.trimEnd());
  });

  it.each([
    ['3', null, ['3']],
    ['37', 'american-express', ['37']],
    ['3782 82', 'american-express', ['3782', '82']],
    ['3782 8224 6', 'american-express', ['3782', '82246']],
    ['3782822463100', 'american-express', ['3782', '822463', '100']],
  ])('%j: brand %s, groups %j', (input, brand, groups) => {
    expect(validateCardNumber(input)).toMatchObject({ brand, groups, isPotentiallyValid: true });
  });
});

describe('validateCardNumber: every brand credit-card-type knows', () => {
  /** Every (brand, length), with a Luhn-valid number from the first of the brand's prefixes that detects as it. */
  const cases = BUILT_IN_CARD_BRANDS.flatMap((brand) => {
    const info = typeInfo(brand);
    return info.lengths.map((length) => {
      const prefixes = info.patterns.map((pattern) => String(Array.isArray(pattern) ? pattern[0] : pattern));
      const number = prefixes
        .map((prefix) => cardNumber(prefix, length))
        .find((candidate) => validateCardNumber(candidate).brand === brand);
      return { brand, length, number };
    });
  });

  it('covers the fifteen brands of credit-card-type 10', () => {
    expect(new Set(cases.map(({ brand }) => brand)).size).toBe(BUILT_IN_CARD_BRANDS.length);
    expect(BUILT_IN_CARD_BRANDS).toHaveLength(15);
  });

  it.each(cases)('$brand, $length digits: detected and valid', ({ brand, length, number }) => {
    expect(number, `no prefix of ${brand} generates a number detected as ${brand}`).toBeDefined();
    const info = typeInfo(brand);
    const result = validateCardNumber(number!);
    expect(result).toMatchObject({
      isValid: true,
      isPotentiallyValid: true,
      reason: null,
      brand,
      niceName: info.niceType,
      securityCode: { name: info.code.name, size: info.code.size },
      digits: number,
      gaps: info.gaps,
      maxLength: Math.max(...info.lengths),
    });
    expect(result.groups.join('')).toBe(number);
    expect(result.groups.map((group) => group.length)).toEqual(
      [...info.gaps.filter((gap) => gap < length), length].map((end, i, ends) => end - (ends[i - 1] ?? 0)),
    );
  });

  it.each(cases.filter(({ brand }) => brand !== 'unionpay'))(
    '$brand, $length digits: a bad check digit fails Luhn',
    ({ brand, number }) => {
      expect(validateCardNumber(breakCheckDigit(number!))).toMatchObject({ isValid: false, reason: 'luhn', brand });
    },
  );

  it('does not check UnionPay check digits, as card-validator does not', () => {
    const number = breakCheckDigit(cardNumber('620', 16));
    expect(cardValidator.number(number).isValid).toBe(true);
    expect(validateCardNumber(number)).toMatchObject({ brand: 'unionpay', isValid: true });
  });

  it.each([
    ['visa', '4111111111111111', '4111 1111 1111 1111', 'CVV', 3],
    ['visa', '4242424242424242', '4242 4242 4242 4242', 'CVV', 3],
    ['visa', '4012888888881881', '4012 8888 8888 1881', 'CVV', 3],
    ['mastercard', '5555555555554444', '5555 5555 5555 4444', 'CVC', 3],
    ['mastercard', '5105105105105100', '5105 1051 0510 5100', 'CVC', 3],
    ['mastercard', '2223003122003222', '2223 0031 2200 3222', 'CVC', 3],
    ['american-express', '378282246310005', '3782 822463 10005', 'CID', 4],
    ['american-express', '371449635398431', '3714 496353 98431', 'CID', 4],
    ['diners-club', '30569309025904', '3056 930902 5904', 'CVV', 3],
    ['diners-club', '38520000023237', '3852 000002 3237', 'CVV', 3],
    ['discover', '6011111111111117', '6011 1111 1111 1117', 'CID', 3],
    ['discover', '6011000990139424', '6011 0009 9013 9424', 'CID', 3],
    ['jcb', '3530111333300000', '3530 1113 3330 0000', 'CVV', 3],
    ['jcb', '3566002020360505', '3566 0020 2036 0505', 'CVV', 3],
    ['unionpay', '6200000000000005', '6200 0000 0000 0005', 'CVN', 3],
    ['maestro', '6759649826438453', '6759 6498 2643 8453', 'CVC', 3],
    ['elo', '6362970000457013', '6362 9700 0045 7013', 'CVE', 3],
    ['hiper', '6370950000000005', '6370 9500 0000 0005', 'CVC', 3],
    ['hipercard', '6062826786276634', '6062 8267 8627 6634', 'CVC', 3],
    ['naranja', '5895626746595650', '5895 6267 4659 5650', 'CVV', 3],
  ])('published test number of %s %s', (brand, number, formatted, name, size) => {
    expect(validateCardNumber(number)).toMatchObject({ isValid: true, brand, formatted, securityCode: { name, size } });
  });
});

describe('validateCardNumber: brand switching', () => {
  it.each<[string, string | null, string[], SecurityCodeRule | undefined]>([
    ['', null, [], undefined],
    ['3', null, ['3'], undefined],
    ['34', 'american-express', ['34'], { name: 'CID', size: 4 }],
    ['3412 345678 90123', 'american-express', ['3412', '345678', '90123'], { name: 'CID', size: 4 }],
    ['4412 3456 7890 123', 'visa', ['4412', '3456', '7890', '123'], { name: 'CVV', size: 3 }],
    ['5412 3456 7890 123', 'mastercard', ['5412', '3456', '7890', '123'], { name: 'CVC', size: 3 }],
    ['3612 345678 9012', 'diners-club', ['3612', '345678', '9012'], { name: 'CVV', size: 3 }],
    ['6011 1234 5678 9012 345', 'discover', ['6011', '1234', '5678', '9012345'], { name: 'CID', size: 3 }],
    ['2200 1234', 'mir', ['2200', '1234'], { name: 'CVP2', size: 3 }],
  ])('%j → %s, groups %j, code %j', (input, brand, groups, securityCode) => {
    const result = validateCardNumber(input);
    expect(result.brand).toBe(brand);
    expect(result.groups).toEqual(groups);
    expect(result.securityCode).toEqual(securityCode);
    expect('securityCode' in result).toBe(securityCode !== undefined);
  });

  it('the code field follows the brand: 4 digits fit an Amex, not a Visa', () => {
    const amex = validateCardNumber('378282246310005');
    const visa = validateCardNumber('4111111111111111');
    expect(validateSecurityCode('1234', amex.securityCode)).toMatchObject({ isValid: true });
    expect(validateSecurityCode('1234', visa.securityCode)).toMatchObject({ isValid: false, reason: 'wrong-length' });
    expect(validateSecurityCode('123', visa.securityCode)).toMatchObject({ isValid: true });
    expect(validateSecurityCode('123', amex.securityCode)).toMatchObject({ isValid: false, reason: 'incomplete' });
  });

  it('an undecided number uses groups of four and up to 19 digits', () => {
    expect(validateCardNumber('6')).toMatchObject({ brand: null, gaps: DEFAULT_GAPS, maxLength: 19 });
  });
});

describe('validateCardNumber: pasted and unusual input', () => {
  const visa = '4111111111111111';
  const amex = '378282246310005';
  const styles: readonly [string, (groups: readonly string[]) => string][] = [
    ['spaces', (groups) => groups.join(' ')],
    ['no separators', (groups) => groups.join('')],
    ['dashes', (groups) => groups.join('-')],
    ['dots', (groups) => groups.join('.')],
    ['en dashes', (groups) => groups.join('\u2013')],
    ['minus signs', (groups) => groups.join('\u2212')],
    ['no-break spaces', (groups) => groups.join('\u00a0')],
    ['narrow no-break spaces', (groups) => groups.join('\u202f')],
    ['tabs and line breaks', (groups) => groups.join('\t\r\n')],
    ['surrounding white space', (groups) => `  ${groups.join(' ')}\n`],
    ['zero-width spaces', (groups) => groups.join('\u200b')],
    ['direction marks around it', (groups) => `\u200e${groups.join(' ')}\u200f`],
    ['a byte-order mark', (groups) => `\ufeff${groups.join(' ')}`],
    ['double spaces', (groups) => groups.join('  ')],
    ['full-width digits', (groups) => fullWidth(groups.join(''))],
    ['full-width digits, ideographic spaces', (groups) => fullWidth(groups.join('\u3000'))],
    ['full-width digits, full-width hyphens', (groups) => fullWidth(groups.join('\uff0d'))],
    ['Arabic-Indic digits', (groups) => arabicIndic(groups.join(' '))],
    ['Devanagari digits', (groups) => groups.join(' ').replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)))],
  ];
  it.each(
    styles.flatMap(([style, write]) => [
      { style, digits: visa, input: write(['4111', '1111', '1111', '1111']), formatted: '4111 1111 1111 1111' },
      { style, digits: amex, input: write(['3782', '822463', '10005']), formatted: '3782 822463 10005' },
    ]),
  )('$style: $formatted', ({ digits, input, formatted }) => {
    expect(validateCardNumber(input)).toMatchObject({ isValid: true, digits, formatted });
  });

  it('a number pasted in the Amex grouping but of a Visa is regrouped 4-4-4-4', () => {
    expect(validateCardNumber('4111 111111 111111').formatted).toBe('4111 1111 1111 1111');
  });

  it.each(['Card: 4111 1111 1111 1111', '4111 1111 1111 1111 exp 12/30', '4111,1111,1111,1111', '+4111111111111111'])(
    'text around a number is refused: %j',
    (input) => {
      expect(validateCardNumber(input)).toMatchObject({
        isValid: false,
        isPotentiallyValid: false,
        reason: 'invalid-characters',
      });
    },
  );
});

describe('validateCardNumber: extra card definitions', () => {
  const options: CardNumberOptions = { extraCards: EXTRA_CARDS };

  it.each([
    {
      name: 'a Luhn-checked gift card',
      input: cardNumber('6035', 16),
      brand: 'acme-gift',
      niceName: 'Acme Gift Card',
      securityCode: null,
    },
    {
      name: 'a range prefix inside Visa and Elo',
      input: cardNumber('401175', 16),
      brand: 'store-card',
      niceName: 'Store Card',
      securityCode: { name: 'CVV', size: 3 },
    },
    {
      name: 'the top of the range',
      input: cardNumber('401179', 16),
      brand: 'store-card',
      niceName: 'Store Card',
      securityCode: { name: 'CVV', size: 3 },
    },
    {
      name: 'a gift card without Luhn and with a PIN',
      input: '7777 1234 5678 9012 345',
      brand: 'coffee-gift',
      niceName: 'Coffee Gift Card',
      securityCode: { name: 'PIN', size: 8 },
    },
  ])('$name is recognised and valid', ({ input, brand, niceName, securityCode }) => {
    expect(validateCardNumber(input, options)).toMatchObject({ isValid: true, brand, niceName, securityCode });
  });

  it('without the definitions the same numbers are other brands or none', () => {
    expect(validateCardNumber(cardNumber('401175', 16)).brand).toBe('visa');
    expect(validateCardNumber(cardNumber('401179', 16)).brand).toBe('elo');
    expect(validateCardNumber(cardNumber('6035', 16)).brand).toBe('maestro');
    expect(validateCardNumber('7777 1234 5678 9012 345')).toMatchObject({ reason: 'unknown-brand' });
  });

  it.each([
    {
      name: 'a Luhn gift card with a bad check digit',
      input: breakCheckDigit(cardNumber('6035', 16)),
      isValid: false,
      isPotentiallyValid: false,
      reason: 'luhn',
      brand: 'acme-gift',
    },
    {
      name: 'a gift card without Luhn takes any check digit',
      input: '7777 1234 5678 9012 346',
      isValid: true,
      isPotentiallyValid: true,
      reason: null,
      brand: 'coffee-gift',
    },
    {
      name: 'a gift card being typed',
      input: '7777 1234',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: 'coffee-gift',
    },
    {
      name: 'a gift card too long',
      input: '7777 1234 5678 9012 3456',
      isValid: false,
      isPotentiallyValid: false,
      reason: 'wrong-length',
      brand: 'coffee-gift',
    },
    {
      name: 'a prefix not finished: gift card or Maestro',
      input: '603',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: null,
    },
    {
      name: 'a range prefix not finished: store card or Visa',
      input: '40117',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: null,
    },
    {
      name: 'a prefix not finished, nothing built in',
      input: '777',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: null,
    },
    {
      name: 'past the range: back to Visa',
      input: '4011 8',
      isValid: false,
      isPotentiallyValid: true,
      reason: 'incomplete',
      brand: 'visa',
    },
  ])('$name → $reason', ({ input, isValid, isPotentiallyValid, reason, brand }) => {
    expect(validateCardNumber(input, options)).toMatchObject({ isValid, isPotentiallyValid, reason, brand });
  });

  it('gaps come from the definition', () => {
    expect(validateCardNumber('7777123456789012345', options)).toMatchObject({
      groups: ['7777', '1234', '5678', '9012', '345'],
      formatted: '7777 1234 5678 9012 345',
      maxLength: 19,
    });
  });

  it.each([
    [['acme-gift'], cardNumber('6035', 16), true, null],
    [['visa'], cardNumber('6035', 16), false, 'brand-not-accepted'],
    [['acme-gift'], '4111111111111111', false, 'brand-not-accepted'],
    [['visa'], '777', false, 'brand-not-accepted'],
    [['coffee-gift'], '777', false, 'incomplete'],
    [['visa'], '40117', false, 'incomplete'],
  ])('accepted %j: %s', (acceptedBrands, input, isValid, reason) => {
    expect(validateCardNumber(input, { ...options, acceptedBrands })).toMatchObject({ isValid, reason });
  });

  it('the card field and the code field agree on a PIN and on no code at all', () => {
    const coffee = validateCardNumber('7777123456789012345', options);
    expect(validateSecurityCode('12345678', coffee.securityCode)).toMatchObject({ isValid: true });
    expect(validateSecurityCode('1234', coffee.securityCode)).toMatchObject({ isValid: false, reason: 'incomplete' });
    const acme = validateCardNumber(cardNumber('6035', 16), options);
    expect(validateSecurityCode('', acme.securityCode)).toMatchObject({ isValid: true });
    expect(validateSecurityCode('123', acme.securityCode)).toMatchObject({ isValid: false, reason: 'wrong-length' });
  });

  it("leaves credit-card-type's and card-validator's shared tables alone", () => {
    const before = JSON.stringify(creditCardType(''));
    validateCardNumber('7777123456789012345', options);
    detectCardBrand(cardNumber('6035', 16), EXTRA_CARDS);
    expect(JSON.stringify(creditCardType(''))).toBe(before);
    expect(creditCardType('7777').map((type) => type.type)).toEqual([]);
    expect(cardValidator.number(cardNumber('401175', 16)).card?.type).toBe('visa');
  });

  it('an earlier definition does not shadow a longer prefix of a later one', () => {
    const broad: CardDefinition = { ...ACME_GIFT, brand: 'broad', prefixes: ['60'] };
    expect(validateCardNumber(cardNumber('6035', 16), { extraCards: [broad, ACME_GIFT] }).brand).toBe('acme-gift');
    expect(validateCardNumber(cardNumber('6036', 16), { extraCards: [broad, ACME_GIFT] }).brand).toBe('broad');
  });

  it.each<[string, Partial<CardDefinition>]>([
    ['an empty brand', { brand: '' }],
    ['a built-in brand', { brand: 'visa' }],
    ['no prefixes', { prefixes: [] }],
    ['a prefix with a letter', { prefixes: ['60a'] }],
    ['a range of unequal lengths', { prefixes: [['60', '699']] }],
    ['a range upside down', { prefixes: [['69', '60']] }],
    ['no lengths', { lengths: [] }],
    ['a length over 19', { lengths: [20] }],
    ['gaps out of order', { gaps: [8, 4] }],
    ['a code of size 0', { securityCode: { name: 'CVV', size: 0 } }],
    ['a code without a name', { securityCode: { name: '', size: 3 } }],
  ])('refuses a definition with %s', (_, change) => {
    expect(() => validateCardNumber('6035', { extraCards: [{ ...ACME_GIFT, ...change }] })).toThrow(ConfigError);
  });

  it('refuses two definitions of one brand', () => {
    expect(() => validateCardNumber('6035', { extraCards: [ACME_GIFT, ACME_GIFT] })).toThrow(ConfigError);
  });
});

describe('card number helpers', () => {
  it.each([
    ['4111111111111111', [4, 8, 12], '4111 1111 1111 1111'],
    ['378282246310005', [4, 10], '3782 822463 10005'],
    ['3782', [4, 10], '3782'],
    ['37828', [4, 10], '3782 8'],
    ['4111111111111111111', [4, 8, 12], '4111 1111 1111 1111111'],
    ['', [4, 8, 12], ''],
  ])('formatCardNumber(%j, %j) is %j', (digits, gaps, formatted) => {
    expect(formatCardNumber(digits, gaps)).toBe(formatted);
  });
});

// ---------------------------------------------------------------------------------------------------
// Expiry

describe('validateExpiry: formats', () => {
  const now = inMonth(2025, 6);
  it.each([
    ['12/30', 12, 2030],
    ['12 / 30', 12, 2030],
    ['12/ 30', 12, 2030],
    ['1230', 12, 2030],
    ['1/30', 1, 2030],
    ['01/30', 1, 2030],
    ['0130', 1, 2030],
    ['530', 5, 2030],
    ['12/2030', 12, 2030],
    ['122030', 12, 2030],
    ['1/2030', 1, 2030],
    ['12-30', 12, 2030],
    ['12.30', 12, 2030],
    ['12 30', 12, 2030],
    ['  12/30  ', 12, 2030],
    ['１２／３０', 12, 2030],
    ['٠٧/٢٨', 7, 2028],
  ])('%j is %i/%i', (input, month, year) => {
    expect(validateExpiry(input, now)).toEqual({ isValid: true, isPotentiallyValid: true, reason: null, month, year });
  });
});

describe('validateExpiry: one row per rule (in June 2025)', () => {
  const now = inMonth(2025, 6);
  it.each<[string, boolean, boolean, string | null]>([
    ['06/25', true, true, null],
    ['', false, true, 'required'],
    ['   ', false, true, 'required'],
    ['ab/cd', false, false, 'invalid-characters'],
    ['12/30x', false, false, 'invalid-characters'],
    ['12/30/1', false, false, 'invalid-characters'],
    ['0', false, true, 'incomplete'],
    ['1', false, true, 'incomplete'],
    ['5', false, true, 'incomplete'],
    ['12', false, true, 'incomplete'],
    ['12/', false, true, 'incomplete'],
    ['12/3', false, true, 'incomplete'],
    ['123', false, true, 'incomplete'],
    ['12/203', false, true, 'incomplete'],
    ['12/204', false, true, 'incomplete'],
    ['00/30', false, false, 'invalid-month'],
    ['13/30', false, false, 'invalid-month'],
    ['19/30', false, false, 'invalid-month'],
    ['1330', false, false, 'invalid-month'],
    // The two month digits as the form's mask takes them, before any year: refused at once.
    ['00', false, false, 'invalid-month'],
    ['13', false, false, 'invalid-month'],
    ['19/', false, false, 'invalid-month'],
    ['0/30', false, false, 'invalid-month'],
    ['/30', false, false, 'invalid-month'],
    ['123/30', false, false, 'invalid-month'],
    ['12/20301', false, false, 'wrong-length'],
    ['1220301', false, false, 'wrong-length'],
    ['05/25', false, false, 'in-the-past'],
    ['12/24', false, false, 'in-the-past'],
    ['12/2024', false, false, 'in-the-past'],
    ['12/199', false, false, 'in-the-past'],
    ['12/80', false, false, 'in-the-past'],
    ['12/20', false, true, 'in-the-past'],
    ['07/45', false, false, 'too-far-ahead'],
    ['12/2046', false, false, 'too-far-ahead'],
    ['12/74', false, false, 'too-far-ahead'],
    ['12/205', false, false, 'too-far-ahead'],
    ['12/9999', false, false, 'too-far-ahead'],
  ])('%j → valid %s, potentially %s, %s', (input, isValid, isPotentiallyValid, reason) => {
    expect(validateExpiry(input, now)).toMatchObject({ isValid, isPotentiallyValid, reason });
  });

  it('gives the month and year once both are complete, also when out of range', () => {
    expect(validateExpiry('05/25', now)).toMatchObject({ month: 5, year: 2025 });
    expect(validateExpiry('12/3', now)).toMatchObject({ month: null, year: null });
  });
});

describe('validateExpiry: month and year boundaries', () => {
  it.each<[string, Date, string, boolean, string | null]>([
    ['this month, first instant', new Date(2025, 5, 1, 0, 0, 0), '06/25', true, null],
    ['this month, last instant', new Date(2025, 5, 30, 23, 59, 59, 999), '06/25', true, null],
    ['last month', inMonth(2025, 6), '05/25', false, 'in-the-past'],
    ['next month', inMonth(2025, 6), '07/25', true, null],
    ['December: December still valid', new Date(2025, 11, 31, 23, 59, 59), '12/25', true, null],
    ['December: November past', new Date(2025, 11, 31, 23, 59, 59), '11/25', false, 'in-the-past'],
    ['December: January next year valid', new Date(2025, 11, 31, 23, 59, 59), '01/26', true, null],
    ['January: last December past', new Date(2026, 0, 1, 0, 0, 0), '12/25', false, 'in-the-past'],
    ['January: this January valid', new Date(2026, 0, 1, 0, 0, 0), '01/26', true, null],
    ['January: 20 years ahead valid', new Date(2026, 0, 1, 0, 0, 0), '01/46', true, null],
    ['January: 20 years and a month too far', new Date(2026, 0, 1, 0, 0, 0), '02/46', false, 'too-far-ahead'],
    ['December: 20 years ahead valid', new Date(2025, 11, 31), '12/2045', true, null],
    ['December: 20 years and a month too far', new Date(2025, 11, 31), '01/2046', false, 'too-far-ahead'],
    ['June: 20 years ahead valid', inMonth(2025, 6), '06/45', true, null],
    ['June: a four-digit year 20 years ahead', inMonth(2025, 6), '06/2045', true, null],
    ['late in a century, two digits wrap', inMonth(2095, 6), '01/01', true, null],
    ['late in a century, four digits', inMonth(2095, 6), '01/2101', true, null],
  ])('%s: %s', (_, now, input, isValid, reason) => {
    expect(validateExpiry(input, now)).toMatchObject({ isValid, reason });
  });

  it('takes another limit', () => {
    const now = inMonth(2025, 6);
    expect(validateExpiry('06/30', now, { maxYearsAhead: 5 })).toMatchObject({ isValid: true });
    expect(validateExpiry('07/30', now, { maxYearsAhead: 5 })).toMatchObject({ reason: 'too-far-ahead' });
    expect(validateExpiry('06/25', now, { maxYearsAhead: 0 })).toMatchObject({ isValid: true });
    expect(validateExpiry('07/25', now, { maxYearsAhead: 0 })).toMatchObject({ reason: 'too-far-ahead' });
  });

  it('reads the system clock when no date is given', () => {
    const today = new Date();
    expect(validateExpiry(formatExpiry(today.getMonth() + 1, today.getFullYear())).isValid).toBe(true);
    expect(validateExpiry(formatExpiry(today.getMonth() + 1, today.getFullYear() - 1)).isValid).toBe(false);
  });

  it.each<[string, () => unknown]>([
    ['an invalid date', () => validateExpiry('12/30', new Date(Number.NaN))],
    ['a negative limit', () => validateExpiry('12/30', inMonth(2025, 6), { maxYearsAhead: -1 })],
    ['a fractional limit', () => validateExpiry('12/30', inMonth(2025, 6), { maxYearsAhead: 1.5 })],
  ])('refuses %s', (_, call) => {
    expect(call).toThrow(ConfigError);
  });
});

describe('expiry helpers', () => {
  it.each([
    ['12/30', { month: '12', year: '30', separated: true }],
    ['1230', { month: '12', year: '30', separated: false }],
    ['530', { month: '5', year: '30', separated: false }],
    ['12 / 2030', { month: '12', year: '2030', separated: true }],
    ['12/', { month: '12', year: '', separated: true }],
    ['12x', null],
  ])('parseExpiry(%j)', (input, parts) => {
    expect(parseExpiry(input)).toEqual(parts);
  });

  it.each([
    [30, 2025, 2030],
    [74, 2025, 2074],
    [75, 2025, 1975],
    [0, 2025, 2000],
    [1, 2095, 2101],
    [99, 2001, 1999],
  ])('expandYear(%i, %i) is %i', (twoDigits, currentYear, year) => {
    expect(expandYear(twoDigits, currentYear)).toBe(year);
  });

  it.each([
    [1, 2030, '01/30'],
    [12, 2005, '12/05'],
    [7, 2100, '07/00'],
  ])('formatExpiry(%i, %i) is %j', (month, year, text) => {
    expect(formatExpiry(month, year)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------------
// Security code

describe('validateSecurityCode', () => {
  const cvv: SecurityCodeRule = { name: 'CVV', size: 3 };
  const cid: SecurityCodeRule = { name: 'CID', size: 4 };
  const pin: SecurityCodeRule = { name: 'PIN', size: 6 };
  it.each<[string, string, SecurityCodeRule | null | undefined, boolean, boolean, string | null]>([
    ['a CVV', '123', cvv, true, true, null],
    ['a CID', '1234', cid, true, true, null],
    ['a PIN', '123456', pin, true, true, null],
    ['white space around it', ' 123 ', cvv, true, true, null],
    ['full-width digits', '１２３', cvv, true, true, null],
    ['nothing', '', cvv, false, true, 'required'],
    ['spaces only', '  ', cvv, false, true, 'required'],
    ['a CVV begun', '12', cvv, false, true, 'incomplete'],
    ['a CID begun', '123', cid, false, true, 'incomplete'],
    ['a PIN begun', '1234', pin, false, true, 'incomplete'],
    ['four digits for a CVV', '1234', cvv, false, false, 'wrong-length'],
    ['a letter', '12a', cvv, false, false, 'invalid-characters'],
    ['a space inside', '1 23', cvv, false, false, 'invalid-characters'],
    ['a dash', '12-3', cvv, false, false, 'invalid-characters'],
    ['unknown brand, 3 digits', '123', undefined, true, true, null],
    ['unknown brand, 4 digits', '1234', undefined, true, true, null],
    ['unknown brand, 2 digits', '12', undefined, false, true, 'incomplete'],
    ['unknown brand, 5 digits', '12345', undefined, false, false, 'wrong-length'],
    ['unknown brand, nothing', '', undefined, false, true, 'required'],
    ['no code on the card, nothing', '', null, true, true, null],
    ['no code on the card, a digit', '1', null, false, false, 'wrong-length'],
  ])('%s', (_, input, rule, isValid, isPotentiallyValid, reason) => {
    expect(validateSecurityCode(input, rule)).toMatchObject({ isValid, isPotentiallyValid, reason });
  });

  it('gives the ASCII digits', () => {
    expect(validateSecurityCode('١٢٣٤', cid).digits).toBe('1234');
  });
});

// ---------------------------------------------------------------------------------------------------
// Cardholder name

describe('validateCardholderName', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['X', 'X'],
    ["Seán O'Brien", "Seán O'Brien"],
    ['Dara O’Connor', 'Dara O’Connor'],
    ['Anne-Marie Dupont', 'Anne-Marie Dupont'],
    ['J. R. R. Tolkien', 'J. R. R. Tolkien'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['Jose\u0301 A\u0301lvarez', 'José Álvarez'],
    ['山田 太郎', '山田 太郎'],
    ['Анна Каренина', 'Анна Каренина'],
    ['محمد علي', 'محمد علي'],
    ['मोहनदास गांधी', 'मोहनदास गांधी'],
    ['مهر\u200cناز', 'مهر\u200cناز'],
    ['ʻIolani Kahananui', 'ʻIolani Kahananui'],
    ['  Jane \t  Doe  ', 'Jane Doe'],
    ['𠀀'.repeat(200), '𠀀'.repeat(200)],
  ])('%j is a name', (input, value) => {
    expect(validateCardholderName(input)).toEqual({ isValid: true, isPotentiallyValid: true, reason: null, value });
  });

  it.each<[string, string, boolean, string]>([
    ['nothing', '', true, 'required'],
    ['spaces', '   ', true, 'required'],
    ['201 characters', 'a'.repeat(201), false, 'too-long'],
    ['a card number', '4111 1111 1111 1111', false, 'card-number-like'],
    ['a dashed card number', '4111-1111-1111-1111', false, 'card-number-like'],
    ['digits only', '12345', false, 'card-number-like'],
    ['one digit', '7', false, 'card-number-like'],
    ['full-width digits', '４１１１ １１１１', false, 'card-number-like'],
    ['a name and a card number', 'Jane Doe 4111111111111111', false, 'card-number-like'],
    ['a name and a spaced card number', 'Jane 4111 1111 1111', false, 'card-number-like'],
    ['a name and a digit', 'Jane Doe 3', false, 'invalid-characters'],
    ['an at sign', 'jane@doe', false, 'invalid-characters'],
    ['an underscore', 'Jane_Doe', false, 'invalid-characters'],
    ['markup', '<b>Jane</b>', false, 'invalid-characters'],
    ['an emoji', 'Jane 🙂', false, 'invalid-characters'],
    ['a comma', 'Doe, Jane', false, 'invalid-characters'],
    ['a hyphen alone', '-', true, 'incomplete'],
    ['a period alone', '.', true, 'incomplete'],
  ])('%s → %s', (_, input, isPotentiallyValid, reason) => {
    expect(validateCardholderName(input)).toMatchObject({ isValid: false, isPotentiallyValid, reason });
  });
});

// ---------------------------------------------------------------------------------------------------
// Postal code

describe('validatePostalCode', () => {
  it.each([
    ['SW1A 1AA', 'SW1A 1AA'],
    ['K1A 0B1', 'K1A 0B1'],
    ['1000-205', '1000-205'],
    ['75008', '75008'],
    ['123', '123'],
    ['ABCDEFGHIJ', 'ABCDEFGHIJ'],
    ['  90210 ', '90210'],
    ['SW1A   1AA', 'SW1A 1AA'],
    ['１２３４５', '12345'],
    ['ｓｗ１ａ', 'sw1a'],
    ['1000\u2013205', '1000-205'],
  ])('%j is a postal code', (input, value) => {
    expect(validatePostalCode(input)).toEqual({ isValid: true, isPotentiallyValid: true, reason: null, value });
  });

  it('is optional unless required', () => {
    expect(validatePostalCode('')).toMatchObject({ isValid: true, reason: null });
    expect(validatePostalCode('  ')).toMatchObject({ isValid: true, reason: null });
    expect(validatePostalCode('', { required: true })).toMatchObject({
      isValid: false,
      isPotentiallyValid: true,
      reason: 'required',
    });
  });

  it.each<[string, string, boolean, string]>([
    ['11 letters and digits', 'ABCDEFGHIJK', false, 'too-long'],
    ['11 with a space', 'ABCDE FGHIJK', false, 'too-long'],
    ['two characters', '12', true, 'incomplete'],
    ['a trailing hyphen', '1000-', true, 'incomplete'],
    ['a leading hyphen', '-1000', false, 'invalid-characters'],
    ['two hyphens', '12--34', false, 'invalid-characters'],
    ['a space and a hyphen', '12 -34', false, 'invalid-characters'],
    ['an underscore', '12_34', false, 'invalid-characters'],
    ['an umlaut', 'ÄÖ123', false, 'invalid-characters'],
    ['a hyphen alone', '-', false, 'invalid-characters'],
  ])('%s → %s', (_, input, isPotentiallyValid, reason) => {
    expect(validatePostalCode(input)).toMatchObject({ isValid: false, isPotentiallyValid, reason });
  });
});

// ---------------------------------------------------------------------------------------------------
// Across fields: reasons and what results may hold

/** One input per field and reason, run through that field's check. */
const REASON_EXAMPLES: Record<CardField, Partial<Record<CardFieldReason, () => { reason: string | null }>>> = {
  'card-number': {
    required: () => validateCardNumber(''),
    'invalid-characters': () => validateCardNumber('4111 1111 1111 111x'),
    'unknown-brand': () => validateCardNumber('1234 5678 9012 3456'),
    'brand-not-accepted': () => validateCardNumber('378282246310005', { acceptedBrands: ['visa'] }),
    incomplete: () => validateCardNumber('4111 1111'),
    'wrong-length': () => validateCardNumber('4111 1111 1111 1111 1111'),
    luhn: () => validateCardNumber('4111 1111 1111 1112'),
  },
  expiry: {
    required: () => validateExpiry('', inMonth(2025, 6)),
    'invalid-characters': () => validateExpiry('12/3O', inMonth(2025, 6)),
    incomplete: () => validateExpiry('12/3', inMonth(2025, 6)),
    'invalid-month': () => validateExpiry('13/30', inMonth(2025, 6)),
    'wrong-length': () => validateExpiry('12/20300', inMonth(2025, 6)),
    'in-the-past': () => validateExpiry('05/25', inMonth(2025, 6)),
    'too-far-ahead': () => validateExpiry('07/45', inMonth(2025, 6)),
  },
  'security-code': {
    required: () => validateSecurityCode('', { name: 'CVV', size: 3 }),
    'invalid-characters': () => validateSecurityCode('12a', { name: 'CVV', size: 3 }),
    incomplete: () => validateSecurityCode('12', { name: 'CVV', size: 3 }),
    'wrong-length': () => validateSecurityCode('1234', { name: 'CVV', size: 3 }),
  },
  'cardholder-name': {
    required: () => validateCardholderName(''),
    'too-long': () => validateCardholderName('a'.repeat(201)),
    'card-number-like': () => validateCardholderName('4111 1111 1111 1111'),
    'invalid-characters': () => validateCardholderName('jane@doe'),
    incomplete: () => validateCardholderName('-'),
  },
  'postal-code': {
    required: () => validatePostalCode('', { required: true }),
    'invalid-characters': () => validatePostalCode('12_34'),
    'too-long': () => validatePostalCode('ABCDEFGHIJK'),
    incomplete: () => validatePostalCode('12'),
  },
};

describe('reasons', () => {
  const rows = Object.entries(CARD_FIELD_REASONS).flatMap(([field, reasons]) =>
    reasons.map((reason) => ({ field: field as CardField, reason })),
  );
  it.each(rows)('$field gives $reason', ({ field, reason }) => {
    const example = REASON_EXAMPLES[field][reason];
    expect(example, `no example of ${field} ${reason}`).toBeDefined();
    expect(example!().reason).toBe(reason);
  });

  it('lists no example of a reason the field does not declare', () => {
    for (const [field, examples] of Object.entries(REASON_EXAMPLES)) {
      expect(CARD_FIELD_REASONS[field as CardField]).toEqual(expect.arrayContaining(Object.keys(examples)));
    }
  });
});

describe('results never echo what was typed outside their data fields', () => {
  const secrets = [
    '4111 1111 1111 1111',
    '4111 1111 1111 1112',
    '3782 822463 10005',
    '5555-5555-5555-4444',
    '４２４２ ４２４２ ４２４２ ４２４２',
    '4111 1111 1111 1111 9876',
    '9876 5432 1098 7654',
    '4111 1111 1111 111x',
    '7777 1234 5678 9012 345',
    '6035',
    '123',
    '1234',
    '12345',
    '12/2030',
    '05/2025',
    '13/3030',
    'Jane 4111111111111111',
    'SW1A 1AA',
    'ABCDEFGHIJK123',
  ];
  const checks: readonly [string, (input: string) => object][] = [
    ['card number', (input) => validateCardNumber(input, { extraCards: EXTRA_CARDS })],
    ['card number, Visa only', (input) => validateCardNumber(input, { acceptedBrands: ['visa'] })],
    ['expiry', (input) => validateExpiry(input, inMonth(2025, 6))],
    ['security code', (input) => validateSecurityCode(input, { name: 'CVV', size: 3 })],
    ['security code, unknown brand', (input) => validateSecurityCode(input)],
    ['cardholder name', (input) => validateCardholderName(input)],
    ['postal code', (input) => validatePostalCode(input)],
  ];

  it.each(checks.flatMap(([field, check]) => secrets.map((input) => ({ field, check, input }))))(
    '$field: $input',
    ({ check, input }) => {
      const json = JSON.stringify(withoutData(check(input)));
      const digits = toAsciiDigits(input).replace(/\D/g, '');
      // No three digits in a row at all (sizes and gaps are one or two digits), and nothing of the text.
      expect(json).not.toMatch(/\d{3}/);
      for (let start = 0; start + 3 <= digits.length; start++)
        expect(json).not.toContain(digits.slice(start, start + 3));
      for (const word of input.split(/[^\p{L}]+/u).filter((word) => word.length >= 3)) expect(json).not.toContain(word);
    },
  );

  it('holds for any input (property)', () => {
    const input = fc.stringMatching(/^[0-9０-９ \-/.a-zA-Z]{0,30}$/);
    fc.assert(
      fc.property(input, (text) => {
        for (const [, check] of checks) {
          const json = JSON.stringify(withoutData(check(text)));
          if (/\d{3}/.test(json)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('invariants (property)', () => {
  const anyInput = fc.oneof(
    fc.string({ maxLength: 25 }),
    fc.stringMatching(/^[0-9 -]{0,24}$/),
    fc
      .constantFrom('4', '37', '6', '5', '22', '62')
      .chain((prefix) => fc.stringMatching(/^[0-9]{0,18}$/).map((rest) => prefix + rest)),
  );

  it('reason is null exactly when valid, and valid implies potentially valid', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const results = [
          validateCardNumber(text),
          validateCardNumber(text, { extraCards: EXTRA_CARDS, acceptedBrands: ['visa', 'coffee-gift'] }),
          validateExpiry(text, inMonth(2025, 6)),
          validateSecurityCode(text),
          validateSecurityCode(text, { name: 'CID', size: 4 }),
          validateCardholderName(text),
          validatePostalCode(text),
        ];
        return results.every(
          ({ isValid, isPotentiallyValid, reason }) =>
            (reason === null) === isValid && (!isValid || isPotentiallyValid),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('groups and the formatted number hold exactly the digits', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const { digits, groups, formatted } = validateCardNumber(text, { extraCards: EXTRA_CARDS });
        return groups.join('') === digits && formatted === groups.join(' ') && !groups.includes('');
      }),
      { numRuns: 500 },
    );
  });

  it("the verdict on built-in brands is card-validator's, and a 13-digit Visa, which its tables lack, is a Visa", () => {
    const digits = fc.oneof(
      fc.stringMatching(/^[0-9]{0,20}$/),
      fc.constantFrom(...BUILT_IN_CARD_BRANDS).chain((brand) => {
        const prefixes = typeInfo(brand).patterns.map((p) => String(Array.isArray(p) ? p[1] : p));
        return fc
          .tuple(fc.constantFrom(...prefixes), fc.integer({ min: 12, max: 20 }))
          .map(([prefix, length]) => cardNumber(prefix, length));
      }),
    );
    fc.assert(
      fc.property(digits, (number) => {
        const ours = validateCardNumber(number);
        const theirs = cardValidator.number(number);
        // credit-card-type lists Visa's 16, 18 and 19 digits; Visa still issues 13 (@chatpay/cards' EXTRA_LENGTHS).
        const isThirteenDigitVisa = theirs.card?.type === 'visa' && number.length === 13;
        const isValid = isThirteenDigitVisa ? checkDigit(number.slice(0, -1)) === number.at(-1) : theirs.isValid;
        return (
          ours.isValid === isValid &&
          ours.isPotentiallyValid === theirs.isPotentiallyValid &&
          ours.brand === (theirs.card?.type ?? null)
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('an expiry is valid exactly from this month to 240 months on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2001, max: 2090 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -30, max: 300 }),
        (nowYear, nowMonth, offset) => {
          const target = nowYear * 12 + (nowMonth - 1) + offset;
          const [year, month] = [Math.floor(target / 12), (target % 12) + 1];
          const now = inMonth(nowYear, nowMonth);
          const expected = offset >= 0 && offset <= 240;
          return (
            validateExpiry(formatExpiry(month, year), now).isValid === expected &&
            validateExpiry(`${month}/${year}`, now).isValid === expected
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
