import type { WebSocketLike, WebSocketTransport } from '@chatpay/transports';
import WebSocket from 'ws';

/** The `ws` package's client, as the transport's `createSocket` (Node 20 has no global WebSocket). */
export const nodeSocket = (url: string): WebSocketLike => new WebSocket(url) as unknown as WebSocketLike;

/** Resolves once every transport is open. */
export async function opened(...transports: WebSocketTransport[]): Promise<void> {
  await Promise.all(
    transports.map(
      (transport) =>
        new Promise<void>((resolve) => {
          if (transport.state === 'open') return resolve();
          const stop = transport.onStateChange((state) => {
            if (state !== 'open') return;
            stop();
            resolve();
          });
        }),
    ),
  );
}
