import { describe, expect, it } from 'vitest';
import { amountRulesFor, droppedTyping, type AmountRules } from '../src/request-composer/amount-typing.js';

const de: AmountRules = { decimal: ',', group: '.', mapToRadix: [','], scale: 2 };
const en: AmountRules = { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 };
const jpy: AmountRules = { ...en, scale: 0 };

describe('what the amount mask left out', () => {
  it.each([
    ['a "." typed in German, where it groups thousands', '.', '1', '1', de, 'group-separator'],
    ['a "," typed in English', ',', '12', '12', en, 'group-separator'],
    ['"1.5" pasted in German', '1.5', '', '15', de, 'group-separator'],
    ['a decimal separator for a currency without decimals', '.', '1', '1', jpy, 'no-decimals'],
    ['a third decimal', '7', '1234.56', '1234.56', de, 'too-many-decimals'],
    ['a pasted amount that lost a decimal', '1234,567', '', '1234.56', de, 'too-many-decimals'],
    ['a letter', 'e', '12', '12', en, 'not-a-number'],
    ['a minus sign', '-', '', '', en, 'not-a-number'],
  ] as const)('notices %s', (_, typed, before, after, rules, notice) => {
    expect(droppedTyping(typed, before, after, rules)).toBe(notice);
  });

  it.each([
    ['a digit', '5', '1', '15', en],
    ['the decimal separator', ',', '1', '1.', de],
    ['a pasted German amount with groups', '1.234,56', '', '1234.56', de],
    ['Arabic-Indic digits (mapped to ASCII)', '١٢', '', '12', en],
    ['a space', ' ', '1', '1', { ...en, group: '\u202f' }],
  ] as const)('takes %s without a notice', (_, typed, before, after, rules) => {
    expect(droppedTyping(typed, before, after, rules)).toBeNull();
  });
});

describe('the amount mask rules for a locale and a currency', () => {
  it.each([
    ['en-US', 'USD', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 }],
    ['de-DE', 'EUR', { decimal: ',', group: '.', mapToRadix: [','], scale: 2 }],
    ['en-US', 'JPY', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 0 }],
    ['en-US', 'KWD', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 3 }],
    ['en-US', 'XYZ1', { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 }],
  ])('%s, %s', (locale, currency, rules) => {
    expect(amountRulesFor(locale, currency)).toEqual(rules);
  });
});
