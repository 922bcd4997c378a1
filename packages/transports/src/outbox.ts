import type { Clock } from '@chatpay/core/wire';
import { TransportError } from './reports.js';

/** One message waiting to be sent, or (with acknowledgements) for the server to take it. */
interface Waiting {
  readonly id: string;
  readonly frame: string;
  readonly resolve: () => void;
  readonly reject: (error: TransportError) => void;
  timer: unknown;
}

export interface OutboxOptions {
  readonly clock: Clock;
  /** Writes a frame to the open socket; false if there is none or it would not take the frame. */
  readonly write: (frame: string) => boolean;
  /** Whether a send waits for the server's `ack` (see `WebSocketTransportOptions.acknowledgements`). */
  readonly acknowledgements: boolean;
  /** How many may wait, queued or sent and not yet acknowledged; one more is refused. */
  readonly queueLimit: number;
  readonly sendTimeoutMs: number;
}

/**
 * The messages on their way out: a queue while there is no connection, each with a deadline after
 * which its `send` rejects, and (with acknowledgements) those sent and not yet acknowledged, which go
 * again, first, on the next connection; together at most `queueLimit`.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  #queue: Waiting[] = [];
  /** Sent, waiting for the server's ack (with `acknowledgements`), oldest first. */
  #unacked: Waiting[] = [];

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Sends at once if it can, else queues the frame until the connection takes it or its deadline passes. */
  send(id: string, frame: string): Promise<void> {
    const { acknowledgements, queueLimit, sendTimeoutMs, clock, write } = this.#options;
    if (!acknowledgements && this.#queue.length === 0 && write(frame)) return Promise.resolve();
    // Those sent and not acknowledged count too: a relay that answers pings but acknowledges nothing
    // would otherwise have them pile up, and all go again on the next connection.
    if (this.#queue.length + this.#unacked.length >= queueLimit) {
      return Promise.reject(new TransportError('queue-full', `${queueLimit} messages are already waiting to be sent.`));
    }
    return new Promise<void>((resolve, reject) => {
      const item: Waiting = { id, frame, resolve, reject, timer: undefined };
      item.timer = clock.setTimeout(() => {
        this.#queue = this.#queue.filter((waiting) => waiting !== item);
        this.#unacked = this.#unacked.filter((waiting) => waiting !== item);
        reject(new TransportError('send-timeout', `The message could not be sent within ${sendTimeoutMs} ms.`));
      }, sendTimeoutMs);
      this.#queue.push(item);
      this.flush();
    });
  }

  /** Sends what waited, in order, while the socket takes it. */
  flush(): void {
    while (this.#queue.length > 0) {
      const item = this.#queue[0]!;
      // What the socket does not take waits, with the rest, for the next connection or its deadline.
      if (!this.#options.write(item.frame)) return;
      this.#queue.shift();
      if (this.#options.acknowledgements) {
        this.#unacked.push(item);
      } else {
        this.#options.clock.clearTimeout(item.timer);
        item.resolve();
      }
    }
  }

  /** The server's `ack` (ok) or `nack` for message `id`; anything else settles nothing. */
  settle(id: unknown, ok: boolean, code: unknown): void {
    const item = this.#unacked.find((waiting) => waiting.id === id);
    if (!item) return;
    this.#unacked = this.#unacked.filter((waiting) => waiting !== item);
    this.#options.clock.clearTimeout(item.timer);
    if (ok) return item.resolve();
    // The server's code is shown only if it is one of its plain words, never other text.
    const why = typeof code === 'string' && /^[a-z-]{1,32}$/.test(code) ? ` (${code})` : '';
    item.reject(new TransportError('socket-failed', `The server could not pass the message on${why}.`));
  }

  /** The connection dropped: what was not acknowledged perhaps never arrived, and goes again first. */
  requeueUnacknowledged(): void {
    this.#queue = [...this.#unacked, ...this.#queue];
    this.#unacked = [];
  }

  /** Rejects everything still on its way, each with an error of its own from `failure`, and empties the outbox. */
  rejectAll(failure: () => TransportError): void {
    const waiting = [...this.#unacked, ...this.#queue];
    this.#queue = [];
    this.#unacked = [];
    for (const item of waiting) {
      this.#options.clock.clearTimeout(item.timer);
      item.reject(failure());
    }
  }
}
