import { describe, expect, it } from 'vitest';
import {
  connectCardForm,
  numberPattern,
  payAttempt,
  sealedDetailOf,
  type CardFormOptions,
  type CardFormState,
} from '../src/card-form/card-form.connect.js';
import {
  CARD_FORM_FRESH,
  nextCardFormMemory,
  type CardFormField,
  type CardFormMemory,
  type CardFormMemoryEvent,
} from '../src/card-form/card-form.memory.js';
import { CARD_FORM_MESSAGES_EN as words } from '../src/card-form/card-form.messages.js';
import {
  CARD_NUMBER_REASONS,
  CARDHOLDER_NAME_REASONS,
  EXPIRY_REASONS,
  POSTAL_CODE_REASONS,
  SECURITY_CODE_REASONS,
} from '../src/card-fields/index.js';

const NOW = new Date(2026, 10, 24);
const OPTIONS: CardFormOptions = { postalCode: false, extraCards: [] };
const VALID = { number: '4111 1111 1111 1111', name: 'Ada Lovelace', expiry: '12/30', securityCode: '737' } as const;
const GIFT_CARD = {
  brand: 'acme-gift',
  niceName: 'Acme Gift Card',
  prefixes: ['603571'],
  lengths: [19],
  gaps: [4, 8, 12, 16],
  luhn: false,
  securityCode: { name: 'PIN', size: 4 },
} as const;
const NO_CODE_CARD = {
  ...GIFT_CARD,
  brand: 'acme-store',
  niceName: 'Acme Store Card',
  prefixes: ['603572'],
  securityCode: null,
};

/** The memory after `events`, from an empty form. */
function after(...events: CardFormMemoryEvent[]): CardFormMemory {
  return events.reduce(nextCardFormMemory, CARD_FORM_FRESH);
}

const typed = (values: Partial<Record<CardFormField, string>>): CardFormMemoryEvent[] =>
  Object.entries(values).map(([field, value]) => ({ type: 'typed', field: field as CardFormField, value }));

function state(memory: CardFormMemory, given: Partial<Omit<CardFormState, 'memory'>> = {}): CardFormState {
  return {
    memory,
    options: OPTIONS,
    amount: { minor: 1250, currency: 'USD' },
    locale: 'en-US',
    now: NOW,
    resumed: false,
    ...given,
  };
}

const errors = (memory: CardFormMemory, given?: Partial<Omit<CardFormState, 'memory'>>) => {
  const { fields } = connectCardForm(state(memory, given), words);
  return Object.fromEntries(
    Object.values(fields)
      .filter((field) => field !== null)
      .map((field) => [field.id, field.error]),
  );
};

describe('which error shows for which field, and when', () => {
  it.each<[string, CardFormMemoryEvent[], Partial<Record<CardFormField, string | null>>]>([
    ['an empty form: none', [], { number: null, name: null, expiry: null, securityCode: null }],
    ['typing without leaving: none', typed({ number: '4111111111111112' }), { number: null }],
    [
      'a field left with a wrong number: its error only',
      [...typed({ number: '4111111111111112' }), { type: 'left', field: 'number' }],
      { number: words.errors.number.luhn, name: null, expiry: null, securityCode: null },
    ],
    [
      'a field left empty: required',
      [{ type: 'left', field: 'name' }],
      { number: null, name: words.errors.name.required },
    ],
    [
      'a field left while still incomplete',
      [...typed({ expiry: '1' }), { type: 'left', field: 'expiry' }],
      { expiry: words.errors.expiry.incomplete },
    ],
    [
      'an expired card',
      [...typed({ expiry: '01/20' }), { type: 'left', field: 'expiry' }],
      { expiry: words.errors.expiry['in-the-past'] },
    ],
    ['a field left valid: none', [...typed({ name: 'Ada Lovelace' }), { type: 'left', field: 'name' }], { name: null }],
    [
      'Pay tried on an empty form: every field',
      [{ type: 'pay-refused', fields: ['number', 'name', 'expiry', 'securityCode'] }],
      {
        number: words.errors.number.required,
        name: words.errors.name.required,
        expiry: words.errors.expiry.required,
        securityCode: words.errors.securityCode.required,
      },
    ],
    [
      'a name where a number belongs',
      [...typed({ name: '4111 1111 1111 1111' }), { type: 'left', field: 'name' }],
      { name: words.errors.name['card-number-like'] },
    ],
    [
      'a name with a digit: a name message',
      [...typed({ name: 'A1' }), { type: 'left', field: 'name' }],
      { name: 'Use only letters, spaces, apostrophes, hyphens and full stops in the name.' },
    ],
    [
      'a name with an ampersand: a name message',
      [...typed({ name: 'Ann & Bob' }), { type: 'left', field: 'name' }],
      { name: words.errors.name['invalid-characters'] },
    ],
    [
      'a month 13: refused as a month',
      [...typed({ expiry: '13/30' }), { type: 'left', field: 'expiry' }],
      { expiry: 'Enter a month from 01 to 12.' },
    ],
    [
      'a month 00: refused as a month',
      [...typed({ expiry: '00/30' }), { type: 'left', field: 'expiry' }],
      { expiry: words.errors.expiry['invalid-month'] },
    ],
    [
      'letters in the security code: a security code message',
      [...typed({ securityCode: '7a7' }), { type: 'left', field: 'securityCode' }],
      { securityCode: 'Use only digits in the security code.' },
    ],
  ])('%s', (_name, events, expected) => {
    expect(errors(after(...events))).toMatchObject(expected);
  });

  it('gives every field its own words for every reason, naming no other field', () => {
    const fields = Object.keys(words.errors).sort();
    expect(fields).toEqual(['expiry', 'name', 'number', 'postalCode', 'securityCode']);
    expect(Object.keys(words.errors.number).sort()).toEqual([...CARD_NUMBER_REASONS].sort());
    expect(Object.keys(words.errors.name).sort()).toEqual([...CARDHOLDER_NAME_REASONS].sort());
    expect(Object.keys(words.errors.expiry).sort()).toEqual([...EXPIRY_REASONS].sort());
    expect(Object.keys(words.errors.securityCode).sort()).toEqual([...SECURITY_CODE_REASONS].sort());
    expect(Object.keys(words.errors.postalCode).sort()).toEqual([...POSTAL_CODE_REASONS].sort());
    const all = Object.values(words.errors).flatMap((messages) => Object.values(messages) as string[]);
    for (const reason of ['required', 'invalid-characters', 'incomplete'] as const) {
      const said = [words.errors.number, words.errors.name, words.errors.expiry, words.errors.securityCode].map(
        (messages) => messages[reason],
      );
      expect(new Set(said).size, `each field says "${reason}" its own way`).toBe(said.length);
    }
    expect(all.filter((message) => message === 'Use digits only here.')).toEqual([]);
  });

  it('ties each error and hint to its field, and marks only a field in error as invalid', () => {
    const memory = after(...typed({ number: '4111111111111112' }), { type: 'left', field: 'number' });
    const { fields } = connectCardForm(state(memory), words);
    expect(fields.number.describedBy).toBe('number-error');
    expect(fields.expiry.describedBy).toBe('expiry-hint');
    expect(fields.expiry.hint).toBe('MM/YY');
    expect(fields.name.describedBy).toBeNull();
    const both = after({ type: 'left', field: 'expiry' });
    expect(connectCardForm(state(both), words).fields.expiry.describedBy).toBe('expiry-hint expiry-error');
  });

  it('never repeats what was typed in an error', () => {
    const memory = after(...typed({ number: '4111111111111112', name: '4111 1111 1111 1112' }), {
      type: 'pay-refused',
      fields: ['number', 'name', 'expiry', 'securityCode'],
    });
    for (const error of Object.values(errors(memory))) expect(error ?? '').not.toContain('4111');
  });

  it('says a brand is not accepted, once the field is left', () => {
    const memory = after(...typed({ number: '378282246310005' }), { type: 'left', field: 'number' });
    expect(errors(memory, { options: { ...OPTIONS, acceptedBrands: ['visa', 'mastercard'] } }).number).toBe(
      words.errors.number['brand-not-accepted'],
    );
    expect(errors(memory).number).toBeNull();
  });
});

describe('when Pay is enabled', () => {
  it.each<[string, Partial<Record<CardFormField, string>>, Partial<Omit<CardFormState, 'memory'>>, boolean]>([
    ['an empty form', {}, {}, false],
    ['every field valid', VALID, {}, true],
    ['without the code', { ...VALID, securityCode: '' }, {}, false],
    ['an expiry in the past', { ...VALID, expiry: '01/20' }, {}, false],
    ['without a request', VALID, { amount: null }, false],
    ['a postal code asked for and missing', VALID, { options: { ...OPTIONS, postalCode: true } }, false],
    [
      'a postal code asked for and given',
      { ...VALID, postalCode: 'SW1A 1AA' },
      { options: { ...OPTIONS, postalCode: true } },
      true,
    ],
    ['a brand not accepted', VALID, { options: { ...OPTIONS, acceptedBrands: ['mastercard'] } }, false],
    [
      'a card without a code',
      { ...VALID, number: '6035720000000000001', securityCode: '' },
      { options: { ...OPTIONS, extraCards: [NO_CODE_CARD] } },
      true,
    ],
  ])('%s', (_name, values, given, enabled) => {
    expect(connectCardForm(state(after(...typed(values)), given), words).pay.enabled).toBe(enabled);
  });

  it('is disabled and says so while the card is being sealed', () => {
    const paying = after(...typed(VALID), { type: 'paying' });
    expect(connectCardForm(state(paying), words).pay).toEqual({ label: 'Sending securely…', enabled: false });
    expect(connectCardForm(state(after(...typed(VALID))), words).pay).toEqual({ label: 'Pay $12.50', enabled: true });
    expect(connectCardForm(state(CARD_FORM_FRESH, { amount: null }), words).pay.label).toBe('Pay ');
  });
});

describe('the masks and fields for the detected brand', () => {
  it.each<[string, string, CardFormOptions, string, string, string | null]>([
    ['no number yet', '', OPTIONS, '0000 0000 0000 0000 000', '0000', 'Security code'],
    ['Visa', '4111', OPTIONS, '0000 0000 0000 0000000', '000', 'CVV'],
    ['American Express', '3782', OPTIONS, '0000 000000 00000', '0000', 'CID'],
    [
      'a gift card with a PIN',
      '603571',
      { ...OPTIONS, extraCards: [GIFT_CARD] },
      '0000 0000 0000 0000 000',
      '0000',
      'PIN',
    ],
    [
      'a card without a code',
      '603572',
      { ...OPTIONS, extraCards: [NO_CODE_CARD] },
      '0000 0000 0000 0000 000',
      '0',
      null,
    ],
  ])('%s', (_name, number, options, numberMask, codeMask, codeLabel) => {
    const view = connectCardForm(state(after(...typed({ number })), { options }), words);
    expect(view.masks).toEqual({ number: numberMask, securityCode: codeMask });
    expect(view.fields.securityCode?.label ?? null).toBe(codeLabel);
  });

  it('groups a number at its gaps', () => {
    expect(numberPattern([4, 10], 15)).toBe('0000 000000 00000');
    expect(numberPattern([], 3)).toBe('000');
  });

  it('names the brand politely once it is known', () => {
    expect(connectCardForm(state(after(...typed({ number: '4111' }))), words).brand).toBe('Visa card');
    expect(connectCardForm(state(CARD_FORM_FRESH), words).brand).toBe('');
  });

  it('gives each input what autofill and the reading direction need, and asks for a postal code only when told', () => {
    const { fields } = connectCardForm(state(CARD_FORM_FRESH), words);
    expect(
      [fields.number, fields.name, fields.expiry, fields.securityCode!].map(({ id, autocomplete, dir, inputmode }) => [
        id,
        autocomplete,
        dir,
        inputmode,
      ]),
    ).toEqual([
      ['number', 'cc-number', 'ltr', 'numeric'],
      ['name', 'cc-name', 'auto', null],
      ['expiry', 'cc-exp', 'ltr', 'numeric'],
      ['securityCode', 'cc-csc', 'ltr', 'numeric'],
    ]);
    expect(fields.postalCode).toBeNull();
    const asked = connectCardForm(state(CARD_FORM_FRESH, { options: { ...OPTIONS, postalCode: true } }), words);
    expect(asked.fields.postalCode).toMatchObject({
      label: 'Billing postal code',
      autocomplete: 'postal-code',
      dir: 'auto',
    });
  });
});

describe('the notices', () => {
  it('says after a reload that the details were not kept, and not otherwise', () => {
    expect(connectCardForm(state(CARD_FORM_FRESH, { resumed: true }), words).resumed).toBe(words.resumed);
    expect(connectCardForm(state(CARD_FORM_FRESH), words).resumed).toBeNull();
  });

  it('says the card could not be sealed until the person types again or tries again', () => {
    const failed = after(...typed(VALID), { type: 'paying' }, { type: 'not-sealed' });
    expect(connectCardForm(state(failed), words).failure).toBe(words.failed);
    expect(connectCardForm(state(failed), words).pay.enabled).toBe(true);
    expect(connectCardForm(state(nextCardFormMemory(failed, { type: 'paying' })), words).failure).toBeNull();
    const retyped = nextCardFormMemory(failed, { type: 'typed', field: 'name', value: 'Ada King' });
    expect(connectCardForm(state(retyped), words).failure).toBeNull();
  });
});

describe('what Pay does', () => {
  it('pays with the card exactly as typed, digits only in the number', () => {
    expect(payAttempt(state(after(...typed(VALID))))).toEqual({
      kind: 'pay',
      card: { number: '4111111111111111', name: 'Ada Lovelace', expiry: '12/30', securityCode: '737', brand: 'visa' },
    });
  });

  it('adds the postal code, trimmed, only when asked for', () => {
    const memory = after(...typed({ ...VALID, postalCode: ' SW1A 1AA ' }));
    const attempt = payAttempt(state(memory, { options: { ...OPTIONS, postalCode: true } }));
    expect(attempt.kind === 'pay' && attempt.card.postalCode).toBe('SW1A 1AA');
    const without = payAttempt(state(memory));
    expect(without.kind === 'pay' && 'postalCode' in without.card).toBe(false);
  });

  it.each<
    [string, Partial<Record<CardFormField, string>>, Partial<Omit<CardFormState, 'memory'>>, CardFormField | null]
  >([
    ['an empty form', {}, {}, 'number'],
    ['only the name', { name: 'Ada Lovelace' }, {}, 'number'],
    ['all but the code', { ...VALID, securityCode: '' }, {}, 'securityCode'],
    ['all but the postal code', VALID, { options: { ...OPTIONS, postalCode: true } }, 'postalCode'],
    ['no request', VALID, { amount: null }, null],
  ])('refuses %s, showing every error and focusing the first field in error', (_name, values, given, focus) => {
    const attempt = payAttempt(state(after(...typed(values)), given));
    const postal = given.options?.postalCode ? (['postalCode'] as const) : [];
    expect(attempt).toEqual({
      kind: 'refused',
      fields: ['number', 'name', 'expiry', 'securityCode', ...postal],
      focus,
    });
  });

  it('does nothing while a card is on its way', () => {
    expect(payAttempt(state(after(...typed(VALID), { type: 'paying' })))).toEqual({ kind: 'busy' });
  });

  it('lets only the brand and the last four digits leave the form', () => {
    const detail = sealedDetailOf({ brand: 'visa', number: '4111111111111111' });
    expect(detail).toEqual({ brand: 'visa', lastFour: '1111' });
  });
});

describe("the form's memory", () => {
  it('forgets everything typed once the card is sealed, and when the form leaves the page', () => {
    const filled = after(...typed(VALID), { type: 'left', field: 'name' });
    expect(nextCardFormMemory(nextCardFormMemory(filled, { type: 'paying' }), { type: 'sealed' })).toBe(
      CARD_FORM_FRESH,
    );
    const cleared = nextCardFormMemory(filled, { type: 'cleared' });
    expect(Object.values(cleared.values).join('')).toBe('');
    expect(cleared.touched.size).toBe(0);
  });

  it('shows every error after Pay was refused, and keeps them', () => {
    const refused = after({ type: 'pay-refused', fields: ['number', 'name'] }, { type: 'left', field: 'name' });
    expect([...refused.touched].sort()).toEqual(['name', 'number']);
  });

  it('never changes the memory it is given', () => {
    const before = after(...typed({ number: '4111' }));
    nextCardFormMemory(before, { type: 'left', field: 'number' });
    nextCardFormMemory(before, { type: 'typed', field: 'number', value: '5' });
    expect(before.values.number).toBe('4111');
    expect(before.touched.size).toBe(0);
    expect(CARD_FORM_FRESH.touched.size).toBe(0);
  });
});
