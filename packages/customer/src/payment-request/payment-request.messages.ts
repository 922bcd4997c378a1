import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@chatpay/core';

/** Every word the payment request shows. Integrators override any of them through the `messages` property. */
export interface PaymentRequestMessages {
  readonly title: string;
  readonly reason: string;
  readonly decline: string;
  readonly enterPayment: string;
  readonly tryAgain: string;
  readonly status: Readonly<Record<CustomerStatus, string>>;
  /** The badge on a request nobody vouched for (both sides run without key vouching). */
  readonly unverified: string;
  /** What the badge means, next to it. */
  readonly unverifiedDescription: string;
}

export const PAYMENT_REQUEST_MESSAGES_EN: PaymentRequestMessages = {
  title: 'Payment request',
  reason: 'For',
  decline: 'Decline',
  enterPayment: 'Enter Payment',
  tryAgain: 'Try Again',
  status: CUSTOMER_STATUS_LABELS,
  unverified: 'UNVERIFIED · development mode',
  unverifiedDescription:
    "This request was not checked by the business's server: it is a test in development. Do not enter a real card.",
};
