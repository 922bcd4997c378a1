import type { CustomerStatus } from '@chatpay/core';

/** Every word the payment request shows. Integrators override any of them through the `messages` property. */
export interface PaymentRequestMessages {
  /** The request's heading. */
  readonly title: string;
  /** The label before the reason for the charge ("For"). */
  readonly reason: string;
  /** The Decline button. */
  readonly decline: string;
  /** The Enter Payment button, which opens the card form. */
  readonly enterPayment: string;
  /** The Try Again button, after the card could not be sent. */
  readonly tryAgain: string;
  /** Asked when Decline is pressed, before anything is declined. */
  readonly declineQuestion: string;
  /** The answer that keeps the request as it is. */
  readonly keep: string;
  /** The answer that declines it. */
  readonly confirmDecline: string;
  /** What the status line says for each status of the customer's timeline. */
  readonly status: Readonly<Record<CustomerStatus, string>>;
  /** After the outcome of a request that ended without a payment (declined, expired, cancelled, replaced). */
  readonly notCharged: string;
  /** The status line once paid, when this page sealed the card: its brand's name and last four digits. */
  readonly acceptedWith: (brand: string, lastFour: string) => string;
  /** The status line while the card form loads, after Enter Payment. */
  readonly formLoading: string;
  /** The status line when the card form did not load, with Try again. */
  readonly formFailed: string;
  /** The button that loads the card form again after it failed to load. */
  readonly retryForm: string;
  /** The badge on a request nobody vouched for (both sides run without key vouching). */
  readonly unverified: string;
  /** What the badge means, next to it. */
  readonly unverifiedDescription: string;
}

/** The payment request's words in English, the default. */
export const PAYMENT_REQUEST_MESSAGES_EN: PaymentRequestMessages = {
  title: 'Payment request',
  reason: 'For',
  decline: 'Decline',
  enterPayment: 'Enter Payment',
  tryAgain: 'Try Again',
  declineQuestion: 'Decline this payment?',
  keep: 'Keep',
  confirmDecline: 'Yes, decline',
  status: {
    'payment-requested': 'Payment requested',
    'entering-payment': 'Enter your card details',
    sending: 'Sending…',
    'try-again': 'Sending failed. Try again.',
    'waiting-for-agent': 'Sent. Waiting for the agent.',
    'payment-accepted': 'Payment Accepted',
    declined: 'You declined this payment',
    'request-expired': 'This request has expired',
    'card-expired': 'This request has ended. The agent may send a new one.',
    cancelled: 'The agent cancelled this request',
    replaced: 'The agent sent a new request in place of this one',
  },
  notCharged: 'You have not been charged.',
  acceptedWith: (brand, lastFour) => `Payment Accepted — ${brand} •••• ${lastFour}`,
  formLoading: 'Loading the secure form…',
  formFailed: 'The secure form did not load. Check your connection and try again.',
  retryForm: 'Try again',
  unverified: 'UNVERIFIED · development mode',
  unverifiedDescription:
    "This request was not checked by the business's server: it is a test in development. Do not enter a real card.",
};
