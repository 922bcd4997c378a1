import { ConfigError, type Transport, type WireMessage } from '@chatpay/core/wire';
import { Listeners, TransportError } from './reports.js';

/** What `createBroadcastChannelTransport` takes. */
export interface BroadcastChannelTransportOptions {
  /** The channel's name: every tab of this origin that opens the same name hears the others. */
  readonly channel: string;
}

/** What `createBroadcastChannelTransport` returns. */
export interface BroadcastChannelTransport extends Transport {
  /** Closes the channel: listeners hear nothing more, and sending rejects. */
  close(): void;
}

/**
 * ChatPay between the tabs and frames of one origin, over a `BroadcastChannel`: what one sends, every
 * other context on the same channel receives (never the sender itself). Messages cross as structured
 * clones of JSON data. Sending after `close` rejects.
 */
export function createBroadcastChannelTransport(options: BroadcastChannelTransportOptions): BroadcastChannelTransport {
  if (typeof options.channel !== 'string' || options.channel === '') {
    throw new ConfigError('channel', 'Name the BroadcastChannel with a non-empty string.');
  }
  if (typeof BroadcastChannel === 'undefined') {
    throw new ConfigError('channel', 'This runtime has no BroadcastChannel.');
  }
  const channel = new BroadcastChannel(options.channel);
  const listeners = new Listeners<unknown>();
  let closed = false;
  channel.onmessage = (event: MessageEvent) => listeners.notify(event.data);
  return {
    send(message: WireMessage) {
      if (closed) return Promise.reject(new TransportError('closed', 'The BroadcastChannel transport is closed.'));
      try {
        // A JSON copy: only JSON crosses, as on any other transport.
        channel.postMessage(JSON.parse(JSON.stringify(message)) as unknown);
        return Promise.resolve();
      } catch {
        return Promise.reject(
          new TransportError('not-serialisable', 'The message could not be posted to the channel.'),
        );
      }
    },
    subscribe: (listener) => listeners.add(listener),
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}
