import { systemClock, type Clock } from './clock.js';
import { createIndexedDbKeyStore } from './indexeddb-key-store.js';
import { checkInstant, recordKey, toRecord, type KeyScope, type RecordKey, type RequestKeys } from './key-record.js';

export { KeyStoreError, type KeyScope, type KeyStoreErrorCode, type RequestKeys } from './key-record.js';
export { createIndexedDbKeyStore, DEFAULT_KEY_DATABASE, type IndexedDbKeyStoreOptions } from './indexeddb-key-store.js';

/**
 * Where the agent's per-request private keys wait from making the request until it ends.
 * A record holds the ids, the two key pairs and the expiry instant, and nothing else: never the
 * request's terms, never card data. It never holds a private key that can be exported.
 */
export interface KeyStore {
  /** What kind of store this is, for the docs and the agent's UI: keys survive a reload only in 'persistent'. */
  readonly persistence: 'memory' | 'persistent';
  /** Keeps a request's keys, replacing any kept for the same request. Refuses an exportable private key. */
  put(keys: RequestKeys): Promise<void>;
  /** The request's keys, or undefined when there are none or they have expired (an expired record is deleted). */
  get(scope: KeyScope, requestId: string): Promise<RequestKeys | undefined>;
  /** Forgets a request's keys. Forgetting keys that are not there is not an error. */
  delete(scope: KeyScope, requestId: string): Promise<void>;
  /** Deletes every record (any scope) whose expiresAt <= now; resolves with how many were deleted. */
  sweep(now: number): Promise<number>;
}

/** What `createMemoryKeyStore` takes. */
export interface MemoryKeyStoreOptions {
  /** Says when a record has expired, for `get`. Default: the system clock. */
  readonly clock?: Clock;
}

/** Keys in this page's memory only: a reload forgets them, so a card sent before it can no longer be opened. */
export function createMemoryKeyStore(options: MemoryKeyStoreOptions = {}): KeyStore {
  const clock = options.clock ?? systemClock;
  const records = new Map<string, RequestKeys>();
  const keyOf = (key: RecordKey) => JSON.stringify(key);
  return {
    persistence: 'memory',
    async put(keys) {
      const record = toRecord(keys);
      records.set(keyOf([record.agentId, record.conversationId, record.requestId]), record);
    },
    async get(scope, requestId) {
      const key = keyOf(recordKey(scope, requestId));
      const record = records.get(key);
      if (!record) return undefined;
      if (record.expiresAt <= clock.now()) {
        records.delete(key);
        return undefined;
      }
      return record;
    },
    async delete(scope, requestId) {
      records.delete(keyOf(recordKey(scope, requestId)));
    },
    async sweep(now) {
      checkInstant(now);
      let deleted = 0;
      for (const [key, record] of records) {
        if (record.expiresAt <= now) {
          records.delete(key);
          deleted++;
        }
      }
      return deleted;
    },
  };
}

/** The sessions' default: IndexedDB (database `name`) where the page has it, so keys survive a reload; else memory. */
export function createDefaultKeyStore(options: { readonly name?: string; readonly clock?: Clock } = {}): KeyStore {
  const { clock, name } = options;
  const base = clock ? { clock } : {};
  return typeof indexedDB === 'undefined'
    ? createMemoryKeyStore(base)
    : createIndexedDbKeyStore(name ? { ...base, name } : base);
}
