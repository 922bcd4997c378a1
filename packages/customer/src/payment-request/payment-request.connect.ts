import {
  formatMoney,
  type CustomerRequest,
  type CustomerStatus,
  type LocalEvent,
  type PaymentRequestSnapshot,
  type RequestTerms,
  type TimelineView,
} from '@chatpay/core';
import type { PaymentRequestMessages } from './payment-request.messages.js';

/** What the bubble needs to know of its request, read from it at each render. */
export interface PaymentRequestState {
  /** The request's machine: what it allows now decides what the bubble offers. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can'>;
  readonly view: Pick<TimelineView<CustomerStatus>, 'status' | 'trust'>;
  readonly terms: Pick<RequestTerms, 'amount' | 'reason'>;
  /** The locale for the amount; `undefined` for the runtime's default. */
  readonly locale: string | undefined;
}

/** The bubble's buttons, each named by its `part`. */
export type PaymentRequestAction = 'decline' | 'enter-payment' | 'try-again';

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
  /** What the polite status line says: empty while the customer has a choice to make, as the buttons say it. */
  readonly announced: string;
  /** The card form is shown in place. */
  readonly cardForm: boolean;
  /** The buttons after the form (or instead of it), in order. */
  readonly actions: readonly PaymentRequestActionView[];
}

/** Reads what the bubble needs from `request` now. */
export function paymentRequestStateOf(request: CustomerRequest, locale: string | undefined): PaymentRequestState {
  return { snapshot: request.actor.getSnapshot(), view: request.timeline(), terms: request.terms, locale };
}

/**
 * What the bubble shows and offers for `state`, in `words`. Each button, and the card form, is offered
 * only when the request's machine allows what it does now (`snapshot.can`): Enter Payment opens the
 * request, Decline declines it, the form submits a card, Try Again sends the sealed card again.
 */
export function connectPaymentRequest(state: PaymentRequestState, words: PaymentRequestMessages): PaymentRequestView {
  const { snapshot, view, terms, locale } = state;
  const can = (
    type: Extract<LocalEvent['type'], 'request.open' | 'request.decline' | 'card.submit' | 'request.retry'>,
  ) => snapshot.can({ type });
  const cardForm = can('card.submit');
  const choosing = can('request.open') || cardForm;

  const actions: PaymentRequestActionView[] = [];
  if (can('request.decline')) actions.push({ id: 'decline', label: words.decline, primary: false });
  if (can('request.open')) actions.push({ id: 'enter-payment', label: words.enterPayment, primary: true });
  if (can('request.retry')) actions.push({ id: 'try-again', label: words.tryAgain, primary: true });

  return {
    title: words.title,
    badge: view.trust === 'unverified' ? { text: words.unverified, description: words.unverifiedDescription } : null,
    amount: formatMoney(terms.amount, locale),
    reasonLabel: words.reason,
    reason: terms.reason,
    announced: choosing ? '' : words.status[view.status],
    cardForm,
    actions,
  };
}
