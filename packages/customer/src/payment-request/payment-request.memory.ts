import type { CardSealedDetail } from '../card-form/card-form.connect.js';

/** Where the focus goes after the bubble's content changed under it, named by what it lands on. */
export type PaymentRequestFocus =
  /** The card form's first field, after Enter Payment: kept while the form loads, taken once it is drawn. */
  | 'card-form'
  /** The form's Try again button, after the form failed to load while the customer waited for it. */
  | 'form-retry'
  /** The status line with the outcome, after Pay, Try Again or a confirmed decline. */
  | 'status'
  /** The Keep button of the decline question, once it is asked. */
  | 'keep'
  /** The Decline button again, after Keep. */
  | 'decline';

/**
 * Where loading the card form stands, once the bubble needed it: `idle` before (a prefetch is silent,
 * and shows nowhere), then `loading`, and `loaded` or `failed`.
 */
export type CardFormLoad = 'idle' | 'loading' | 'loaded' | 'failed';

/**
 * What the bubble remembers between renders besides its request, whose machine knows nothing of it:
 * the card this page sealed (its brand and last four digits only, in memory only, so that a reloaded
 * page no longer knows them), whether the customer is being asked to confirm a decline, where loading
 * the card form stands, and where the focus goes next.
 */
export interface PaymentRequestMemory {
  readonly paid: CardSealedDetail | null;
  readonly askingToDecline: boolean;
  readonly formLoad: CardFormLoad;
  /** Taken by the element after the render that draws its target, which then reports `focused`. */
  readonly focus: PaymentRequestFocus | null;
}

/** A bubble as it starts, and as it is again for another request. */
export const PAYMENT_REQUEST_FRESH: PaymentRequestMemory = Object.freeze({
  paid: null,
  askingToDecline: false,
  formLoad: 'idle',
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
  /** The card form was needed and its loading began (or a prefetch already under way was waited for). */
  | { readonly type: 'form-loading' }
  /** The card form loaded: it is drawn. */
  | { readonly type: 'form-loaded' }
  /** The card form did not load while it was needed. */
  | { readonly type: 'form-failed' }
  /** Try again, after the card form failed to load: it is loaded again, and the focus goes to it once drawn. */
  | { readonly type: 'form-retried' }
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
    case 'form-loading':
      return { ...memory, formLoad: 'loading' };
    case 'form-loaded':
      return { ...memory, formLoad: 'loaded' };
    case 'form-failed':
      // The customer waiting for the form (the focus kept for it) is taken to Try again.
      return { ...memory, formLoad: 'failed', focus: memory.focus === 'card-form' ? 'form-retry' : memory.focus };
    case 'form-retried':
      return { ...memory, formLoad: 'idle', focus: 'card-form' };
    case 'focused':
      return memory.focus === null ? memory : { ...memory, focus: null };
  }
}
