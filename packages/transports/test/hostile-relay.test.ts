// A hostile relay talking to the browser's WebSocket transport. It can send anything: frames
// too long, not JSON, not text, entries with forged cursors and forged senders, a replay that never
// says it caught up, acknowledgements for messages never sent, refresh answers nobody asked for. The
// transport must refuse and report what it cannot use, never pass it on, and keep every send honest.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, type WireMessage } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import {
  createWebSocketTransport,
  TransportError,
  type TransportReport,
  type WebSocketLike,
  type WebSocketTransportOptions,
} from '@chatpay/transports';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
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

const entry = (cursor: unknown, value: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    entry: { cursor, acceptedAt: 1234, sender: { role: 'agent', subject: 'agent-7' }, message: value, ...extra },
  });

function setup(options: Partial<WebSocketTransportOptions> = {}) {
  const clock = new ManualClock(0);
  const sockets: FakeSocket[] = [];
  const reports: TransportReport[] = [];
  const urls: string[] = [];
  const transport = createWebSocketTransport({
    url: 'wss://chat.example/ws',
    clock,
    random: () => 0.5,
    history: true,
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

const outcome = (sending: Promise<void>) =>
  sending.then(
    () => 'resolved',
    (error: TransportError) => `rejected: ${error.message}`,
  );

describe('a hostile relay: broken frames', () => {
  it('an oversized entry, non-JSON, binary data and a JSON scalar are refused, reported by reason, and never reach history or listeners', async () => {
    const { transport, last, received, reports } = setup();
    last().open();
    const history = transport.history!();
    last().receive(entry('1-0', { ...message(), body: { pad: 'x'.repeat(MAX_MESSAGE_LENGTH + 2048) } }));
    last().receive('{"entry":');
    last().receive(new ArrayBuffer(8));
    last().receive('42');
    last().receive('null');
    last().receive(JSON.stringify({ caughtUp: '0-0' }));
    expect(await history).toEqual([]);
    expect(received).toEqual([]);
    expect(reports.map((report) => report.type === 'frame-refused' && report.reason)).toEqual([
      'oversized',
      'malformed',
      'binary',
      'malformed',
      'malformed',
    ]);
    expect(transport.state).toBe('open');
  });

  it('entries with forged cursors (not the relay’s form) are refused; the cursor it reconnects with stays a real one', async () => {
    const { transport, last, clock, urls, reports } = setup();
    last().open();
    last().receive(JSON.stringify({ caughtUp: '3-0' }));
    for (const forged of ['1-2-3', '1234567890123456-0', '-1-0', '1e3-0', ' 4-0', 4, null, { ms: 9 }, '4-0\n']) {
      last().receive(entry(forged, message()));
    }
    expect(reports.filter((report) => report.type === 'frame-refused')).toHaveLength(9);
    expect(transport.cursor).toBe('3-0');
    last().lose();
    clock.advance(1000);
    expect(urls.at(-1)).toBe('wss://chat.example/ws?cursor=3-0');
  });

  it('a caughtUp that is not a cursor resolves the history but never becomes the cursor', async () => {
    const { transport, last } = setup();
    last().open();
    const history = transport.history!();
    last().receive(entry('2-0', message()));
    last().receive(JSON.stringify({ caughtUp: '../../etc' }));
    await history;
    for (const junk of [5, null, { a: 1 }, '99999999999999999-0', '1-0']) {
      last().receive(JSON.stringify({ caughtUp: junk }));
    }
    expect(transport.cursor).toBe('2-0');
  });

  it('an entry replayed with an older cursor is dropped as a copy, not delivered twice', async () => {
    const { last, received } = setup();
    last().open();
    last().receive(JSON.stringify({ caughtUp: '0-0' }));
    const seen = message();
    last().receive(entry('5-0', seen));
    last().receive(entry('5-0', seen));
    last().receive(entry('4-9', message()));
    expect(received).toEqual([seen]);
  });

  it('forged delivery facts (a role that is not one, times that are not numbers) are not passed on as facts', async () => {
    const { last, deliveries } = setup();
    last().open();
    last().receive(JSON.stringify({ caughtUp: '0-0' }));
    last().receive(entry('1-0', message(), { sender: { role: 'admin', subject: 'root' }, acceptedAt: '1234' }));
    last().receive(entry('1-1', message(), { sender: { role: 'agent', subject: 7 }, acceptedAt: null }));
    last().receive(entry('1-2', message(), { sender: 'agent' }));
    expect(deliveries).toEqual([
      { acceptedAt: undefined, sender: undefined },
      { acceptedAt: undefined, sender: undefined },
      { acceptedAt: 1234, sender: undefined },
    ]);
  });

  it('a huge replay (20,000 entries) reaches history() whole and in order, and the live traffic after it', async () => {
    const { transport, last, received } = setup();
    last().open();
    const history = transport.history!();
    const replayed = Array.from({ length: 20_000 }, () => message());
    replayed.forEach((value, index) => last().receive(entry(`10-${index}`, value)));
    last().receive(JSON.stringify({ caughtUp: '10-19999' }));
    const got = await history;
    expect(got).toHaveLength(20_000);
    expect(got[0]!.message).toEqual(replayed[0]);
    expect(got.at(-1)!.message).toEqual(replayed.at(-1));
    const live = message();
    last().receive(entry('11-0', live));
    expect(received).toEqual([live]);
  });
});

describe('a hostile relay: acknowledgements and refresh answers', () => {
  it('acks and nacks for unknown or non-string ids settle nothing; a send settles only on its own ack', async () => {
    const { transport, last } = setup();
    last().open();
    const mine = message();
    const sending = outcome(transport.send(mine));
    for (const frame of [
      { ack: 'someone-else' },
      { ack: { id: mine.id } },
      { ack: [mine.id] },
      { ack: null },
      { nack: 'someone-else', code: 'unavailable' },
      { nack: { id: mine.id } },
      { version: PROTOCOL_VERSION, ack: mine.id },
    ]) {
      last().receive(JSON.stringify(frame));
    }
    let settled = false;
    void sending.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    last().receive(JSON.stringify({ ack: mine.id }));
    expect(await sending).toBe('resolved');
  });

  it('a relay that answers pings but acknowledges nothing cannot pile sends up past the queue limit', async () => {
    const { transport, last, clock } = setup({ queueLimit: 3, sendTimeoutMs: 60_000, heartbeatIntervalMs: 1000 });
    last().open();
    const sent = Array.from({ length: 5 }, () => message());
    const sending = sent.map((each) => outcome(transport.send(each)));
    // The connection is sound by its heartbeat: pinged, it answers.
    clock.advance(1000);
    last().receive('{"heartbeat":"pong"}');
    const written = (socket: { sent: string[] }) => socket.sent.filter((frame) => !frame.includes('heartbeat'));
    expect(written(last())).toEqual(sent.slice(0, 3).map((each) => JSON.stringify(each)));
    // Lost and back: what was never acknowledged goes again, no more than the limit.
    last().lose();
    clock.advance(1000);
    last().open();
    expect(written(last())).toEqual(sent.slice(0, 3).map((each) => JSON.stringify(each)));
    clock.advance(60_000);
    const full = 'rejected: 3 messages are already waiting to be sent.';
    expect((await Promise.all(sending)).slice(3)).toEqual([full, full]);
  });

  it('a nack’s code is shown only if it is one of the relay’s plain words, never other text (card data)', async () => {
    const { transport, last } = setup();
    last().open();
    const [first, second, third] = [message(), message(), message()];
    const sends = [first, second, third].map((next) => outcome(transport.send(next)));
    last().receive(JSON.stringify({ nack: first.id, code: '4242 4242 4242 4242' }));
    last().receive(JSON.stringify({ nack: second.id, code: 'x'.repeat(5000) }));
    last().receive(JSON.stringify({ nack: third.id, code: { number: '4242424242424242' } }));
    const results = await Promise.all(sends);
    for (const result of results) {
      expect(result).toMatch(/^rejected: /);
      expect(result).not.toContain('4242');
      expect(result.length).toBeLessThan(200);
    }
  });

  it('refreshed and refreshFailed junk is not passed on, drops nothing and does not reconnect', async () => {
    const { transport, last, sockets, received, reports } = setup();
    last().open();
    last().receive(JSON.stringify({ caughtUp: '0-0' }));
    for (const frame of [
      { refreshed: 'soon' },
      { refreshed: null },
      { refreshed: -1 },
      { refreshFailed: { code: 'token-invalid' } },
      { refreshFailed: 'x'.repeat(1000) },
      { refreshed: 1, refreshFailed: 'token-expired' },
    ]) {
      last().receive(JSON.stringify(frame));
    }
    expect(received).toEqual([]);
    expect(sockets).toHaveLength(1);
    expect(transport.state).toBe('open');
    expect(reports).toEqual([]);
    const live = message();
    last().receive(entry('1-0', live));
    expect(received).toEqual([live]);
  });
});
