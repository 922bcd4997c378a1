import type { PaymentAsk } from '@chatpay/core';
import type { PaymentAskMessages } from './payment-ask.messages.js';

/** What the customer's ask shows: the region's name always, the sentence and its two actions while an ask waits. */
export interface PaymentAskView {
  readonly label: string;
  readonly visible: boolean;
  readonly text: string;
  readonly hint: string;
  readonly start: string;
  readonly dismiss: string;
}

/**
 * What the agent sees of the customer's ask for a card request (`AgentSession.paymentAsk`): that the
 * customer would like to pay by card, and nothing else, for the ask carries nothing else (no card
 * data, no words of the customer's).
 */
export function connectPaymentAsk(ask: PaymentAsk | null, words: PaymentAskMessages): PaymentAskView {
  return {
    label: words.label,
    visible: ask !== null,
    text: ask ? words.asked : '',
    hint: ask ? words.hint : '',
    start: words.start,
    dismiss: words.dismiss,
  };
}
