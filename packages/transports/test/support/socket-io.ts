// A real socket.io chat server for the Socket.IO transport's tests, on a free loopback port, with
// @chatpay/server's ChatPay piece attached, and socket.io-client sockets that join it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import {
  createSocketIoChatPay,
  type ChatPayParticipant,
  type SocketIoChatPay,
  type SocketIoChatPayOptions,
  type SocketIoRefusal,
} from '@chatpay/server';
import {
  createSocketIoTransport,
  type SocketIoTransport,
  type SocketIoTransportOptions,
} from '@chatpay/transports/socket-io';

/** The largest socket.io packet the test server takes (socket.io's `maxHttpBufferSize`). */
export const MAX_PACKET_BYTES = 200_000;

export interface TestChat {
  readonly url: string;
  readonly io: Server;
  readonly chatpay: SocketIoChatPay<ServerSocket>;
  readonly refusals: SocketIoRefusal[];
  /** A socket.io-client socket that says who it is in its handshake (the test's stand-in for a sign-in). */
  socket(participant?: ChatPayParticipant): Socket;
  /** A transport for `conversationId` on a new socket. */
  transport(
    conversationId: string,
    participant?: ChatPayParticipant,
    options?: Partial<SocketIoTransportOptions>,
  ): { transport: SocketIoTransport; socket: Socket };
  close(): Promise<void>;
}

export async function startTestChat(options: Partial<SocketIoChatPayOptions<ServerSocket>> = {}): Promise<TestChat> {
  const http = createServer();
  const server = new Server(http, { maxHttpBufferSize: MAX_PACKET_BYTES });
  const refusals: SocketIoRefusal[] = [];
  const chatpay = createSocketIoChatPay<ServerSocket>({
    // The test trusts what the handshake says; an integrator asks its own sign-in.
    authorize: (socket) => socket.handshake.auth as ChatPayParticipant,
    onRefused: (refusal) => refusals.push(refusal),
    ...options,
  });
  server.on('connection', (socket) => chatpay.attach(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  const socket = (participant: ChatPayParticipant = { role: 'customer', subject: 'customer-42' }) => {
    const made = io(url, {
      auth: { ...participant },
      forceNew: true,
      transports: ['websocket'],
      reconnectionDelay: 20,
      reconnectionDelayMax: 50,
    });
    sockets.push(made);
    return made;
  };
  return {
    url,
    io: server,
    chatpay,
    refusals,
    socket,
    transport(conversationId, participant, transportOptions = {}) {
      const made = socket(participant);
      return {
        socket: made,
        transport: createSocketIoTransport({ socket: made, conversationId, ...transportOptions }),
      };
    },
    async close() {
      for (const made of sockets) made.disconnect();
      await server.close();
    },
  };
}

/** Resolves once the socket is connected. */
export function connected(socket: Socket): Promise<void> {
  return socket.connected ? Promise.resolve() : new Promise((resolve) => socket.once('connect', () => resolve()));
}

/** Emits with an acknowledgement and resolves with the server's reply. */
export function emitWithReply(socket: Socket, event: string, ...args: unknown[]): Promise<unknown> {
  return socket.timeout(2_000).emitWithAck(event, ...args) as Promise<unknown>;
}
