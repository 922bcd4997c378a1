import { describe, expect, it } from 'vitest';
import type { RegistryEvent, RequestSummary } from '@chatpay/core';
import { arrivalsAfter, type Arrival } from '../src/card-arrivals.js';
const summary = (conversationId: string, requestId: string, needsAttention = true): RequestSummary => ({
  conversationId,
  requestId,
  status: needsAttention ? 'view-card' : 'completed',
  needsAttention,
  observed: false,
  amount: null,
});
const registry = (requests: readonly RequestSummary[], conversationInView: string | null = null) => ({
  requests: () => requests,
  conversationInView,
});
const arrived = (conversationId: string, requestId: string): RegistryEvent => ({
  type: 'card-arrived',
  conversationId,
  requestId,
});
const changed: RegistryEvent = { type: 'changed' };

describe('the arrivals of cards', () => {
  it('adds one per card that arrives, in the order they arrive', () => {
    const waiting = registry([summary('c-2', 'r-2'), summary('c-1', 'r-1')]);
    const first = arrivalsAfter([], arrived('c-1', 'r-1'), waiting);
    const both = arrivalsAfter(first, arrived('c-2', 'r-2'), waiting);
    expect(both).toEqual([
      { conversationId: 'c-1', requestId: 'r-1' },
      { conversationId: 'c-2', requestId: 'r-2' },
    ]);
  });

  it('moves a card announced again to the end, once', () => {
    const waiting = registry([summary('c-1', 'r-1'), summary('c-2', 'r-2')]);
    const start: readonly Arrival[] = [
      { conversationId: 'c-1', requestId: 'r-1' },
      { conversationId: 'c-2', requestId: 'r-2' },
    ];
    expect(arrivalsAfter(start, arrived('c-1', 'r-1'), waiting).map((arrival) => arrival.requestId)).toEqual([
      'r-2',
      'r-1',
    ]);
  });

  it('has no banner for a card waiting that was never announced', () => {
    expect(arrivalsAfter([], changed, registry([summary('c-1', 'r-1')]))).toEqual([]);
  });

  it('drops a banner once its card no longer waits, or its conversation is in view', () => {
    const start: readonly Arrival[] = [
      { conversationId: 'c-1', requestId: 'r-1' },
      { conversationId: 'c-2', requestId: 'r-2' },
    ];
    expect(arrivalsAfter(start, changed, registry([summary('c-1', 'r-1', false), summary('c-2', 'r-2')]))).toEqual([
      start[1],
    ]);
    expect(arrivalsAfter(start, changed, registry([summary('c-1', 'r-1'), summary('c-2', 'r-2')], 'c-2'))).toEqual([
      start[0],
    ]);
    expect(arrivalsAfter(start, changed, registry([]))).toEqual([]);
  });
});
