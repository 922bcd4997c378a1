import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, type Transport, type WireMessage } from '@chatpay/core/wire';
import { contractChecks, idOf, quiet } from './contract-checks.js';

/** Two connected ends of the transport under test, and how to tear them down. */
/** Two connected ends of the transport under test, for one case of the contract. */
export interface TransportPair {
  /** One end. */
  readonly a: Transport;
  /** The other end: what `a` sends, `b` receives, and the other way round. */
  readonly b: Transport;
  /** Closes both ends and whatever joins them, after the case. */
  dispose?(): void | Promise<void>;
}

/** What the transport contract's cases may be told about the transport under test. */
export interface ContractOptions {
  /** Whether the transport keeps the order of one sender's messages (most do; say false if yours may not). */
  readonly ordered?: boolean;
  /** How long to wait for a message before failing, ms. Default 2,000. */
  readonly timeoutMs?: number;
}

/** One case of the contract: `run` resolves if the transport meets it and rejects with what went wrong. */
export interface ContractCase {
  /** What the case checks, as a test name. */
  readonly name: string;
  /** Runs the case against a new pair. */
  run(): Promise<void>;
}

let counter = 0;

/**
 * A protocol message of valid shape, distinct each time, for the contract's sends. Its key and
 * signature are placeholders: transports carry messages, sessions verify them.
 */
export function sampleMessage(type: 'request.opened' | 'request.declined' = 'request.opened'): WireMessage {
  counter += 1;
  return {
    version: PROTOCOL_VERSION,
    id: `contract-${counter}-${Math.random().toString(36).slice(2)}`,
    requestId: 'contract-request',
    conversationId: 'contract-conversation',
    type,
    sentAt: 0,
    body: {},
    customerKey: `B${'A'.repeat(86)}`,
    signature: 'A'.repeat(86),
  };
}

const { fail, eventually } = contractChecks('transport contract');

/**
 * The contract every ChatPay transport must meet, as framework-free cases: run each one inside your
 * test framework's `it`. `connect` makes a fresh connected pair for each case.
 *
 * ```ts
 * for (const contractCase of transportContract(() => makeMyPair())) it(contractCase.name, () => contractCase.run());
 * ```
 */
export function transportContract(
  connect: () => TransportPair | Promise<TransportPair>,
  options: ContractOptions = {},
): readonly ContractCase[] {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const withPair = (body: (pair: TransportPair) => Promise<void>) => async () => {
    const pair = await connect();
    try {
      await body(pair);
    } finally {
      await pair.dispose?.();
    }
  };
  const cases: ContractCase[] = [
    {
      name: 'delivers a message to the other end as the same JSON data',
      run: withPair(async ({ a, b }) => {
        const got: unknown[] = [];
        b.subscribe((message) => got.push(message));
        const message = sampleMessage();
        const sent: unknown = await a.send(message);
        if (sent !== undefined) fail('send must resolve with nothing');
        await eventually(() => got.length > 0, timeoutMs, 'delivery');
        if (JSON.stringify(got[0]) !== JSON.stringify(message)) fail('the message arrived changed');
      }),
    },
    {
      name: 'delivers both ways',
      run: withPair(async ({ a, b }) => {
        const atA: unknown[] = [];
        const atB: unknown[] = [];
        a.subscribe((message) => atA.push(message));
        b.subscribe((message) => atB.push(message));
        await b.send(sampleMessage('request.declined'));
        await a.send(sampleMessage());
        await eventually(() => atA.length > 0 && atB.length > 0, timeoutMs, 'delivery both ways');
      }),
    },
    {
      name: 'does not echo a message back to its sender',
      run: withPair(async ({ a, b }) => {
        const atA: unknown[] = [];
        const atB: unknown[] = [];
        a.subscribe((message) => atA.push(message));
        b.subscribe((message) => atB.push(message));
        await a.send(sampleMessage());
        await eventually(() => atB.length > 0, timeoutMs, 'delivery');
        await quiet();
        if (atA.length > 0) fail('the sender received its own message');
      }),
    },
    {
      name: 'gives every message to every listener, and none to one that unsubscribed',
      run: withPair(async ({ a, b }) => {
        const first: unknown[] = [];
        const second: unknown[] = [];
        const stop = b.subscribe((message) => first.push(message));
        b.subscribe((message) => second.push(message));
        await a.send(sampleMessage());
        await eventually(() => first.length === 1 && second.length === 1, timeoutMs, 'delivery to both listeners');
        if (typeof stop !== 'function') fail('subscribe must return the function that unsubscribes');
        stop();
        await a.send(sampleMessage());
        await eventually(() => second.length === 2, timeoutMs, 'delivery after unsubscribing another listener');
        await quiet();
        if (first.length !== 1) fail('a listener that unsubscribed still received a message');
      }),
    },
    {
      name: 'carries a message as long as the protocol allows',
      run: withPair(async ({ a, b }) => {
        const got: unknown[] = [];
        b.subscribe((message) => got.push(message));
        // Within a few hundred characters of the protocol's limit on a message's JSON.
        const long = { ...sampleMessage(), id: 'x'.repeat(MAX_MESSAGE_LENGTH - 400) } as WireMessage;
        await a.send(long);
        await eventually(() => got.length === 1, timeoutMs, 'delivery of a long message');
        if (idOf(got[0]) !== long.id) fail('the long message arrived changed');
      }),
    },
    {
      name: 'rejects sends after close, and delivers nothing more either way',
      run: withPair(async ({ a, b }) => {
        if (!a.close) return; // a transport without close has nothing to check here
        const atB: unknown[] = [];
        const atA: unknown[] = [];
        b.subscribe((message) => atB.push(message));
        a.subscribe((message) => atA.push(message));
        await a.close();
        let rejected = false;
        await a.send(sampleMessage()).catch(() => (rejected = true));
        if (!rejected) fail('send after close must reject');
        await b.send(sampleMessage()).catch(() => undefined);
        await quiet();
        if (atB.length > 0) fail('a message sent after close was delivered');
        if (atA.length > 0) fail('a closed end still received a message');
      }),
    },
    {
      name: 'keeps delivering to the other listeners when one throws',
      run: withPair(async ({ a, b }) => {
        const got: unknown[] = [];
        b.subscribe(() => {
          throw new Error('a listener that fails');
        });
        b.subscribe((message) => got.push(message));
        await a.send(sampleMessage());
        await a.send(sampleMessage());
        await eventually(() => got.length === 2, timeoutMs, 'delivery past a listener that throws');
      }),
    },
  ];
  if (options.ordered !== false) {
    cases.push({
      name: "keeps the order of one sender's messages",
      run: withPair(async ({ a, b }) => {
        const got: unknown[] = [];
        b.subscribe((message) => got.push(message));
        const messages = Array.from({ length: 20 }, () => sampleMessage());
        await Promise.all(messages.map((message) => a.send(message)));
        await eventually(() => got.length === messages.length, timeoutMs, 'delivery of 20 messages');
        if (got.map(idOf).join() !== messages.map((message) => message.id).join()) fail('the order changed');
      }),
    });
  }
  return cases;
}
