// The transport contracts over @chatpay/server's relay, with each store: the WebSocket transport
// with join tokens and history, against the relay on a real socket.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMemoryHub, type Transport } from '@chatpay/core';
import {
  historyContract,
  transportContract,
  type HistoryHarness,
  type TransportPair,
} from '@chatpay/transports/testing';
import type { WebSocketLike, WebSocketTransport } from '@chatpay/transports';
import { redisAvailability, startRedisServer, type RedisServer } from '../../server/test/support/redis-server.js';
import { opened } from './support/sockets.js';
import { freshRedisStore, startTestRelay, type TestRelay } from './support/relay.js';

/** sampleMessage() belongs to this conversation and is a customer's message: both ends are customers. */
const CONVERSATION = 'contract-conversation';

async function pairOver(relay: TestRelay, dispose: () => Promise<void>): Promise<TransportPair> {
  const a = relay.transport('customer', CONVERSATION, { subject: 'a' });
  const b = relay.transport('customer', CONVERSATION, { subject: 'b' });
  await opened(a, b);
  await Promise.all([a.history!(), b.history!()]);
  return { a, b, dispose: async () => (a.close(), b.close(), await dispose()) };
}

function harnessOver(relay: TestRelay, dispose: () => Promise<void>): HistoryHarness {
  const ends: WebSocketTransport[] = [];
  const sockets = new Map<Transport, WebSocketLike[]>();
  return {
    async join(party) {
      const made: WebSocketLike[] = [];
      const end = relay.transport('customer', CONVERSATION, {
        subject: party,
        sockets: made,
        initialDelayMs: 50,
        maxDelayMs: 100,
      });
      sockets.set(end, made);
      ends.push(end);
      await opened(end);
      return end;
    },
    interrupt(end) {
      (sockets.get(end)!.at(-1) as unknown as { terminate(): void }).terminate();
    },
    async dispose() {
      for (const end of ends) end.close();
      await dispose();
    },
  };
}

function suites(name: string, startRelay: () => Promise<{ relay: TestRelay; dispose: () => Promise<void> }>) {
  describe(`WebSocket through the relay (${name}) meets the transport contract`, () => {
    for (const contractCase of transportContract(async () => {
      const { relay, dispose } = await startRelay();
      return pairOver(relay, dispose);
    })) {
      it(contractCase.name, () => contractCase.run());
    }
  });
  describe(`WebSocket through the relay (${name}) meets the history contract`, () => {
    for (const contractCase of historyContract(async () => {
      const { relay, dispose } = await startRelay();
      return harnessOver(relay, dispose);
    })) {
      it(contractCase.name, () => contractCase.run());
    }
  });
}

suites('memory store', async () => {
  const relay = await startTestRelay();
  return { relay, dispose: () => relay.close() };
});

const redis = redisAvailability();
describe.skipIf(!redis.run)(`on Redis${redis.run ? '' : ` (skipped: ${redis.why})`}`, () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  suites('Redis store', async () => {
    const store = await freshRedisStore(server.url);
    const relay = await startTestRelay({ store });
    return { relay, dispose: async () => (await relay.close(), await store.close()) };
  });
});

describe('the memory hub with history meets the history contract', () => {
  for (const contractCase of historyContract(() => {
    const hub = createMemoryHub({ history: true });
    return { join: () => hub.connect(), dispose: () => hub.close() };
  })) {
    it(contractCase.name, () => contractCase.run());
  }
});

describe('the history contract', () => {
  type Fault = 'reversed' | 'echoes-history' | 'forgets-own' | 'replays-twice';

  /** The memory hub with one fault built in, to prove the contract notices it. */
  function broken(fault: Fault): HistoryHarness {
    const hub = createMemoryHub({ history: true });
    const interrupted = new Set<Transport>();
    return {
      join(party) {
        const end = hub.connect();
        const wrapped: Transport = {
          send: (message) => end.send(message),
          subscribe: (listener) =>
            end.subscribe((message, delivery) => {
              listener(message, delivery);
              if (fault === 'replays-twice' && interrupted.has(wrapped)) listener(message, delivery);
            }),
          history: async () => {
            const entries = await end.history!();
            if (fault === 'reversed') return [...entries].reverse();
            if (fault === 'forgets-own') return entries.filter((_, index) => index % 2 === 1 || party === 'b');
            return entries;
          },
        };
        if (fault === 'echoes-history') {
          const subscribe = wrapped.subscribe;
          wrapped.subscribe = (listener) => {
            void end.history!().then((entries) => entries.forEach((entry) => listener(entry.message)));
            return subscribe(listener);
          };
        }
        return wrapped;
      },
      interrupt: (end) => void interrupted.add(end),
      dispose: () => hub.close(),
    };
  }

  it.each([
    ['reversed', 'hands a new end what was said before it joined, oldest first, its own party’s messages included'],
    ['forgets-own', 'hands a new end what was said before it joined, oldest first, its own party’s messages included'],
    ['echoes-history', 'does not also hand the history to its listeners, and delivers live what comes after'],
    ['replays-twice', 'after a reconnection, delivers what was sent meanwhile, once and in order, and none of its own'],
  ] as const)('fails a transport that breaks it (%s)', async (fault, caseName) => {
    const contractCase = historyContract(() => broken(fault), { timeoutMs: 200 }).find((c) => c.name === caseName)!;
    let failed = false;
    await contractCase.run().catch((error: Error) => (failed = /history contract/.test(error.message)));
    if (!failed) throw new Error(`the history contract did not notice ${fault}`);
  });
});
