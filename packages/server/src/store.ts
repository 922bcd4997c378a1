import { ConfigError } from '@chatpay/core';
import type { Role } from './join-token.js';

/** Who sent an entry, from the sender's join token. */
export interface Sender {
  /** The role its join token gave it. */
  readonly role: Role;
  /** Who it is, as its join token's `sub` says. */
  readonly subject: string;
}

/** One accepted message in a conversation's log. */
export interface LogEntry {
  /** Its place in the log: increasing within the conversation (see `cursor.ts`). */
  readonly cursor: string;
  /** When the relay accepted it, ms since the epoch by the relay's clock. */
  readonly acceptedAt: number;
  /** Who sent it, from the sender's join token. */
  readonly sender: Sender;
  /** The message's JSON text, as its sender wrote it. */
  readonly text: string;
  /** The relay connection it came from (`<node>/<connection>`), so it is not handed back to it. */
  readonly origin: string;
}

/** A message for `RelayStore.append`. */
export interface AppendInput {
  /** The conversation whose log it joins. */
  readonly conversationId: string;
  /** The message's id: a second message with the same id from the same sender is not appended again. */
  readonly id: string;
  /** The message's JSON text, as its sender wrote it. */
  readonly text: string;
  /** Who sent it, from the sender's join token. */
  readonly sender: Sender;
  /** The relay connection it came from (`<node>/<connection>`), so it is not handed back to it. */
  readonly origin: string;
  /** When the relay accepted it, ms since the epoch by the relay's clock. */
  readonly acceptedAt: number;
}

/** What `RelayStore.append` answers. */
export interface AppendResult {
  /** Where the message is in the log (for a duplicate: where the first copy is). */
  readonly cursor: string;
  /** True if the log already held a message with this id from this sender, so nothing was appended. */
  readonly duplicate: boolean;
}

/** How long a conversation's log keeps its entries. What expired is gone. */
export interface RetentionOptions {
  /** Entries older than this are dropped, ms. Default 24 hours. */
  readonly maxAgeMs?: number;
  /** At most this many entries per conversation; the oldest go first. Default 1,000. */
  readonly maxCount?: number;
}

/** The retention a store keeps where its options give none: 24 hours and 1,000 entries per conversation. */
export const DEFAULT_RETENTION = { maxAgeMs: 24 * 60 * 60 * 1000, maxCount: 1000 } as const;

export function retentionOf(options: RetentionOptions = {}): Required<RetentionOptions> {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_RETENTION.maxAgeMs;
  const maxCount = options.maxCount ?? DEFAULT_RETENTION.maxCount;
  if (!Number.isInteger(maxAgeMs) || maxAgeMs <= 0)
    throw new ConfigError('maxAgeMs', 'maxAgeMs must be a whole number above 0.');
  if (!Number.isInteger(maxCount) || maxCount <= 0)
    throw new ConfigError('maxCount', 'maxCount must be a whole number above 0.');
  return { maxAgeMs, maxCount };
}

/**
 * Where the relay keeps each conversation's log and how its nodes hear of new entries. The memory
 * store (`createMemoryStore`) serves one process; the Redis store (`createRedisStore`) lets several
 * relay processes serve the same conversations.
 */
export interface RelayStore {
  /** Appends a message, unless the same sender already sent one with this id (then says where that one is). */
  append(input: AppendInput): Promise<AppendResult>;
  /** Up to `limit` retained entries after `after` (all retained ones if undefined), oldest first. */
  read(conversationId: string, after: string | undefined, limit: number): Promise<readonly LogEntry[]>;
  /**
   * Calls `listener` with every entry appended to the conversation from now on, by any node, in log
   * order. Resolves, once listening, with the function that stops.
   */
  watch(conversationId: string, listener: (entry: LogEntry) => void): Promise<() => void>;
  /** Whether the store can take appends now (the health endpoint reports it). */
  readonly available: boolean;
  /** Lets go of connections and timers. */
  close(): Promise<void>;
}
