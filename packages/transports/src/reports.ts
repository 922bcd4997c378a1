// TransportError is core's: the memory transport and these ones fail alike.
export { TransportError, type TransportErrorCode } from '@chatpay/core/wire';

/**
 * What a transport tells its owner about traffic it did not pass on and about its connection.
 * Reports never carry a frame's contents.
 */
export type TransportReport =
  | { readonly type: 'frame-refused'; readonly reason: 'malformed' | 'oversized' | 'binary' }
  | { readonly type: 'message-refused'; readonly reason: 'origin' | 'source'; readonly origin: string }
  | { readonly type: 'connection-lost'; readonly attempt: number; readonly retryInMs: number }
  | { readonly type: 'connection-dead' }
  /** A socket could not be made, or did not open in time; `error` is the error's name only. */
  | { readonly type: 'connect-failed'; readonly error: string }
  | { readonly type: 'reconnected' };

/** The owner's report callback, made safe: one that throws must not break the transport. */
export function safeReport(
  onReport: ((report: TransportReport) => void) | undefined,
): (report: TransportReport) => void {
  return (report) => {
    try {
      onReport?.(report);
    } catch {
      // The owner's fault; the transport carries on.
    }
  };
}

/** Listeners and the function that notifies them, each in a try so one bad listener cannot stop the others. */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(value: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the next one still hears.
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
