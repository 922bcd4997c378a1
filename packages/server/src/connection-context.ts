import type { Clock } from '@chatpay/core';
import type { JoinTokenVerifier } from './join-token.js';
import type { RelayLogger } from './logger.js';
import type { RelayMetrics } from './metrics.js';
import type { RelayStore } from './store.js';

/** The limits each connection is held to (see `RelayLimits` for their meaning and defaults). */
export interface ConnectionLimits {
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly maxBufferedBytes: number;
  readonly appendTimeoutMs: number;
  readonly replayPageSize: number;
}

/** What a connection needs from its relay. */
export interface ConnectionContext {
  readonly store: RelayStore;
  readonly clock: Clock;
  readonly limits: ConnectionLimits;
  readonly log: RelayLogger;
  readonly metrics: RelayMetrics;
  readonly verifyToken: JoinTokenVerifier;
}

/** Why a connection ended, as logged and counted. */
export type EndReason =
  | 'closed-by-client'
  | 'protocol-error'
  | 'binary-frame'
  | 'malformed-frame'
  | 'token-expired'
  | 'rate-limited'
  | 'slow-reader'
  | 'heartbeat'
  | 'store-unavailable'
  | 'shutdown';
