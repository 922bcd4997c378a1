import type { Clock } from '@chatpay/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { JoinTokenVerifier, JoinTokenVerifierOptions } from './join-token.js';
import type { RelayLogger } from './logger.js';
import type { RelayMetrics } from './metrics.js';
import type { RelayLimits } from './relay-limits.js';
import type { RelayStore, RetentionOptions } from './store.js';

/** What `createRelay` takes. Bad values throw a `ConfigError` naming the option. */
export interface RelayOptions {
  /** Checks a join token. Give this, or `tokenKeys`. */
  readonly verifyToken?: JoinTokenVerifier;
  /** The integrator's public keys for join tokens (see `createJoinTokenVerifier`). */
  readonly tokenKeys?: JoinTokenVerifierOptions['keys'];
  /** `aud` and `iss` the tokens must carry (with `tokenKeys`). */
  readonly tokenAudience?: string;
  /** The `iss` the tokens must carry (with `tokenKeys`). */
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
  /** What each connection and the relay as a whole are held to; any not given is `DEFAULT_LIMITS`'. Each must be above 0. */
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

/** What the health endpoint answers (`Relay.health()`). */
export interface RelayHealth {
  /** `ok`; `draining` once `close()` was called; `store-unavailable` while the store cannot be reached. */
  readonly status: 'ok' | 'draining' | 'store-unavailable';
  /** Open connections on this node. */
  readonly connections: number;
  /** Conversations with at least one connection on this node. */
  readonly conversations: number;
}

/** A relay made by `createRelay`: attach it to a server or let it listen, then `close()` it to drain. */
export interface Relay {
  /** Takes WebSocket upgrades on `path` of an existing `http` or `https` server. Returns the function that stops. */
  attach(server: Server | HttpsServer, options?: { readonly path?: string }): () => void;
  /**
   * Starts a server of its own: upgrades on `path` (default `/`), health and metrics at their paths, on
   * `host` (default `127.0.0.1`) and `port` (default 0: any free port).
   */
  listen(options?: { readonly port?: number; readonly host?: string; readonly path?: string }): Promise<{
    /** The port it listens on. */
    readonly port: number;
    /** The address clients connect to (`ws://host:port/path`). */
    readonly url: string;
  }>;
  /** Answers the health and metrics endpoints; false if the request is for neither (for an attached server's handler). */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  /** The node's health now, as the health endpoint answers it. */
  health(): RelayHealth;
  /** The relay's Prometheus metrics, as the metrics endpoint answers them. */
  readonly metrics: RelayMetrics;
  /** Open connections, in one conversation or in all. */
  connections(conversationId?: string): number;
  /**
   * Shuts down gracefully: refuses new upgrades (503), stops taking messages, waits for appends under
   * way to be acknowledged, then closes every connection with 1001 and stops its own server.
   */
  close(): Promise<void>;
}
