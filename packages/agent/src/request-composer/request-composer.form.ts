import { reasonProblem, type MoneyError, type SessionError } from '@chatpay/core';

/** A field of the composer's form. */
export type Field = 'amount' | 'reason';

/**
 * Why the composer could not go on, to be said in words next to what it concerns: a typed error from
 * the session, a request the session would not make or send, or an amount the new currency changed.
 */
export type ComposerProblem =
  | { readonly kind: 'refused'; readonly error: MoneyError | SessionError; readonly currency: string }
  | { readonly kind: 'not-sent' }
  | { readonly kind: 'decimals-dropped'; readonly currency: string };

/** A problem shown on the field it concerns, or on the confirmation (`send`). */
export interface Refusal {
  readonly field: Field | 'send';
  readonly problem: ComposerProblem;
}

/**
 * What the agent has put in the form, apart from the amount itself (the amount field holds what is
 * typed there) and the confirmation (the request's `confirming` phase). Errors show on a field once
 * it is touched: left with something in it, Request pressed, or given text that typing on cannot mend
 * (a letter or a misplaced separator in the amount, a reason over the limit).
 */
export interface ComposerForm {
  readonly reason: string;
  /** The currency the agent chose, if any: it stands while it is in the allowed list. */
  readonly chosen: string | undefined;
  readonly touched: ReadonlySet<Field>;
  readonly refusal: Refusal | null;
  /** The agent is typing the amount: an amount still being typed ("12.") is not an error yet. */
  readonly amountTyping: boolean;
  /** A request was just sent: said to screen readers until the agent types again. */
  readonly sent: boolean;
}

export const EMPTY_FORM: ComposerForm = {
  reason: '',
  chosen: undefined,
  touched: new Set(),
  refusal: null,
  amountTyping: false,
  sent: false,
};

/** What happened to the form: each the agent's doing, or the session's answer to it. */
export type FormEvent =
  | { readonly type: 'reason.typed'; readonly reason: string }
  /** A field was left; `amountTyped` says whether the amount mask holds anything. */
  | { readonly type: 'field.left'; readonly field: Field; readonly amountTyped: boolean }
  /** The agent typed or pasted into the amount; `refused` says the text was refused at once. */
  | { readonly type: 'amount.typed'; readonly refused: boolean }
  | { readonly type: 'currency.chosen'; readonly currency: string }
  /** The new currency takes fewer decimals: the amount changed. */
  | { readonly type: 'amount.decimals-dropped'; readonly currency: string }
  /** Request was pressed: both fields show their errors. */
  | { readonly type: 'review.asked' }
  | { readonly type: 'refused'; readonly refusal: Refusal }
  /** The request went: the form starts over, saying so. */
  | { readonly type: 'request.sent' };

const touch = (form: ComposerForm, field: Field): ReadonlySet<Field> => new Set([...form.touched, field]);

/** The form after `event`. */
export function nextForm(form: ComposerForm, event: FormEvent): ComposerForm {
  switch (event.type) {
    case 'reason.typed':
      return {
        ...form,
        reason: event.reason,
        sent: false,
        refusal: form.refusal?.field === 'reason' ? null : form.refusal,
        // Over the limit is said at once, typed or pasted: nothing is cut in silence.
        touched: reasonProblem(event.reason) === 'too-long' ? touch(form, 'reason') : form.touched,
      };
    case 'field.left': {
      // Only a field with something in it shows its errors when left: an empty one is not an error yet.
      const typed =
        event.field === 'amount' ? event.amountTyped || form.refusal?.field === 'amount' : form.reason !== '';
      const left = event.field === 'amount' ? { ...form, amountTyping: false } : form;
      return typed ? { ...left, touched: touch(form, event.field) } : left;
    }
    case 'amount.typed':
      return {
        ...form,
        refusal: null,
        amountTyping: true,
        touched: event.refused ? touch(form, 'amount') : form.touched,
      };
    case 'currency.chosen':
      return { ...form, chosen: event.currency };
    case 'amount.decimals-dropped':
      return {
        ...form,
        touched: touch(form, 'amount'),
        refusal: { field: 'amount', problem: { kind: 'decimals-dropped', currency: event.currency } },
      };
    case 'review.asked':
      return { ...form, touched: new Set(['amount', 'reason']), refusal: null, amountTyping: false };
    case 'refused':
      return { ...form, refusal: event.refusal };
    case 'request.sent':
      return { ...EMPTY_FORM, chosen: form.chosen, sent: true };
  }
}
