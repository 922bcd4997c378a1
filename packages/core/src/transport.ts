import type { WireMessage } from './protocol.js';

/**
 * How ChatPay messages travel between the agent's and the customer's browsers. Integrators implement
 * it over their own chat backend; `@chatpay/transports` has ready adapters.
 *
 * - `send` resolves once the message is handed over for delivery and rejects if it cannot be; a
 *   rejection is what the agent sees as TRY AGAIN.
 * - `subscribe` calls `listener` with every message received from the peer, as received: sessions
 *   validate it (`parseMessage`), so a transport need not. It returns the function that unsubscribes.
 * - `onReconnect`, if present, calls `listener` each time the connection comes back after a loss:
 *   sessions then resynchronise every request they have sent or received, since messages may have
 *   been lost meanwhile. It returns the function that unsubscribes.
 * - `close`, if present, releases the connection. Sessions never call it: the transport's owner does.
 */
export interface Transport {
  send(message: WireMessage): Promise<void>;
  subscribe(listener: (message: unknown) => void): () => void;
  onReconnect?(listener: () => void): () => void;
  close?(): void | Promise<void>;
}

export interface MemoryTransport extends Transport {
  close(): void;
}

/** In-memory transports joined in one conversation, for tests, demos and several agents on one page. */
export interface MemoryHub {
  /** A new end: what it sends reaches every other open end's listeners. */
  connect(): MemoryTransport;
  /** Closes every end. */
  close(): void;
}

type Listeners = Set<(message: unknown) => void>;

/**
 * A conversation in memory: each message sent by one end reaches the listeners of every other end,
 * asynchronously and as a JSON copy (so nothing but JSON crosses, as on a real wire). Sending from a
 * closed end, or after the hub is closed, rejects.
 */
export function createMemoryHub(): MemoryHub {
  const ends = new Set<Listeners>();
  let closed = false;
  return {
    connect() {
      const own: Listeners = new Set();
      ends.add(own);
      let open = true;
      return {
        send(message) {
          if (closed || !open) return Promise.reject(new Error('The memory transport is closed.'));
          const copy = JSON.stringify(message);
          queueMicrotask(() => {
            for (const other of ends) {
              if (other === own) continue;
              for (const listener of [...other]) {
                try {
                  listener(JSON.parse(copy));
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
