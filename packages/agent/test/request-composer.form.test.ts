import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH, MoneyError } from '@chatpay/core';
import {
  EMPTY_FORM,
  nextForm,
  type ComposerForm,
  type FormEvent,
} from '../src/request-composer/request-composer.form.js';

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
    ['an amount refused at once, as it is typed', [{ type: 'amount.typed', refused: true }], ['amount']],
    ['an amount typed, not refused', [{ type: 'amount.typed', refused: false }], []],
    [
      'a reason over the limit, typed or pasted',
      [{ type: 'reason.typed', reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }],
      ['reason'],
    ],
    ['a reason at the limit', [{ type: 'reason.typed', reason: 'x'.repeat(MAX_REASON_LENGTH) }], []],
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

  it('typing in the amount clears the refusal, and the amount is being typed until the field is left', () => {
    const typed = run(refusedAmount, { type: 'amount.typed', refused: false });
    expect(typed.refusal).toBeNull();
    expect(typed.amountTyping).toBe(true);
    expect(nextForm(typed, { type: 'field.left', field: 'amount', amountTyped: true }).amountTyping).toBe(false);
    expect(nextForm(typed, { type: 'field.left', field: 'reason', amountTyped: true }).amountTyping).toBe(true);
    expect(nextForm(typed, { type: 'review.asked' }).amountTyping).toBe(false);
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
    expect(nextForm(sent, { type: 'amount.typed', refused: false }).sent).toBe(true);
  });
});
