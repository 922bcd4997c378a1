import { describe, expect, it } from 'vitest';
import type { SessionReport, Transport, WireMessage } from '@chatpay/core';
import { watchForRequests, WATCH_HOLD_LIMIT, type WatchReport } from '@chatpay/core/wire';
import { createConversation } from './support/conversation.js';
import { handFed } from './support/hand-fed.js';
import { settle } from './support/scripted-transport.js';

/** The watched end of a conversation, without its history when `history` is false (a transport that keeps none). */
function watchedEnd(talk: ReturnType<typeof createConversation>, history: boolean): Transport {
  const end = talk.hub.connect();
  if (history) return end;
  return { send: (message) => end.send(message), subscribe: (listener) => end.subscribe(listener) };
}

const refusals = (reports: readonly SessionReport[]) =>
  reports.flatMap((report) => (report.type === 'message-refused' ? [report.reason] : []));

/** A copy of the conversation's genuine request.created, as the adversary read it. */
function genuine(talk: ReturnType<typeof createConversation>): WireMessage {
  const message = talk.seen.find((each) => each.type === 'request.created');
  if (!message) throw new Error('no request.created crossed');
  return message;
}

describe.each([
  ['without history', false],
  ['with history', true],
])('a request watch under attack (%s)', (_, history) => {
  it('hands a late session forged requests it refuses and never shows, and the genuine one sent after', async () => {
    const talk = createConversation();
    const other = createConversation('conv-2');
    const otherAgent = other.agent();
    await other.request(otherAgent);
    await other.settled(otherAgent);
    const watch = watchForRequests(watchedEnd(talk, history));

    // A stranger's own request, unvouched; another conversation's genuine request; a tampered copy of it.
    await talk.inject((await talk.forgeRequest()).message);
    await talk.inject(genuine(other));
    const tampered = structuredClone(genuine(other)) as WireMessage & { conversationId: string };
    tampered.conversationId = 'conv-1';
    await talk.inject(tampered);
    await watch.requested;
    await talk.settled();

    const customer = talk.customer({ transport: watch.transport });
    await talk.settled(customer);
    expect(customer.requests).toEqual([]);
    // The stranger's own key is not vouched for, the copy moved to this conversation fails its signature,
    // and the other conversation's own request is not this conversation's to show.
    expect(new Set(refusals(talk.reports.customer))).toEqual(new Set(['unvouched', 'bad-signature']));

    const agent = talk.agent();
    const request = await talk.request(agent);
    await talk.settled(agent, customer);
    expect(customer.requests.map((each) => each.requestId)).toEqual([request.requestId]);
    other.hub.close();
  });

  it('shows the genuine request sent before the forgeries once, through replays and duplicates of it', async () => {
    const talk = createConversation();
    const watch = watchForRequests(watchedEnd(talk, history));
    const agent = talk.agent();
    const request = await talk.request(agent);
    await talk.settled(agent);
    await talk.inject((await talk.forgeRequest()).message);
    for (let copy = 0; copy < 3; copy++) await talk.inject(genuine(talk));
    await talk.settled(agent);

    const customer = talk.customer({ transport: watch.transport });
    await talk.settled(agent, customer);
    expect(customer.requests.map((each) => each.requestId)).toEqual([request.requestId]);
  });

  it('keeps the genuine request through thousands of junk messages and forged requests under its limit', async () => {
    const talk = createConversation();
    const watch = watchForRequests(watchedEnd(talk, history));
    const agent = talk.agent();
    const request = await talk.request(agent);
    await talk.settled(agent);
    const forged = (await talk.forgeRequest()).message;
    for (let n = 0; n < 3000; n++) await talk.inject(n % 3 === 0 ? { type: 'junk', n } : n);
    for (let n = 0; n < WATCH_HOLD_LIMIT - 10; n++) await talk.inject({ ...forged, id: `forged-copy-${n}` });
    await talk.settled(agent);

    const customer = talk.customer({ transport: watch.transport });
    await talk.settled(agent, customer);
    expect(customer.requests.map((each) => each.requestId)).toEqual([request.requestId]);
  }, 60_000);
});

describe('a request watch flooded past its limit with forged requests', () => {
  it('holds no more than its limit, and the session refuses and reports what it is handed, without crashing', async () => {
    const talk = createConversation();
    const end = watchedEnd(talk, false);
    const dropped: WatchReport[] = [];
    const watch = watchForRequests(end, { onReport: (report) => dropped.push(report) });
    const agent = talk.agent();
    const request = await talk.request(agent);
    await talk.settled(agent);
    const forged = (await talk.forgeRequest()).message;
    for (let n = 0; n < WATCH_HOLD_LIMIT + 50; n++) await talk.inject({ ...forged, id: `forged-copy-${n}` });
    await talk.settled(agent);

    const heard: unknown[] = [];
    const off = watch.transport.subscribe((message) => heard.push(message));
    await settle();
    off();
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard.some((message) => (message as WireMessage).requestId === request.requestId)).toBe(false);
    // Pushed out, but not silently: the page hears that a request may have been let go.
    expect(dropped.some((report) => report.request)).toBe(true);
    expect(dropped).toHaveLength(51);

    const late = watchForRequests(end);
    for (let n = 0; n < WATCH_HOLD_LIMIT + 50; n++) await talk.inject({ ...forged, id: `forged-late-${n}` });
    const customer = talk.customer({ transport: late.transport });
    await talk.settled(agent, customer);
    expect(customer.requests).toEqual([]);
    expect(new Set(refusals(talk.reports.customer))).toEqual(new Set(['bad-signature']));
  }, 60_000);
});

describe('a request watch fed broken frames', () => {
  const throwing = () =>
    Object.defineProperty({}, 'type', {
      get() {
        throw new Error('no type for you');
      },
    });
  const hostileProxy = () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );

  it('neither throws nor wakes for a frame whose type cannot be read, and still wakes for a request after', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    let woken = false;
    void watch.requested.then(() => (woken = true));
    const cyclic: Record<string, unknown> = { type: 'request.sync' };
    cyclic.self = cyclic;
    for (const frame of [throwing(), hostileProxy(), cyclic, 'x'.repeat(1 << 20), Symbol('s'), () => 1]) {
      expect(() => deliver(frame)).not.toThrow();
    }
    await settle();
    expect(woken).toBe(false);
    deliver({ type: 'request.created' });
    await settle();
    expect(woken).toBe(true);
  });

  it('hands a late session frames whose type throws without breaking it: it still refuses a forgery after them', async () => {
    const talk = createConversation();
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    deliver(throwing());
    deliver(hostileProxy());
    deliver((await talk.forgeRequest()).message);
    await watch.requested;
    const customer = talk.customer({ transport: watch.transport });
    await talk.settled(customer);
    expect(customer.requests).toEqual([]);
    expect(refusals(talk.reports.customer)).toContain('unvouched');
  });

  it('stays bounded when frames whose type throws are in what it holds', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    deliver({ type: 'request.created', n: 0 });
    for (let n = 0; n < WATCH_HOLD_LIMIT * 2; n++) deliver(n % 2 ? throwing() : { n });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard[0]).toEqual({ type: 'request.created', n: 0 });
  });
});

describe('a request watch over an odd transport', () => {
  it('wakes for a request a transport delivers synchronously while it subscribes, and hands it on', async () => {
    const request = { type: 'request.created', n: 1 };
    const listeners = new Set<(message: unknown) => void>();
    const transport: Transport = {
      send: () => Promise.resolve(),
      subscribe(listener) {
        listener(request);
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const watch = watchForRequests(transport);
    await watch.requested;
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    // What it held, then the transport's own synchronous delivery to the new subscriber.
    expect(heard).toEqual([request, request]);
  });

  it.each([
    [
      'throws synchronously',
      () => {
        throw new Error('boom');
      },
    ],
    ['rejects', () => Promise.reject(new Error('offline'))],
    ['never answers', () => new Promise<never>(() => undefined)],
  ])('keeps watching, without an unhandled rejection, when the history %s', async (_, history) => {
    const listeners = new Set<(message: unknown) => void>();
    const transport: Transport = {
      send: () => Promise.resolve(),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      history: history as never,
    };
    const watch = watchForRequests(transport);
    await settle();
    for (const listener of [...listeners]) listener({ type: 'request.created' });
    await expect(watch.requested).resolves.toBeUndefined();
  });
});
