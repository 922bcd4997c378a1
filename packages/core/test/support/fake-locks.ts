// The browser's lock manager in Node, for tests of which tab holds a request's keys.

interface Request {
  readonly tab: number;
  readonly callback: (lock: Lock | null) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const abortError = () => new DOMException('The lock request was aborted.', 'AbortError');

/**
 * The browser's lock manager, shared by the tabs of one profile, as the Web Locks API describes it
 * for exclusive locks: a queue per name, `ifAvailable`, `steal` and `signal`. `tab()` gives one
 * tab's `navigator.locks`; `close(tab)` is that tab closing, which lets go of all its locks.
 */
export class FakeLockManager {
  readonly holders = new Map<string, Request>();
  readonly queues = new Map<string, Request[]>();
  #tabs = 0;

  tab(): LockManager & { readonly id: number } {
    const id = ++this.#tabs;
    const request = (name: string, ...rest: unknown[]) =>
      this.#request(id, name, (rest.length === 2 ? rest[0] : {}) as LockOptions, rest.at(-1) as Request['callback']);
    return { id, request, query: () => Promise.reject(new Error('not faked')) } as unknown as LockManager & {
      readonly id: number;
    };
  }

  close(tab: number): void {
    for (const [name, queue] of this.queues)
      this.queues.set(
        name,
        queue.filter((request) => request.tab !== tab),
      );
    for (const [name, holder] of this.holders) if (holder.tab === tab) this.#release(name, holder);
  }

  waiting(name: string): number {
    return this.queues.get(name)?.length ?? 0;
  }

  #request(tab: number, name: string, options: LockOptions, callback: Request['callback']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: Request = { tab, callback, resolve, reject };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      if (options.signal?.aborted) return reject(abortError());
      if (options.steal) {
        const holder = this.holders.get(name);
        if (holder) {
          this.holders.delete(name);
          holder.reject(abortError());
        }
        this.#grant(name, request);
        return;
      }
      if (options.ifAvailable && (this.holders.has(name) || queue.length > 0)) {
        queueMicrotask(() => Promise.resolve(callback(null)).then(resolve, reject));
        return;
      }
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(request);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(abortError());
      });
      queue.push(request);
      this.#next(name);
    });
  }

  #next(name: string): void {
    if (this.holders.has(name)) return;
    const request = this.queues.get(name)?.shift();
    if (request) this.#grant(name, request);
  }

  #grant(name: string, request: Request): void {
    this.holders.set(name, request);
    queueMicrotask(() => {
      Promise.resolve(request.callback({ name, mode: 'exclusive' } as Lock)).then(
        (value) => {
          if (this.holders.get(name) === request) this.#release(name, request);
          request.resolve(value);
        },
        (error: unknown) => {
          if (this.holders.get(name) === request) this.#release(name, request);
          request.reject(error);
        },
      );
    });
  }

  #release(name: string, request: Request): void {
    if (this.holders.get(name) !== request) return;
    this.holders.delete(name);
    this.#next(name);
  }
}
