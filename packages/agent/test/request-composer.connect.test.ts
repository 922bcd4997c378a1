import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH, MoneyError, SessionError, type Phase } from '@chatpay/core';
import {
  connectRequestComposer,
  currenciesOf,
  problemMessage,
  reasonMessage,
  refusalOf,
  type ComposerState,
} from '../src/request-composer/request-composer.connect.js';
import { EMPTY_FORM, type ComposerForm } from '../src/request-composer/request-composer.form.js';
import { REQUEST_COMPOSER_MESSAGES_EN as words } from '../src/request-composer/request-composer.messages.js';
import { snapshotAt } from './support/request-snapshots.js';

const touchedForm = (form: Partial<ComposerForm> = {}): ComposerForm => ({
  ...EMPTY_FORM,
  touched: new Set(['amount', 'reason']),
  ...form,
});

function state(given: Partial<ComposerState> & { readonly phase?: Phase | undefined } = {}): ComposerState {
  const { phase, ...rest } = given;
  return {
    form: EMPTY_FORM,
    snapshot: phase ? snapshotAt(phase) : undefined,
    amountText: '',
    currency: 'USD',
    currencies: undefined,
    locale: 'en-US',
    hasSession: true,
    maximum: 1_000_000,
    ...rest,
  };
}

describe('the reason rule, in words', () => {
  it.each([
    ['nothing', '', words.reasonRequired],
    ['only spaces', '   ', words.reasonRequired],
    ['too long', 'x'.repeat(MAX_REASON_LENGTH + 1), words.reasonInvalid(MAX_REASON_LENGTH)],
    ['a control character', 'Post\u0007age', words.reasonUnsafe],
    ['a direction override', 'Postage \u202etxt.exe', words.reasonUnsafe],
    ['a fine reason', '  Postage  ', null],
    ['the longest fine reason', 'x'.repeat(MAX_REASON_LENGTH), null],
  ])('%s', (_, reason, said) => {
    expect(reasonMessage(reason, words)).toBe(said);
  });
});

describe('typed errors, in words', () => {
  const said = (error: MoneyError | SessionError, currency = 'USD', maximum: number | null = 1_000_000) =>
    problemMessage(refusalOf(error, currency).problem, words, 'en-US', maximum ?? undefined);

  it.each<[string, MoneyError | SessionError, 'amount' | 'reason', string]>([
    ['a zero amount', new MoneyError('zero', 'Zero.'), 'amount', 'The amount must be more than zero.'],
    [
      'an amount over the maximum',
      new MoneyError('over-maximum', 'Over.'),
      'amount',
      'The amount is over the maximum of $1,000,000.00.',
    ],
    [
      'too many decimals',
      new MoneyError('too-many-decimals', 'Decimals.'),
      'amount',
      'USD amounts have at most 2 decimals.',
    ],
    [
      'an unknown currency',
      new MoneyError('unknown-currency', 'Unknown.'),
      'amount',
      words.amountErrors['unknown-currency'],
    ],
    [
      'a refused reason',
      new SessionError('invalid-reason', 'Reason.'),
      'reason',
      words.reasonInvalid(MAX_REASON_LENGTH),
    ],
    ['a closed session', new SessionError('session-closed', 'Closed.'), 'amount', words.notSent],
    ['too many requests', new SessionError('too-many-requests', 'Too many.'), 'amount', words.notSent],
  ])('%s', (_, error, field, text) => {
    expect(refusalOf(error, 'USD').field).toBe(field);
    expect(said(error)).toBe(text);
  });

  it('goes by class and code, not by name: an error named like a money error is not one', () => {
    const impostor = new SessionError('not-allowed-now', 'Not now.');
    Object.defineProperty(impostor, 'name', { value: 'MoneyError' });
    expect(said(impostor)).toBe(words.notSent);
  });

  it('says the maximum in the currency, and the decimals of a currency without any', () => {
    expect(said(new MoneyError('over-maximum', 'Over.'), 'JPY', 500)).toBe('The amount is over the maximum of ¥500.');
    expect(said(new MoneyError('too-many-decimals', 'Decimals.'), 'JPY')).toBe('JPY amounts have no decimals.');
    expect(said(new MoneyError('over-maximum', 'Over.'), 'USD', null)).toBe(words.amountErrors['over-maximum']);
  });

  it('says the other problems', () => {
    expect(problemMessage({ kind: 'not-sent' }, words, 'en-US', 1)).toBe(words.notSent);
    expect(problemMessage({ kind: 'decimals-dropped', currency: 'JPY' }, words, 'en-US', 1)).toBe(
      'JPY takes fewer decimals: the amount changed. Check it.',
    );
  });
});

describe('what the composer shows', () => {
  it('shows no error on untouched fields, and each field its own once touched', () => {
    expect(connectRequestComposer(state(), words)).toMatchObject({ amountError: null, reasonError: null });
    expect(connectRequestComposer(state({ form: touchedForm() }), words)).toMatchObject({
      amountError: 'Enter the amount to charge.',
      reasonError: 'Enter the reason for the charge.',
    });
  });

  it.each([
    ['0', 'en-US', 'The amount must be more than zero.'],
    ['2000000', 'en-US', 'The amount is over the maximum of $1,000,000.00.'],
    ['12.50', 'en-US', null],
    ['1.234,56', 'de-DE', null],
  ])('reads the amount %s in %s', (amountText, locale, error) => {
    const view = connectRequestComposer(state({ form: touchedForm({ reason: 'Postage' }), amountText, locale }), words);
    expect(view.amountError).toBe(error);
  });

  it.each([
    ['12,50', 'en-US', 'In English, "," groups thousands; use "." for decimals.'],
    ['1,23,456', 'en-US', 'In English, "," groups thousands; use "." for decimals.'],
    ['12.50', 'es', 'In Spanish, "." groups thousands; use "," for decimals.'],
    ['1.5', 'de-DE', 'In German, "." groups thousands; use "," for decimals.'],
    ['12 50', 'fr', 'In French, a space groups thousands; use "," for decimals.'],
    ['1e12', 'en-US', 'Type the amount out in full: an exponent such as "e12" is not read here.'],
    ['-5', 'en-US', 'The amount cannot be negative.'],
    ['+5', 'en-US', 'An amount takes no "+" sign: type the digits only.'],
    ['12x', 'en-US', 'Only digits, and "." for decimals, can be typed here.'],
    ['1,5x', 'de-DE', 'Only digits, and "," for decimals, can be typed here.'],
    ['1.234', 'en-US', 'USD amounts have at most 2 decimals.'],
    ['12.', 'en-US', 'Enter the amount as digits.'],
  ])('says why "%s" in %s was refused, and what was understood', (amountText, locale, error) => {
    const view = connectRequestComposer(state({ form: touchedForm({ reason: 'Postage' }), amountText, locale }), words);
    expect(view.amountError).toBe(error);
  });

  it('says a refusal for as long as the text is wrong, and an amount still being typed once the field is left', () => {
    const typing = touchedForm({ reason: 'Postage', amountTyping: true });
    const shown = (amountText: string, form = typing) => connectRequestComposer(state({ form, amountText }), words);
    expect(shown('12,50').amountError).toBe('In English, "," groups thousands; use "." for decimals.');
    expect(shown('12,500').amountError).toBeNull();
    expect(shown('12.').amountError).toBeNull();
    expect(shown('12.', touchedForm({ reason: 'Postage' })).amountError).toBe('Enter the amount as digits.');
    expect(connectRequestComposer(state({ form: typing, amountText: '12.', currency: 'JPY' }), words).amountError).toBe(
      'JPY amounts have no decimals.',
    );
  });

  it('says its own check first, then the session refusal', () => {
    const refused = touchedForm({
      refusal: { field: 'amount', problem: { kind: 'decimals-dropped', currency: 'JPY' } },
    });
    expect(connectRequestComposer(state({ form: refused, amountText: '12' }), words).amountError).toBe(
      'JPY takes fewer decimals: the amount changed. Check it.',
    );
    expect(connectRequestComposer(state({ form: refused, amountText: '0' }), words).amountError).toBe(
      'The amount must be more than zero.',
    );
  });

  it('counts a reason over the limit, and refuses it, without cutting it', () => {
    const form = touchedForm({ reason: 'x'.repeat(5000) });
    const view = connectRequestComposer(state({ form, amountText: '5' }), words);
    expect(view.reasonCount).toBe('5,000 of 500 characters');
    expect(view.reasonError).toBe(words.reasonInvalid(MAX_REASON_LENGTH));
  });

  it('shows the unsafe-reason message as the agent types, before any Request', () => {
    const form = touchedForm({ reason: 'Refund\u202e' });
    expect(connectRequestComposer(state({ form, amountText: '5' }), words).reasonError).toBe(words.reasonUnsafe);
  });

  it.each<[string, Phase | undefined, boolean, boolean]>([
    ['before the first Request', undefined, false, false],
    ['back at the fields after Back', 'draft', false, true],
    ['at the confirmation', 'confirming', true, true],
    ['once on its way', 'sending', false, true],
  ])('%s', (_, phase, confirmation, discard) => {
    const view = connectRequestComposer(state({ phase }), words);
    expect(view.confirmation !== null).toBe(confirmation);
    expect(view.discardOffered).toBe(discard);
  });

  it('confirms the draft the request holds, formatted for the locale, with a refused send on it', () => {
    const form = { ...EMPTY_FORM, refusal: { field: 'send' as const, problem: { kind: 'not-sent' as const } } };
    expect(connectRequestComposer(state({ phase: 'confirming' }), words).confirmation).toEqual({
      amount: '$12.50',
      reason: 'Postage',
      error: null,
    });
    expect(connectRequestComposer(state({ phase: 'confirming', form }), words).confirmation?.error).toBe(words.notSent);
  });

  it('enables Request only with a session and known currencies, and says which code is unknown', () => {
    expect(connectRequestComposer(state(), words).requestEnabled).toBe(true);
    expect(connectRequestComposer(state({ hasSession: false, maximum: undefined }), words).requestEnabled).toBe(false);
    const unknown = connectRequestComposer(state({ currencies: ['USD', 'XYZ1'] }), words);
    expect(unknown.requestEnabled).toBe(false);
    expect(unknown.currencyError).toBe(words.currencyUnknown('XYZ1'));
  });

  it('hints the currency and counts the reason', () => {
    const view = connectRequestComposer(state({ form: { ...EMPTY_FORM, reason: 'Postage' } }), words);
    expect(view.amountHint).toBe('In USD, up to 2 decimals.');
    expect(view.reasonCount).toBe(`7 of ${MAX_REASON_LENGTH} characters`);
    expect(connectRequestComposer(state({ currency: 'JPY' }), words).amountHint).toBe('In JPY, whole units only.');
  });

  it('announces a sent request', () => {
    expect(connectRequestComposer(state({ form: { ...EMPTY_FORM, sent: true } }), words).announced).toBe(
      'Request sent.',
    );
    expect(connectRequestComposer(state(), words).announced).toBe('');
  });
});

describe('the currency chosen', () => {
  it.each<[string, string, readonly string[] | undefined, string | undefined, readonly string[], string]>([
    ['only the default', 'USD', undefined, undefined, ['USD'], 'USD'],
    ['the default from a list', 'EUR', ['USD', 'EUR'], undefined, ['USD', 'EUR'], 'EUR'],
    ["the agent's choice", 'USD', ['USD', 'EUR'], 'EUR', ['USD', 'EUR'], 'EUR'],
    ['a choice no longer allowed', 'USD', ['USD', 'GBP'], 'EUR', ['USD', 'GBP'], 'USD'],
    ['a default not in the list', 'USD', ['GBP', 'EUR'], undefined, ['GBP', 'EUR'], 'GBP'],
  ])('%s', (_, currency, currencies, chosen, list, shown) => {
    expect(currenciesOf(currency, currencies, chosen)).toEqual({ list, chosen: shown });
  });
});
