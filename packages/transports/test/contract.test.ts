import { describe, expect, it } from 'vitest';
import { createMemoryHub, createMemoryTransportPair } from '@chatpay/core';
import { createBroadcastChannelTransport } from '@chatpay/transports';
import { transportContract, withFaults, type TransportPair } from '@chatpay/transports/testing';

function suite(name: string, connect: () => TransportPair | Promise<TransportPair>) {
  describe(`${name} meets the transport contract`, () => {
    for (const contractCase of transportContract(connect)) it(contractCase.name, () => contractCase.run());
  });
}

let channels = 0;

suite('the memory pair', () => {
  const [a, b] = createMemoryTransportPair();
  return { a, b };
});

suite('the memory hub', () => {
  const hub = createMemoryHub();
  return { a: hub.connect(), b: hub.connect(), dispose: () => hub.close() };
});

suite('BroadcastChannel', () => {
  const channel = `contract-${++channels}`;
  const a = createBroadcastChannelTransport({ channel });
  const b = createBroadcastChannelTransport({ channel });
  return { a, b, dispose: () => (a.close(), b.close()) };
});

suite('the fault wrapper, with no faults', () => {
  const [a, b] = createMemoryTransportPair();
  return { a: withFaults(a), b: withFaults(b) };
});

describe('the contract', () => {
  type Fault =
    | 'echo'
    | 'change'
    | 'reverse'
    | 'deaf-unsubscribe'
    | 'open-after-close'
    | 'hears-after-close'
    | 'one-way'
    | 'short'
    | 'throwing-stops';

  /** A memory pair with one fault built in, to prove the contract notices it. */
  function broken(fault: Fault): TransportPair {
    const [a, b] = createMemoryTransportPair();
    const own = new Set<(message: unknown) => void>();
    const held: unknown[] = [];
    let closed = false;
    const atB = new Set<(message: unknown) => void>();
    b.subscribe((message) => {
      for (const listener of atB) listener(message); // no try: one throw stops the rest ('throwing-stops')
    });
    return {
      a: {
        send: async (message) => {
          if (closed) {
            if (fault === 'open-after-close') return;
            throw new Error('closed');
          }
          if (fault === 'echo') for (const listener of own) listener(message);
          if (fault === 'change') return a.send({ ...message, sentAt: 1 });
          if (fault === 'short' && JSON.stringify(message).length > 1000) return;
          if (fault === 'reverse') {
            held.push(message);
            if (held.length === 20) for (const next of held.reverse()) await a.send(next as never);
            return;
          }
          return a.send(message);
        },
        subscribe: (listener) => (own.add(listener), a.subscribe(listener)),
        close: () => {
          closed = true;
          if (fault !== 'open-after-close' && fault !== 'hears-after-close') a.close();
        },
      },
      b: {
        send: (message) => (fault === 'one-way' ? Promise.resolve() : b.send(message)),
        subscribe: (listener) => {
          if (fault === 'throwing-stops') {
            atB.add(listener);
            return () => atB.delete(listener);
          }
          const stop = b.subscribe(listener);
          return fault === 'deaf-unsubscribe' ? () => true : stop;
        },
      },
    };
  }

  it.each([
    ['echo', 'does not echo a message back to its sender'],
    ['change', 'delivers a message to the other end as the same JSON data'],
    ['reverse', "keeps the order of one sender's messages"],
    ['deaf-unsubscribe', 'gives every message to every listener, and none to one that unsubscribed'],
    ['open-after-close', 'rejects sends after close, and delivers nothing more either way'],
    ['hears-after-close', 'rejects sends after close, and delivers nothing more either way'],
    ['one-way', 'delivers both ways'],
    ['short', 'carries a message as long as the protocol allows'],
    ['throwing-stops', 'keeps delivering to the other listeners when one throws'],
  ] as const)('fails a transport that breaks it (%s)', async (fault, caseName) => {
    const contractCase = transportContract(() => broken(fault), { timeoutMs: 200 }).find((c) => c.name === caseName)!;
    await expect(contractCase.run()).rejects.toThrow(/transport contract/);
  });
});
