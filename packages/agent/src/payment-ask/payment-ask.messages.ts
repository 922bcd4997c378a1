/** Every word the customer's ask shows. Integrators override any of them through the `messages` property. */
export interface PaymentAskMessages {
  /** The name of the region the ask appears in. */
  readonly label: string;
  /** What the customer asked. */
  readonly asked: string;
  /** What the agent can do about it. */
  readonly hint: string;
  /** The button that starts a card request. */
  readonly start: string;
  /** The button that dismisses the ask. */
  readonly dismiss: string;
}

/** The customer's ask's words in English, the default. */
export const PAYMENT_ASK_MESSAGES_EN: PaymentAskMessages = {
  label: 'Card payment',
  asked: 'The customer would like to pay by card.',
  hint: 'Send a card request so they can pay in the secure form.',
  start: 'Start a card request',
  dismiss: 'Dismiss',
};
