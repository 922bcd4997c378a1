import type { WireMessage } from './protocol.js';

/**
 * How ChatPay messages travel between the agent's and the customer's browsers. Integrators implement
 * it over their own chat backend; `@chatpay/transports` has ready adapters.
 *
 * - `send` resolves once the message is handed over for delivery and rejects if it cannot be; a
 *   rejection is what the agent sees as TRY AGAIN.
 * - `subscribe` calls `listener` with every message received from the peer, as received: sessions
 *   validate it (`parseMessage`), so a transport need not. It returns the function that unsubscribes.
 * - `close`, if present, releases the connection. Sessions never call it: the transport's owner does.
 */
export interface Transport {
  send(message: WireMessage): Promise<void>;
  subscribe(listener: (message: unknown) => void): () => void;
  close?(): void | Promise<void>;
}

export interface MemoryTransport extends Transport {
  close(): void;
}

/**
 * Two connected in-memory transports: what one sends, the other's listeners receive, asynchronously
 * and as a JSON copy (so nothing but JSON crosses, as on a real wire). Sending after `close` rejects.
 */
export function createMemoryTransportPair(): [MemoryTransport, MemoryTransport] {
  const listeners: [Set<(message: unknown) => void>, Set<(message: unknown) => void>] = [new Set(), new Set()];
  let closed = false;
  const end = (self: 0 | 1): MemoryTransport => ({
    send(message) {
      if (closed) return Promise.reject(new Error('The memory transport is closed.'));
      const copy = JSON.stringify(message);
      queueMicrotask(() => {
        for (const listener of [...listeners[self === 0 ? 1 : 0]]) listener(JSON.parse(copy));
      });
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners[self].add(listener);
      return () => listeners[self].delete(listener);
    },
    close() {
      closed = true;
      listeners[0].clear();
      listeners[1].clear();
    },
  });
  return [end(0), end(1)];
}
