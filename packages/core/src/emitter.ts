export interface EmitterOptions {
  /**
   * Receives what a listener threw. The other listeners still run and `emit` still returns; an
   * `onError` that throws in turn is ignored. Without it, what a listener throws is dropped.
   */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/**
 * The smallest typed listener list: `subscribe` returns the function that unsubscribes. A listener
 * that throws cannot stop the others, nor the code that emitted: it is handed to `onError`, never
 * thrown again, now or later.
 */
export class Emitter<E> {
  readonly #listeners = new Set<(event: E) => void>();
  readonly #onError: ((error: unknown) => void) | undefined;

  constructor(options: EmitterOptions = {}) {
    this.#onError = options.onError;
  }

  subscribe(listener: (event: E) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of [...this.#listeners]) {
      // One that unsubscribed while this event was going round hears no more of it.
      if (!this.#listeners.has(listener)) continue;
      try {
        listener(event);
      } catch (error) {
        this.#failed(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }

  #failed(error: unknown): void {
    try {
      this.#onError?.(error);
    } catch {
      // The error handler's own fault: the emitter carries on.
    }
  }
}
