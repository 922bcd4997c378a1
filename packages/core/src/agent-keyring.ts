import type { AgentKeys } from './agent-key-pair.js';
import { toFailure } from './errors.js';
import type { KeyScope, KeyStore } from './key-store.js';
import type { PaymentRequestActor } from './payment-request.machine.js';
import type { SessionReport } from './session-report.js';
import { requestLockName, type Holding, type TabLocks } from './tab-lock.js';

export interface AgentKeyringOptions {
  readonly scope: KeyScope;
  readonly keyStore: KeyStore;
  readonly tabLocks: TabLocks;
  /** The view window, in ms: the keys outlive the request's deadline by this much. */
  readonly viewWindowMs: number;
  readonly report: (report: SessionReport) => void;
}

/**
 * The agent's private keys, per request: in memory while this tab acts on the request, in the key
 * store from the moment they are made until the request ends (so a reload finds them), and the tab
 * lock that decides which of the agent's tabs acts on them. The encryption key goes as soon as the
 * card is opened; the signing key stays until the request ends.
 */
export class AgentKeyring {
  readonly #options: AgentKeyringOptions;
  readonly #keys = new Map<string, AgentKeys>();
  readonly #holdings = new Map<string, Promise<Holding | undefined>>();
  /** Key store work, one step at a time, so that a request's keys are never written back after they were deleted. */
  #storeWork: Promise<void> = Promise.resolve();

  constructor(options: AgentKeyringOptions) {
    this.#options = options;
  }

  /** How many requests' keys are held in memory now. */
  get size(): number {
    return this.#keys.size;
  }

  get(requestId: string): AgentKeys | undefined {
    return this.#keys.get(requestId);
  }

  has(requestId: string): boolean {
    return this.#keys.has(requestId);
  }

  /** Holds the request's keys in memory (from the store, or made now: then kept with `keep`). */
  set(requestId: string, keys: AgentKeys): void {
    this.#keys.set(requestId, { encryption: keys.encryption, signing: keys.signing });
  }

  /** Keys of requests that ended while no page was open are useless: deleted. Resolves once done (a failure is reported). */
  sweep(now: number): Promise<void> {
    return this.#options.keyStore.sweep(now).then(
      () => undefined,
      (error: unknown) => this.#storeFailed(error),
    );
  }

  /** The request's keys as the store has them, or undefined (none there, or the store failed: reported). */
  async load(requestId: string): Promise<AgentKeys | undefined> {
    try {
      return await this.#options.keyStore.get(this.#options.scope, requestId);
    } catch (error) {
      this.#storeFailed(error);
      return undefined;
    }
  }

  /** Keeps the request's keys in the store until `expiresAt`: resolves once kept (or failed, which is reported). */
  keep(requestId: string, keys: AgentKeys, expiresAt: number): Promise<void> {
    const record = { ...this.#options.scope, requestId, ...keys, expiresAt };
    return this.#store(() => this.#options.keyStore.put(record));
  }

  /** Drops the key that opens the card, here and in the store: resolves once the store no longer holds it. */
  spendEncryptionKey(requestId: string, keys: AgentKeys, expiresAt: number): Promise<void> {
    const spent: AgentKeys = { encryption: null, signing: keys.signing };
    if (this.#keys.get(requestId) === keys) this.#keys.set(requestId, spent);
    return this.keep(requestId, spent, expiresAt + this.#options.viewWindowMs);
  }

  /** Drops the request's keys, here and in the store. */
  drop(requestId: string): void {
    this.#keys.delete(requestId);
    void this.#store(() => this.#options.keyStore.delete(this.#options.scope, requestId));
  }

  /**
   * Holds the request's tab lock while this tab has its keys. Without it (another tab of the agent
   * holds it) the request shows `other-tab`; when that tab lets go, this one takes over with the keys
   * as the store has them then (the other tab may have opened the card meanwhile).
   */
  claim(requestId: string, actor: PaymentRequestActor): void {
    if (this.#holdings.has(requestId)) return;
    const { scope, tabLocks, keyStore } = this.#options;
    const holding = tabLocks.hold(requestLockName(scope, requestId)).then(
      (held) => {
        if (!held.held) actor.send({ type: 'keys.changed', keys: 'other-tab' });
        held.onChange((now) => {
          if (!now) {
            actor.send({ type: 'keys.changed', keys: 'other-tab' });
            return;
          }
          keyStore.get(scope, requestId).then(
            (keys) => {
              if (keys) this.set(requestId, keys);
              actor.send({ type: 'keys.changed', keys: !keys ? 'gone' : keys.encryption ? 'here' : 'opened' });
            },
            (error: unknown) => this.#storeFailed(error),
          );
        });
        return held;
      },
      () => undefined,
    );
    this.#holdings.set(requestId, holding);
  }

  /** Releases the request's tab lock, if this tab holds or waits for it. */
  letGo(requestId: string): void {
    const holding = this.#holdings.get(requestId);
    this.#holdings.delete(requestId);
    void holding?.then((held) => held?.release());
  }

  /** Releases every tab lock and drops every key held in memory; the key store keeps its records. */
  clear(): void {
    for (const requestId of [...this.#holdings.keys()]) this.letGo(requestId);
    this.#keys.clear();
  }

  /** Resolves once this step is done (or has failed, which is reported). */
  #store(step: () => Promise<void>): Promise<void> {
    this.#storeWork = this.#storeWork.then(step).catch((error: unknown) => this.#storeFailed(error));
    return this.#storeWork;
  }

  #storeFailed(error: unknown): void {
    this.#options.report({ type: 'handler-failed', requestId: '', failure: toFailure(error, 'The key store failed.') });
  }
}
