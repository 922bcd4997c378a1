import { describe, expect, it } from 'vitest';
import { type MoneyErrorCode } from '@chatpay/core';
import {
  amountRulesFor,
  isAmountInProgress,
  moveAmount,
  readTypedAmount,
  typeAmount,
  type AmountRules,
} from '../src/request-composer/amount-typing.js';

const NNBSP = '\u202f';

/** What the field shows once `text` is pasted into an empty field. */
const paste = (text: string, rules: AmountRules) => typeAmount(text, text.length, rules);

/** What the field shows once `text` is typed into an empty field, one character at a time. */
function type(text: string, rules: AmountRules) {
  let shown = { text: '', caret: 0, refused: false };
  for (const char of text) {
    const before = shown.text.slice(0, shown.caret);
    const text = `${before}${char}${shown.text.slice(shown.caret)}`;
    shown = typeAmount(text, before.length + char.length, rules, shown.text);
  }
  return shown;
}

type Read = number | MoneyErrorCode;

/**
 * `[locale, currency, typed or pasted, what the field shows, minor units or refusal code]`; where typing
 * and pasting show different text, `{ typed, pasted }`.
 */
const cases: ReadonlyArray<readonly [string, string, string, string | { typed: string; pasted: string }, Read]> = [
  // en-US: "," groups, "." is the decimal separator
  ['en-US', 'USD', '1234.5', '1,234.5', 123450],
  ['en-US', 'USD', '1000000', '1,000,000', 100000000],
  ['en-US', 'USD', '987,654.3', '987,654.3', 98765430],
  ['en-US', 'USD', '1,234', '1,234', 123400],
  ['en-US', 'USD', '12 ', '12 ', 1200],
  ['en-US', 'USD', '12.50', '12.50', 1250],
  ['en-US', 'USD', '12,50', '12,50', 'ambiguous-separator'],
  ['en-US', 'USD', '1,23,456', '1,23,456', 'ambiguous-separator'],
  ['en-US', 'USD', '1e12', '1e12', 'exponent'],
  ['en-US', 'USD', '-5', '-5', 'negative'],
  ['en-US', 'USD', '+5', '+5', 'sign'],
  ['en-US', 'USD', '12x', '12x', 'letters'],
  ['en-US', 'USD', '1.234', '1.234', 'too-many-decimals'],
  ['en-US', 'USD', '١٢', '12', 1200],
  ['en-US', 'USD', '007', '007', 700],
  ['en-US', 'USD', '0', '0', 'zero'],
  ['en-US', 'JPY', '12.5', '12.5', 'too-many-decimals'],
  ['en-US', 'KWD', '1.234', '1.234', 1234],
  // es: "." groups, "," is the decimal separator
  ['es', 'EUR', '12.50', '12.50', 'ambiguous-separator'],
  ['es', 'EUR', '12,50', '12,50', 1250],
  ['es', 'EUR', '1234,5', '1.234,5', 123450],
  ['es', 'EUR', '1e12', '1e12', 'exponent'],
  ['es', 'EUR', '-5', '-5', 'negative'],
  // de
  ['de', 'EUR', '1234,567', { typed: '1.234,567', pasted: '1234,567' }, 'too-many-decimals'],
  ['de', 'EUR', '1234,56', '1.234,56', 123456],
  ['de', 'EUR', '1.5', '1.5', 'ambiguous-separator'],
  ['de', 'EUR', '2,5e3', '2,5e3', 'exponent'],
  // fr: a narrow no-break space groups; "." typed is the decimal separator
  ['fr', 'EUR', '1234,5', `1${NNBSP}234,5`, 123450],
  ['fr', 'EUR', '12.5', '12,5', 1250],
  ['fr', 'EUR', '12 50', '12 50', 'ambiguous-separator'],
  ['fr', 'EUR', `1${NNBSP}234,5`, `1${NNBSP}234,5`, 123450],
  ['fr', 'EUR', 'douze', 'douze', 'letters'],
  // ar (as this runtime writes it) and ar-EG (Arabic-Indic digits, U+066C groups, U+066B before decimals)
  ['ar', 'EGP', '1234.5', '1,234.5', 123450],
  ['ar', 'EGP', '12,50', '12,50', 'ambiguous-separator'],
  ['ar-EG', 'EGP', '١٢٣٤٫٥', '1٬234٫5', 123450],
  ['ar-EG', 'EGP', '12.5', '12٫5', 1250],
  ['ar-EG', 'EGP', '1e12', '1e12', 'exponent'],
  ['ar-EG', 'EGP', 'x١٢', 'x١٢', 'letters'],
  ['ar-EG', 'EGP', '١٢x', { typed: '12x', pasted: '١٢x' }, 'letters'],
  // en-IN: lakhs and crores
  ['en-IN', 'INR', '123456', '1,23,456', 12345600],
  ['en-IN', 'INR', '123456.78', '1,23,456.78', 12345678],
  ['en-IN', 'INR', '1,23,45', '1,23,45', 'ambiguous-separator'],
  ['en-IN', 'INR', '12,50', '12,50', 'ambiguous-separator'],
  ['en-IN', 'INR', '999,999', '9,99,999', 99999900],
];

describe.each([
  ['typed', type],
  ['pasted', paste],
] as const)('an amount %s', (mode, enter) => {
  it.each(cases)('in %s, %s: "%s" shows %j and reads %s', (locale, currency, text, shown, read) => {
    const rules = amountRulesFor(locale, currency);
    const field = enter(text, rules);
    expect(field.text).toBe(typeof shown === 'string' ? shown : shown[mode]);
    const amount = readTypedAmount(field.text, rules);
    if (typeof read === 'number') expect(amount).toEqual({ ok: true, value: { minor: read, currency } });
    else expect(amount.ok ? null : amount.error.code).toBe(read);
  });
});

// A "." or "," before exactly three digits, where the locale groups with neither, may mean thousands or
// decimals. Pasted whole it is refused; typed, the field shows the locale's decimal sign as soon as the
// first decimal is typed, so what it shows is what is charged.
describe('a "." or "," the locale uses for neither decimals nor groups', () => {
  it.each([
    ['fr', 'KWD', '1.500', 'ambiguous-separator'],
    ['ar-EG', 'KWD', '1,500', 'ambiguous-separator'],
    ['ar-EG', 'USD', '1,500.25', 'ambiguous-separator'],
    ['fr', 'KWD', '1.5', 1500],
    ['ar-EG', 'KWD', '1,50', 1500],
  ] as const)('in %s, %s, pasted "%s" reads %s', (locale, currency, text, read) => {
    const rules = amountRulesFor(locale, currency);
    const amount = readTypedAmount(paste(text, rules).text, rules);
    if (typeof read === 'number') expect(amount).toEqual({ ok: true, value: { minor: read, currency } });
    else expect(amount.ok ? null : amount.error.code).toBe(read);
  });

  it.each([
    ['fr', 'KWD', '1.500', '1,500'],
    ['ar-EG', 'KWD', '1,500', '1٫500'],
  ] as const)(
    'in %s, %s, typed "%s" shows %j: the decimal sign the amount is read with',
    (locale, currency, text, shown) => {
      expect(type(text, amountRulesFor(locale, currency)).text).toBe(shown);
    },
  );
});

describe('what is refused at once', () => {
  it.each([
    ['a misplaced group separator', 'en-US', 'USD', '12,50', true],
    ['an exponent', 'en-US', 'USD', '1e12', true],
    ['a sign', 'en-US', 'USD', '-5', true],
    ['a letter', 'de', 'EUR', 'x', true],
    ['too many decimals', 'de', 'EUR', '1,234', true],
    ['a decimal separator for a currency without decimals', 'en-US', 'JPY', '12.', true],
    ['an amount', 'en-US', 'USD', '12.50', false],
    ['an amount being typed', 'en-US', 'USD', '12.', false],
    ['zero, said when the field is left', 'en-US', 'USD', '0', false],
    ['nothing', 'en-US', 'USD', '', false],
  ] as const)('%s: "%s"', (_, locale, currency, text, refused) => {
    expect(paste(text, amountRulesFor(locale, currency)).refused).toBe(refused);
  });

  it.each([
    ['en-US', 'USD', '12.', true],
    ['en-US', 'USD', '1,234.', true],
    ['de', 'EUR', '12,', true],
    ['en-US', 'JPY', '12.', false],
    ['en-US', 'USD', '12', false],
    ['en-US', 'USD', '1,2.', false],
  ] as const)('in %s, %s, "%s" is an amount still being typed: %s', (locale, currency, text, inProgress) => {
    expect(isAmountInProgress(text, amountRulesFor(locale, currency))).toBe(inProgress);
  });
});

describe('the caret', () => {
  const en = amountRulesFor('en-US', 'USD');

  it.each([
    ['at the end', '1,2345', 6, '1,234', '12,345', 6],
    ['after a digit typed after the third', '12,3945', 5, '12,345', '123,945', 5],
    ['after a digit typed before a group', '15,234', 2, '1,234', '15,234', 2],
    ['after a digit deleted', '1,34', 1, '1,234', '134', 1],
    ['at the start', '1234', 0, '', '1,234', 0],
  ] as const)('stays after the same digit: %s', (_, text, caret, before, shown, after) => {
    expect(typeAmount(text, caret, en, before)).toEqual({ text: shown, caret: after, refused: false });
  });

  it('moves the group separators the field wrote, never one the agent typed', () => {
    expect(typeAmount('1,2345', 6, en, '1,234').text).toBe('12,345');
    expect(typeAmount('12,5', 4, en, '12,').text).toBe('12,5');
    expect(typeAmount('12,5', 4, en, '12,').refused).toBe(true);
    expect(typeAmount('12,', 3, en, '12')).toEqual({ text: '12,', caret: 3, refused: true });
  });

  it('does not move in text that is kept as written', () => {
    expect(typeAmount('1e12', 2, en)).toEqual({ text: '1e12', caret: 2, refused: true });
  });
});

describe('the same amount for another currency or locale', () => {
  const usd = amountRulesFor('en-US', 'USD');

  it.each([
    ['fewer decimals, cut and said', '12.50', usd, amountRulesFor('en-US', 'JPY'), '12', true],
    ['only zeros cut, not said', '12.00', usd, amountRulesFor('en-US', 'JPY'), '12', false],
    ['another locale', '1,234.5', usd, amountRulesFor('de', 'EUR'), '1.234,5', false],
    ['more decimals', '1,234.5', usd, amountRulesFor('en-US', 'KWD'), '1,234.5', false],
    ['text that is not an amount, kept', '1e12', usd, amountRulesFor('en-US', 'JPY'), '1e12', false],
  ] as const)('%s', (_, text, from, to, shown, decimalsDropped) => {
    expect(moveAmount(text, from, to)).toEqual({ text: shown, decimalsDropped });
  });
});

describe('the amount rules for a locale and a currency', () => {
  it.each([
    ['en-US', 'USD', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 }],
    ['de-DE', 'EUR', { decimal: ',', group: '.', mapToRadix: [','], scale: 2 }],
    ['fr-FR', 'EUR', { decimal: ',', group: NNBSP, mapToRadix: ['.', ','], scale: 2 }],
    ['en-US', 'JPY', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 0 }],
    ['en-US', 'KWD', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 3 }],
    ['en-US', 'XYZ1', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 }],
    ['en-IN', 'INR', { decimal: '.', group: ',', grouping: { primary: 3, secondary: 2 }, scale: 2 }],
  ])('%s, %s', (locale, currency, rules) => {
    expect(amountRulesFor(locale, currency)).toMatchObject({ locale, currency, ...rules });
  });
});
