import {
  formatMoney,
  type CustomerRequest,
  type CustomerStatus,
  type LocalEvent,
  type PaymentRequestSnapshot,
  type RequestTerms,
  type TimelineView,
} from '@chatpay/core';
import { cardBrand } from '@chatpay/cards';
import type { PaymentRequestMessages } from './payment-request.messages.js';
import type { PaymentRequestMemory } from './payment-request.memory.js';

/** What the bubble needs to know of its request, read from it at each render. */
export interface PaymentRequestState {
  /** The request's machine: what it allows now decides what the bubble offers. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can'>;
  readonly view: Pick<TimelineView<CustomerStatus>, 'status' | 'trust' | 'settled'>;
  readonly terms: Pick<RequestTerms, 'amount' | 'reason'>;
  /** The locale for the amount; `undefined` for the runtime's default. */
  readonly locale: string | undefined;
  /** What the bubble itself remembers: the card it sealed, the decline question. */
  readonly memory: PaymentRequestMemory;
  /** A card reached the agent (the machine's `cardSent`): an ending then no longer means "not charged". */
  readonly cardSent: boolean;
  /** `<chatpay-card-form>` is defined already (loaded, or prefetched): it is drawn with no wait. */
  readonly cardFormLoaded: boolean;
}

/** The bubble's buttons, each named by its `part`. */
export type PaymentRequestAction =
  'decline' | 'enter-payment' | 'try-again' | 'keep' | 'confirm-decline' | 'form-retry';

export interface PaymentRequestActionView {
  readonly id: PaymentRequestAction;
  readonly label: string;
  /** Drawn as the main action. */
  readonly primary: boolean;
}

/** What the bubble shows for a request: the element maps it to a template and forwards clicks to the request. */
export interface PaymentRequestView {
  readonly title: string;
  /** The UNVERIFIED badge and what it means, on a request nobody vouched for. */
  readonly badge: { readonly text: string; readonly description: string } | null;
  /** The amount, formatted for the locale. */
  readonly amount: string;
  /** The words before the reason, and the reason itself (the agent's text, shown as text only). */
  readonly reasonLabel: string;
  readonly reason: string;
  /**
   * What the polite status line says: empty before the customer's choice, as the buttons say it; the
   * outcome afterwards, with the card's brand and last four once paid when this page sealed it.
   */
  readonly announced: string;
  /** Said after the outcome of a request that ended without a payment; `null` otherwise. */
  readonly notCharged: string | null;
  /** The card form is shown in place. */
  readonly cardForm: boolean;
  /**
   * While the card form is wanted but not drawn yet: `loading` (the status line says so), or `failed`
   * (the status line says so, with Try again among the actions); `null` otherwise.
   */
  readonly formLoad: 'loading' | 'failed' | null;
  /** The card form is wanted, not loaded, and no load is under way: the element starts one. */
  readonly loadForm: boolean;
  /** Worth loading the card form ahead (on idle, on pointer or focus over Enter Payment): it may be opened. */
  readonly prefetchForm: boolean;
  /** Asked (with Keep and Yes, decline as the actions) after Decline was pressed; `null` otherwise. */
  readonly question: string | null;
  /** The buttons after the form (or instead of it), in order. */
  readonly actions: readonly PaymentRequestActionView[];
}

/** Reads what the bubble needs from `request` now; `cardFormLoaded` is the card form loader's answer. */
export function paymentRequestStateOf(
  request: CustomerRequest,
  locale: string | undefined,
  memory: PaymentRequestMemory,
  cardFormLoaded: boolean,
): PaymentRequestState {
  const snapshot = request.actor.getSnapshot();
  const { cardSent } = snapshot.context;
  return { snapshot, view: request.timeline(), terms: request.terms, locale, memory, cardSent, cardFormLoaded };
}

/** The status line's words for the timeline's status, naming the card paid with when it is known. */
function announcedOf(
  state: PaymentRequestState,
  words: PaymentRequestMessages,
  formLoad: PaymentRequestView['formLoad'],
): string {
  const { view, memory } = state;
  if (formLoad === 'loading') return words.formLoading;
  if (formLoad === 'failed') return words.formFailed;
  if (view.status === 'payment-accepted' && memory.paid) {
    const { brand, lastFour } = memory.paid;
    return words.acceptedWith(cardBrand(brand)?.niceName ?? brand, lastFour);
  }
  return words.status[view.status];
}

/**
 * What the bubble shows and offers for `state`, in `words`. Each button, and the card form, is offered
 * only when the request's machine allows what it does now (`snapshot.can`): Enter Payment opens the
 * request, Decline asks whether to decline it (Keep, Yes, decline), the form submits a card, Try Again
 * sends the sealed card again. A request that ended without a payment says the customer was not charged.
 * The card form is drawn once it is loaded; until then the status line says it is loading, or that it
 * did not load, with Try again.
 */
export function connectPaymentRequest(state: PaymentRequestState, words: PaymentRequestMessages): PaymentRequestView {
  const { snapshot, view, terms, locale, memory } = state;
  const can = (
    type: Extract<LocalEvent['type'], 'request.open' | 'request.decline' | 'card.submit' | 'request.retry'>,
  ) => snapshot.can({ type });
  const formWanted = can('card.submit');
  const formReady = state.cardFormLoaded || memory.formLoad === 'loaded';
  const cardForm = formWanted && formReady;
  const formLoad = !formWanted || formReady ? null : memory.formLoad === 'failed' ? 'failed' : 'loading';
  const choosing = can('request.open');
  const asking = memory.askingToDecline && can('request.decline');

  const actions: PaymentRequestActionView[] = [];
  if (formLoad === 'failed') actions.push({ id: 'form-retry', label: words.retryForm, primary: true });
  if (asking) {
    actions.push({ id: 'keep', label: words.keep, primary: true });
    actions.push({ id: 'confirm-decline', label: words.confirmDecline, primary: false });
  } else {
    if (can('request.decline')) actions.push({ id: 'decline', label: words.decline, primary: false });
    if (can('request.open')) actions.push({ id: 'enter-payment', label: words.enterPayment, primary: true });
  }
  if (can('request.retry')) actions.push({ id: 'try-again', label: words.tryAgain, primary: true });

  return {
    title: words.title,
    badge: view.trust === 'unverified' ? { text: words.unverified, description: words.unverifiedDescription } : null,
    amount: formatMoney(terms.amount, locale),
    reasonLabel: words.reason,
    reason: terms.reason,
    announced: choosing ? '' : announcedOf(state, words, formLoad),
    // Only while no card has reached the agent: after that, the agent may have charged it before the end.
    notCharged: view.settled && view.status !== 'payment-accepted' && !state.cardSent ? words.notCharged : null,
    cardForm,
    formLoad,
    loadForm: formWanted && !formReady && memory.formLoad === 'idle',
    prefetchForm: choosing && !formReady,
    question: asking ? words.declineQuestion : null,
    actions,
  };
}
