import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ChatPayError,
  createMoney,
  currencyDigits,
  DEFAULT_MAXIMUM_MAJOR,
  formatMoney,
  isCurrency,
  MoneyError,
  numberSeparators,
  parseAmount,
  type Money,
  type MoneyErrorCode,
  type Result,
} from '@chatpay/core';

const NNBSP = '\u202f'; // narrow no-break space: fr-FR's grouping separator
const NBSP = '\u00a0';

function expectMoney(result: Result<Money, MoneyError>): Money {
  if (!result.ok) throw new Error(`expected an amount, got ${result.error.code}: ${result.error.message}`);
  expect(Number.isSafeInteger(result.value.minor)).toBe(true);
  return result.value;
}

function expectRefused(result: Result<Money, MoneyError>, code: MoneyErrorCode): MoneyError {
  if (result.ok) throw new Error(`expected ${code}, got ${JSON.stringify(result.value)}`);
  expect(result.error).toBeInstanceOf(MoneyError);
  expect(result.error).toBeInstanceOf(ChatPayError);
  expect(result.error.code).toBe(code);
  return result.error;
}

describe('parseAmount: accepted amounts become integer minor units', () => {
  const cases: ReadonlyArray<{ text: string; currency: string; locale: string; minor: number }> = [
    // en-US, USD (2 decimals)
    { text: '12', currency: 'USD', locale: 'en-US', minor: 1200 },
    { text: '12.5', currency: 'USD', locale: 'en-US', minor: 1250 },
    { text: '12.50', currency: 'USD', locale: 'en-US', minor: 1250 },
    { text: '0.01', currency: 'USD', locale: 'en-US', minor: 1 },
    { text: '0.29', currency: 'USD', locale: 'en-US', minor: 29 },
    { text: '1.15', currency: 'USD', locale: 'en-US', minor: 115 },
    { text: '1,234.56', currency: 'USD', locale: 'en-US', minor: 123456 },
    { text: '123,456.78', currency: 'USD', locale: 'en-US', minor: 12345678 },
    { text: '999,999.99', currency: 'USD', locale: 'en-US', minor: 99999999 },
    { text: '  42.00  ', currency: 'USD', locale: 'en-US', minor: 4200 },
    { text: '007', currency: 'USD', locale: 'en-US', minor: 700 },
    { text: '1000000', currency: 'USD', locale: 'en-US', minor: 100_000_000 },
    { text: '1,000,000.00', currency: 'USD', locale: 'en-US', minor: 100_000_000 },
    // JPY (0 decimals)
    { text: '500', currency: 'JPY', locale: 'en-US', minor: 500 },
    { text: '1,234', currency: 'JPY', locale: 'en-US', minor: 1234 },
    { text: '1.234', currency: 'JPY', locale: 'de-DE', minor: 1234 },
    { text: '1,000,000', currency: 'JPY', locale: 'en-US', minor: 1_000_000 },
    // KWD (3 decimals)
    { text: '12', currency: 'KWD', locale: 'en-US', minor: 12000 },
    { text: '1.5', currency: 'KWD', locale: 'en-US', minor: 1500 },
    { text: '1.234', currency: 'KWD', locale: 'en-US', minor: 1234 },
    { text: '0.001', currency: 'KWD', locale: 'en-US', minor: 1 },
    { text: '1.234,567', currency: 'KWD', locale: 'de-DE', minor: 1234567 },
    // de-DE: "." groups, "," is the decimal separator
    { text: '1.234,5', currency: 'USD', locale: 'de-DE', minor: 123450 },
    { text: '1.234,56', currency: 'USD', locale: 'de-DE', minor: 123456 },
    { text: '12,5', currency: 'USD', locale: 'de-DE', minor: 1250 },
    { text: '1.500', currency: 'USD', locale: 'de-DE', minor: 150000 },
    { text: '123.456,78', currency: 'EUR', locale: 'de-DE', minor: 12345678 },
    { text: '1234,56', currency: 'EUR', locale: 'de-DE', minor: 123456 },
    // fr-FR: a narrow no-break space groups; a no-break or plain space typed instead is accepted
    { text: `1${NNBSP}234,56`, currency: 'EUR', locale: 'fr-FR', minor: 123456 },
    { text: `1${NBSP}234,56`, currency: 'EUR', locale: 'fr-FR', minor: 123456 },
    { text: '1 234,56', currency: 'EUR', locale: 'fr-FR', minor: 123456 },
    { text: `123${NNBSP}456`, currency: 'EUR', locale: 'fr-FR', minor: 12345600 },
    { text: '12,5', currency: 'EUR', locale: 'fr-FR', minor: 1250 },
    // en-IN: lakh grouping
    { text: '1,23,456.78', currency: 'INR', locale: 'en-IN', minor: 12345678 },
    { text: '9,99,999.99', currency: 'INR', locale: 'en-IN', minor: 99999999 },
    { text: '10,00,000', currency: 'INR', locale: 'en-IN', minor: 100_000_000 },
    { text: '1,234', currency: 'INR', locale: 'en-IN', minor: 123400 },
    { text: '12,345.6', currency: 'INR', locale: 'en-IN', minor: 1234560 },
    // ar-EG: Arabic-Indic digits, U+066C group, U+066B decimal
    { text: '١٬٢٣٤٫٥٦', currency: 'USD', locale: 'ar-EG', minor: 123456 },
    { text: '١٢٫٥', currency: 'EGP', locale: 'ar-EG', minor: 1250 },
    { text: '٥٠٠', currency: 'EGP', locale: 'ar-EG', minor: 50000 },
    { text: '١٬٢٣٤', currency: 'JPY', locale: 'ar-EG', minor: 1234 },
    { text: '١٫٢٣٤', currency: 'KWD', locale: 'ar-EG', minor: 1234 },
    { text: '1٬234٫56', currency: 'USD', locale: 'ar-EG', minor: 123456 },
  ];

  it.each(cases)('"$text" $currency in $locale → $minor', ({ text, currency, locale, minor }) => {
    expect(expectMoney(parseAmount(text, currency, { locale }))).toEqual({ minor, currency });
  });
});

describe('parseAmount: refused amounts, each with its code', () => {
  const cases: ReadonlyArray<{ text: string; currency: string; locale: string; code: MoneyErrorCode }> = [
    // empty
    { text: '', currency: 'USD', locale: 'en-US', code: 'empty' },
    { text: '   ', currency: 'USD', locale: 'en-US', code: 'empty' },
    { text: '\t\n', currency: 'USD', locale: 'en-US', code: 'empty' },
    { text: NBSP, currency: 'EUR', locale: 'fr-FR', code: 'empty' },
    { text: NNBSP, currency: 'EUR', locale: 'fr-FR', code: 'empty' },
    // ambiguous-separator: the locale's group separator where it cannot group. "1.5" in German is neither
    // one and a half (wrong decimal) nor fifteen (misplaced group); "12,34" in English neither 12.34 nor 1,234.
    // invalid-format: any other text that is not digits and the locale's separators.
    { text: '1.5', currency: 'EUR', locale: 'de-DE', code: 'ambiguous-separator' },
    { text: '1.23', currency: 'EUR', locale: 'de-DE', code: 'ambiguous-separator' },
    { text: '1.2345', currency: 'EUR', locale: 'de-DE', code: 'ambiguous-separator' },
    { text: '1,234.56', currency: 'EUR', locale: 'de-DE', code: 'ambiguous-separator' },
    { text: '1.234,5,6', currency: 'EUR', locale: 'de-DE', code: 'invalid-format' },
    { text: 'abc', currency: 'USD', locale: 'en-US', code: 'letters' },
    { text: 'NaN', currency: 'USD', locale: 'en-US', code: 'letters' },
    { text: '1e5', currency: 'USD', locale: 'en-US', code: 'exponent' },
    { text: 'Infinity', currency: 'USD', locale: 'en-US', code: 'letters' },
    { text: '0x10', currency: 'USD', locale: 'en-US', code: 'letters' },
    { text: '1.2.3', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '1..5', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '12,34', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: '1,2345', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: '1234,567', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: ',123', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: '1,,234', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: '1,234,', currency: 'USD', locale: 'en-US', code: 'ambiguous-separator' },
    { text: '1 234', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '.5', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '5.', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '+5', currency: 'USD', locale: 'en-US', code: 'sign' },
    { text: '$5', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '5 USD', currency: 'USD', locale: 'en-US', code: 'letters' },
    { text: '1_000', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '1.234,56', currency: 'EUR', locale: 'fr-FR', code: 'ambiguous-separator' },
    { text: `1${NNBSP}23,5`, currency: 'EUR', locale: 'fr-FR', code: 'ambiguous-separator' },
    { text: '1,2,3', currency: 'INR', locale: 'en-IN', code: 'ambiguous-separator' },
    { text: '1,23,4567', currency: 'INR', locale: 'en-IN', code: 'ambiguous-separator' },
    { text: '1,234.56', currency: 'EGP', locale: 'ar-EG', code: 'ambiguous-separator' },
    { text: '١٬٢٣', currency: 'EGP', locale: 'ar-EG', code: 'ambiguous-separator' },
    // a "." or "," the locale uses for neither decimals nor groups may mean either: refused, not guessed
    { text: '1,500', currency: 'KWD', locale: 'ar-KW', code: 'ambiguous-separator' },
    { text: '1.500', currency: 'KWD', locale: 'fr-FR', code: 'ambiguous-separator' },
    // zero
    { text: '0', currency: 'USD', locale: 'en-US', code: 'zero' },
    { text: '0.00', currency: 'USD', locale: 'en-US', code: 'zero' },
    { text: '000', currency: 'USD', locale: 'en-US', code: 'zero' },
    { text: '0,00', currency: 'EUR', locale: 'de-DE', code: 'zero' },
    { text: '0', currency: 'JPY', locale: 'en-US', code: 'zero' },
    { text: '٠٫٠٠', currency: 'EGP', locale: 'ar-EG', code: 'zero' },
    // compatibility characters are not digits: a superscript or a circled number is refused, not read as one
    { text: '5²', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '①', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    { text: '1½', currency: 'USD', locale: 'en-US', code: 'invalid-format' },
    // negative: ASCII hyphen-minus and U+2212 minus sign, leading or trailing
    { text: '-5', currency: 'USD', locale: 'en-US', code: 'negative' },
    { text: '\u22125', currency: 'USD', locale: 'en-US', code: 'negative' },
    { text: ' -0.01 ', currency: 'USD', locale: 'en-US', code: 'negative' },
    { text: '5-', currency: 'USD', locale: 'en-US', code: 'negative' },
    { text: '-1.234,5', currency: 'EUR', locale: 'de-DE', code: 'negative' },
    { text: '\u22121 234,5', currency: 'EUR', locale: 'fr-FR', code: 'negative' },
    { text: '-0', currency: 'USD', locale: 'en-US', code: 'negative' },
    // too-many-decimals
    { text: '1.234', currency: 'USD', locale: 'en-US', code: 'too-many-decimals' },
    { text: '0.001', currency: 'USD', locale: 'en-US', code: 'too-many-decimals' },
    { text: '1.5', currency: 'JPY', locale: 'en-US', code: 'too-many-decimals' },
    { text: '1.0', currency: 'JPY', locale: 'en-US', code: 'too-many-decimals' },
    { text: '1.', currency: 'JPY', locale: 'en-US', code: 'too-many-decimals' },
    { text: '1.2345', currency: 'KWD', locale: 'en-US', code: 'too-many-decimals' },
    { text: '1,999', currency: 'EUR', locale: 'de-DE', code: 'too-many-decimals' },
    { text: '١٫٢٣٤', currency: 'EGP', locale: 'ar-EG', code: 'too-many-decimals' },
    // unknown-currency comes first, whatever the text
    { text: '12', currency: 'XYZ', locale: 'en-US', code: 'unknown-currency' },
    { text: '12', currency: 'usd', locale: 'en-US', code: 'unknown-currency' },
    { text: '12', currency: '', locale: 'en-US', code: 'unknown-currency' },
    { text: '12', currency: 'US', locale: 'en-US', code: 'unknown-currency' },
    { text: '12', currency: 'USDD', locale: 'en-US', code: 'unknown-currency' },
    { text: '12', currency: ' USD', locale: 'en-US', code: 'unknown-currency' },
    { text: '', currency: 'XYZ', locale: 'en-US', code: 'unknown-currency' },
    // over-maximum (default 1,000,000 major units)
    { text: '1,000,000.01', currency: 'USD', locale: 'en-US', code: 'over-maximum' },
    { text: '1000001', currency: 'JPY', locale: 'en-US', code: 'over-maximum' },
    { text: '1000000.001', currency: 'KWD', locale: 'en-US', code: 'over-maximum' },
    { text: '12,34,56,789', currency: 'INR', locale: 'en-IN', code: 'over-maximum' },
    { text: '987654321987', currency: 'USD', locale: 'en-US', code: 'over-maximum' },
  ];

  it.each(cases)('"$text" $currency in $locale → $code', ({ text, currency, locale, code }) => {
    expectRefused(parseAmount(text, currency, { locale }), code);
  });

  it('reads "1.5" in de-DE neither as 1.50 nor as 15', () => {
    const result = parseAmount('1.5', 'EUR', { locale: 'de-DE' });
    expect(result.ok).toBe(false);
  });

  it('refuses a number too long to be exact rather than rounding it', () => {
    const result = parseAmount('99999999999999999999', 'USD', { locale: 'en-US', maximum: Number.MAX_VALUE });
    expectRefused(result, 'not-an-integer');
  });
});

describe('parseAmount: each locale groups in its own way, and says why it refused', () => {
  const cases: ReadonlyArray<{ text: string; currency: string; locale: string; read: number | MoneyErrorCode }> = [
    // a separator the locale groups with, followed by two digits, is not a grouping
    { text: '12,50', currency: 'USD', locale: 'en-US', read: 'ambiguous-separator' },
    { text: '12.50', currency: 'EUR', locale: 'es', read: 'ambiguous-separator' },
    { text: '12.50', currency: 'EUR', locale: 'de', read: 'ambiguous-separator' },
    { text: '12 50', currency: 'EUR', locale: 'fr', read: 'ambiguous-separator' },
    { text: `12${NNBSP}50`, currency: 'EUR', locale: 'fr-FR', read: 'ambiguous-separator' },
    { text: '12,50', currency: 'EUR', locale: 'es', read: 1250 },
    { text: '1.234,50', currency: 'EUR', locale: 'es', read: 123450 },
    { text: '1234,50', currency: 'EUR', locale: 'es', read: 123450 },
    // lakhs only where the locale groups in lakhs; there, groups of three too
    { text: '1,23,456', currency: 'USD', locale: 'en-US', read: 'ambiguous-separator' },
    { text: '1,23,456', currency: 'INR', locale: 'en-IN', read: 12345600 },
    { text: '999,999', currency: 'INR', locale: 'en-IN', read: 99999900 },
    { text: '9,99,999.8', currency: 'INR', locale: 'en-IN', read: 99999980 },
    { text: '1,23,45', currency: 'INR', locale: 'en-IN', read: 'ambiguous-separator' },
    // signs, exponents, letters
    { text: '-5', currency: 'USD', locale: 'en-US', read: 'negative' },
    { text: '+5', currency: 'USD', locale: 'en-US', read: 'sign' },
    { text: '5+', currency: 'USD', locale: 'en-US', read: 'sign' },
    { text: '1e12', currency: 'USD', locale: 'en-US', read: 'exponent' },
    { text: '1E5', currency: 'USD', locale: 'en-US', read: 'exponent' },
    { text: '1.5e3', currency: 'USD', locale: 'en-US', read: 'exponent' },
    { text: '1e-2', currency: 'USD', locale: 'en-US', read: 'exponent' },
    { text: '2,5e3', currency: 'EUR', locale: 'de', read: 'exponent' },
    { text: 'e5', currency: 'USD', locale: 'en-US', read: 'letters' },
    { text: 'USD 5', currency: 'USD', locale: 'en-US', read: 'letters' },
    { text: '12 €', currency: 'EUR', locale: 'de', read: 'invalid-format' },
    { text: '١٢x', currency: 'EGP', locale: 'ar-EG', read: 'letters' },
  ];

  it.each(cases)('"$text" $currency in $locale → $read', ({ text, currency, locale, read }) => {
    const result = parseAmount(text, currency, { locale });
    if (typeof read === 'number') expect(expectMoney(result)).toEqual({ minor: read, currency });
    else expectRefused(result, read);
  });

  it.each([
    { locale: 'en-US', group: ',', decimal: '.', primary: 3, secondary: 3 },
    { locale: 'en-IN', group: ',', decimal: '.', primary: 3, secondary: 2 },
    { locale: 'es', group: '.', decimal: ',', primary: 3, secondary: 3 },
    { locale: 'de', group: '.', decimal: ',', primary: 3, secondary: 3 },
    { locale: 'fr', group: NNBSP, decimal: ',', primary: 3, secondary: 3 },
    { locale: 'ar-EG', group: '\u066c', decimal: '\u066b', primary: 3, secondary: 3 },
  ])('numberSeparators($locale) names its separators and the sizes of its groups', (expected) => {
    const { locale, group, decimal, primary, secondary } = expected;
    expect(numberSeparators(locale)).toEqual({ group, decimal, grouping: { primary, secondary } });
  });

  it('says which separator groups and which comes before decimals, not what was typed', () => {
    const error = expectRefused(parseAmount('98765,43', 'USD', { locale: 'en-US' }), 'ambiguous-separator');
    expect(error.message).toBe('"," only separates groups of thousands in this locale; "." comes before decimals.');
    const spaced = expectRefused(parseAmount('98 76', 'EUR', { locale: 'fr' }), 'ambiguous-separator');
    expect(spaced.message).toBe(
      'A space only separates groups of thousands in this locale; "," comes before decimals.',
    );
  });
});

describe('parseAmount and createMoney: a custom maximum, in major units', () => {
  const cases: ReadonlyArray<{ text: string; currency: string; maximum: number; accepted: boolean }> = [
    { text: '100', currency: 'USD', maximum: 100, accepted: true },
    { text: '100.01', currency: 'USD', maximum: 100, accepted: false },
    { text: '19.99', currency: 'USD', maximum: 19.99, accepted: true },
    { text: '20', currency: 'USD', maximum: 19.99, accepted: false },
    { text: '0.29', currency: 'USD', maximum: 0.29, accepted: true },
    { text: '0.30', currency: 'USD', maximum: 0.29, accepted: false },
    { text: '1.15', currency: 'USD', maximum: 1.15, accepted: true },
    { text: '4.35', currency: 'USD', maximum: 4.35, accepted: true },
    { text: '5000', currency: 'JPY', maximum: 5000, accepted: true },
    { text: '5001', currency: 'JPY', maximum: 5000, accepted: false },
    { text: '2.5', currency: 'KWD', maximum: 2.5, accepted: true },
    { text: '2.501', currency: 'KWD', maximum: 2.5, accepted: false },
    { text: '2000000', currency: 'USD', maximum: 2_000_000, accepted: true },
    { text: '2000000.01', currency: 'USD', maximum: 2_000_000, accepted: false },
  ];

  it.each(cases)(
    '"$text" $currency with maximum $maximum → accepted: $accepted',
    ({ text, currency, maximum, accepted }) => {
      const result = parseAmount(text, currency, { locale: 'en-US', maximum });
      if (!accepted) {
        expectRefused(result, 'over-maximum');
        return;
      }
      const { minor } = expectMoney(result);
      expect(createMoney(minor, currency, { maximum }).ok).toBe(true);
      expectRefused(createMoney(minor + 1, currency, { maximum }), 'over-maximum');
    },
  );

  it.each([Number.NaN, 0, -5, Number.POSITIVE_INFINITY])('refuses %s as a maximum with a ConfigError', (maximum) => {
    expect(() => createMoney(100, 'USD', { maximum })).toThrow(ConfigError);
    expect(() => parseAmount('1', 'USD', { maximum })).toThrow(ConfigError);
  });

  it('defaults to 1,000,000 major units', () => {
    expect(DEFAULT_MAXIMUM_MAJOR).toBe(1_000_000);
    expectMoney(createMoney(100_000_000, 'USD'));
    expectRefused(createMoney(100_000_001, 'USD'), 'over-maximum');
    expectMoney(createMoney(1_000_000, 'JPY'));
    expectRefused(createMoney(1_000_001, 'JPY'), 'over-maximum');
    expectMoney(createMoney(1_000_000_000, 'KWD'));
    expectRefused(createMoney(1_000_000_001, 'KWD'), 'over-maximum');
  });

  it('names the maximum in the message', () => {
    const error = expectRefused(parseAmount('150', 'USD', { locale: 'en-US', maximum: 100 }), 'over-maximum');
    expect(error.message).toContain('$100.00');
  });
});

describe('createMoney', () => {
  const accepted: ReadonlyArray<{ minor: number; currency: string }> = [
    { minor: 1, currency: 'USD' },
    { minor: 1250, currency: 'USD' },
    { minor: 100_000_000, currency: 'USD' },
    { minor: 1, currency: 'JPY' },
    { minor: 1_000_000, currency: 'JPY' },
    { minor: 12000, currency: 'KWD' },
  ];

  it.each(accepted)('$minor $currency is accepted as is', ({ minor, currency }) => {
    expect(expectMoney(createMoney(minor, currency))).toEqual({ minor, currency });
  });

  const refused: ReadonlyArray<{ name: string; minor: number; currency: string; code: MoneyErrorCode }> = [
    { name: 'NaN', minor: Number.NaN, currency: 'USD', code: 'not-an-integer' },
    { name: '1.5', minor: 1.5, currency: 'USD', code: 'not-an-integer' },
    { name: '0.1 + 0.2', minor: 0.1 + 0.2, currency: 'USD', code: 'not-an-integer' },
    { name: 'Infinity', minor: Number.POSITIVE_INFINITY, currency: 'USD', code: 'not-an-integer' },
    { name: '-Infinity', minor: Number.NEGATIVE_INFINITY, currency: 'USD', code: 'not-an-integer' },
    { name: '2 ** 53', minor: 2 ** 53, currency: 'USD', code: 'not-an-integer' },
    { name: '-(2 ** 53)', minor: -(2 ** 53), currency: 'USD', code: 'not-an-integer' },
    { name: '0', minor: 0, currency: 'USD', code: 'zero' },
    { name: '-0', minor: -0, currency: 'USD', code: 'zero' },
    { name: '-1', minor: -1, currency: 'USD', code: 'negative' },
    { name: '-1250', minor: -1250, currency: 'JPY', code: 'negative' },
    { name: '100000001', minor: 100_000_001, currency: 'USD', code: 'over-maximum' },
    { name: 'MAX_SAFE_INTEGER', minor: Number.MAX_SAFE_INTEGER, currency: 'USD', code: 'over-maximum' },
    { name: '1250 XYZ', minor: 1250, currency: 'XYZ', code: 'unknown-currency' },
    { name: '1250 usd', minor: 1250, currency: 'usd', code: 'unknown-currency' },
    { name: '1250 ""', minor: 1250, currency: '', code: 'unknown-currency' },
    { name: 'NaN XYZ', minor: Number.NaN, currency: 'XYZ', code: 'unknown-currency' },
  ];

  it.each(refused)('$name $currency → $code', ({ minor, currency, code }) => {
    expectRefused(createMoney(minor, currency), code);
  });
});

describe('currencyDigits and isCurrency', () => {
  const digits: ReadonlyArray<{ currency: string; digits: number }> = [
    { currency: 'USD', digits: 2 },
    { currency: 'EUR', digits: 2 },
    { currency: 'INR', digits: 2 },
    { currency: 'EGP', digits: 2 },
    { currency: 'JPY', digits: 0 },
    { currency: 'KRW', digits: 0 },
    { currency: 'KWD', digits: 3 },
    { currency: 'BHD', digits: 3 },
  ];

  it.each(digits)('$currency has $digits minor digits', ({ currency, digits: expected }) => {
    expect(isCurrency(currency)).toBe(true);
    expect(currencyDigits(currency)).toBe(expected);
  });

  it.each(['XYZ', 'usd', 'Usd', '', 'US', 'USDD', ' USD', 'USD ', '840', '__proto__', 'constructor'])(
    '"%s" is not a currency',
    (code) => {
      expect(isCurrency(code)).toBe(false);
      let thrown: unknown;
      try {
        currencyDigits(code);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(MoneyError);
      expect((thrown as MoneyError).code).toBe('unknown-currency');
    },
  );
});

describe('formatMoney', () => {
  // The separators each locale formats with; parseAmount must read them back.
  const locales: ReadonlyArray<{ locale: string; group: string; decimal: string }> = [
    { locale: 'en-US', group: ',', decimal: '.' },
    { locale: 'de-DE', group: '.', decimal: ',' },
    { locale: 'fr-FR', group: NNBSP, decimal: ',' },
    { locale: 'en-IN', group: ',', decimal: '.' },
    { locale: 'ar-EG', group: '\u066c', decimal: '\u066b' },
  ];
  const amounts: readonly Money[] = [
    { minor: 1, currency: 'USD' },
    { minor: 123456, currency: 'USD' },
    { minor: 99_999_999, currency: 'USD' },
    { minor: 123456, currency: 'JPY' },
    { minor: 1234567, currency: 'KWD' },
    { minor: 1250, currency: 'EUR' },
  ];
  const roundTrips = locales.flatMap((locale) => amounts.map((money) => ({ ...locale, money })));

  /** Keeps only the digits and the locale's separators: drops the currency symbol, spacing and direction marks. */
  const numberPart = (formatted: string, group: string, decimal: string) =>
    [...formatted].filter((char) => /\p{Nd}/u.test(char) || char === group || char === decimal).join('');

  it.each(roundTrips)(
    '$money.minor $money.currency in $locale reads back with parseAmount',
    ({ locale, group, decimal, money }) => {
      const formatted = formatMoney(money, locale);
      const text = numberPart(formatted, group, decimal);
      expect(expectMoney(parseAmount(text, money.currency, { locale }))).toEqual(money);
    },
  );

  const outputs: ReadonlyArray<{ money: Money; locale: string; expected: string }> = [
    { money: { minor: 123456, currency: 'USD' }, locale: 'en-US', expected: '1,234.56' },
    { money: { minor: 123456, currency: 'USD' }, locale: 'de-DE', expected: '1.234,56' },
    { money: { minor: 123456, currency: 'USD' }, locale: 'fr-FR', expected: `1${NNBSP}234,56` },
    { money: { minor: 12345678, currency: 'INR' }, locale: 'en-IN', expected: '1,23,456.78' },
    { money: { minor: 123456, currency: 'USD' }, locale: 'ar-EG', expected: '١٬٢٣٤٫٥٦' },
    { money: { minor: 123456, currency: 'JPY' }, locale: 'en-US', expected: '123,456' },
    { money: { minor: 1234567, currency: 'KWD' }, locale: 'en-US', expected: '1,234.567' },
    { money: { minor: 5, currency: 'USD' }, locale: 'en-US', expected: '0.05' },
  ];

  it.each(outputs)('$money.minor $money.currency in $locale contains "$expected"', ({ money, locale, expected }) => {
    expect(formatMoney(money, locale)).toContain(expected);
  });

  it('throws unknown-currency for a currency Intl does not know', () => {
    expect(() => formatMoney({ minor: 1, currency: 'XYZ' }, 'en-US')).toThrow(MoneyError);
  });
});

describe('error messages never echo the text typed', () => {
  const TYPED = '987654321987';
  const cases: ReadonlyArray<{ text: string; locale: string; code: MoneyErrorCode }> = [
    { text: TYPED, locale: 'en-US', code: 'over-maximum' },
    { text: `${TYPED}.123`, locale: 'en-US', code: 'too-many-decimals' },
    { text: `-${TYPED}`, locale: 'en-US', code: 'negative' },
    { text: `${TYPED}abc`, locale: 'en-US', code: 'letters' },
    { text: `${TYPED.slice(0, 6)}.${TYPED.slice(6)}`, locale: 'de-DE', code: 'ambiguous-separator' },
    { text: `0.${TYPED}`, locale: 'en-US', code: 'too-many-decimals' },
    { text: '9,87,65,43,21,987', locale: 'en-IN', code: 'over-maximum' },
    { text: `${TYPED}e5`, locale: 'en-US', code: 'exponent' },
    { text: `+${TYPED}`, locale: 'en-US', code: 'sign' },
    { text: `${TYPED.slice(0, 6)},${TYPED.slice(6, 8)}`, locale: 'en-US', code: 'ambiguous-separator' },
  ];

  it.each(cases)('"$text" in $locale → $code', ({ text, locale, code }) => {
    const error = expectRefused(parseAmount(text, 'USD', { locale }), code);
    expect(error.message).not.toContain(TYPED);
    expect(error.message).not.toContain(text);
    expect(error.message).not.toMatch(/987654/);
  });

  it('createMoney does not echo the minor units either', () => {
    const error = expectRefused(createMoney(987654321987, 'USD'), 'over-maximum');
    expect(error.message).not.toMatch(/987654|9,876,543/);
  });
});
