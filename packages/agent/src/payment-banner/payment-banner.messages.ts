/** Every word the payment banner shows. Integrators override any of them through the `messages` property. */
export interface PaymentBannerMessages {
  readonly label: string;
  /** One card arrived: `customer` is the conversation's name, from the banner's `nameOf`. */
  readonly cardArrived: (customer: string) => string;
  readonly view: string;
  readonly dismiss: string;
}

export const PAYMENT_BANNER_MESSAGES_EN: PaymentBannerMessages = {
  label: 'Card payments',
  cardArrived: (customer) => `${customer} sent their card.`,
  view: 'View',
  dismiss: 'Dismiss',
};
