import type { RelayConnection } from './connection.js';
import type { RelayMetrics } from './metrics.js';
import { entryFrame } from './relay-protocol.js';
import type { LogEntry, RelayStore } from './store.js';

/** One conversation on this node: its connections and its subscription to the store. */
export interface Room {
  readonly connections: Set<RelayConnection>;
  /** Upgrades accepted but not yet joined. */
  reserved: number;
  ready: Promise<void>;
  stop: (() => void) | undefined;
}

/**
 * The conversations this node serves. A room watches its conversation in the store from the first
 * upgrade for it, hands each new entry to every connection in it, and stops watching once the last
 * connection (or reserved upgrade) has left.
 */
export class Rooms {
  readonly #store: RelayStore;
  readonly #metrics: RelayMetrics;
  readonly #rooms = new Map<string, Room>();

  constructor(store: RelayStore, metrics: RelayMetrics) {
    this.#store = store;
    this.#metrics = metrics;
  }

  get size(): number {
    return this.#rooms.size;
  }

  get(conversationId: string): Room | undefined {
    return this.#rooms.get(conversationId);
  }

  /** The conversation's room, opened (and watching the store) if it was not. */
  enter(conversationId: string): Room {
    let room = this.#rooms.get(conversationId);
    if (!room) {
      const fresh: Room = { connections: new Set(), reserved: 0, ready: Promise.resolve(), stop: undefined };
      fresh.ready = this.#store
        .watch(conversationId, (entry: LogEntry) => {
          const frame = entryFrame(entry);
          for (const connection of fresh.connections) connection.deliver(entry, frame);
        })
        .then((stop) => {
          fresh.stop = stop;
        });
      fresh.ready.catch(() => undefined);
      room = fresh;
      this.#rooms.set(conversationId, room);
      this.#metrics.conversations.set(this.#rooms.size);
    }
    return room;
  }

  /** Closes the room if nobody is in it or on the way, and stops watching its conversation. */
  leave(conversationId: string, room: Room): void {
    if (room.connections.size > 0 || room.reserved > 0 || this.#rooms.get(conversationId) !== room) return;
    this.#rooms.delete(conversationId);
    this.#metrics.conversations.set(this.#rooms.size);
    void room.ready.then(
      () => room.stop?.(),
      () => undefined,
    );
  }

  /** Closes every room, one after the other, once each has finished starting to watch. */
  async closeAll(): Promise<void> {
    for (const [conversationId, room] of this.#rooms) {
      this.#rooms.delete(conversationId);
      await room.ready.then(
        () => room.stop?.(),
        () => undefined,
      );
    }
  }
}
