import type { Clock } from './clock.js';
import { TransportError } from './errors.js';
import type { WireMessage } from './protocol.js';

/** What a transport knows about a message it delivers, besides the message. All of it is advisory: sessions trust only signatures. */
export interface Delivery {
  /** When the backend accepted the message, ms since the epoch by the backend's clock. */
  readonly acceptedAt?: number | undefined;
  /** Who the backend says sent it (a relay stamps this from the sender's join token). */
  readonly sender?:
    | {
        /** The side the sender's join token is for. */
        readonly role: 'agent' | 'customer';
        /** The integrator's id for the sender, from the token. */
        readonly subject: string;
      }
    | undefined;
}

/** One message of a conversation's history, as received, with what the transport knows of it. */
export interface HistoryEntry {
  /** The message as received: unchecked, as for `subscribe`. */
  readonly message: unknown;
  /** What the transport knows of its delivery. */
  readonly delivery?: Delivery | undefined;
}

/**
 * How ChatPay messages travel between the agent's and the customer's browsers. Integrators implement
 * it over their own chat backend; `@chatpay/transports` has ready adapters.
 *
 * - `send` resolves once the message is handed over for delivery and rejects if it cannot be; a
 *   rejection is what the agent sees as TRY AGAIN.
 * - `subscribe` calls `listener` with every message received from the peer, as received, and what the
 *   transport knows of its delivery: sessions validate it (`parseMessage`, signatures), so a transport
 *   need not. It returns the function that unsubscribes.
 * - `history`, if present, says the transport keeps the conversation's log: it resolves with the
 *   messages retained so far, oldest first, as received (including this end's own). A starting session
 *   replays them through the same checks as live messages. A transport with history also delivers,
 *   after a reconnect, what was missed meanwhile (resuming from where it was), so sessions do not
 *   resynchronise on `onReconnect`.
 * - `onReconnect`, if present, calls `listener` each time the connection comes back after a loss.
 *   Sessions over a transport without history then resynchronise every request they have sent or
 *   received (`request.sync`), since messages may have been lost meanwhile. It returns the function
 *   that unsubscribes.
 * - `close`, if present, releases the connection. Sessions never call it: the transport's owner does.
 */
export interface Transport {
  /**
   * A signed message about a request, or (from the customer) the unsigned ask for one
   * (`PaymentAsked`, the envelope without a signature): transports carry either as opaque JSON.
   */
  send(message: WireMessage): Promise<void>;
  /** Calls `listener` with every message received from the peer, unchecked; returns the function that unsubscribes. */
  subscribe(listener: (message: unknown, delivery?: Delivery) => void): () => void;
  /** If present, the conversation's retained messages, oldest first, this end's own included. */
  history?(): Promise<readonly HistoryEntry[]>;
  /** If present, calls `listener` each time the connection comes back after a loss; returns the function that unsubscribes. */
  onReconnect?(listener: () => void): () => void;
  /** If present, releases the connection; called by the transport's owner, never by sessions. */
  close?(): void | Promise<void>;
}

/** One end of a `MemoryHub` (or of `createMemoryTransportPair`). */
export interface MemoryTransport extends Transport {
  /** Closes this end: it hears nothing more, and sending from it rejects. */
  close(): void;
}

/** In-memory transports joined in one conversation, for tests, demos and several agents on one page. */
export interface MemoryHubOptions {
  /**
   * Keep the conversation's log, so each end has `history()` (as the production relay and chat
   * products with message history do). Default false: ends resynchronise with `request.sync`.
   */
  readonly history?: boolean;
  /** Stamps `acceptedAt` on what the hub delivers. Default: none. */
  readonly clock?: Clock;
}

/** A conversation in memory (`createMemoryHub`), joined by any number of ends. */
export interface MemoryHub {
  /** A new end: what it sends reaches every other open end's listeners. */
  connect(): MemoryTransport;
  /** Closes every end. */
  close(): void;
}

type Listener = (message: unknown, delivery?: Delivery) => void;
type Listeners = Set<Listener>;

/**
 * A conversation in memory: each message sent by one end reaches the listeners of every other end,
 * asynchronously and as a JSON copy (so nothing but JSON crosses, as on a real wire). Sending from a
 * closed end, or after the hub is closed, rejects. With `history`, the hub keeps every message, and
 * each end's `history()` hands a starting session the conversation so far.
 */
export function createMemoryHub(options: MemoryHubOptions = {}): MemoryHub {
  const ends = new Set<Listeners>();
  const log: { readonly text: string; readonly delivery: Delivery }[] = [];
  let closed = false;
  const history = (): Promise<readonly HistoryEntry[]> =>
    closed
      ? Promise.reject(new TransportError('closed', 'The memory transport is closed.'))
      : Promise.resolve(log.map(({ text, delivery }) => ({ message: JSON.parse(text) as unknown, delivery })));
  return {
    connect() {
      const own: Listeners = new Set();
      ends.add(own);
      let open = true;
      return {
        send(message) {
          if (closed || !open) return Promise.reject(new TransportError('closed', 'The memory transport is closed.'));
          const copy = JSON.stringify(message);
          const delivery: Delivery = options.clock ? { acceptedAt: options.clock.now() } : {};
          if (options.history) log.push({ text: copy, delivery });
          queueMicrotask(() => {
            for (const other of ends) {
              if (other === own) continue;
              for (const listener of [...other]) {
                try {
                  listener(JSON.parse(copy), delivery);
                } catch {
                  // One listener's failure does not keep the message from the others.
                }
              }
            }
          });
          return Promise.resolve();
        },
        subscribe(listener) {
          own.add(listener);
          return () => own.delete(listener);
        },
        ...(options.history ? { history } : {}),
        close() {
          open = false;
          own.clear();
          ends.delete(own);
        },
      };
    },
    close() {
      closed = true;
      for (const listeners of ends) listeners.clear();
      ends.clear();
    },
  };
}

/** Two connected in-memory transports (a hub of two): closing either closes both. */
export function createMemoryTransportPair(): [MemoryTransport, MemoryTransport] {
  const hub = createMemoryHub();
  const pair = [hub.connect(), hub.connect()] as const;
  const end = (transport: MemoryTransport): MemoryTransport => ({ ...transport, close: () => hub.close() });
  return [end(pair[0]), end(pair[1])];
}
