import { MAX_MESSAGE_LENGTH } from '@chatpay/core';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One frame as the relay saw it: which room, its size, and its text (the wire as any chat backend would see it). */
export interface RelayFrame {
  readonly room: string;
  readonly text: string;
  readonly passed: boolean;
}

export interface RelayOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Called with every ChatPay frame that reaches the relay. */
  readonly onFrame?: (frame: RelayFrame) => void;
}

export interface Relay {
  readonly port: number;
  /** The URL of a room: everyone connected to the same room hears the others. */
  url(room: string): string;
  /** While failing, the relay passes nothing on and answers each message with a `nack`. */
  setFailing(failing: boolean): void;
  /** How many connections a room has now. */
  connections(room: string): number;
  /** Drops every connection (as a server that goes away would) without stopping. */
  dropConnections(): void;
  close(): Promise<void>;
}

const isMessageWithId = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/**
 * A small WebSocket relay for development, tests and the demo: rooms by URL path, each frame passed to
 * the room's other connections and acknowledged to its sender (`{"ack":id}`), heartbeats answered. It
 * reads nothing but the envelope's id, so it sees what any chat backend would: ciphertext for the card.
 */
export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const server = new WebSocketServer({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    maxPayload: 4 * MAX_MESSAGE_LENGTH,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const rooms = new Map<WebSocket, string>();
  let failing = false;
  server.on('connection', (socket, request) => {
    let room: string;
    try {
      room = decodeURIComponent((request.url ?? '/').split('?')[0]!.replace(/^\/+/, '')) || 'lobby';
    } catch {
      socket.close(1008, 'bad room');
      return;
    }
    rooms.set(socket, room);
    socket.on('close', () => rooms.delete(socket));
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return; // not JSON: nothing to pass on or acknowledge
      }
      if (typeof value === 'object' && value !== null && 'heartbeat' in value) {
        socket.send('{"heartbeat":"pong"}');
        return;
      }
      // Acknowledgements are the relay's to give: one from a client would forge another's.
      if (typeof value === 'object' && value !== null && ('ack' in value || 'nack' in value)) return;
      const id = isMessageWithId(value) ? value.id : undefined;
      options.onFrame?.({ room, text, passed: !failing });
      if (failing) {
        if (id) socket.send(JSON.stringify({ nack: id }));
        return;
      }
      for (const [other, otherRoom] of rooms) {
        if (other !== socket && otherRoom === room && other.readyState === other.OPEN) other.send(text);
      }
      if (id) socket.send(JSON.stringify({ ack: id }));
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    port,
    url: (room) => `ws://${host}:${port}/${encodeURIComponent(room)}`,
    setFailing(next) {
      failing = next;
    },
    connections: (room) => [...rooms.values()].filter((name) => name === room).length,
    dropConnections() {
      for (const socket of rooms.keys()) socket.terminate();
    },
    close() {
      for (const socket of rooms.keys()) socket.terminate();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
