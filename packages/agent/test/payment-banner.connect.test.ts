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
});
