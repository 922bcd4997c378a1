import { describe, expect, it } from 'vitest';
import { createMemoryHub, createMemoryTransportPair, type WireMessage } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';

/** 86 base64url characters, as a signature is: the memory transport does not check it (sessions do). */
const SIGNATURE = 'S'.repeat(86);
/** 87 base64url characters, as a customer's key is. */
const CUSTOMER_KEY = `B${'c'.repeat(86)}`;

const message = {
  version: 2,
  id: 'message-0001',
  requestId: 'request-0001',
  conversationId: 'conv-1',
  type: 'request.sync',
  sentAt: 0,
  body: {},
  signature: SIGNATURE,
} as const satisfies WireMessage;

/** The `n`th message of a conversation, from the customer's side. */
const numbered = (n: number): WireMessage => ({
  version: 2,
  id: `message-${String(n).padStart(4, '0')}`,
  requestId: 'request-0001',
  conversationId: 'conv-1',
  type: 'request.state',
  sentAt: n,
  customerKey: CUSTOMER_KEY,
  body: { phase: 'waitingForCustomer' },
  signature: SIGNATURE,
});

/** Lets the hub's queued deliveries run. */
const delivered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

describe('the memory hub with history', () => {
  it("gives a later end's history() every message sent so far, in order, each end's own included", async () => {
    const hub = createMemoryHub({ history: true });
    const agent = hub.connect();
    const customer = hub.connect();
    await agent.send(message);
    await customer.send(numbered(1));
    await agent.send(numbered(2));
    await customer.send(numbered(3));
    const late = hub.connect();
    const entries = await late.history!();
    expect(entries.map((entry) => entry.message)).toEqual([message, numbered(1), numbered(2), numbered(3)]);
    // Every end sees the same log, the sender's own messages included.
    expect((await agent.history!()).map((entry) => entry.message)).toEqual(entries.map((entry) => entry.message));
    hub.close();
  });

  it('hands out JSON copies: changing a sent message, or an entry, changes nothing in the log', async () => {
    const hub = createMemoryHub({ history: true });
    const sender = hub.connect();
    const sent = structuredClone(numbered(1)) as { body: { phase: string }; id: string };
    await sender.send(sent as unknown as WireMessage);
    sent.body.phase = 'completed';
    sent.id = 'message-changed';
    const reader = hub.connect();
    const [first] = await reader.history!();
    expect(first!.message).toEqual(numbered(1));
    expect(first!.message).not.toBe(sent);
    (first!.message as { body: { phase: string } }).body.phase = 'cancelled';
    const [again] = await reader.history!();
    expect(again!.message).toEqual(numbered(1));
    expect(again!.message).not.toBe(first!.message);
    // What crosses is JSON: a field set to undefined is not in the copy.
    await sender.send({ ...numbered(2), customerKey: undefined } as WireMessage);
    const entries = await reader.history!();
    expect(Object.keys(entries[1]!.message as object)).not.toContain('customerKey');
    hub.close();
  });

  it("stamps acceptedAt by the hub's clock, on the log and on live deliveries alike", async () => {
    const clock = new ManualClock(1_000);
    const hub = createMemoryHub({ history: true, clock });
    const sender = hub.connect();
    const receiver = hub.connect();
    const live: unknown[] = [];
    receiver.subscribe((_, delivery) => live.push(delivery));
    await sender.send(numbered(1));
    clock.advance(250);
    await sender.send(numbered(2));
    await delivered();
    const entries = await hub.connect().history!();
    expect(entries.map((entry) => entry.delivery?.acceptedAt)).toEqual([1_000, 1_250]);
    expect(live).toEqual([{ acceptedAt: 1_000 }, { acceptedAt: 1_250 }]);
    hub.close();
  });

  it('stamps no acceptedAt without a clock', async () => {
    const hub = createMemoryHub({ history: true });
    const sender = hub.connect();
    await sender.send(numbered(1));
    const entries = await hub.connect().history!();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.delivery?.acceptedAt).toBeUndefined();
    hub.close();
  });

  it('keeps no log and offers no history() without the option', async () => {
    for (const hub of [createMemoryHub(), createMemoryHub({ history: false })]) {
      const end = hub.connect();
      await end.send(message);
      expect(end.history).toBeUndefined();
      expect('history' in hub.connect()).toBe(false);
      hub.close();
    }
    const [a, b] = createMemoryTransportPair();
    expect(a.history).toBeUndefined();
    expect(b.history).toBeUndefined();
  });

  it('rejects history() once the hub is closed', async () => {
    const hub = createMemoryHub({ history: true });
    const end = hub.connect();
    await end.send(message);
    expect(await end.history!()).toHaveLength(1);
    hub.close();
    await expect(end.history!()).rejects.toThrow(/closed/);
    await expect(end.send(message)).rejects.toThrow(/closed/);
  });

  it('does not log a send refused by a closed end', async () => {
    const hub = createMemoryHub({ history: true });
    const closing = hub.connect();
    const reader = hub.connect();
    await closing.send(numbered(1));
    closing.close();
    await expect(closing.send(numbered(2))).rejects.toThrow(/closed/);
    expect((await reader.history!()).map((entry) => entry.message)).toEqual([numbered(1)]);
    hub.close();
  });
});
