// The relay of @chatpay/server for the transports' tests: on a free loopback port, with the memory
// store or a Redis store, and WebSocket transports that join it with join tokens.
import {
  createJoinTokenIssuer,
  createMemoryStore,
  createRedisStore,
  createRelay,
  type LogRecord,
  type Relay,
  type RelayLimits,
  type RelayStore,
  type Role,
} from '@chatpay/server';
import { generateKeyPair } from 'jose';
import WebSocket from 'ws';
import {
  createWebSocketTransport,
  type WebSocketLike,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from '@chatpay/transports';

export const ORIGIN = 'https://chat.example';

/** The `ws` package's client from the page's origin, as the transport's `createSocket`. */
export const pageSocket = (url: string): WebSocketLike =>
  new WebSocket(url, { origin: ORIGIN }) as unknown as WebSocketLike;

export interface TestRelay {
  readonly relay: Relay;
  readonly url: string;
  readonly port: number;
  readonly store: RelayStore;
  readonly logs: LogRecord[];
  /** The key join tokens are checked with (for other nodes of the same deployment). */
  readonly publicKey: CryptoKey;
  token(role: Role, conversationId: string, subject?: string, ttlSeconds?: number): Promise<string>;
  /** A transport with history and join tokens; `sockets` keeps every socket it made. */
  transport(
    role: Role,
    conversationId: string,
    options?: Partial<WebSocketTransportOptions> & { subject?: string; sockets?: WebSocketLike[] },
  ): WebSocketTransport;
  close(): Promise<void>;
}

const keys = generateKeyPair('ES256');

export async function startTestRelay(
  options: {
    store?: RelayStore;
    port?: number;
    limits?: Partial<RelayLimits>;
  } = {},
): Promise<TestRelay> {
  const { publicKey, privateKey } = await keys;
  const issuer = createJoinTokenIssuer({ privateKey, keyId: 'test' });
  const store = options.store ?? createMemoryStore();
  const logs: LogRecord[] = [];
  const relay = createRelay({
    tokenKeys: publicKey,
    allowedOrigins: [ORIGIN],
    store,
    logger: (record) => logs.push(record),
    processMetrics: false,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const { url, port } = await relay.listen({ port: options.port ?? 0 });
  const token = (role: Role, conversationId: string, subject = `${role}-1`, ttlSeconds?: number) =>
    issuer.issue({ conversationId, role, subject, ...(ttlSeconds ? { ttlSeconds } : {}) });
  return {
    relay,
    url,
    port,
    store,
    logs,
    publicKey,
    token,
    transport(role, conversationId, transportOptions = {}) {
      const { subject, sockets, ...rest } = transportOptions;
      return createWebSocketTransport({
        url,
        history: true,
        token: () => token(role, conversationId, subject),
        createSocket: (target) => {
          const socket = pageSocket(target);
          sockets?.push(socket);
          return socket;
        },
        ...rest,
      });
    },
    async close() {
      await relay.close();
      if (!options.store) await store.close();
    },
  };
}

let prefixes = 0;

/** A Redis store with a prefix of its own, so each test starts from an empty log. */
export function freshRedisStore(url: string): Promise<RelayStore> {
  return createRedisStore({ redis: url, prefix: `t${process.pid}-${++prefixes}:` });
}
