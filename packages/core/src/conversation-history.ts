import type { Clock } from './clock.js';
import { SessionError, toFailure, type Failure } from './errors.js';
import type { Delivery, HistoryEntry, Transport } from './transport.js';

/** How long a starting session waits for the transport's history before it reports it and goes on live. */
export const HISTORY_TIMEOUT_MS = 30_000;

/**
 * The conversation's history as the transport gives it: the list of its entries, or none when the
 * transport keeps no history. A history that fails, does not answer within `HISTORY_TIMEOUT_MS` or
 * is not a list is handed to `failed`, and the session goes on with live messages.
 */
export async function fetchHistory(
  transport: Transport,
  clock: Clock,
  failed: (failure: Failure) => void,
): Promise<readonly unknown[]> {
  const history = transport.history;
  if (!history) return [];
  let timer: unknown;
  let entries: unknown;
  try {
    // A history that never answers must not hold live messages back for ever.
    const late = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(
        () => reject(new SessionError('not-allowed-now', 'The history did not arrive in time.')),
        HISTORY_TIMEOUT_MS,
      );
    });
    entries = await Promise.race([Promise.resolve().then(() => history.call(transport)), late]);
  } catch (error) {
    failed(toFailure(error, HISTORY_UNREADABLE));
    return [];
  } finally {
    clock.clearTimeout(timer);
  }
  if (Array.isArray(entries)) return entries as unknown[];
  failed({ code: 'failed', message: "The conversation's history is not a list of messages." });
  return [];
}

/** One entry of a history as received: its message and delivery, or undefined (handed to `failed`) when reading it throws. */
export function readEntry(
  entry: unknown,
  failed: (failure: Failure) => void,
): { readonly message: unknown; readonly delivery: Delivery | undefined } | undefined {
  try {
    const { message, delivery } = (entry ?? {}) as HistoryEntry;
    return { message, delivery };
  } catch (error) {
    failed(toFailure(error, HISTORY_UNREADABLE));
    return undefined;
  }
}

const HISTORY_UNREADABLE = "The conversation's history could not be read.";
