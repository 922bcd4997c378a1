import { systemClock, type Clock } from './clock.js';
import { ChatPayError } from './errors.js';

/** Whose keys: one agent in one conversation. Nothing in one scope is visible from another. */
export interface KeyScope {
  readonly agentId: string;
  readonly conversationId: string;
}

/** The agent's two key pairs for one payment request, and the instant after which they are useless. */
export interface RequestKeys {
  readonly agentId: string;
  readonly conversationId: string;
  readonly requestId: string;
  /**
   * ECDH P-256 for HPKE: the customer seals the card to its public key. The private key is
   * non-extractable. `null` once the card has been opened: it opens once, and the signing key stays
   * until the request ends.
   */
  readonly encryption: CryptoKeyPair | null;
  /** ECDSA P-256: signs the agent's messages about the request. The private key is non-extractable. */
  readonly signing: CryptoKeyPair;
  /** Ms since the epoch: after this the keys are useless and are swept. */
  readonly expiresAt: number;
}

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

export type KeyStoreErrorCode = 'unavailable' | 'failed' | 'extractable-key';

/**
 * The key store could not keep, find or forget keys: `unavailable` when the store cannot be opened
 * at all (no IndexedDB, storage switched off, a newer version of the page holds the database),
 * `failed` when one operation could not be done or was given a malformed record, `extractable-key`
 * when asked to keep a private key that could be exported. Never carries a key or an id.
 */
export class KeyStoreError extends ChatPayError<KeyStoreErrorCode> {
  override name = 'KeyStoreError';
}

const NAMES_REQUIRED = "A request's keys are named by a non-empty agent id, conversation id and request id.";

type RecordKey = [agentId: string, conversationId: string, requestId: string];

const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

function recordKey(scope: KeyScope, requestId: string): RecordKey {
  if (!isName(scope?.agentId) || !isName(scope.conversationId) || !isName(requestId)) {
    throw new KeyStoreError('failed', NAMES_REQUIRED);
  }
  return [scope.agentId, scope.conversationId, requestId];
}

const isCryptoKey = (value: unknown): value is CryptoKey =>
  Object.prototype.toString.call(value) === '[object CryptoKey]';

function isP256Pair(pair: unknown, algorithm: 'ECDH' | 'ECDSA'): pair is CryptoKeyPair {
  if (typeof pair !== 'object' || pair === null) return false;
  const { publicKey, privateKey } = pair as Partial<CryptoKeyPair>;
  return [publicKey, privateKey].every((key, index) => {
    if (!isCryptoKey(key) || key.type !== (index === 0 ? 'public' : 'private')) return false;
    const { name, namedCurve } = key.algorithm as EcKeyAlgorithm;
    return name === algorithm && namedCurve === 'P-256';
  });
}

/**
 * The record as kept: the ids, the two key pairs and the instant, copied field by field so nothing
 * else a caller attached (terms, a card) can ride along. Throws on anything else.
 */
function toRecord(keys: RequestKeys): RequestKeys {
  if (typeof keys !== 'object' || keys === null) {
    throw new KeyStoreError('failed', 'The keys were not kept: a record of a request and its key pairs is required.');
  }
  const [agentId, conversationId, requestId] = recordKey(keys, keys.requestId);
  if ((keys.encryption !== null && !isP256Pair(keys.encryption, 'ECDH')) || !isP256Pair(keys.signing, 'ECDSA')) {
    throw new KeyStoreError(
      'failed',
      'The keys were not kept: a request needs an ECDSA P-256 key pair for signing and an ECDH P-256 key pair for encryption (or none once its card was opened).',
    );
  }
  if (keys.encryption?.privateKey.extractable || keys.signing.privateKey.extractable) {
    throw new KeyStoreError(
      'extractable-key',
      'The keys were not kept: a private key that can be exported is never stored.',
    );
  }
  if (typeof keys.expiresAt !== 'number' || !Number.isFinite(keys.expiresAt)) {
    throw new KeyStoreError('failed', 'The keys were not kept: the instant they expire must be a finite number of ms.');
  }
  const pair = ({ publicKey, privateKey }: CryptoKeyPair): CryptoKeyPair => ({ publicKey, privateKey });
  return {
    agentId,
    conversationId,
    requestId,
    encryption: keys.encryption && pair(keys.encryption),
    signing: pair(keys.signing),
    expiresAt: keys.expiresAt,
  };
}

function checkInstant(now: number): void {
  if (typeof now !== 'number' || Number.isNaN(now)) {
    throw new KeyStoreError('failed', 'Nothing was swept: the instant to sweep up to must be a number of ms.');
  }
}

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

export const DEFAULT_KEY_DATABASE = 'chatpay-agent-keys';
const DATABASE_VERSION = 1;
const STORE = 'request-keys';
const BY_EXPIRY = 'expiresAt';
const DEFAULT_OPEN_TIMEOUT_MS = 10_000;

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

/** A record read back from the database, checked as strictly as one being kept. */
function readRecord(value: unknown, key: RecordKey): RequestKeys | KeyStoreError {
  try {
    const record = toRecord(value as RequestKeys);
    if (record.agentId !== key[0] || record.conversationId !== key[1] || record.requestId !== key[2]) {
      throw new KeyStoreError('failed', NAMES_REQUIRED);
    }
    return record;
  } catch (error) {
    return error instanceof KeyStoreError && error.code === 'extractable-key'
      ? new KeyStoreError(
          'extractable-key',
          'A private key that can be exported was found for this request and has been deleted.',
        )
      : new KeyStoreError('failed', 'The keys kept for this request were unreadable and have been deleted.');
  }
}

/** The sessions' default: IndexedDB (database `name`) where the page has it, so keys survive a reload; else memory. */
export function createDefaultKeyStore(options: { readonly name?: string; readonly clock?: Clock } = {}): KeyStore {
  const { clock, name } = options;
  const base = clock ? { clock } : {};
  return typeof indexedDB === 'undefined'
    ? createMemoryKeyStore(base)
    : createIndexedDbKeyStore(name ? { ...base, name } : base);
}
