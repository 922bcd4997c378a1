import { describe, expect, it } from 'vitest';
import { createAgentSession, createCustomerSession, createMemoryHub } from '@chatpay/core';
import { watchForRequests, WATCH_HOLD_LIMIT, type WatchReport } from '@chatpay/core/wire';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { settle, until, VISA } from './support/scripted-transport.js';
import { USD_12_50, expectOk } from './support/flow.js';
import { handFed } from './support/hand-fed.js';

const resolved = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await settle();
  return done;
};

describe('watching a conversation for its first request', () => {
  it.each([
    ['without history', false],
    ['with history', true],
  ])('hands a session started after the request (%s) everything it needs to take it and pay', async (_, history) => {
    const hub = createMemoryHub({ history });
    const agent = createAgentSession({ ...agentTrust(), conversationId: 'conv-1', transport: hub.connect() });
    const watch = watchForRequests(hub.connect());
    expect(await resolved(watch.requested)).toBe(false);

    const request = agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await watch.requested;

    // The page loads the session now, a while after the request arrived.
    await settle();
    const customer = createCustomerSession({
      ...customerTrust(),
      conversationId: 'conv-1',
      transport: watch.transport,
    });
    await until(() => customer.request(request.requestId) !== undefined, 'the request on the customer side');
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => request.timeline().phase === 'cardSubmitted', 'the card on the agent side');
    hub.close();
  });

  it('is not woken by messages that are not requests, nor by what is not a message', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    for (const message of [null, 'request.created', 7, { type: 'request.sync' }, { type: 'payment.asked' }, []]) {
      deliver(message);
    }
    expect(await resolved(watch.requested)).toBe(false);
    deliver({ type: 'request.created' });
    expect(await resolved(watch.requested)).toBe(true);
  });

  it('hands its first subscriber what it held, in order, before what arrives after, then holds nothing', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    deliver({ n: 1 });
    deliver({ type: 'request.created', n: 2 });
    const first: unknown[] = [];
    watch.transport.subscribe((message, delivery) => first.push([message, delivery]));
    deliver({ n: 3 });
    await settle();
    expect(first).toEqual([
      [{ n: 1 }, { acceptedAt: 1 }],
      [{ type: 'request.created', n: 2 }, { acceptedAt: 1 }],
      [{ n: 3 }, { acceptedAt: 1 }],
    ]);
    const second: unknown[] = [];
    watch.transport.subscribe((message) => second.push(message));
    deliver({ n: 4 });
    await settle();
    expect(second).toEqual([{ n: 4 }]);
  });

  it(`holds at most ${WATCH_HOLD_LIMIT} messages, the oldest let go first, and says each it let go`, async () => {
    const { transport, deliver } = handFed();
    const reports: WatchReport[] = [];
    const watch = watchForRequests(transport, { onReport: (report) => reports.push(report) });
    for (let n = 0; n < WATCH_HOLD_LIMIT + 10; n++) deliver({ n });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard[0]).toEqual({ n: 10 });
    expect(reports).toEqual(Array.from({ length: 10 }, () => ({ type: 'watch-dropped', request: false })));
    // Nothing is held once the session subscribed: nothing more is let go, or said.
    for (let n = 0; n < WATCH_HOLD_LIMIT + 10; n++) deliver({ n });
    expect(reports).toHaveLength(10);
  });

  it('says so when a flood of requests pushes a request out, and keeps watching when the listener throws', async () => {
    const { transport, deliver } = handFed();
    const reports: WatchReport[] = [];
    const watch = watchForRequests(transport, {
      onReport: (report) => {
        reports.push(report);
        throw new Error('a careless listener');
      },
    });
    deliver({ n: 0 });
    for (let n = 1; n <= WATCH_HOLD_LIMIT + 1; n++) deliver({ type: 'request.created', n });
    expect(reports).toEqual([
      { type: 'watch-dropped', request: false },
      { type: 'watch-dropped', request: true },
    ]);
    expect(await resolved(watch.requested)).toBe(true);
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard[0]).toEqual({ type: 'request.created', n: 2 });
  });

  it('keeps a request it holds through a flood of anything else', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    deliver({ type: 'request.created', n: 0 });
    for (let n = 1; n <= WATCH_HOLD_LIMIT * 2; n++) deliver({ n });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard[0]).toEqual({ type: 'request.created', n: 0 });
    expect(heard[1]).toEqual({ n: WATCH_HOLD_LIMIT + 2 });
  });

  it('keeps what it held for the next subscriber when the first leaves before hearing it', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    deliver({ type: 'request.created' });
    const gone: unknown[] = [];
    const off = watch.transport.subscribe((message) => gone.push(message));
    deliver({ n: 1 });
    off();
    deliver({ n: 2 });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(gone).toEqual([]);
    expect(heard).toEqual([{ type: 'request.created' }, { n: 1 }, { n: 2 }]);
  });

  it('does not wake once stopped, even for a request its history shows later', async () => {
    let answer: (entries: readonly unknown[]) => void = () => undefined;
    const { transport } = handFed(() => new Promise((resolve) => (answer = resolve)));
    const watch = watchForRequests(transport);
    await settle();
    watch.stop();
    answer([{ message: { type: 'request.created' } }]);
    expect(await resolved(watch.requested)).toBe(false);
  });

  it('over a transport with history, wakes for a request already in it, and holds what comes after', async () => {
    const { transport, deliver } = handFed(() => Promise.resolve([{ message: { type: 'request.created' } }]));
    const watch = watchForRequests(transport);
    expect(await resolved(watch.requested)).toBe(true);
    // A history taken when the transport connected does not have what came after.
    deliver({ n: 1 });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    await settle();
    expect(heard).toEqual([{ n: 1 }]);
    await expect(watch.transport.history!()).resolves.toHaveLength(1);
  });

  it.each([
    ['fails', () => Promise.reject(new Error('offline'))],
    ['is not a list', () => Promise.resolve({ nope: true } as never)],
    ['holds junk', () => Promise.resolve([null, 3, { message: 'x' }])],
  ])('keeps watching when the history %s', async (_, history) => {
    const { transport, deliver } = handFed(history);
    const watch = watchForRequests(transport);
    expect(await resolved(watch.requested)).toBe(false);
    deliver({ type: 'request.created' });
    expect(await resolved(watch.requested)).toBe(true);
  });

  it('lets go of the transport and of what it held when stopped', async () => {
    const { transport, deliver, listeners } = handFed();
    const watch = watchForRequests(transport);
    deliver({ n: 1 });
    watch.stop();
    expect(listeners.size).toBe(0);
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    deliver({ n: 2 });
    await settle();
    expect(heard).toEqual([{ n: 2 }]);
  });
});

describe('a request watch with listeners that act while it works', () => {
  it('neither rejects unhandled nor stops watching when its history holds entries whose message throws', async () => {
    const unhandled: unknown[] = [];
    const hear = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', hear);
    try {
      const trap = Object.defineProperty({}, 'message', {
        get() {
          throw new Error('a history that lies');
        },
      });
      const { transport, deliver } = handFed(() => Promise.resolve([trap]));
      const watch = watchForRequests(transport);
      expect(await resolved(watch.requested)).toBe(false);
      deliver({ type: 'request.created' });
      expect(await resolved(watch.requested)).toBe(true);
    } finally {
      process.off('unhandledRejection', hear);
    }
    expect(unhandled).toEqual([]);
  });

  it('lets go, in a flood that arrives while its subscriber hears what it held, only what it has not heard yet', async () => {
    const { transport, deliver } = handFed();
    const reports: WatchReport[] = [];
    const watch = watchForRequests(transport, { onReport: (report) => reports.push(report) });
    for (let n = 0; n < WATCH_HOLD_LIMIT; n++) deliver({ n });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => {
      // A backend that answers the first message at once, with five more.
      if (heard.push(message) === 1) for (let late = 0; late < 5; late++) deliver({ late });
    });
    await settle();
    // Heard: the first; five arrived with 255 still held, so the four oldest not yet heard went.
    expect(heard).toEqual([
      { n: 0 },
      ...Array.from({ length: WATCH_HOLD_LIMIT - 5 }, (_, n) => ({ n: n + 5 })),
      ...Array.from({ length: 5 }, (_, late) => ({ late })),
    ]);
    expect(reports).toEqual(Array.from({ length: 4 }, () => ({ type: 'watch-dropped', request: false })));
  });

  it('leaves what its subscriber did not hear to the next when it leaves while hearing what was held', async () => {
    const { transport, deliver } = handFed();
    const watch = watchForRequests(transport);
    for (let n = 0; n < 5; n++) deliver({ n });
    const first: unknown[] = [];
    const off = watch.transport.subscribe((message) => {
      if (first.push(message) === 2) off();
    });
    await settle();
    const next: unknown[] = [];
    watch.transport.subscribe((message) => next.push(message));
    await settle();
    expect(first).toEqual([{ n: 0 }, { n: 1 }]);
    expect(next).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('says nothing once stopped, while its subscriber is still to hear what it held', async () => {
    const { transport, deliver } = handFed();
    const reports: WatchReport[] = [];
    const watch = watchForRequests(transport, { onReport: (report) => reports.push(report) });
    for (let n = 0; n < WATCH_HOLD_LIMIT; n++) deliver({ n });
    const heard: unknown[] = [];
    watch.transport.subscribe((message) => heard.push(message));
    watch.stop();
    for (let n = 0; n < 10; n++) deliver({ after: n });
    await settle();
    expect(reports).toEqual([]);
    expect(heard).toHaveLength(WATCH_HOLD_LIMIT);
    expect(heard.at(-1)).toEqual({ after: 9 });
  });

  it('hands a subscriber that subscribes from inside a report each message once, and goes quiet when stopped there', async () => {
    const { transport, deliver } = handFed();
    const heard: unknown[] = [];
    let reports = 0;
    const watch = watchForRequests(transport, {
      onReport: () => {
        if (++reports === 1) watch.transport.subscribe((message) => heard.push(message));
        else watch.stop();
      },
    });
    for (let n = 0; n <= WATCH_HOLD_LIMIT + 3; n++) deliver({ n });
    await settle();
    // The first report subscribes, the second stops: the three that went while it held are never heard.
    expect(reports).toBe(2);
    expect(heard).toEqual(Array.from({ length: WATCH_HOLD_LIMIT }, (_, n) => ({ n: n + 4 })));
  });
});
