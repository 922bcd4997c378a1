import { ConfigError, systemClock } from '@chatpay/core';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RelayConnection } from './connection.js';
import { parseCursor } from './cursor.js';
import { JoinTokenError } from './errors.js';
import { createJoinTokenVerifier, type JoinClaims } from './join-token.js';
import { jsonLogger } from './logger.js';
import { createMemoryStore } from './memory-store.js';
import { createRelayMetrics } from './metrics.js';
import { endpointHandler } from './relay-endpoints.js';
import { limitsOf } from './relay-limits.js';
import type { Relay, RelayOptions } from './relay-options.js';
import { CLOSE_CODES, type UpgradeRefusal } from './relay-protocol.js';
import { Rooms, type Room } from './rooms.js';
import { pathOf, refuseUpgrade, tokenOf } from './upgrade-request.js';

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
  const rooms = new Rooms(store, metrics);
  const all = new Set<RelayConnection>();
  const context = { store, clock, limits, log, metrics, verifyToken };
  let pending = 0;
  let serial = 0;
  let draining = false;
  let heartbeat: unknown;
  const detachers = new Set<() => void>();
  let ownServer: Server | undefined;

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
      rooms.leave(claims.conversationId, room);
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
    const room = rooms.enter(claims.conversationId);
    if (room.connections.size + room.reserved >= limits.maxConnectionsPerConversation) {
      rooms.leave(claims.conversationId, room);
      return refuse(socket, 'conversation-full');
    }
    room.reserved += 1;
    pending += 1;
    let upgraded = false;
    socket.once('close', () => {
      if (upgraded) return;
      pending -= 1;
      room.reserved -= 1;
      rooms.leave(claims.conversationId, room);
    });
    wss.handleUpgrade(request, socket, head, (ws) => {
      upgraded = true;
      pending -= 1;
      void start(ws, claims, cursor, room);
    });
  };

  const handleRequest = endpointHandler({ healthPath, metricsPath, metrics, health: () => relay.health() });

  const relay: Relay = {
    metrics,
    attach(server, attachOptions = {}) {
      const path = attachOptions.path ?? '/';
      const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (pathOf(request) !== path) {
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
      await rooms.closeAll();
      clock.clearTimeout(drainTimer);
      if (ownStore) await store.close();
      log({ level: 'info', event: 'closed' });
    },
  };
  return relay;
}
