/** Every word the customer's ask shows. Integrators override any of them through the `messages` property. */
export interface PaymentAskMessages {
  /** The name of the region the ask appears in. */
  readonly label: string;
  readonly asked: string;
  readonly hint: string;
  readonly start: string;
  readonly dismiss: string;
}

export const PAYMENT_ASK_MESSAGES_EN: PaymentAskMessages = {
  label: 'Card payment',
  asked: 'The customer would like to pay by card.',
  hint: 'Send a card request so they can pay in the secure form.',
  start: 'Start a card request',
  dismiss: 'Dismiss',
};
