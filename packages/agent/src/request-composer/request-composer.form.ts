import type { MoneyError, SessionError } from '@chatpay/core';
import type { AmountRules, TypingNotice } from './amount-typing.js';

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

/** Something typed or pasted that the amount mask did not take, with the rules and currency it broke. */
export interface DroppedTyping {
  readonly notice: TypingNotice;
  readonly rules: AmountRules;
  readonly currency: string;
}

/**
 * What the agent has put in the form, apart from the amount itself (the mask holds what is typed
 * there) and the confirmation (the request's `confirming` phase). Errors show on a field only once it
 * is touched: left with something in it, or Request pressed.
 */
export interface ComposerForm {
  readonly reason: string;
  /** The currency the agent chose, if any: it stands while it is in the allowed list. */
  readonly chosen: string | undefined;
  readonly touched: ReadonlySet<Field>;
  readonly refusal: Refusal | null;
  /** Said next to the amount until the next keystroke the mask takes. */
  readonly dropped: DroppedTyping | null;
  /** A request was just sent: said to screen readers until the agent types again. */
  readonly sent: boolean;
}

export const EMPTY_FORM: ComposerForm = {
  reason: '',
  chosen: undefined,
  touched: new Set(),
  refusal: null,
  dropped: null,
  sent: false,
};

/** What happened to the form: each the agent's doing, or the session's answer to it. */
export type FormEvent =
  | { readonly type: 'reason.typed'; readonly reason: string }
  /** A field was left; `amountTyped` says whether the amount mask holds anything. */
  | { readonly type: 'field.left'; readonly field: Field; readonly amountTyped: boolean }
  /** The mask took a keystroke. */
  | { readonly type: 'amount.taken' }
  | { readonly type: 'amount.dropped'; readonly dropped: DroppedTyping }
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
      };
    case 'field.left': {
      // Only a field with something in it shows its errors when left: an empty one is not an error yet.
      const typed =
        event.field === 'amount' ? event.amountTyped || form.refusal?.field === 'amount' : form.reason !== '';
      return typed ? { ...form, touched: touch(form, event.field) } : form;
    }
    case 'amount.taken':
      return { ...form, refusal: null, dropped: null };
    case 'amount.dropped':
      return { ...form, dropped: event.dropped, touched: touch(form, 'amount') };
    case 'currency.chosen':
      return { ...form, chosen: event.currency };
    case 'amount.decimals-dropped':
      return {
        ...form,
        touched: touch(form, 'amount'),
        refusal: { field: 'amount', problem: { kind: 'decimals-dropped', currency: event.currency } },
      };
    case 'review.asked':
      return { ...form, touched: new Set(['amount', 'reason']), refusal: null };
    case 'refused':
      return { ...form, refusal: event.refusal };
    case 'request.sent':
      return { ...EMPTY_FORM, chosen: form.chosen, sent: true };
  }
}
