import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { UPGRADE_REFUSALS, type UpgradeRefusal } from './relay-protocol.js';

/** Answers a refused upgrade with its HTTP status and a JSON body naming the reason, then closes the socket. */
export function refuseUpgrade(socket: Duplex, reason: UpgradeRefusal): void {
  if (socket.destroyed) return;
  const status = UPGRADE_REFUSALS[reason];
  const body = JSON.stringify({ error: reason });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The join token of an upgrade: the URL's `token` parameter, else an `Authorization: Bearer` header. */
export function tokenOf(url: URL, request: IncomingMessage): string | undefined {
  const query = url.searchParams.get('token');
  if (query) return query;
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** The path of a request, without its query. */
export const pathOf = (request: IncomingMessage): string | undefined => (request.url ?? '/').split('?')[0];
