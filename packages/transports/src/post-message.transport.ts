import { ConfigError, type Transport, type WireMessage } from '@chatpay/core/wire';
import { Listeners, safeReport, TransportError, type TransportReport } from './reports.js';

/** The envelope ChatPay messages travel in between windows, so a page's other `postMessage` traffic is told apart. */
interface Envelope {
  readonly chatpay: 1;
  readonly channel: string;
  readonly message: unknown;
}

/** What `createPostMessageTransport` takes. */
export interface PostMessageTransportOptions {
  /** The other window: an iframe's `contentWindow`, or `window.parent` inside the frame. */
  readonly target: Window;
  /** The other window's exact origin (`https://pay.example.com`). `*` is refused: card data is never posted blind. */
  readonly targetOrigin: string;
  /** Names this pair of windows, so several pairs can share a page. Default `chatpay`. */
  readonly channel?: string;
  /** Messages from other origins or windows are dropped and reported here. */
  readonly onReport?: (report: TransportReport) => void;
  /** The window this end listens on. Default: the global `window`. */
  readonly self?: Window;
}

/** What `createPostMessageTransport` returns. */
export interface PostMessageTransport extends Transport {
  /** Stops listening: listeners hear nothing more, and sending rejects. */
  close(): void;
}

function isEnvelope(data: unknown): data is Envelope {
  return typeof data === 'object' && data !== null && (data as { chatpay?: unknown }).chatpay === 1;
}

/**
 * ChatPay between a page and a frame (or two windows) with `window.postMessage`: it posts only to
 * `targetOrigin`, and accepts a message only if it comes from that origin and from the `target`
 * window itself. This is what lets an integrator host the customer's card form in a frame on its own
 * origin, isolated from the chat page's scripts.
 */
export function createPostMessageTransport(options: PostMessageTransportOptions): PostMessageTransport {
  const { target, targetOrigin } = options;
  const channel = options.channel ?? 'chatpay';
  if (targetOrigin === '*' || !/^https?:\/\/[^/]+$/.test(targetOrigin)) {
    throw new ConfigError(
      'targetOrigin',
      'Give the other window\'s exact origin, such as "https://pay.example.com"; "*" is refused.',
    );
  }
  if (!target || typeof target.postMessage !== 'function') {
    throw new ConfigError('target', "Give the other window (an iframe's contentWindow, or window.parent).");
  }
  const self = options.self ?? window;
  const report = safeReport(options.onReport);
  const listeners = new Listeners<unknown>();
  let closed = false;
  const onMessage = (event: MessageEvent) => {
    if (!isEnvelope(event.data) || event.data.channel !== channel) return; // not ChatPay traffic
    if (event.origin !== targetOrigin) {
      report({ type: 'message-refused', reason: 'origin', origin: event.origin });
      return;
    }
    if (event.source !== target) {
      report({ type: 'message-refused', reason: 'source', origin: event.origin });
      return;
    }
    listeners.notify(event.data.message);
  };
  self.addEventListener('message', onMessage);
  return {
    send(message: WireMessage) {
      if (closed) return Promise.reject(new TransportError('closed', 'The postMessage transport is closed.'));
      try {
        const envelope: Envelope = { chatpay: 1, channel, message: JSON.parse(JSON.stringify(message)) as unknown };
        target.postMessage(envelope, targetOrigin);
        return Promise.resolve();
      } catch {
        return Promise.reject(
          new TransportError('not-serialisable', 'The message could not be posted to the other window.'),
        );
      }
    },
    subscribe: (listener) => listeners.add(listener),
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      self.removeEventListener('message', onMessage);
    },
  };
}
