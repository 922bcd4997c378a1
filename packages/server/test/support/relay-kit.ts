// What the relay's tests share: signing keys and tokens, a relay on a free loopback port, test
// clients that keep every frame they receive, and messages of the right shape.
import { AGENT_MESSAGE_TYPES, CUSTOMER_MESSAGE_TYPES, PROTOCOL_VERSION, type Clock } from '@chatpay/core';
import { generateKeyPair } from 'jose';
import { request } from 'node:http';
import WebSocket from 'ws';
import {
  createJoinTokenIssuer,
  createRelay,
  type LogRecord,
  type Relay,
  type RelayOptions,
  type Role,
} from '../../src/index.js';

export const ORIGIN = 'https://chat.example';

/** Waits (yielding to timers) until `done()` holds; fails, rather than hangs, if it never does. */
export async function until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error(`never reached ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface TokenKit {
  readonly publicKey: CryptoKey;
  token(role: Role, conversationId?: string, options?: { subject?: string; ttlSeconds?: number }): Promise<string>;
}

export async function tokenKit(clock?: Clock): Promise<TokenKit> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const issuer = createJoinTokenIssuer({ privateKey, keyId: 'test-key', ...(clock ? { clock } : {}) });
  return {
    publicKey,
    token: (role, conversationId = 'conv-1', options = {}) =>
      issuer.issue({
        conversationId,
        role,
        subject: options.subject ?? `${role}-1`,
        ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
      }),
  };
}

let ids = 0;

/** A message of the protocol's envelope; only the envelope matters to the relay. */
export function wireMessage(
  type: (typeof AGENT_MESSAGE_TYPES)[number] | (typeof CUSTOMER_MESSAGE_TYPES)[number],
  conversationId = 'conv-1',
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { id: string } {
  ids += 1;
  return {
    version: PROTOCOL_VERSION,
    id: `m-${ids}-${Math.random().toString(36).slice(2)}`,
    requestId: 'r-1',
    conversationId,
    type,
    sentAt: 0,
    body: {},
    signature: 'A'.repeat(86),
    ...extra,
  };
}
/** A type each side may send (and only that side), from core's lists. */
export const AGENT_ONLY = AGENT_MESSAGE_TYPES.find(
  (type) => !(CUSTOMER_MESSAGE_TYPES as readonly string[]).includes(type),
)!;
export const CUSTOMER_ONLY = CUSTOMER_MESSAGE_TYPES.find(
  (type) => !(AGENT_MESSAGE_TYPES as readonly string[]).includes(type),
)!;

export interface StartedRelay {
  readonly relay: Relay;
  readonly port: number;
  readonly url: string;
  readonly kit: TokenKit;
  readonly logs: LogRecord[];
  /** The relay's URL with a fresh token for `role` (and a cursor, if given). */
  urlFor(role: Role, conversationId?: string, extra?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startRelay(
  options: Partial<RelayOptions> & { readonly kit?: TokenKit; readonly path?: string } = {},
): Promise<StartedRelay> {
  const kit = options.kit ?? (await tokenKit(options.clock));
  const logs: LogRecord[] = [];
  const relay = createRelay({
    tokenKeys: kit.publicKey,
    allowedOrigins: [ORIGIN],
    logger: (record) => logs.push(record),
    processMetrics: false,
    ...options,
  });
  const { port, url } = await relay.listen({ port: 0, ...(options.path ? { path: options.path } : {}) });
  return {
    relay,
    port,
    url,
    kit,
    logs,
    async urlFor(role, conversationId = 'conv-1', extra = {}) {
      const target = new URL(url);
      target.searchParams.set('token', await kit.token(role, conversationId));
      for (const [name, value] of Object.entries(extra)) target.searchParams.set(name, value);
      return target.toString();
    },
    close: () => relay.close(),
  };
}

/** A WebSocket client that keeps every frame it receives, parsed. */
export class TestClient {
  readonly socket: WebSocket;
  readonly frames: Record<string, unknown>[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  closeCode: number | undefined;

  constructor(url: string, origin: string | undefined = ORIGIN) {
    this.socket = new WebSocket(url, origin === undefined ? {} : { origin });
    this.socket.on('error', () => {});
    this.socket.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Record<string, unknown>));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused with ${response.statusCode}`)),
      );
      this.socket.once('error', reject);
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => {
        this.closeCode = code;
        resolve({ code, reason: String(reason) });
      }),
    );
  }

  static async open(url: string, origin?: string): Promise<TestClient> {
    const client = new TestClient(url, origin);
    await client.opened;
    return client;
  }

  send(value: unknown): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** The messages handed over in entries, in order. */
  get entries(): {
    cursor: string;
    acceptedAt: number;
    sender: { role: string; subject: string };
    message: { id: string };
  }[] {
    return this.frames.filter((frame) => 'entry' in frame).map((frame) => frame.entry as never);
  }

  has(key: string, value?: unknown): boolean {
    return this.frames.some((frame) => key in frame && (value === undefined || frame[key] === value));
  }

  async waitFor(
    key: string,
    value?: unknown,
    what = `${key} ${String(value ?? '')}`,
  ): Promise<Record<string, unknown>> {
    await until(() => this.has(key, value), what);
    return this.frames.find((frame) => key in frame && (value === undefined || frame[key] === value))!;
  }

  close(): void {
    this.socket.close();
  }
}

/** Attempts an upgrade and says how it was answered: 101, or the refusal's status and body. */
export function upgradeAnswer(
  url: string,
  headers: Record<string, string> = { origin: ORIGIN },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const sent = request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    sent.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '' });
    });
    sent.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}
