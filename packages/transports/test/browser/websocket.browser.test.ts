// The WebSocket transport in each engine, with the relay's log and join tokens: the parts that lean
// on the browser (its WebSocket, URL, atob for a token's expiry), with a socket played by the test.
import { PROTOCOL_VERSION, type WireMessage } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { createWebSocketTransport, type WebSocketLike } from '../../src/index.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';

class PlayedSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(value: unknown): void {
    this.onmessage?.({ data: JSON.stringify(value) });
  }
  lose(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A JWT-shaped token whose payload encodes to base64url's own characters (`-`, `_`). */
const token = (exp: number) =>
  `${base64url('{"alg":"ES256"}')}.${base64url(JSON.stringify({ exp, note: '>>>???~~~' }))}.c2ln`;

let ids = 0;
const message = () =>
  ({
    version: PROTOCOL_VERSION,
    id: `b-${++ids}`,
    requestId: 'r',
    conversationId: 'c',
    type: 'request.opened',
    sentAt: 0,
    body: {},
  }) as unknown as WireMessage;

describe('the WebSocket transport with the relay', () => {
  it('uses the browser’s WebSocket when given no socket maker', () => {
    const transport = createWebSocketTransport({ url: 'ws://127.0.0.1:9/chatpay', history: true });
    check(transport.state === 'connecting' || transport.state === 'reconnecting', 'it tries to connect');
    transport.close();
  });

  it('puts the token and the cursor in the URL, reads the token’s expiry, and refreshes it in-band', async () => {
    const start = 1_800_000_000_000;
    const clock = new ManualClock(start);
    const sockets: PlayedSocket[] = [];
    const urls: string[] = [];
    let issued = 0;
    const transport = createWebSocketTransport({
      url: 'wss://relay.example/chatpay?tenant=a',
      history: true,
      clock,
      heartbeatIntervalMs: 10_000_000,
      token: () => token((start + 100_000 * ++issued) / 1000),
      createSocket: (url) => {
        urls.push(url);
        const socket = new PlayedSocket();
        sockets.push(socket);
        return socket;
      },
    });
    await waitUntil(() => sockets.length === 1, 'the first socket');
    const first = new URL(urls[0]!);
    checkEqual(first.searchParams.get('tenant'), 'a', 'the URL keeps its own parameters');
    checkEqual(first.searchParams.get('token'), token((start + 100_000) / 1000), 'the token, whole');
    const socket = sockets[0]!;
    socket.open();
    socket.receive({
      entry: { cursor: '5-0', acceptedAt: 1, sender: { role: 'agent', subject: 'a' }, message: message() },
    });
    socket.receive({ caughtUp: '5-0' });
    checkEqual((await transport.history!()).length, 1, 'the history');
    clock.advance(80_000);
    await waitUntil(() => socket.sent.length === 1, 'the refresh');
    checkEqual(JSON.parse(socket.sent[0]!), { refresh: token((start + 200_000) / 1000) }, 'the new token, in-band');
    socket.lose();
    clock.advance(1000);
    await waitUntil(() => sockets.length === 2, 'the reconnection');
    checkEqual(new URL(urls[1]!).searchParams.get('cursor'), '5-0', 'it resumes after its cursor');
    transport.close();
  });
});
