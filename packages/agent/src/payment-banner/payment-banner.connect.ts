import { formatMoney, type Arrival, type RequestSummary } from '@chatpay/core';
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

/**
 * What the banner shows for `arrivals`, in `words`, naming each customer with `nameOf` and the amount
 * its request asks for, as the registry's `requests` list it, formatted for `locale`.
 */
export function connectPaymentBanner(
  arrivals: readonly Arrival[],
  words: PaymentBannerMessages,
  nameOf: (conversationId: string) => string,
  requests: readonly Pick<RequestSummary, 'requestId' | 'amount'>[] = [],
  locale?: string,
): BannerView {
  const amountOf = (arrival: Arrival) => {
    const amount = requests.find((request) => request.requestId === arrival.requestId)?.amount;
    return amount ? formatMoney(amount, locale) : null;
  };
  return {
    label: words.label,
    banners: arrivals.map((arrival) => ({
      arrival,
      text: words.cardArrived(nameOf(arrival.conversationId), amountOf(arrival)),
    })),
    view: words.view,
    dismiss: words.dismiss,
  };
}
