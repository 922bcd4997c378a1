import { describe, expect, it } from 'vitest';
import { MoneyError } from '@chatpay/core';
import {
  EMPTY_FORM,
  nextForm,
  type ComposerForm,
  type FormEvent,
} from '../src/request-composer/request-composer.form.js';

const de = { decimal: ',', group: '.', mapToRadix: [','], scale: 2 };
const refusedAmount: FormEvent = {
  type: 'refused',
  refusal: { field: 'amount', problem: { kind: 'refused', error: new MoneyError('zero', 'Zero.'), currency: 'USD' } },
};
const refusedReason: FormEvent = { type: 'refused', refusal: { field: 'reason', problem: { kind: 'not-sent' } } };
const run = (...events: FormEvent[]): ComposerForm => events.reduce(nextForm, EMPTY_FORM);
const touched = (form: ComposerForm) => [...form.touched].sort();

describe('the composer form', () => {
  it.each<[string, FormEvent[], readonly string[]]>([
    ['an untouched form', [], []],
    ['an empty amount left', [{ type: 'field.left', field: 'amount', amountTyped: false }], []],
    ['a typed amount left', [{ type: 'field.left', field: 'amount', amountTyped: true }], ['amount']],
    ['an empty reason left', [{ type: 'field.left', field: 'reason', amountTyped: true }], []],
    [
      'a typed reason left',
      [
        { type: 'reason.typed', reason: 'Postage' },
        { type: 'field.left', field: 'reason', amountTyped: false },
      ],
      ['reason'],
    ],
    [
      'an empty amount the session refused, left',
      [refusedAmount, { type: 'field.left', field: 'amount', amountTyped: false }],
      ['amount'],
    ],
    ['Request pressed', [{ type: 'review.asked' }], ['amount', 'reason']],
    [
      'a keystroke the mask left out',
      [{ type: 'amount.dropped', dropped: { notice: 'group-separator', rules: de, currency: 'EUR' } }],
      ['amount'],
    ],
    ['fewer decimals for the new currency', [{ type: 'amount.decimals-dropped', currency: 'JPY' }], ['amount']],
    ['a request sent', [{ type: 'review.asked' }, { type: 'request.sent' }], []],
  ])('touches the fields: %s', (_, events, fields) => {
    expect(touched(run(...events))).toEqual(fields);
  });

  it('Request clears the last refusal', () => {
    expect(run(refusedAmount).refusal?.field).toBe('amount');
    expect(run(refusedAmount, { type: 'review.asked' }).refusal).toBeNull();
  });

  it('typing the reason clears a refusal of the reason, and only of the reason', () => {
    expect(run(refusedReason, { type: 'reason.typed', reason: 'P' }).refusal).toBeNull();
    expect(run(refusedAmount, { type: 'reason.typed', reason: 'P' }).refusal?.field).toBe('amount');
  });

  it('a keystroke the mask takes clears the refusal and what it left out', () => {
    const dropped = run(refusedAmount, {
      type: 'amount.dropped',
      dropped: { notice: 'not-a-number', rules: de, currency: 'EUR' },
    });
    expect(dropped.dropped?.notice).toBe('not-a-number');
    const taken = nextForm(dropped, { type: 'amount.taken' });
    expect(taken.dropped).toBeNull();
    expect(taken.refusal).toBeNull();
  });

  it('says a changed amount on the amount field', () => {
    expect(run({ type: 'amount.decimals-dropped', currency: 'JPY' }).refusal).toEqual({
      field: 'amount',
      problem: { kind: 'decimals-dropped', currency: 'JPY' },
    });
  });

  it('starts over once sent, keeping the chosen currency, and says so until the agent types again', () => {
    const sent = run(
      { type: 'currency.chosen', currency: 'EUR' },
      { type: 'reason.typed', reason: 'Postage' },
      { type: 'review.asked' },
      { type: 'request.sent' },
    );
    expect(sent).toEqual({ ...EMPTY_FORM, chosen: 'EUR', sent: true });
    expect(nextForm(sent, { type: 'reason.typed', reason: 'N' }).sent).toBe(false);
    expect(nextForm(sent, { type: 'amount.taken' }).sent).toBe(true);
  });
});
