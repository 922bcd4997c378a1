import { describe, expect, it } from 'vitest';
import { ConfigError, PROTOCOL_VERSION, type WireMessage } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import {
  createWebSocketTransport,
  HEARTBEAT_PING,
  TransportError,
  type TransportReport,
  type WebSocketLike,
  type WebSocketTransportOptions,
} from '@chatpay/transports';

/** A socket the test opens, feeds and closes by hand. */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  closedByClient = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
    this.closedByClient = true;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown): void {
    this.onmessage?.({ data });
  }
  lose(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
}

let ids = 0;
const message = (): WireMessage =>
  ({
    version: PROTOCOL_VERSION,
    id: `m-${++ids}`,
    requestId: 'r-1',
    conversationId: 'c-1',
    type: 'request.opened',
    sentAt: 0,
    body: {},
  }) as unknown as WireMessage;

function setup(options: Partial<WebSocketTransportOptions> & { clock?: ManualClock } = {}) {
  const clock = options.clock ?? new ManualClock(0);
  const sockets: FakeSocket[] = [];
  const reports: TransportReport[] = [];
  const urls: string[] = [];
  const transport = createWebSocketTransport({
    url: 'wss://chat.example/ws',
    clock,
    random: () => 0.5,
    createSocket: (url) => {
      const socket = new FakeSocket();
      sockets.push(socket);
      urls.push(url);
      return socket;
    },
    onReport: (report) => reports.push(report),
    ...options,
  });
  const received: unknown[] = [];
  const deliveries: unknown[] = [];
  transport.subscribe((value, delivery) => (received.push(value), deliveries.push(delivery)));
  const last = () => sockets.at(-1)!;
  return { clock, sockets, reports, transport, received, deliveries, last, urls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the WebSocket transport', () => {
  it('reconnects with exponential backoff and jitter, capped, and starts over once a connection lasts', () => {
    const { clock, sockets, reports, last } = setup({
      initialDelayMs: 100,
      maxDelayMs: 1000,
      heartbeatIntervalMs: 5000,
    });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      last().lose();
      const report = reports.at(-1) as Extract<TransportReport, { type: 'connection-lost' }>;
      delays.push(report.retryInMs);
      const before = sockets.length;
      clock.advance(report.retryInMs - 1);
      expect(sockets.length).toBe(before);
      clock.advance(1);
      expect(sockets.length).toBe(before + 1);
    }
    // Half the ceiling plus half of it jittered (random 0.5): 100·2ⁿ up to 1000.
    expect(delays).toEqual([75, 150, 300, 600, 750, 750]);
    // A server that accepts and closes at once does not reset the backoff…
    last().open();
    last().lose();
    expect((reports.at(-1) as { retryInMs: number }).retryInMs).toBe(750);
    clock.advance(750);
    // …nor one that answers a frame and closes…
    last().open();
    last().receive('{"heartbeat":"pong"}');
    last().lose();
    expect((reports.at(-1) as { retryInMs: number }).retryInMs).toBe(750);
    clock.advance(750);
    // …nor one lost just before it has lasted a heartbeat interval…
    last().open();
    clock.advance(4999);
    last().lose();
    expect((reports.at(-1) as { retryInMs: number }).retryInMs).toBe(750);
    clock.advance(750);
    // …one that lasts one and answers then does.
    last().open();
    clock.advance(5000);
    last().receive('{"heartbeat":"pong"}');
    last().lose();
    expect((reports.at(-1) as { retryInMs: number }).retryInMs).toBe(75);
  });

  it('abandons an attempt that never opens, and tries again', () => {
    const { clock, sockets, reports } = setup({ connectTimeoutMs: 3000 });
    clock.advance(2999);
    expect(sockets).toHaveLength(1);
    clock.advance(1);
    expect(reports.slice(0, 2)).toEqual([
      { type: 'connect-failed', error: 'TimeoutError' },
      { type: 'connection-lost', attempt: 1, retryInMs: 375 },
    ]);
    expect(sockets[0]!.closedByClient).toBe(true);
    clock.advance(375);
    expect(sockets).toHaveLength(2);
  });

  it('reports a socket that cannot be made, by the error name only, and keeps trying', () => {
    const clock = new ManualClock(0);
    const reports: TransportReport[] = [];
    let made = 0;
    createWebSocketTransport({
      url: 'wss://chat.example/ws',
      clock,
      random: () => 0.5,
      createSocket: () => {
        made += 1;
        throw new TypeError('secret detail');
      },
      onReport: (report) => reports.push(report),
    });
    clock.advance(10_000);
    expect(made).toBeGreaterThan(2);
    expect(reports[0]).toEqual({ type: 'connect-failed', error: 'TypeError' });
    expect(JSON.stringify(reports)).not.toContain('secret');
  });

  it('does not schedule a retry once a listener has closed it', () => {
    const { transport, last, clock, sockets } = setup();
    transport.onStateChange((state) => state === 'reconnecting' && transport.close());
    last().lose();
    expect(clock.pending).toBe(0);
    clock.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('lets an error from a socket being discarded pass harmlessly', () => {
    const { transport, last } = setup();
    const socket = last();
    transport.close();
    expect(() => socket.onerror?.({})).not.toThrow();
  });

  it('sends at once when open, and in order after a reconnection, telling the sessions it reconnected', async () => {
    const { last, transport, clock, reports } = setup();
    let reconnected = 0;
    transport.onReconnect(() => reconnected++);
    last().open();
    expect(reconnected).toBe(0);
    const first = message();
    await transport.send(first);
    expect(last().sent).toEqual([JSON.stringify(first)]);
    last().lose();
    const queued = [message(), message()];
    const sends = queued.map((next) => transport.send(next));
    clock.advance(1000);
    last().open();
    await Promise.all(sends);
    expect(last().sent).toEqual(queued.map((next) => JSON.stringify(next)));
    expect(reconnected).toBe(1);
    expect(reports.map((report) => report.type)).toEqual(['connection-lost', 'reconnected']);
  });

  it('bounds the queue while disconnected and rejects sends that wait too long', async () => {
    const { transport, clock } = setup({ queueLimit: 2, sendTimeoutMs: 5000 });
    const waiting = [transport.send(message()), transport.send(message())];
    const refused = await transport.send(message()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportError);
    expect((refused as TransportError).code).toBe('queue-full');
    clock.advance(5000);
    for (const result of await Promise.allSettled(waiting)) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason.code).toBe('send-timeout');
    }
    // The queue is free again.
    const next = transport.send(message());
    clock.advance(100);
    expect(await Promise.race([next.then(() => 'sent'), settle().then(() => 'waiting')])).toBe('waiting');
  });

  it('finds a dead connection with its heartbeat, and reconnects', () => {
    const { last, clock, reports, sockets } = setup({ heartbeatIntervalMs: 1000, heartbeatTimeoutMs: 500 });
    last().open();
    clock.advance(999);
    expect(last().sent).toEqual([]);
    last().receive('{"heartbeat":"pong"}'); // any frame counts as life
    clock.advance(1000);
    expect(last().sent).toEqual([HEARTBEAT_PING]);
    last().receive('{"heartbeat":"pong"}');
    clock.advance(999);
    expect(reports).toEqual([]);
    clock.advance(1 + 500);
    expect(reports[0]).toEqual({ type: 'connection-dead' });
    expect(sockets[0]!.closedByClient).toBe(true);
    expect(reports[1]).toMatchObject({ type: 'connection-lost', attempt: 1 });
  });

  it('finds a connection dead even when its socket stopped being open without a close event', () => {
    const { last, clock, reports, sockets } = setup({ heartbeatIntervalMs: 1000, heartbeatTimeoutMs: 500 });
    last().open();
    last().readyState = 2; // closing, and the close event never comes
    clock.advance(1000 + 500);
    expect(reports[0]).toEqual({ type: 'connection-dead' });
    expect(reports[1]).toMatchObject({ type: 'connection-lost', attempt: 1 });
    clock.advance(1000);
    expect(sockets).toHaveLength(2);
  });

  it('refuses malformed, binary and oversized frames, reports them, and carries on', () => {
    const { last, received, reports } = setup({ maxFrameLength: 200 });
    last().open();
    last().receive('{not json');
    last().receive(new ArrayBuffer(4));
    last().receive(JSON.stringify({ ...message(), id: 'x'.repeat(300) }));
    const good = message();
    last().receive(JSON.stringify(good));
    expect(received).toEqual([good]);
    expect(reports).toEqual([
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'binary' },
      { type: 'frame-refused', reason: 'oversized' },
    ]);
    expect(JSON.stringify(reports)).not.toContain('xxx');
  });

  it('lets no error from a throwing listener, report or state listener reach the socket, and stays connected', () => {
    const reports: TransportReport[] = [];
    const { transport, last, sockets } = setup({
      onReport: (report) => {
        reports.push(report);
        throw new Error('a careless page');
      },
    });
    transport.subscribe(() => {
      throw new Error('a careless session');
    });
    transport.onStateChange(() => {
      throw new Error('a careless chip');
    });
    expect(() => {
      last().open();
      last().receive(JSON.stringify(message()));
      last().receive('{not json');
      last().receive(new Uint8Array(3));
      last().receive('{"heartbeat":"pong"}');
    }).not.toThrow();
    expect(reports).toEqual([
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'binary' },
    ]);
    expect(sockets).toHaveLength(1);
    expect(transport.state).toBe('open');
  });

  it('reads nothing a socket still fires once closed, or once lost, and reports nothing for it', () => {
    const { transport, last, received, reports, clock } = setup();
    last().open();
    const lost = last().onmessage!;
    last().lose();
    lost({ data: JSON.stringify(message()) });
    lost({ data: '{not json' });
    clock.advance(1000);
    last().open();
    const closed = last().onmessage!;
    transport.close();
    closed({ data: JSON.stringify(message()) });
    closed({ data: new ArrayBuffer(1) });
    expect(received).toEqual([]);
    expect(reports.filter((report) => report.type === 'frame-refused')).toEqual([]);
  });

  it('refuses to send a message longer than the limit', async () => {
    const { transport, last } = setup({ maxFrameLength: 200 });
    last().open();
    const refused = await transport.send({ ...message(), id: 'y'.repeat(300) }).catch((error: unknown) => error);
    expect((refused as TransportError).code).toBe('oversized');
    expect((refused as Error).message).not.toContain('yyy');
  });

  it('with acknowledgements: resolves on ack, rejects on nack, and sends the unacknowledged again after a reconnection', async () => {
    const { transport, last, clock } = setup({ acknowledgements: true });
    last().open();
    const [acked, nacked, lost] = [message(), message(), message()];
    const sends = [acked, nacked, lost].map((next) =>
      transport.send(next).then(
        () => 'ok',
        (e: TransportError) => e.code,
      ),
    );
    last().receive(JSON.stringify({ ack: acked.id }));
    last().receive(JSON.stringify({ nack: nacked.id }));
    last().lose();
    clock.advance(1000);
    last().open();
    expect(last().sent).toEqual([JSON.stringify(lost)]);
    last().receive(JSON.stringify({ ack: lost.id }));
    expect(await Promise.all(sends)).toEqual(['ok', 'socket-failed', 'ok']);
  });

  it('rejects waiting sends on close and never reconnects', async () => {
    const { transport, last, clock, sockets } = setup();
    const waiting = transport.send(message()).catch((error: TransportError) => error.code);
    transport.close();
    expect(await waiting).toBe('closed');
    expect(await transport.send(message()).catch((error: TransportError) => error.code)).toBe('closed');
    last().lose();
    clock.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(transport.state).toBe('closed');
  });

  it('rejects a message JSON cannot hold with a typed error instead of throwing', async () => {
    const { transport, last } = setup();
    last().open();
    const cyclic: Record<string, unknown> = { ...message() };
    cyclic.self = cyclic;
    const refused = await transport.send(cyclic as unknown as WireMessage).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportError);
    expect((refused as TransportError).code).toBe('not-serialisable');
    expect(last().sent).toEqual([]);
  });

  it('refuses a bad configuration with a typed error', () => {
    expect(() => createWebSocketTransport({ url: 'http://example.com' })).toThrow(ConfigError);
    expect(() => createWebSocketTransport({ url: 'ws://exa mple.com', createSocket: () => new FakeSocket() })).toThrow(
      ConfigError,
    );
    // Without a global WebSocket (Node 20) and without createSocket, that is said at once.
    if (typeof WebSocket === 'undefined') {
      expect(() => createWebSocketTransport({ url: 'ws://example.com' })).toThrow(/createSocket/);
    }
    expect(() => setup({ sendTimeoutMs: 0 })).toThrow(/sendTimeoutMs/);
    expect(() => setup({ queueLimit: Number.NaN })).toThrow(ConfigError);
  });
});

/** A JWT-shaped token (unsigned: the transport only reads its expiry; the relay verifies it). */
const jwt = (exp: number, n = 0) =>
  `${btoa('{"alg":"ES256"}')}.${btoa(JSON.stringify({ exp, n })).replace(/=+$/, '')}.signature`;

const entry = (cursor: string, value: WireMessage, sender = { role: 'agent', subject: 'agent-7' }) =>
  JSON.stringify({ entry: { cursor, acceptedAt: 1234, sender, message: value } });

/** Lets promise callbacks run (token providers are asynchronous). */
const turns = async () => {
  for (let turn = 0; turn < 5; turn++) await settle();
};

describe('the WebSocket transport with the relay’s log and join tokens', () => {
  it('connects with a token from the provider, and asks again for each reconnection', async () => {
    let asked = 0;
    const { urls, last, clock } = setup({ history: true, token: () => `token-${++asked}` });
    await turns();
    expect(urls).toEqual(['wss://chat.example/ws?token=token-1']);
    last().open();
    last().lose();
    clock.advance(1000);
    await turns();
    expect(urls[1]).toBe('wss://chat.example/ws?token=token-2');
  });

  it('reports a provider that fails, by the error name only, and tries again later', async () => {
    let calls = 0;
    const { reports, sockets, clock } = setup({
      history: true,
      token: () => {
        calls += 1;
        if (calls === 1) throw new RangeError('secret reason');
        return 'ok';
      },
    });
    await turns();
    expect(sockets).toHaveLength(0);
    expect(reports[0]).toEqual({ type: 'connect-failed', error: 'RangeError' });
    clock.advance(1000);
    await turns();
    expect(sockets).toHaveLength(1);
    expect(JSON.stringify(reports)).not.toContain('secret');
  });

  it('hands the first replay to history() and what follows to its listeners, with each delivery', async () => {
    const { transport, last, received, deliveries } = setup({ history: true });
    last().open();
    const waiting = transport.history!();
    const [old1, old2, live] = [message(), message(), message()];
    last().receive(entry('5-0', old1));
    last().receive(entry('5-1', old2, { role: 'customer', subject: 'c-9' }));
    expect(received).toEqual([]);
    last().receive(JSON.stringify({ caughtUp: '5-1' }));
    expect(await waiting).toEqual([
      { message: old1, delivery: { acceptedAt: 1234, sender: { role: 'agent', subject: 'agent-7' } } },
      { message: old2, delivery: { acceptedAt: 1234, sender: { role: 'customer', subject: 'c-9' } } },
    ]);
    last().receive(entry('6-0', live));
    expect(received).toEqual([live]);
    expect(deliveries).toEqual([{ acceptedAt: 1234, sender: { role: 'agent', subject: 'agent-7' } }]);
    expect(transport.cursor).toBe('6-0');
    // Asked later, the history is the same.
    expect(await transport.history!()).toHaveLength(2);
  });

  it('resumes from its cursor after a reconnection: what was missed reaches the listeners, once, without its own messages', async () => {
    const { transport, last, received, clock, urls } = setup({ history: true });
    last().open();
    last().receive(JSON.stringify({ caughtUp: '0-0' }));
    const seen = message();
    last().receive(entry('7-0', seen));
    const mine = message();
    const sending = transport.send(mine);
    last().receive(JSON.stringify({ ack: mine.id }));
    await sending;
    last().lose();
    clock.advance(1000);
    expect(urls.at(-1)).toBe('wss://chat.example/ws?cursor=7-0');
    last().open();
    const missed = message();
    last().receive(entry('7-0', seen)); // already had it
    last().receive(entry('8-0', mine)); // its own, from the log
    last().receive(entry('9-0', missed));
    last().receive(JSON.stringify({ caughtUp: '9-0' }));
    expect(received).toEqual([seen, missed]);
  });

  it('sends the unacknowledged again after a reconnection (the relay drops duplicates), and a nack says the relay’s reason', async () => {
    const { transport, last, clock } = setup({ history: true });
    last().open();
    const [lost, refused] = [message(), message()];
    const sends = [lost, refused].map((next) =>
      transport.send(next).then(
        () => 'ok',
        (error: TransportError) => error.message,
      ),
    );
    last().receive(JSON.stringify({ nack: refused.id, code: 'forbidden-type' }));
    last().lose();
    clock.advance(1000);
    last().open();
    expect(last().sent).toEqual([JSON.stringify(lost)]);
    last().receive(JSON.stringify({ ack: lost.id }));
    const [first, second] = await Promise.all(sends);
    expect(first).toBe('ok');
    expect(second).toContain('(forbidden-type)');
  });

  it('refreshes its token in-band before it expires, without reconnecting', async () => {
    const clock0 = 1_000_000;
    let issued = 0;
    const { last, clock, sockets } = setup({
      history: true,
      clock: new ManualClock(clock0),
      heartbeatIntervalMs: 10_000_000,
      token: () => jwt((clock0 + 100_000 * ++issued) / 1000, issued),
    });
    await turns();
    last().open();
    clock.advance(79_999);
    await turns();
    expect(last().sent).toEqual([]);
    clock.advance(1);
    await turns();
    expect(last().sent).toEqual([JSON.stringify({ refresh: jwt((clock0 + 200_000) / 1000, 2) })]);
    last().receive(JSON.stringify({ refreshed: clock0 + 200_000 }));
    expect(sockets).toHaveLength(1);
  });

  it('gives its listeners the first replay if nobody waited long enough for the history', async () => {
    const { transport, last, clock, received } = setup({ history: true, sendTimeoutMs: 1000 });
    last().open();
    const waiting = transport.history!().catch((error: TransportError) => error.code);
    const early = message();
    last().receive(entry('1-0', early));
    clock.advance(1000);
    expect(await waiting).toBe('send-timeout');
    expect(received).toEqual([early]);
    const later = message();
    last().receive(entry('1-1', later));
    last().receive(JSON.stringify({ caughtUp: '1-1' }));
    expect(received).toEqual([early, later]);
  });

  it('refuses a malformed entry and a bare message from the relay, and rejects history() once closed', async () => {
    const { transport, last, received, reports } = setup({ history: true });
    last().open();
    last().receive(JSON.stringify({ entry: { cursor: 'soon', message: message() } }));
    last().receive(JSON.stringify(message()));
    expect(received).toEqual([]);
    expect(reports).toEqual([
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
    ]);
    const waiting = transport.history!().catch((error: TransportError) => error.code);
    transport.close();
    expect(await waiting).toBe('closed');
  });

  it('leaves no timer behind when closed while history() waits', async () => {
    const { transport, last, clock } = setup({ history: true });
    last().open();
    const waiting = transport.history!().catch((error: TransportError) => error.code);
    transport.close();
    expect(await waiting).toBe('closed');
    expect(clock.pending).toBe(0);
  });

  it('has no history() without the relay’s log', () => {
    const { transport } = setup();
    expect(transport.history).toBeUndefined();
  });
});
