import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair, type WireMessage } from '@chatpay/core';

const message = {
  version: 1,
  id: 'message-0001',
  requestId: 'request-0001',
  conversationId: 'conv-1',
  type: 'request.sync',
  sentAt: 0,
  body: {},
} as const satisfies WireMessage;

describe('the memory transport pair', () => {
  it('delivers to the other end only, later, as a JSON copy', async () => {
    const [a, b] = createMemoryTransportPair();
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    a.subscribe((received) => atA.push(received));
    b.subscribe((received) => atB.push(received));
    const sent = a.send(message);
    expect(atB).toEqual([]); // not within the send call
    await sent;
    await Promise.resolve();
    expect(atB).toEqual([message]);
    expect(atB[0]).not.toBe(message);
    expect(atA).toEqual([]);
  });

  it('stops delivering to a listener that unsubscribed', async () => {
    const [a, b] = createMemoryTransportPair();
    const atB: unknown[] = [];
    const unsubscribe = b.subscribe((received) => atB.push(received));
    unsubscribe();
    await a.send(message);
    await Promise.resolve();
    expect(atB).toEqual([]);
  });

  it('rejects sends after close', async () => {
    const [a, b] = createMemoryTransportPair();
    b.close();
    await expect(a.send(message)).rejects.toThrow(/closed/);
  });
});
