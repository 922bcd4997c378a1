/** Every word the payment banner shows. Integrators override any of them through the `messages` property. */
export interface PaymentBannerMessages {
  /** The name of the region the banner appears in. */
  readonly label: string;
  /**
   * One card arrived: `customer` is the conversation's name, from the banner's `nameOf`; `amount` is
   * what the request asks for, formatted for the locale (null when the registry does not know it).
   */
  readonly cardArrived: (customer: string, amount: string | null) => string;
  /** The button that shows the conversation. */
  readonly view: string;
  /** The button that dismisses the banner. */
  readonly dismiss: string;
}

/** The payment banner's words in English, the default. */
export const PAYMENT_BANNER_MESSAGES_EN: PaymentBannerMessages = {
  label: 'Card payments',
  cardArrived: (customer, amount) =>
    amount === null ? `${customer} sent their card.` : `${customer} sent their card for ${amount}.`,
  view: 'View',
  dismiss: 'Dismiss',
};
