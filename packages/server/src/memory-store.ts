import { systemClock, type Clock } from '@chatpay/core';
import { formatCursor, nextCursor, parseCursor, compareCursors, type CursorParts } from './cursor.js';
import { RelayError } from './errors.js';
import { retentionOf, type LogEntry, type RelayStore, type RetentionOptions } from './store.js';

/** What `createMemoryStore` takes. */
export interface MemoryStoreOptions {
  /** How long each conversation's log keeps its entries. Default `DEFAULT_RETENTION` (24 hours, 1,000 entries). */
  readonly retention?: RetentionOptions;
  /** Default: the system clock. Ages are measured on it. */
  readonly clock?: Clock;
}

interface Stored extends LogEntry {
  readonly ms: number;
}

interface Conversation {
  entries: Stored[];
  /** Sender and message id → cursor, oldest first, kept as long as the entries' age allows. */
  readonly ids: Map<string, { readonly cursor: string; readonly at: number }>;
  last: CursorParts | undefined;
  readonly listeners: Set<(entry: LogEntry) => void>;
}

/** Finds the first entry after `after` by binary search (entries are in cursor order). */
function firstAfter(entries: readonly Stored[], after: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareCursors(entries[middle]!.cursor, after) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The relay's default store: each conversation's log in this process's memory, trimmed by age and
 * count, with the ids of recent messages for dropping duplicates. Nothing survives a restart, and it
 * serves one relay process only; for several, use the Redis store.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): RelayStore {
  const { maxAgeMs, maxCount } = retentionOf(options.retention);
  const clock = options.clock ?? systemClock;
  const conversations = new Map<string, Conversation>();
  let closed = false;

  const trim = (conversation: Conversation) => {
    const oldest = clock.now() - maxAgeMs;
    let drop = Math.max(0, conversation.entries.length - maxCount);
    while (drop < conversation.entries.length && conversation.entries[drop]!.ms < oldest) drop++;
    if (drop > 0) conversation.entries = conversation.entries.slice(drop);
    // Ids are remembered as long as the entries' age allows, and at most four times the count.
    for (const [key, seen] of conversation.ids) {
      if (seen.at >= oldest && conversation.ids.size <= maxCount * 4) break;
      conversation.ids.delete(key);
    }
  };

  const conversationOf = (id: string): Conversation => {
    let conversation = conversations.get(id);
    if (!conversation) {
      conversation = { entries: [], ids: new Map(), last: undefined, listeners: new Set() };
      conversations.set(id, conversation);
    }
    return conversation;
  };

  /** Forgets conversations nobody watches whose entries have all expired. */
  const sweep = () => {
    for (const [id, conversation] of conversations) {
      trim(conversation);
      if (conversation.entries.length === 0 && conversation.ids.size === 0 && conversation.listeners.size === 0) {
        conversations.delete(id);
      }
    }
  };
  let sweeps = 0;

  const check = () => {
    if (closed) throw new RelayError('store-closed', 'The store is closed.');
  };

  return {
    get available() {
      return !closed;
    },
    append(input) {
      try {
        check();
      } catch (error) {
        return Promise.reject(error as Error);
      }
      const conversation = conversationOf(input.conversationId);
      trim(conversation);
      const key = `${input.sender.role}\n${input.sender.subject}\n${input.id}`;
      const seen = conversation.ids.get(key);
      if (seen) return Promise.resolve({ cursor: seen.cursor, duplicate: true });
      const parts = nextCursor(conversation.last, clock.now());
      conversation.last = parts;
      const entry: Stored = {
        cursor: formatCursor(parts),
        ms: parts.ms,
        acceptedAt: input.acceptedAt,
        sender: input.sender,
        text: input.text,
        origin: input.origin,
      };
      conversation.entries.push(entry);
      conversation.ids.set(key, { cursor: entry.cursor, at: clock.now() });
      if (conversation.entries.length > maxCount) trim(conversation);
      for (const listener of [...conversation.listeners]) {
        try {
          listener(entry);
        } catch {
          // A listener's failure is its own; the entry is stored and the others hear of it.
        }
      }
      // Now and then, conversations left idle are forgotten.
      if (++sweeps % 1024 === 0) sweep();
      return Promise.resolve({ cursor: entry.cursor, duplicate: false });
    },
    read(conversationId, after, limit) {
      try {
        check();
      } catch (error) {
        return Promise.reject(error as Error);
      }
      if (after !== undefined && !parseCursor(after)) return Promise.reject(new RangeError('not a cursor'));
      const conversation = conversations.get(conversationId);
      if (!conversation) return Promise.resolve([]);
      trim(conversation);
      const start = after === undefined ? 0 : firstAfter(conversation.entries, after);
      return Promise.resolve(conversation.entries.slice(start, start + limit));
    },
    watch(conversationId, listener) {
      try {
        check();
      } catch (error) {
        return Promise.reject(error as Error);
      }
      const conversation = conversationOf(conversationId);
      const own = (entry: LogEntry) => listener(entry);
      conversation.listeners.add(own);
      return Promise.resolve(() => {
        conversation.listeners.delete(own);
      });
    },
    close() {
      closed = true;
      conversations.clear();
      return Promise.resolve();
    },
  };
}
