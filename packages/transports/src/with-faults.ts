import { systemClock, type Clock, type Transport, type WireMessage } from '@chatpay/core/wire';
import { Listeners, TransportError } from './reports.js';

/** What happens to one message crossing a faulty transport. */
export type Fault =
  | { readonly kind: 'deliver' }
  /** Lost on the way; the sender's `send` still resolves, as on a real network. */
  | { readonly kind: 'drop' }
  | { readonly kind: 'duplicate' }
  /** Arrives `ms` later (on the wrapper's clock): messages delayed differently arrive reordered. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** `send` rejects and nothing arrives. */
  | { readonly kind: 'fail' }
  /** It arrives, but `send` rejects all the same (the acknowledgement was lost). */
  | { readonly kind: 'fail-after-delivery' };

/** What `withFaults` takes: the fate of each message, decided by the test. */
export interface FaultOptions {
  /** Decides the fate of the `index`-th message this end sends. Default: delivered. */
  readonly outgoing?: (message: WireMessage, index: number) => Fault;
  /** Decides the fate of the `index`-th message this end receives. Default: delivered. */
  readonly incoming?: (message: unknown, index: number) => Fault;
  /** The clock delays run on. Default: the system clock. */
  readonly clock?: Clock;
}

/** What `withFaults` returns: the wrapped transport, with a connection the test can break. */
export interface FaultyTransport extends Transport {
  /** From now on, sends reject and received messages are lost, until `reconnect`. */
  disconnect(): void;
  /** The connection is back: `onReconnect` listeners (the sessions) hear it. */
  reconnect(): void;
  /** False between `disconnect` and `reconnect`. */
  readonly connected: boolean;
}

const DELIVER: Fault = { kind: 'deliver' };

/**
 * Wraps a transport to misbehave on purpose: drop, duplicate, delay (and so reorder), fail sends, or
 * disconnect and reconnect, each as the test decides. For tests of transports and of the flow.
 */
export function withFaults(inner: Transport, options: FaultOptions = {}): FaultyTransport {
  const clock = options.clock ?? systemClock;
  const listeners = new Listeners<unknown>();
  const reconnects = new Listeners<void>();
  let connected = true;
  let sent = 0;
  let received = 0;

  const arrive = (message: unknown) => {
    if (!connected) return;
    const fault = options.incoming?.(message, received++) ?? DELIVER;
    switch (fault.kind) {
      case 'drop':
      case 'fail':
        return;
      case 'duplicate':
        listeners.notify(message);
        listeners.notify(structuredClone(message));
        return;
      case 'delay':
        clock.setTimeout(() => connected && listeners.notify(message), fault.ms);
        return;
      default:
        listeners.notify(message);
    }
  };
  inner.subscribe(arrive);
  inner.onReconnect?.(() => reconnects.notify());

  return {
    get connected() {
      return connected;
    },
    async send(message) {
      if (!connected) throw new TransportError('closed', 'Disconnected.');
      const fault = options.outgoing?.(message, sent++) ?? DELIVER;
      switch (fault.kind) {
        case 'drop':
          return;
        case 'fail':
          throw new TransportError('socket-failed', 'The send failed.');
        case 'fail-after-delivery':
          await inner.send(message);
          throw new TransportError('socket-failed', 'The send failed after delivering.');
        case 'duplicate':
          await inner.send(message);
          await inner.send(message);
          return;
        case 'delay':
          // Still in flight when the connection drops: lost with it.
          clock.setTimeout(() => connected && void inner.send(message).catch(() => undefined), fault.ms);
          return;
        default:
          await inner.send(message);
      }
    },
    subscribe: (listener) => listeners.add(listener),
    onReconnect: (listener) => reconnects.add(listener),
    disconnect() {
      connected = false;
    },
    reconnect() {
      if (connected) return;
      connected = true;
      reconnects.notify();
    },
  };
}
