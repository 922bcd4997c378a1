// A hostile or broken `history()` under a starting session. The history is the transport's
// (the relay's log, a chat product's), so everything in it is material to judge: it may not be a list,
// it may be long, its deliveries may lie about time, and it may fail or never come. The promise is the
// same as for live traffic: no crash, a typed report, nothing live lost, and a view window that no
// delivery stamp can lengthen.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, MemoryTransport, Transport } from '@chatpay/core';
import { createConversation } from './support/conversation.js';
import { expectOk, VIEW } from './support/flow.js';
import { VISA } from './support/scripted-transport.js';

type Talk = ReturnType<typeof createConversation>;

/** Polls (yielding to timers) until `done()` holds; false if it never does, so a test fails rather than hangs. */
async function eventually(done: () => boolean, rounds = 400): Promise<boolean> {
  for (let round = 0; round < rounds; round++) {
    if (done()) return true;
    await new Promise<void>((resolve) => (round < 50 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
  return done();
}

/** A real end of the conversation's hub, whose `history()` is replaced by the attacker's. */
function hostileEnd(
  talk: Talk,
  history: (real: () => Promise<readonly HistoryEntry[]>) => Promise<unknown>,
): Transport {
  const end = talk.hub.connect() as MemoryTransport;
  const real = () => end.history!();
  return {
    send: (message) => end.send(message),
    subscribe: (listener) => end.subscribe(listener),
    history: () => history(real) as Promise<readonly HistoryEntry[]>,
  };
}

/** A customer on `transport`, then a live request from the agent: whether the customer ever sees it. */
async function liveRequestReaches(talk: Talk, transport: Transport) {
  const customer = talk.customer({ transport });
  await new Promise<void>((resolve) => setImmediate(resolve));
  const agent = talk.agent();
  const request = await talk.request(agent);
  const seen = await eventually(() => customer.request(request.requestId) !== undefined);
  return { seen, customer, agent, request };
}

describe('a hostile history(): what it resolves with', () => {
  it.each([
    ['null', null],
    ['a string', 'not a list'],
    ['a number', 42],
    ['an array-like object', { length: 3, 0: 'x' }],
    ['a list of nulls, numbers and strings', [null, 7, 'x', undefined, {}]],
    ['entries whose message is junk', [{ message: '{"version":2' }, { message: { version: 2, id: 5 } }]],
  ])('%s: no crash, and a live request still reaches the customer', async (_name, value) => {
    const talk = createConversation();
    const { seen, customer } = await liveRequestReaches(
      talk,
      hostileEnd(talk, () => Promise.resolve(value)),
    );
    expect(seen).toBe(true);
    expect(customer.requests).toHaveLength(1);
  });

  it('of 5,000 junk entries, then the real log: each junk entry is reported and the real request is rebuilt', async () => {
    const talk = createConversation();
    const agent = talk.agent();
    const request = await talk.request(agent);
    const junk = Array.from({ length: 5000 }, (_, index) => ({
      message: { version: 2, id: `junk-${index}`, type: 'request.created' },
    }));
    const customer = talk.customer({
      transport: hostileEnd(talk, async (real) => [...junk, ...(await real())]),
    });
    await talk.settled(customer);
    expect(customer.request(request.requestId)).toBeDefined();
    expect(customer.requests).toHaveLength(1);
    expect(talk.reports.customer.filter((report) => report.type === 'message-rejected')).toHaveLength(5000);
  });

  it.each([
    ['null', null],
    ['a string', 'not a list'],
    ['an array-like object', { length: 3, 0: 'x' }],
  ])('that is %s: reported as history-failed, not dropped in silence', async (_name, value) => {
    const talk = createConversation();
    const { seen } = await liveRequestReaches(
      talk,
      hostileEnd(talk, () => Promise.resolve(value)),
    );
    expect(seen).toBe(true);
    const failed = talk.reports.customer.filter((report) => report.type === 'history-failed');
    expect(failed).toEqual([
      {
        type: 'history-failed',
        failure: { code: 'failed', message: "The conversation's history is not a list of messages." },
      },
    ]);
  });

  it('that rejects: reported as history-failed, by code only, and live requests still arrive', async () => {
    const talk = createConversation();
    const { seen } = await liveRequestReaches(
      talk,
      hostileEnd(talk, () => Promise.reject(new Error(`card ${VISA.number} could not be read`))),
    );
    expect(seen).toBe(true);
    const failed = talk.reports.customer.filter((report) => report.type === 'history-failed');
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(talk.reports.customer)).not.toContain(VISA.number);
  });
});

describe('a hostile history(): delivery stamps', () => {
  it.each([
    ['in the future', (now: number) => now + 365 * 24 * 3600 * 1000],
    ['far in the future', () => 8.64e15],
    ['NaN', () => Number.NaN],
    ['Infinity', () => Number.POSITIVE_INFINITY],
    ['a string', () => '99999999999999' as unknown as number],
  ])("acceptedAt %s cannot lengthen the card's view window after a reload", async (_name, stamp) => {
    const talk = createConversation();
    const first = talk.agent();
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await eventually(() => request.timeline().phase === 'cardSubmitted');
    const original = request.timeline().deadline!;
    talk.clock.advance(60_000);
    first.close();

    const reloaded = talk.agent({
      transport: hostileEnd(talk, async (real) =>
        (await real()).map((entry) => ({ ...entry, delivery: { acceptedAt: stamp(talk.clock.now()) } })),
      ),
    });
    await talk.settled(reloaded);
    const again = reloaded.request(request.requestId)!;
    expect(again.timeline().phase).toBe('cardSubmitted');
    // Never later than a view window from now, and never open-ended.
    const deadline = again.timeline().deadline!;
    expect(Number.isFinite(deadline)).toBe(true);
    expect(deadline).toBeLessThanOrEqual(talk.clock.now() + VIEW);
    expect(deadline).toBeGreaterThanOrEqual(original);
  });

  it('acceptedAt far in the past ends the view window (as a dropped message would), and nothing throws', async () => {
    const talk = createConversation();
    const first = talk.agent();
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await eventually(() => request.timeline().phase === 'cardSubmitted');
    first.close();
    const reloaded = talk.agent({
      transport: hostileEnd(talk, async (real) =>
        (await real()).map((entry) => ({ ...entry, delivery: { acceptedAt: -8.64e15 } })),
      ),
    });
    await talk.settled(reloaded);
    const again = reloaded.request(request.requestId)!;
    expect(again).toBeDefined();
    const deadline = again.timeline().deadline;
    expect(deadline === null || deadline <= talk.clock.now() + VIEW).toBe(true);
    expect(talk.reports.agent.filter((report) => report.type === 'handler-failed')).toEqual([]);
  });
});

describe('a broken history', () => {
  it('a history whose entries throw when read (a broken transport) does not stop live messages', async () => {
    const talk = createConversation();
    const poisoned = {
      get message(): unknown {
        throw new Error('broken entry');
      },
    };
    const { seen } = await liveRequestReaches(
      talk,
      hostileEnd(talk, () => Promise.resolve([poisoned])),
    );
    expect(seen).toBe(true);
  });

  it('a history that never resolves does not hold live messages forever: after a while it is reported and skipped', async () => {
    const talk = createConversation();
    const customer = talk.customer({ transport: hostileEnd(talk, () => new Promise(() => {})) });
    const agent = talk.agent();
    const request = await talk.request(agent);
    // Far past any reasonable wait for a history, on the session's own clock.
    talk.clock.advance(5 * 60 * 1000);
    const seen = await eventually(() => customer.request(request.requestId) !== undefined);
    expect(talk.reports.customer.some((report) => report.type === 'history-failed')).toBe(true);
    expect(seen).toBe(true);
  });
});
