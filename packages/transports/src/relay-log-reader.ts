import type { Clock, Delivery, HistoryEntry } from '@chatpay/core/wire';
import { TransportError, type TransportReport } from './reports.js';

const CURSOR = /^(\d{1,15})-(\d{1,15})$/;

/** Whether cursor `a` comes after cursor `b` (`<ms>-<seq>`, as the relay makes them). */
function isAfter(a: string, b: string): boolean {
  const [, aMs, aSeq] = CURSOR.exec(a)!;
  const [, bMs, bSeq] = CURSOR.exec(b)!;
  return Number(aMs) - Number(bMs) > 0 || (aMs === bMs && Number(aSeq) > Number(bSeq));
}

/** What a log entry from the relay says of its delivery: only well-formed facts are kept. */
function deliveryOf(entry: Record<string, unknown>): Delivery {
  const sender = entry.sender as { role?: unknown; subject?: unknown } | null | undefined;
  const role = sender?.role === 'agent' || sender?.role === 'customer' ? sender.role : undefined;
  return {
    acceptedAt: typeof entry.acceptedAt === 'number' ? entry.acceptedAt : undefined,
    sender: role && typeof sender?.subject === 'string' ? { role, subject: sender.subject } : undefined,
  };
}

const idOf = (message: unknown): unknown => (message as { id?: unknown } | null)?.id;

/** How many ids of its own messages the transport remembers, to drop them when a replay brings them back. */
const OWN_IDS = 10_000;

export interface RelayLogReaderOptions {
  readonly clock: Clock;
  /** How long `history()` waits for the first replay before it rejects, ms. */
  readonly waitMs: number;
  /** Hands an entry to the transport's listeners. */
  readonly deliver: (entry: HistoryEntry) => void;
  readonly report: (report: TransportReport) => void;
}

interface HistoryWaiter {
  readonly resolve: (entries: readonly HistoryEntry[]) => void;
  readonly reject: (error: TransportError) => void;
}

/**
 * The transport's side of the relay's log: the cursor of the last entry received (to resume after
 * it), what the first connection replayed (for `history()`), and the ids of this end's own messages,
 * so a replay does not hand them back to its listeners.
 */
export class RelayLogReader {
  readonly #options: RelayLogReaderOptions;
  #cursor: string | undefined;
  #caughtUp = false;
  #history: HistoryEntry[] = [];
  #abandoned = false;
  readonly #waiters = new Set<HistoryWaiter>();
  readonly #ownIds = new Set<string>();

  constructor(options: RelayLogReaderOptions) {
    this.#options = options;
  }

  /** The cursor of the last entry received. */
  get cursor(): string | undefined {
    return this.#cursor;
  }

  /** Notes the id of a message this end sends, so that the log does not hand it back. */
  remember(id: string): void {
    this.#ownIds.delete(id);
    this.#ownIds.add(id);
    if (this.#ownIds.size > OWN_IDS) this.#ownIds.delete(this.#ownIds.values().next().value!);
  }

  /** An `entry` frame's contents: kept for the history while the first replay runs, else handed on. */
  receiveEntry(entry: unknown): void {
    const fields = entry as Record<string, unknown> | null;
    if (
      typeof fields !== 'object' ||
      fields === null ||
      typeof fields.cursor !== 'string' ||
      !CURSOR.test(fields.cursor) ||
      !('message' in fields)
    ) {
      this.#options.report({ type: 'frame-refused', reason: 'malformed' });
      return;
    }
    if (this.#cursor !== undefined && !isAfter(fields.cursor, this.#cursor)) return; // had it already
    this.#cursor = fields.cursor;
    const received: HistoryEntry = { message: fields.message, delivery: deliveryOf(fields) };
    if (!this.#caughtUp && !this.#abandoned) {
      this.#history.push(received);
      return;
    }
    if (!this.#ownIds.has(idOf(fields.message) as string)) this.#options.deliver(received);
  }

  /** A `caughtUp` frame: the replay is over; the first one goes to whoever asked for the history. */
  receiveCaughtUp(at: unknown): void {
    if (typeof at === 'string' && CURSOR.test(at) && (this.#cursor === undefined || isAfter(at, this.#cursor))) {
      this.#cursor = at;
    }
    if (this.#caughtUp) return;
    this.#caughtUp = true;
    for (const waiter of this.#waiters) waiter.resolve([...this.#history]);
    this.#waiters.clear();
  }

  /** What the first connection replayed, once it has; rejects if it does not come within `waitMs`. */
  history(): Promise<readonly HistoryEntry[]> {
    if (this.#caughtUp || this.#abandoned) return Promise.resolve([...this.#history]);
    const { clock, waitMs } = this.#options;
    return new Promise((resolve, reject) => {
      const waiter: HistoryWaiter = {
        resolve: (entries) => {
          clock.clearTimeout(timer);
          resolve(entries);
        },
        reject: (error) => {
          clock.clearTimeout(timer);
          reject(error);
        },
      };
      const timer = clock.setTimeout(() => {
        this.#waiters.delete(waiter);
        this.#abandon();
        reject(new TransportError('send-timeout', `The conversation's history did not arrive within ${waitMs} ms.`));
      }, waitMs);
      this.#waiters.add(waiter);
    });
  }

  /** The transport is closed: whoever waits for the history is told so. */
  close(): void {
    for (const waiter of this.#waiters) {
      waiter.reject(new TransportError('closed', 'The WebSocket transport was closed before the history arrived.'));
    }
    this.#waiters.clear();
  }

  /** Nobody waited long enough for the history: what it holds goes to the listeners instead. */
  #abandon(): void {
    this.#abandoned = true;
    const replayed = this.#history;
    this.#history = [];
    for (const entry of replayed) {
      if (!this.#ownIds.has(idOf(entry.message) as string)) this.#options.deliver(entry);
    }
  }
}
