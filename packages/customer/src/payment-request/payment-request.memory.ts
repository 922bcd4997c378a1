import type { CardSealedDetail } from '../card-form/card-form.connect.js';

/** Where the focus goes after the bubble's content changed under it, named by what it lands on. */
export type PaymentRequestFocus =
  /** The card form's first field, after Enter Payment. */
  | 'card-form'
  /** The status line with the outcome, after Pay, Try Again or a confirmed decline. */
  | 'status'
  /** The Keep button of the decline question, once it is asked. */
  | 'keep'
  /** The Decline button again, after Keep. */
  | 'decline';

/**
 * What the bubble remembers between renders besides its request, whose machine knows nothing of it:
 * the card this page sealed (its brand and last four digits only, in memory only, so that a reloaded
 * page no longer knows them), whether the customer is being asked to confirm a decline, and where the
 * focus goes next.
 */
export interface PaymentRequestMemory {
  readonly paid: CardSealedDetail | null;
  readonly askingToDecline: boolean;
  /** Taken by the element after the next render, which then reports `focused`. */
  readonly focus: PaymentRequestFocus | null;
}

/** A bubble as it starts, and as it is again for another request. */
export const PAYMENT_REQUEST_FRESH: PaymentRequestMemory = Object.freeze({
  paid: null,
  askingToDecline: false,
  focus: null,
});

/** What happened in the bubble. */
export type PaymentRequestMemoryEvent =
  /** Enter Payment opened the card form. */
  | { readonly type: 'opened' }
  /** Decline was pressed: the bubble asks whether to decline. */
  | { readonly type: 'decline-asked' }
  /** Keep: the question goes, the request stays as it was. */
  | { readonly type: 'decline-kept' }
  /** Yes, decline: the request was declined (or had already moved on), the question goes. */
  | { readonly type: 'decline-confirmed' }
  /** The card form sealed a card and handed it to the session. */
  | { readonly type: 'sealed'; readonly card: CardSealedDetail }
  /** Try Again sent the sealed card again. */
  | { readonly type: 'retried' }
  /** The focus went where it was asked to go (or could not, the person having moved on). */
  | { readonly type: 'focused' };

/** The bubble's memory after `event`. */
export function nextPaymentRequestMemory(
  memory: PaymentRequestMemory,
  event: PaymentRequestMemoryEvent,
): PaymentRequestMemory {
  switch (event.type) {
    case 'opened':
      return { ...memory, askingToDecline: false, focus: 'card-form' };
    case 'decline-asked':
      return { ...memory, askingToDecline: true, focus: 'keep' };
    case 'decline-kept':
      return { ...memory, askingToDecline: false, focus: 'decline' };
    case 'decline-confirmed':
      return { ...memory, askingToDecline: false, focus: 'status' };
    case 'sealed':
      return { ...memory, paid: { brand: event.card.brand, lastFour: event.card.lastFour }, focus: 'status' };
    case 'retried':
      return { ...memory, focus: 'status' };
    case 'focused':
      return memory.focus === null ? memory : { ...memory, focus: null };
  }
}
