import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberSeparators, parseAmount } from '@chatpay/core';
import { amountRulesFor, readTypedAmount, typeAmount } from '../src/request-composer/amount-typing.js';
import {
  amountOf,
  connectRequestComposer,
  type ComposerState,
} from '../src/request-composer/request-composer.connect.js';
import { EMPTY_FORM } from '../src/request-composer/request-composer.form.js';
import { REQUEST_COMPOSER_MESSAGES_EN as words } from '../src/request-composer/request-composer.messages.js';
import { snapshotAt } from './support/request-snapshots.js';

const LOCALES = ['en-US', 'es', 'fr', 'de', 'ar', 'ar-EG', 'en-IN'] as const;
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'INR', 'EGP'] as const;

/** What an agent's keyboard or clipboard may produce in an amount field. */
const CHARACTERS = [
  ...'0123456789',
  ...'٠١٢٣٤٥٦٧٨٩',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\u202f',
  '\u066b',
  '\u066c',
  '-',
  '\u2212',
  '+',
  'e',
  'E',
  'x',
  '$',
];
const text = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 14 }).map((chars) => chars.join(''));

/** What the field shows once `typed` is typed one character at a time, each at a random place, or pasted at once. */
function entered(typed: string, places: readonly number[], pasted: boolean, locale: string, currency: string) {
  const rules = amountRulesFor(locale, currency);
  if (pasted) return typeAmount(typed, typed.length, rules).text;
  let shown = { text: '', caret: 0, refused: false };
  [...typed].forEach((char, index) => {
    const at = Math.min(places[index] ?? 0, shown.text.length);
    const next = `${shown.text.slice(0, at)}${char}${shown.text.slice(at)}`;
    shown = typeAmount(next, at + char.length, rules, shown.text);
  });
  return shown.text;
}

const escape = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The number in a formatted amount: its first run of digits and the locale's separators, without the symbol ("د.ك."). */
function numberPart(formatted: string, locale: string): string {
  const { group, decimal } = numberSeparators(locale);
  const run = new RegExp(`\\p{Nd}(?:[\\p{Nd}]|${escape(group)}(?=\\p{Nd})|${escape(decimal)}(?=\\p{Nd}))*`, 'u');
  return run.exec(formatted)?.[0] ?? '';
}

describe('every amount typed or pasted', () => {
  it('is refused, or confirmed as an amount that reads back to the same minor units', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(16), { minLength: 14, maxLength: 14 }),
        fc.boolean(),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (typed, places, pasted, locale, currency) => {
          const shown = entered(typed, places, pasted, locale, currency);
          const state: ComposerState = {
            form: { ...EMPTY_FORM, reason: 'Postage', touched: new Set(['amount', 'reason']) },
            snapshot: undefined,
            amountText: shown,
            currency,
            currencies: undefined,
            locale,
            hasSession: true,
            maximum: 1_000_000,
          };
          const amount = amountOf(state);
          const view = connectRequestComposer(state, words);
          if (!amount.ok) {
            expect(view.amountError).not.toBeNull();
            return;
          }
          expect(view.amountError).toBeNull();
          const confirming = snapshotAt('confirming');
          const confirmed = connectRequestComposer(
            {
              ...state,
              snapshot: {
                can: (event) => confirming.can(event),
                context: { ...confirming.context, draft: { amount: amount.value, reason: 'Postage' } },
              },
            },
            words,
          ).confirmation;
          const readBack = parseAmount(numberPart(confirmed!.amount, locale), currency, { locale });
          expect(readBack).toEqual({ ok: true, value: amount.value });
        },
      ),
      { numRuns: 600 },
    );
  });

  it('never shows text read as another amount than the text the agent wrote', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...LOCALES), fc.constantFrom(...CURRENCIES), (pasted, locale, currency) => {
        const rules = amountRulesFor(locale, currency);
        const shown = typeAmount(pasted, pasted.length, rules).text;
        const meant = readTypedAmount(pasted, rules);
        const read = readTypedAmount(shown, rules);
        expect(read.ok ? read.value : read.error.code).toEqual(meant.ok ? meant.value : meant.error.code);
      }),
      { numRuns: 600 },
    );
  });
});
