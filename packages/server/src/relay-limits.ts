import { ConfigError, MAX_MESSAGE_LENGTH } from '@chatpay/core';
import type { ConnectionLimits } from './connection-context.js';

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

/** The limits a relay runs with where its options give none (each is stated on `RelayLimits`). */
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

/** The defaults with the integrator's limits over them, each checked: a bad one is a `ConfigError` naming it. */
export function limitsOf(given: Partial<RelayLimits> = {}): RelayLimits {
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
