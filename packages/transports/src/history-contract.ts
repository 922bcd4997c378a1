import type { HistoryEntry, Transport } from '@chatpay/core/wire';
import { sampleMessage, type ContractCase } from './contract.js';
import { contractChecks, idOf, quiet } from './contract-checks.js';

/** A conversation that keeps its log, for the history contract: ends join as one of two parties. */
export interface HistoryHarness {
  /** A new end for party `a` or `b` (two people, or the agent and the customer). */
  join(party: 'a' | 'b'): Transport | Promise<Transport>;
  /**
   * Breaks an end's connection, as a network would; the end must come back by itself. Without it,
   * the cases about reconnecting are skipped.
   */
  interrupt?(end: Transport): void | Promise<void>;
  /** Closes every end joined and whatever joins them, after the case. */
  dispose?(): void | Promise<void>;
}

/** What the history contract's cases may be told. */
export interface HistoryContractOptions {
  /** How long to wait for a message before failing, ms. Default 2,000. */
  readonly timeoutMs?: number;
}

const { fail, eventually } = contractChecks('history contract');
const ids = (entries: readonly HistoryEntry[]) => entries.map((entry) => idOf(entry.message)).join();

async function historyOf(end: Transport): Promise<readonly HistoryEntry[]> {
  if (!end.history) return fail('the transport has no history()');
  const entries = await end.history();
  if (!Array.isArray(entries)) return fail('history() must resolve with an array');
  return entries;
}

/**
 * The contract of a transport that keeps the conversation's log (`history` in `Transport`), as
 * framework-free cases to run inside your test framework's `it`. `create` makes a fresh conversation
 * for each case.
 */
export function historyContract(
  create: () => HistoryHarness | Promise<HistoryHarness>,
  options: HistoryContractOptions = {},
): readonly ContractCase[] {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const withHarness = (body: (harness: HistoryHarness) => Promise<void>) => async () => {
    const harness = await create();
    try {
      await body(harness);
    } finally {
      await harness.dispose?.();
    }
  };
  /** Sends, one after the other, waiting for each send to be taken. */
  const sendAll = async (end: Transport, count: number) => {
    const sent = Array.from({ length: count }, () => sampleMessage());
    for (const message of sent) await end.send(message);
    return sent;
  };
  const cases: ContractCase[] = [
    {
      name: 'hands a new end what was said before it joined, oldest first, its own party’s messages included',
      run: withHarness(async (harness) => {
        const a = await harness.join('a');
        const b = await harness.join('b');
        const sent = [...(await sendAll(a, 2)), ...(await sendAll(b, 1)), ...(await sendAll(a, 1))];
        const late = await harness.join('a');
        const entries = await historyOf(late);
        if (ids(entries) !== sent.map((message) => message.id).join())
          fail('the history is not what was sent, in order');
        if (JSON.stringify(entries[0]!.message) !== JSON.stringify(sent[0]))
          fail('a message in the history arrived changed');
        if (entries.some((entry) => entry.delivery !== undefined && typeof entry.delivery !== 'object')) {
          fail('a delivery must be an object or undefined');
        }
      }),
    },
    {
      name: 'does not also hand the history to its listeners, and delivers live what comes after',
      run: withHarness(async (harness) => {
        const a = await harness.join('a');
        const before = await sendAll(a, 2);
        const late = await harness.join('b');
        const live: unknown[] = [];
        late.subscribe((message) => live.push(message));
        const entries = await historyOf(late);
        if (ids(entries) !== before.map((message) => message.id).join()) fail('the history is not what was sent');
        const after = await sendAll(a, 1);
        await eventually(() => live.length > 0, timeoutMs, 'live delivery after the history');
        await quiet();
        if (live.map(idOf).join() !== after[0]!.id)
          fail('the listeners got the history as well, or not the live message');
      }),
    },
    {
      name: 'gives an empty history to the first end of a new conversation',
      run: withHarness(async (harness) => {
        const a = await harness.join('a');
        if ((await historyOf(a)).length !== 0) fail('a new conversation has a history');
      }),
    },
  ];
  cases.push({
    name: 'after a reconnection, delivers what was sent meanwhile, once and in order, and none of its own',
    run: withHarness(async (harness) => {
      if (!harness.interrupt) return; // nothing to check without a way to break the connection
      const a = await harness.join('a');
      const b = await harness.join('b');
      const atB: unknown[] = [];
      b.subscribe((message) => atB.push(message));
      await historyOf(b);
      const own = await sendAll(b, 1);
      const first = await sendAll(a, 1);
      await eventually(() => atB.length === 1, timeoutMs, 'delivery before the interruption');
      await harness.interrupt(b);
      const meanwhile = await sendAll(a, 3);
      await eventually(() => atB.length === 4, timeoutMs, 'delivery of what was missed');
      const more = await sendAll(a, 1);
      await eventually(() => atB.length === 5, timeoutMs, 'live delivery after the reconnection');
      await quiet();
      const expected = [...first, ...meanwhile, ...more].map((message) => message.id).join();
      if (atB.map(idOf).join() !== expected) fail('what was missed came twice, out of order, or with its own messages');
      if (atB.some((message) => idOf(message) === own[0]!.id)) fail('an end received its own message back');
    }),
  });
  return cases;
}
