import type { Delivery, Transport } from './transport.js';

/** How many messages a watch holds, at most, for the session it hands its transport to. */
export const WATCH_HOLD_LIMIT = 256;

/**
 * What a watch says of its own work: it held `WATCH_HOLD_LIMIT` messages already and let one go
 * (`request`: one that may be a payment request, which only a flood of them forces). A session started
 * over a transport with a history reads it there; over one without, it is lost to this page.
 */
export interface WatchReport {
  /** The one kind of report a watch makes. */
  readonly type: 'watch-dropped';
  /** Whether what was let go may have been a payment request (its `type` said `request.created`). */
  readonly request: boolean;
}

/** What `watchForRequests` takes besides the transport. */
export interface RequestWatchOptions {
  /** Hears what the watch let go (never a message's content), until it is stopped. */
  readonly onReport?: (report: WatchReport) => void;
}

/** What `watchForRequests` gives a chat page that has not loaded ChatPay's session yet. */
export interface RequestWatch {
  /**
   * Resolves once a message that may be a payment request arrives, live or in the transport's
   * history (a page reloaded while a request was open): the time to load the session and the
   * elements. Unchecked: the session that starts then checks it, as any message.
   */
  readonly requested: Promise<void>;
  /**
   * The transport to start the session with: the watched one, whose first subscriber first hears
   * what arrived before it subscribed, in order (a subscriber that leaves before hearing it leaves
   * it to the next).
   */
  readonly transport: Transport;
  /**
   * Stops watching and lets go of what it held, and says nothing more to `onReport` (a subscriber
   * still hearing what was held hears it all); the transport itself stays open.
   */
  stop(): void;
}

/** Whether `message` may be a payment request; a value whose `type` cannot even be read is not one. */
const mayBeRequest = (message: unknown): boolean => {
  try {
    return (
      typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'request.created'
    );
  } catch {
    return false;
  }
};

/**
 * Watches a conversation for its first payment request, without ChatPay's session, its machine, Lit
 * or the elements, so that a chat page loads those only once a request arrives (docs/performance.md).
 * It holds what arrives until the session subscribes (at most `WATCH_HOLD_LIMIT` messages; over it,
 * the oldest that cannot be a request is let go first, and said to `onReport`), so that nothing that
 * came before the session is lost; a message the session also reads in the history is dropped there
 * as a copy, by its id.
 */
export function watchForRequests(transport: Transport, options: RequestWatchOptions = {}): RequestWatch {
  const keepsHistory = typeof transport.history === 'function';
  /**
   * What arrived before the session subscribed, undefined once it did: held with a history too, since
   * a transport's history may be what it had when it connected (the relay's), without what came after.
   */
  let held: Held[] | undefined = [];
  /** Whether a first subscriber is yet to hear what was held. */
  let replaying = false;
  let found = false;
  let stopped = false;
  let resolve: () => void = () => undefined;
  const requested = new Promise<void>((done) => (resolve = done));
  let off = (): void => undefined;
  /** Holds `entry` in `list`; over the limit, the oldest that cannot be a request goes, and is said. */
  const hold = (list: Held[], entry: Held) => {
    if (list.push(entry) <= WATCH_HOLD_LIMIT) return;
    const other = list.findIndex((each) => !mayBeRequest(each.message));
    list.splice(other < 0 ? 0 : other, 1);
    try {
      // Stopped, the watch says nothing more, though it still holds for a subscriber hearing what it held.
      if (!stopped) options.onReport?.({ type: 'watch-dropped', request: other < 0 });
    } catch {
      // A listener that throws does not stop the watch.
    }
  };
  /** The watch's own listener goes once a request was seen and nothing more is to be held. */
  const settle = () => {
    if (stopped || (found && !held && !replaying)) off();
  };
  const request = () => {
    if (found || stopped) return;
    found = true;
    resolve();
    settle();
  };

  off = transport.subscribe((message, delivery) => {
    if (held) hold(held, { message, delivery });
    if (mayBeRequest(message)) request();
  });
  if (keepsHistory) {
    Promise.resolve()
      .then(() => transport.history!())
      .then((entries) => {
        if (Array.isArray(entries) && entries.some((entry: unknown) => mayBeRequest((entry as Held | null)?.message)))
          request();
      })
      // A history that cannot be read now, nor its entries, is the session's to read, and report, when it starts.
      .catch(() => undefined);
  }

  const view: Transport = {
    send: (message) => transport.send(message),
    subscribe(listener) {
      const earlier = held ?? [];
      // Holding ends with the first subscriber: what was held reaches it a turn later, as live
      // messages do, and before anything that arrives after.
      held = undefined;
      if (earlier.length === 0) {
        settle();
        return transport.subscribe(listener);
      }
      replaying = true;
      let subscribed = true;
      const unsubscribe = transport.subscribe((message, delivery) => {
        if (replaying) hold(earlier, { message, delivery });
        else listener(message, delivery);
      });
      queueMicrotask(() => {
        // Each taken out as it is heard, so that one let go meanwhile is one not yet heard, and a
        // subscriber that leaves halfway leaves the rest to the next.
        while (subscribed && earlier.length > 0) {
          const entry = earlier.shift()!;
          try {
            listener(entry.message, entry.delivery);
          } catch {
            // As transports do: one message's failure does not keep the next from the listener.
          }
        }
        if (!subscribed) return;
        replaying = false;
        settle();
      });
      return () => {
        subscribed = false;
        unsubscribe();
        // Left before it heard them: they wait for the next subscriber.
        if (!replaying || stopped) return;
        replaying = false;
        held = earlier;
      };
    },
    ...(keepsHistory ? { history: () => transport.history!() } : {}),
    ...(transport.onReconnect ? { onReconnect: (listener: () => void) => transport.onReconnect!(listener) } : {}),
    ...(transport.close ? { close: () => transport.close!() } : {}),
  };

  return {
    requested,
    transport: view,
    stop() {
      stopped = true;
      held = undefined;
      settle();
    },
  };
}

interface Held {
  readonly message: unknown;
  readonly delivery: Delivery | undefined;
}
