import { ConfigError, MAX_MESSAGE_LENGTH, systemClock, type Clock } from '@chatpay/core';
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RelayConnection, type ConnectionLimits } from './connection.js';
import { parseCursor } from './cursor.js';
import { JoinTokenError } from './errors.js';
import {
  createJoinTokenVerifier,
  type JoinClaims,
  type JoinTokenVerifier,
  type JoinTokenVerifierOptions,
} from './join-token.js';
import { jsonLogger, type RelayLogger } from './logger.js';
import { createMemoryStore } from './memory-store.js';
import { createRelayMetrics, type RelayMetrics } from './metrics.js';
import { CLOSE_CODES, entryFrame, UPGRADE_REFUSALS, type UpgradeRefusal } from './relay-protocol.js';
import type { LogEntry, RelayStore, RetentionOptions } from './store.js';

/** What each connection and the relay as a whole are held to. */
export interface RelayLimits extends ConnectionLimits {
  /** The largest frame, in bytes; a larger one closes the socket with 1009. Default 64 KiB. */
  readonly maxPayloadBytes: number;
  /** Messages a connection may send per second, on average. Default 20. */
  readonly messagesPerSecond: number;
  /** Messages a connection may send at once before the rate applies. Default 60. */
  readonly messageBurst: number;
  /** Bytes waiting to be written to one client; past this, a live client is disconnected. Default 1 MiB. */
  readonly maxBufferedBytes: number;
  /** Connections one conversation may have on this node. Default 32. */
  readonly maxConnectionsPerConversation: number;
  /** Connections this node takes in all. Default 10,000. */
  readonly maxConnections: number;
  /** How often the relay pings each client; one that has not answered the previous ping is dropped, ms. Default 30,000. */
  readonly heartbeatIntervalMs: number;
  /** How long an append may take before the message is refused with `unavailable`, ms. Default 5,000. */
  readonly appendTimeoutMs: number;
  /** How long `close()` waits for appends and close handshakes before ending what is left, ms. Default 10,000. */
  readonly drainTimeoutMs: number;
  /** Entries read from the store at a time while a client catches up. Default 500. */
  readonly replayPageSize: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxPayloadBytes: 64 * 1024,
  messagesPerSecond: 20,
  messageBurst: 60,
  maxBufferedBytes: 1024 * 1024,
  maxConnectionsPerConversation: 32,
  maxConnections: 10_000,
  heartbeatIntervalMs: 30_000,
  appendTimeoutMs: 5_000,
  drainTimeoutMs: 10_000,
  replayPageSize: 500,
};

export interface RelayOptions {
  /** Checks a join token. Give this, or `tokenKeys`. */
  readonly verifyToken?: JoinTokenVerifier;
  /** The integrator's public keys for join tokens (see `createJoinTokenVerifier`). */
  readonly tokenKeys?: JoinTokenVerifierOptions['keys'];
  /** `aud` and `iss` the tokens must carry (with `tokenKeys`). */
  readonly tokenAudience?: string;
  readonly tokenIssuer?: string;
  /**
   * The pages that may connect: exact origins (`https://chat.example.com`), or a function. An upgrade
   * from any other Origin is refused with 403.
   */
  readonly allowedOrigins: readonly string[] | ((origin: string) => boolean);
  /** Accept upgrades without an Origin header (servers and native apps send none; browsers always do). Default false. */
  readonly allowMissingOrigin?: boolean;
  /** Default: a memory store with `retention`. */
  readonly store?: RelayStore;
  /** For the default memory store. */
  readonly retention?: RetentionOptions;
  readonly limits?: Partial<RelayLimits>;
  /** Default: the system clock. Token expiry, rates, heartbeats and timeouts are measured on it. */
  readonly clock?: Clock;
  /** Default: JSON lines on standard output, from `info` up. */
  readonly logger?: RelayLogger;
  /** This node's name in logs and entry origins. Default: a random one. */
  readonly nodeId?: string;
  /** Add Node's process metrics (memory, event loop, GC) to the registry. Default true. */
  readonly processMetrics?: boolean;
  /** The health endpoint's path. Default `/healthz`. */
  readonly healthPath?: string;
  /** The metrics endpoint's path. Default `/metrics`. */
  readonly metricsPath?: string;
}

export interface RelayHealth {
  readonly status: 'ok' | 'draining' | 'store-unavailable';
  readonly connections: number;
  readonly conversations: number;
}

export interface Relay {
  /** Takes WebSocket upgrades on `path` of an existing `http` or `https` server. Returns the function that stops. */
  attach(server: Server | HttpsServer, options?: { readonly path?: string }): () => void;
  /** Starts a server of its own: upgrades on `path` (default `/`), health and metrics at their paths. */
  listen(options?: { readonly port?: number; readonly host?: string; readonly path?: string }): Promise<{
    readonly port: number;
    readonly url: string;
  }>;
  /** Answers the health and metrics endpoints; false if the request is for neither (for an attached server's handler). */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  health(): RelayHealth;
  readonly metrics: RelayMetrics;
  /** Open connections, in one conversation or in all. */
  connections(conversationId?: string): number;
  /**
   * Shuts down gracefully: refuses new upgrades (503), stops taking messages, waits for appends under
   * way to be acknowledged, then closes every connection with 1001 and stops its own server.
   */
  close(): Promise<void>;
}

interface Room {
  readonly connections: Set<RelayConnection>;
  /** Upgrades accepted but not yet joined. */
  reserved: number;
  ready: Promise<void>;
  stop: (() => void) | undefined;
}

function limitsOf(given: Partial<RelayLimits> = {}): RelayLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new ConfigError(name, `${name} must be a number above 0.`);
  }
  if (limits.maxPayloadBytes < 3 * MAX_MESSAGE_LENGTH + 1024) {
    throw new ConfigError(
      'maxPayloadBytes',
      `maxPayloadBytes must leave room for a message (at least ${3 * MAX_MESSAGE_LENGTH + 1024}).`,
    );
  }
  return limits;
}

/** Answers a refused upgrade with its HTTP status and a JSON body naming the reason, then closes the socket. */
function refuseUpgrade(socket: Duplex, reason: UpgradeRefusal): void {
  if (socket.destroyed) return;
  const status = UPGRADE_REFUSALS[reason];
  const body = JSON.stringify({ error: reason });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const tokenOf = (url: URL, request: IncomingMessage): string | undefined => {
  const query = url.searchParams.get('token');
  if (query) return query;
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
};

/**
 * ChatPay's relay: WebSocket connections authorised by the integrator's join tokens, one durable log
 * per conversation in a store (memory by default, Redis for several nodes), every accepted message
 * stamped with its sender and handed to the conversation's other connections on every node, and a
 * client that reconnects with its cursor given everything after it.
 */
export function createRelay(options: RelayOptions): Relay {
  if (!options.verifyToken && !options.tokenKeys) {
    throw new ConfigError(
      'verifyToken',
      'Give the relay verifyToken or tokenKeys: it refuses every connection without a join token.',
    );
  }
  if (!options.allowedOrigins)
    throw new ConfigError('allowedOrigins', 'Give the relay the origins of the pages that may connect.');
  const clock = options.clock ?? systemClock;
  const limits = limitsOf(options.limits);
  const log = options.logger ?? jsonLogger();
  const nodeId = options.nodeId ?? randomUUID().slice(0, 8);
  const ownStore = !options.store;
  const store =
    options.store ?? createMemoryStore({ clock, ...(options.retention ? { retention: options.retention } : {}) });
  const verifyToken =
    options.verifyToken ??
    createJoinTokenVerifier({
      keys: options.tokenKeys!,
      clock,
      ...(options.tokenAudience ? { audience: options.tokenAudience } : {}),
      ...(options.tokenIssuer ? { issuer: options.tokenIssuer } : {}),
    });
  const allowed = options.allowedOrigins;
  const originAllowed = (origin: string | undefined) => {
    if (origin === undefined) return options.allowMissingOrigin ?? false;
    return typeof allowed === 'function' ? allowed(origin) : allowed.includes(origin);
  };
  const healthPath = options.healthPath ?? '/healthz';
  const metricsPath = options.metricsPath ?? '/metrics';
  const metrics = createRelayMetrics({
    processMetrics: options.processMetrics ?? true,
    storeAvailable: () => store.available,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, clientTracking: false });
  const rooms = new Map<string, Room>();
  const all = new Set<RelayConnection>();
  const context = { store, clock, limits, log, metrics, verifyToken };
  let pending = 0;
  let serial = 0;
  let draining = false;
  let heartbeat: unknown;
  const detachers = new Set<() => void>();
  let ownServer: Server | undefined;

  const roomOf = (conversationId: string): Room => {
    let room = rooms.get(conversationId);
    if (!room) {
      const fresh: Room = { connections: new Set(), reserved: 0, ready: Promise.resolve(), stop: undefined };
      fresh.ready = store
        .watch(conversationId, (entry: LogEntry) => {
          const frame = entryFrame(entry);
          for (const connection of fresh.connections) connection.deliver(entry, frame);
        })
        .then((stop) => {
          fresh.stop = stop;
        });
      fresh.ready.catch(() => undefined);
      room = fresh;
      rooms.set(conversationId, room);
      metrics.conversations.set(rooms.size);
    }
    return room;
  };

  const leaveRoom = (conversationId: string, room: Room) => {
    if (room.connections.size > 0 || room.reserved > 0 || rooms.get(conversationId) !== room) return;
    rooms.delete(conversationId);
    metrics.conversations.set(rooms.size);
    void room.ready.then(
      () => room.stop?.(),
      () => undefined,
    );
  };

  const beat = () => {
    for (const connection of all) {
      if (!connection.alive) {
        connection.end('heartbeat');
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        // Closing already.
      }
    }
    heartbeat = clock.setTimeout(beat, limits.heartbeatIntervalMs);
    (heartbeat as { unref?: () => void }).unref?.();
  };
  beat();

  const start = async (socket: WebSocket, claims: JoinClaims, cursor: string | undefined, room: Room) => {
    const connection = new RelayConnection(socket, claims, `${nodeId}/${++serial}`, context);
    all.add(connection);
    room.reserved -= 1;
    room.connections.add(connection);
    metrics.connections.set(all.size);
    socket.on('close', (code) => {
      connection.closed(code);
      all.delete(connection);
      room.connections.delete(connection);
      metrics.connections.set(all.size);
      leaveRoom(claims.conversationId, room);
    });
    log({
      level: 'info',
      event: 'connection-opened',
      connection: connection.origin,
      conversation: claims.conversationId,
      role: claims.role,
      subject: claims.subject,
      resumed: cursor !== undefined,
    });
    try {
      await room.ready;
      await connection.catchUp(cursor);
    } catch (error) {
      log({ level: 'warn', event: 'catch-up-failed', connection: connection.origin, error: (error as Error).name });
      connection.end('store-unavailable', CLOSE_CODES.tryAgainLater, 'store unavailable');
    }
  };

  const refuse = (socket: Duplex, reason: UpgradeRefusal) => {
    metrics.upgradesRefused.inc({ reason });
    log({ level: 'info', event: 'upgrade-refused', reason });
    refuseUpgrade(socket, reason);
  };

  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Errors on the raw socket before the upgrade (a client that goes away) are its own.
    socket.on('error', () => socket.destroy());
    if (draining) return refuse(socket, 'relay-draining');
    const origin = request.headers.origin;
    if (!originAllowed(origin)) return refuse(socket, 'origin-refused');
    const url = new URL(request.url ?? '/', 'http://relay.invalid');
    let claims: JoinClaims;
    try {
      const token = tokenOf(url, request);
      if (!token) throw new JoinTokenError('token-missing', 'No join token was given.');
      claims = await verifyToken(token);
    } catch (error) {
      return refuse(socket, error instanceof JoinTokenError ? error.code : 'token-invalid');
    }
    const asked = url.searchParams.get('conversation');
    if (asked !== null && asked !== claims.conversationId) return refuse(socket, 'wrong-conversation');
    const cursor = url.searchParams.get('cursor') ?? undefined;
    if (cursor !== undefined && !parseCursor(cursor)) return refuse(socket, 'cursor-invalid');
    if (socket.destroyed) return;
    if (draining) return refuse(socket, 'relay-draining');
    if (!store.available) return refuse(socket, 'store-unavailable');
    if (all.size + pending >= limits.maxConnections) return refuse(socket, 'relay-full');
    const room = roomOf(claims.conversationId);
    if (room.connections.size + room.reserved >= limits.maxConnectionsPerConversation) {
      leaveRoom(claims.conversationId, room);
      return refuse(socket, 'conversation-full');
    }
    room.reserved += 1;
    pending += 1;
    let upgraded = false;
    socket.once('close', () => {
      if (upgraded) return;
      pending -= 1;
      room.reserved -= 1;
      leaveRoom(claims.conversationId, room);
    });
    wss.handleUpgrade(request, socket, head, (ws) => {
      upgraded = true;
      pending -= 1;
      void start(ws, claims, cursor, room);
    });
  };

  const handleRequest = (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === healthPath) {
      const health = relay.health();
      response.writeHead(health.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(health));
      return true;
    }
    if (path === metricsPath) {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
          response.end(text);
        },
        () => {
          response.writeHead(500).end();
        },
      );
      return true;
    }
    return false;
  };

  const relay: Relay = {
    metrics,
    attach(server, attachOptions = {}) {
      const path = attachOptions.path ?? '/';
      const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const requested = (request.url ?? '/').split('?')[0];
        if (requested !== path) {
          // Another handler's upgrade; refused only if nobody else listens.
          if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 'not-found');
          return;
        }
        upgrade(request, socket, head).catch((error: unknown) => {
          log({ level: 'error', event: 'upgrade-failed', error: (error as Error).name });
          refuseUpgrade(socket, 'store-unavailable');
        });
      };
      server.on('upgrade', onUpgrade);
      const detach = () => {
        server.off('upgrade', onUpgrade);
        detachers.delete(detach);
      };
      detachers.add(detach);
      return detach;
    },
    async listen(listenOptions = {}) {
      const server = createServer((request, response) => {
        if (!handleRequest(request, response)) {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end('{"error":"not-found"}');
        }
      });
      relay.attach(server, { path: listenOptions.path ?? '/' });
      const host = listenOptions.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listenOptions.port ?? 0, host, () => resolve());
      });
      ownServer = server;
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      return { port, url: `ws://${shown}:${port}${listenOptions.path ?? '/'}` };
    },
    handleRequest,
    health() {
      return {
        status: draining ? 'draining' : store.available ? 'ok' : 'store-unavailable',
        connections: all.size,
        conversations: rooms.size,
      };
    },
    connections(conversationId) {
      if (conversationId === undefined) return all.size;
      return rooms.get(conversationId)?.connections.size ?? 0;
    },
    async close() {
      if (draining) return;
      draining = true;
      clock.clearTimeout(heartbeat);
      log({ level: 'info', event: 'draining', connections: all.size });
      let drainTimer: unknown;
      const deadline = new Promise<void>((resolve) => {
        drainTimer = clock.setTimeout(resolve, limits.drainTimeoutMs);
      });
      for (const connection of all) connection.stopAccepting();
      await Promise.race([Promise.all([...all].map((connection) => connection.idle())), deadline]);
      const closing = [...all].map(
        (connection) =>
          new Promise<void>((resolve) => {
            if (connection.socket.readyState === 3) return resolve();
            connection.socket.once('close', () => resolve());
            connection.end('shutdown', CLOSE_CODES.goingAway, 'relay shutting down');
          }),
      );
      await Promise.race([Promise.all(closing), deadline]);
      for (const connection of all) connection.socket.terminate();
      for (const detach of [...detachers]) detach();
      if (ownServer) {
        ownServer.closeAllConnections();
        await new Promise<void>((resolve) => ownServer!.close(() => resolve()));
      }
      for (const [conversationId, room] of rooms) {
        rooms.delete(conversationId);
        await room.ready.then(
          () => room.stop?.(),
          () => undefined,
        );
      }
      clock.clearTimeout(drainTimer);
      if (ownStore) await store.close();
      log({ level: 'info', event: 'closed' });
    },
  };
  return relay;
}
