import type { Arrival } from '@chatpay/core';
import type { PaymentBannerMessages } from './payment-banner.messages.js';

/** The registry's arrivals less those the agent dismissed here: the banners, in the order their cards arrived. */
export function bannersOf(
  arrivals: readonly Arrival[],
  dismissed: { has(arrival: Arrival): boolean },
): readonly Arrival[] {
  return arrivals.filter((arrival) => !dismissed.has(arrival));
}

/** What the banner shows: its region's name, and each banner's sentence with View and Dismiss. */
export interface BannerView {
  readonly label: string;
  readonly banners: readonly { readonly arrival: Arrival; readonly text: string }[];
  readonly view: string;
  readonly dismiss: string;
}

/** What the banner shows for `arrivals`, in `words`, naming each customer with `nameOf`. */
export function connectPaymentBanner(
  arrivals: readonly Arrival[],
  words: PaymentBannerMessages,
  nameOf: (conversationId: string) => string,
): BannerView {
  return {
    label: words.label,
    banners: arrivals.map((arrival) => ({ arrival, text: words.cardArrived(nameOf(arrival.conversationId)) })),
    view: words.view,
    dismiss: words.dismiss,
  };
}
