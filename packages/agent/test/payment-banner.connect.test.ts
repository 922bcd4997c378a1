import { describe, expect, it } from 'vitest';
import type { Arrival } from '@chatpay/core';
import { bannersOf, connectPaymentBanner } from '../src/payment-banner/payment-banner.connect.js';
import { PAYMENT_BANNER_MESSAGES_EN as words } from '../src/payment-banner/payment-banner.messages.js';

describe('the banners', () => {
  it('lets the agent dismiss one banner, leaving the others', () => {
    const start: readonly Arrival[] = [
      { conversationId: 'c-1', requestId: 'r-1' },
      { conversationId: 'c-2', requestId: 'r-2' },
    ];
    expect(bannersOf(start, new Set([start[0]!]))).toEqual([start[1]]);
    expect(bannersOf(start, new Set())).toEqual(start);
  });

  it('names each customer in its banner', () => {
    const view = connectPaymentBanner([{ conversationId: 'c-1', requestId: 'r-1' }], words, (id) => `Customer ${id}`);
    expect(view.label).toBe('Card payments');
    expect(view.banners.map((banner) => banner.text)).toEqual(['Customer c-1 sent their card.']);
    expect([view.view, view.dismiss]).toEqual(['View', 'Dismiss']);
    expect(connectPaymentBanner([], words, (id) => id).banners).toEqual([]);
  });

  it('names the amount of the request whose card arrived, for the locale, when the registry knows it', () => {
    const arrivals: readonly Arrival[] = [
      { conversationId: 'c-1', requestId: 'r-1' },
      { conversationId: 'c-2', requestId: 'r-2' },
      { conversationId: 'c-3', requestId: 'r-3' },
    ];
    const requests = [
      { requestId: 'r-2', amount: { minor: 990, currency: 'EUR' } },
      { requestId: 'r-1', amount: { minor: 1250, currency: 'USD' } },
      { requestId: 'r-3', amount: null },
    ];
    const names: Record<string, string> = { 'c-1': 'Grace', 'c-2': 'Ada', 'c-3': 'Alan' };
    const view = connectPaymentBanner(arrivals, words, (id) => names[id]!, requests, 'en-US');
    expect(view.banners.map((banner) => banner.text)).toEqual([
      'Grace sent their card for $12.50.',
      'Ada sent their card for €9.90.',
      'Alan sent their card.',
    ]);
    const german = connectPaymentBanner(arrivals.slice(0, 1), words, () => 'Grace', requests, 'de-DE');
    expect(german.banners[0]!.text).toBe('Grace sent their card for 12,50\u00a0$.');
  });
});
