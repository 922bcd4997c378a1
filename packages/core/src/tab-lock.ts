import { Emitter } from './emitter.js';
import { ChatPayError } from './errors.js';
import type { KeyScope } from './key-store.js';

/**
 * Which of the agent's tabs holds a request's key. Every tab of the agent sees the same requests
 * (and, with the IndexedDB key store, could read the same keys); one lock per request decides which
 * tab opens the card, and the others say where it can be opened. With the Web Locks API the lock
 * belongs to one tab of the browser profile at a time and passes to a waiting tab the moment the
 * holder lets go or closes.
 */
export interface TabLocks {
  /** Whether other tabs take part: false for single-tab locks, where every hold is held. */
  readonly acrossTabs: boolean;
  /** Tries to hold `name`; resolves with a holding. A holding that did not get the lock waits for it and calls onAcquired when the other tab lets go. */
  hold(name: string): Promise<Holding>;
}

/** One tab's claim on one lock. */
export interface Holding {
  /** Whether this tab holds the lock now. */
  readonly held: boolean;
  /**
   * Calls `listener` when the lock comes or goes without this tab asking: `true` when it takes
   * over from a tab that let go or closed, `false` when another tab takes the lock from it.
   * Returns the function that unsubscribes.
   */
  onChange(listener: (held: boolean) => void): () => void;
  /** Lets go of the lock, or stops waiting for it. Listeners hear nothing more; `held` is false from now on. */
  release(): void;
}

/** `TabLockError`'s codes: a name a lock cannot have, or the browser refused the request. */
export type TabLockErrorCode = 'invalid-name' | 'unavailable';

/** A lock could not be asked for: its name is not one a lock can have, or the browser refused the request. */
export class TabLockError extends ChatPayError<TabLockErrorCode> {
  override name = 'TabLockError';
}

/**
 * The lock of one request's key: `chatpay:<agentId>:<conversationId>:<requestId>`, each id
 * percent-encoded so that a colon inside an id cannot make two requests share a name.
 */
export function requestLockName(scope: KeyScope, requestId: string): string {
  const ids = [scope?.agentId, scope?.conversationId, requestId];
  if (!ids.every((id) => typeof id === 'string' && id !== '')) {
    throw new TabLockError(
      'invalid-name',
      "A request's lock is named by a non-empty agent id, conversation id and request id.",
    );
  }
  return ['chatpay', ...ids.map((id) => encodeURIComponent(id!))].join(':');
}

function checkName(name: string): void {
  // Web Locks reserves names that start with '-'.
  if (typeof name !== 'string' || name === '' || name.startsWith('-')) {
    throw new TabLockError('invalid-name', "A lock's name is a non-empty string that does not start with '-'.");
  }
}

/**
 * Locks shared by the tabs of this browser profile, through the Web Locks API (`navigator.locks`
 * unless `locks` is given). Where there is none (Node, an insecure page, an old browser) these are
 * single-tab locks.
 */
export function createTabLocks(options: { readonly locks?: LockManager } = {}): TabLocks {
  const locks = options.locks ?? (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return createSingleTabLocks();
  return {
    acrossTabs: true,
    async hold(name) {
      checkName(name);
      const holding = new SharedHolding(locks, name);
      await holding.start();
      return holding;
    },
  };
}

/** Locks for a page that cannot see its other tabs (no Web Locks: Node, old browsers): every hold is held. */
export function createSingleTabLocks(): TabLocks {
  return {
    acrossTabs: false,
    async hold(name) {
      checkName(name);
      let held = true;
      return {
        get held() {
          return held;
        },
        onChange: () => () => undefined,
        release: () => {
          held = false;
        },
      };
    },
  };
}

/**
 * A holding through Web Locks. The lock is held for as long as the promise its callback returned
 * is pending: that promise (`#kept`) settles only on `release()`. A holding that finds the lock
 * taken queues an ordinary request for it, withdrawn by an AbortSignal on `release()`.
 */
class SharedHolding implements Holding {
  readonly #locks: LockManager;
  readonly #name: string;
  readonly #changes = new Emitter<boolean>();
  readonly #kept: Promise<void>;
  #letGo: () => void = () => undefined;
  #held = false;
  #released = false;
  #waiting: AbortController | undefined;

  constructor(locks: LockManager, name: string) {
    this.#locks = locks;
    this.#name = name;
    this.#kept = new Promise<void>((resolve) => (this.#letGo = resolve));
  }

  get held(): boolean {
    return this.#held;
  }

  onChange(listener: (held: boolean) => void): () => void {
    if (this.#released) return () => undefined;
    const unsubscribe = this.#changes.subscribe(listener);
    return () => void unsubscribe();
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#held = false;
    this.#waiting?.abort();
    this.#waiting = undefined;
    this.#letGo();
    this.#changes.clear();
  }

  /** Asks for the lock if no one holds it; resolves once the browser has answered either way. */
  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let answered = false;
      const granted = (lock: Lock | null) => {
        answered = true;
        resolve();
        if (!lock) {
          this.#wait();
          return undefined;
        }
        this.#held = true;
        return this.#kept;
      };
      let request: Promise<unknown>;
      try {
        request = this.#locks.request(this.#name, { ifAvailable: true }, granted);
      } catch (error) {
        reject(refused(error));
        return;
      }
      request.then(
        () => undefined,
        (error: unknown) => (answered ? this.#lost() : reject(refused(error))),
      );
    });
  }

  /** Queues for the lock, to take over when the tab holding it lets go or closes. */
  #wait(): void {
    if (this.#released) return;
    const waiting = new AbortController();
    this.#waiting = waiting;
    const granted = () => {
      if (this.#released) return undefined;
      this.#waiting = undefined;
      this.#change(true);
      return this.#kept;
    };
    let request: Promise<unknown>;
    try {
      request = this.#locks.request(this.#name, { signal: waiting.signal }, granted);
    } catch {
      // The browser will not queue it (the page is going away): this tab stays without the lock.
      return;
    }
    request.then(
      () => undefined,
      () => {
        // Withdrawn on release, or refused before it was granted: this tab stays without the lock.
        if (this.#held) this.#lost();
      },
    );
  }

  /** Another tab took the lock (`steal`) while this one held it: say so, and queue to take it back. */
  #lost(): void {
    if (this.#released || !this.#held) return;
    this.#change(false);
    this.#wait();
  }

  #change(held: boolean): void {
    if (this.#held === held) return;
    this.#held = held;
    this.#changes.emit(held);
  }
}

const refused = (error: unknown) =>
  new TabLockError(
    'unavailable',
    `The browser refused the tab lock (${
      typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : 'unknown error'
    }).`,
  );
