import { systemClock, type Clock } from './clock.js';
import {
  KeyStoreError,
  readRecord,
  recordKey,
  checkInstant,
  toRecord,
  type KeyScope,
  type RequestKeys,
} from './key-record.js';
import type { KeyStore } from './key-store.js';

/** The IndexedDB database the agent's keys are kept in unless told otherwise. */
export const DEFAULT_KEY_DATABASE = 'chatpay-agent-keys';
const DATABASE_VERSION = 1;
const STORE = 'request-keys';
const BY_EXPIRY = 'expiresAt';
const DEFAULT_OPEN_TIMEOUT_MS = 10_000;

/** What `createIndexedDbKeyStore` takes. */
export interface IndexedDbKeyStoreOptions {
  /** The database's name. Default `chatpay-agent-keys`. */
  readonly name?: string;
  /** The IndexedDB to use. Default: the page's `indexedDB`. */
  readonly indexedDB?: IDBFactory;
  /** Says when a record has expired (for `get`) and times the opening. Default: the system clock. */
  readonly clock?: Clock;
  /** How long opening the database may take before the store gives up with `unavailable`. Default 10 s. */
  readonly openTimeoutMs?: number;
}

/** The name of a DOMException or other error, for a message: names say what went wrong and carry no data. */
const errorName = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : 'unknown error';

function operationFailed(what: string, error: unknown): KeyStoreError {
  if (error instanceof KeyStoreError) return error;
  if (errorName(error) === 'QuotaExceededError') {
    return new KeyStoreError('failed', `${what}: the browser's storage for this site is full.`);
  }
  return new KeyStoreError('failed', `${what}: the browser ended the key store's transaction (${errorName(error)}).`);
}

/**
 * Keys in an IndexedDB database of this browser profile: they survive a reload and stay
 * non-extractable (IndexedDB keeps a CryptoKey by structured clone, flags and all). One object store
 * keyed by `[agentId, conversationId, requestId]`, with an index on `expiresAt` for the sweep.
 *
 * The database is opened on first use. The store closes its connection when another page asks to
 * upgrade the database, and opens it again on the next call; every IndexedDB failure becomes a
 * `KeyStoreError`, and an opening that is blocked or never answers gives up rather than waits.
 */
export function createIndexedDbKeyStore(options: IndexedDbKeyStoreOptions = {}): KeyStore {
  return new IndexedDbKeyStore(options);
}

class IndexedDbKeyStore implements KeyStore {
  readonly persistence = 'persistent';
  readonly #name: string;
  readonly #factory: IDBFactory | undefined;
  readonly #clock: Clock;
  readonly #openTimeoutMs: number;
  #connection: Promise<IDBDatabase> | undefined;
  #database: IDBDatabase | undefined;

  constructor(options: IndexedDbKeyStoreOptions) {
    this.#name = options.name ?? DEFAULT_KEY_DATABASE;
    this.#factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    this.#clock = options.clock ?? systemClock;
    this.#openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  }

  async put(keys: RequestKeys): Promise<void> {
    const record = toRecord(keys);
    await this.#transact('readwrite', "The request's keys were not kept", (store) => {
      store.put(record);
      return () => undefined;
    });
  }

  async get(scope: KeyScope, requestId: string): Promise<RequestKeys | undefined> {
    const key = recordKey(scope, requestId);
    const now = this.#clock.now();
    const found = await this.#transact('readwrite', "The request's keys could not be read", (store) => {
      let verdict: RequestKeys | KeyStoreError | undefined;
      const request = store.get(key);
      request.onsuccess = () => {
        if (request.result === undefined) return;
        verdict = readRecord(request.result, key);
        if (verdict instanceof KeyStoreError || verdict.expiresAt <= now) store.delete(key);
      };
      return () => verdict;
    });
    if (found instanceof KeyStoreError) throw found;
    return found && found.expiresAt > now ? found : undefined;
  }

  async delete(scope: KeyScope, requestId: string): Promise<void> {
    const key = recordKey(scope, requestId);
    await this.#transact('readwrite', "The request's keys could not be deleted", (store) => {
      store.delete(key);
      return () => undefined;
    });
  }

  async sweep(now: number): Promise<number> {
    checkInstant(now);
    return this.#transact('readwrite', 'The expired keys could not be swept', (store) => {
      let deleted = 0;
      // The index runs from the earliest expiry: stop at the first record still live. (No key
      // range, so that any IDBFactory given works without its IDBKeyRange.)
      const cursor = store.index(BY_EXPIRY).openCursor();
      cursor.onsuccess = () => {
        if (!cursor.result || (cursor.result.key as number) > now) return;
        cursor.result.delete();
        deleted++;
        cursor.result.continue();
      };
      return () => deleted;
    });
  }

  /**
   * Runs `work` in one transaction on the object store and resolves, once the transaction has
   * committed, with what the function `work` returned gives. Any failure aborts the whole transaction.
   */
  async #transact<T>(mode: IDBTransactionMode, what: string, work: (store: IDBObjectStore) => () => T): Promise<T> {
    const database = await this.#open();
    return new Promise<T>((resolve, reject) => {
      let transaction: IDBTransaction | undefined;
      try {
        transaction = database.transaction(STORE, mode, { durability: 'strict' });
        const result = work(transaction.objectStore(STORE));
        const done = transaction;
        done.oncomplete = () => resolve(result());
        done.onabort = () => reject(operationFailed(what, done.error ?? { name: 'AbortError' }));
      } catch (error) {
        try {
          transaction?.abort();
        } catch {
          // Already finished: nothing to undo.
        }
        if (errorName(error) === 'InvalidStateError') this.#forget(database);
        reject(operationFailed(what, error));
      }
    });
  }

  #open(): Promise<IDBDatabase> {
    this.#connection ??= this.#connect().then(
      (database) => {
        this.#database = database;
        return database;
      },
      (error: unknown) => {
        this.#connection = undefined;
        throw error;
      },
    );
    return this.#connection;
  }

  /** Drops the connection when it closes, so the next call opens the database again. */
  #forget(database: IDBDatabase): void {
    if (this.#database !== database) return;
    this.#database = undefined;
    this.#connection = undefined;
  }

  #connect(): Promise<IDBDatabase> {
    const factory = this.#factory;
    const clock = this.#clock;
    const unavailable = (message: string) => new KeyStoreError('unavailable', message);
    if (!factory) {
      return Promise.reject(unavailable('The key store cannot keep keys here: this browser offers no IndexedDB.'));
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(this.#name, DATABASE_VERSION);
    } catch (error) {
      return Promise.reject(
        unavailable(
          `The key store cannot keep keys here: the browser refused to open its database (${errorName(error)}).`,
        ),
      );
    }
    return new Promise<IDBDatabase>((resolve, reject) => {
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        reject(unavailable(message));
      };
      const timer = clock.setTimeout(
        () => fail('The key store cannot keep keys now: the browser did not open its database in time.'),
        this.#openTimeoutMs,
      );
      request.onupgradeneeded = () => {
        const database = request.result;
        if (database.objectStoreNames.contains(STORE)) return;
        const store = database.createObjectStore(STORE, { keyPath: ['agentId', 'conversationId', 'requestId'] });
        store.createIndex(BY_EXPIRY, 'expiresAt');
      };
      request.onsuccess = () => {
        const database = request.result;
        if (settled) {
          // It gave up waiting (blocked or timed out) before the database opened late.
          database.close();
          return;
        }
        if (!database.objectStoreNames.contains(STORE)) {
          database.close();
          fail('The key store cannot keep keys here: a database of its name exists with other contents.');
          return;
        }
        settled = true;
        clock.clearTimeout(timer);
        database.onversionchange = () => {
          database.close();
          this.#forget(database);
        };
        database.onclose = () => this.#forget(database);
        resolve(database);
      };
      request.onerror = (event) => {
        event.preventDefault();
        fail(
          `The key store cannot keep keys here: the browser could not open its database (${errorName(request.error)}).`,
        );
      };
      request.onblocked = () =>
        fail('The key store cannot keep keys now: another tab keeps an older version of its database open.');
    });
  }
}
