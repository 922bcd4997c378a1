import {
  ConfigError,
  MAX_MESSAGE_LENGTH,
  systemClock,
  type Clock,
  type Transport,
  type WireMessage,
} from '@chatpay/core';
import { readFrame } from './frames.js';
import { Listeners, safeReport, TransportError, type TransportReport } from './reports.js';

/** The part of the WebSocket API the transport uses: the browser's `WebSocket` and the `ws` package's client both have it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') || /\s/.test(url)) {
    throw new ConfigError('url', 'Give a WebSocket URL such as "wss://chat.example.com/chatpay".');
  }
}

/**
 * Control frames between the transport and its server, never passed to sessions: the server answers
 * `{"heartbeat":"ping"}` with `{"heartbeat":"pong"}`, and, with `acknowledgements`, answers each
 * message with `{"ack":"<message id>"}` once it has passed it on, or `{"nack":"<message id>"}` if it
 * could not. (The relay in `@chatpay/transports/relay` acknowledges a message once it has handed it to
 * everyone else in the room, even if nobody is: it keeps nothing, and the sessions' resync recovers
 * what a peer missed.)
 */
export const HEARTBEAT_PING = '{"heartbeat":"ping"}';
export const HEARTBEAT_PONG = '{"heartbeat":"pong"}';

type Control = { readonly heartbeat: unknown } | { readonly ack: unknown } | { readonly nack: unknown };

function isControl(value: unknown): value is Control {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('version' in value) &&
    ('heartbeat' in value || 'ack' in value || 'nack' in value)
  );
}

export interface WebSocketTransportOptions {
  /** `ws://` or `wss://`. */
  readonly url: string;
  /** Makes the socket. Default: `new WebSocket(url)`. In Node, pass the `ws` package's client. */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** A number in [0, 1) for the backoff's jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** The first reconnection delay, ms. Default 500. */
  readonly initialDelayMs?: number;
  /** The longest reconnection delay, ms. Default 30,000. */
  readonly maxDelayMs?: number;
  /** How many messages wait while disconnected; one more is refused. Default 100. */
  readonly queueLimit?: number;
  /** How long an attempt to connect may take before it is abandoned and tried again, ms. Default 10,000. */
  readonly connectTimeoutMs?: number;
  /** How long a message may wait for a connection before its `send` rejects (TRY AGAIN), ms. Default 10,000. */
  readonly sendTimeoutMs?: number;
  /** After this long without a frame, a ping is sent, ms. Default 20,000. */
  readonly heartbeatIntervalMs?: number;
  /** After a ping, this long without any frame means the connection is dead, ms. Default 10,000. */
  readonly heartbeatTimeoutMs?: number;
  /**
   * Whether the server acknowledges each message (see `HEARTBEAT_PING`). Then `send` resolves only on
   * the server's `ack`, rejects on its `nack`, and a message not acknowledged when the connection
   * drops is sent again on the next one (receivers drop copies by id). Default false: `send`
   * resolves once the frame is written to an open socket.
   */
  readonly acknowledgements?: boolean;
  /** The longest frame accepted, in characters. Default: the protocol's `MAX_MESSAGE_LENGTH`. */
  readonly maxFrameLength?: number;
  readonly onReport?: (report: TransportReport) => void;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WebSocketTransport extends Transport {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  onReconnect(listener: () => void): () => void;
  /** Closes the socket for good: waiting sends reject, and it does not reconnect. */
  close(): void;
}

interface Waiting {
  readonly id: string;
  readonly frame: string;
  readonly resolve: () => void;
  readonly reject: (error: TransportError) => void;
  timer: unknown;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) throw new ConfigError(name, `${name} must be a number above 0.`);
  return chosen;
}

/**
 * ChatPay over a WebSocket: JSON text frames; reconnection with exponential backoff and jitter; a
 * bounded queue while disconnected, whose sends reject after `sendTimeoutMs` (the agent then sees TRY
 * AGAIN); an `onReconnect` cue on which sessions resynchronise every open request; a heartbeat that
 * finds a dead connection; and frames that are malformed, binary or too long refused and reported,
 * never passed on.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  checkUrl(options.url);
  if (!options.createSocket && typeof WebSocket === 'undefined') {
    throw new ConfigError(
      'createSocket',
      'This runtime has no WebSocket: pass createSocket (in Node, the ws package).',
    );
  }
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const initialDelay = positive('initialDelayMs', options.initialDelayMs, 500);
  const maxDelay = positive('maxDelayMs', options.maxDelayMs, 30_000);
  const queueLimit = positive('queueLimit', options.queueLimit, 100);
  const sendTimeout = positive('sendTimeoutMs', options.sendTimeoutMs, 10_000);
  const connectTimeout = positive('connectTimeoutMs', options.connectTimeoutMs, 10_000);
  const heartbeatInterval = positive('heartbeatIntervalMs', options.heartbeatIntervalMs, 20_000);
  const heartbeatTimeout = positive('heartbeatTimeoutMs', options.heartbeatTimeoutMs, 10_000);
  const maxFrame = positive('maxFrameLength', options.maxFrameLength, MAX_MESSAGE_LENGTH);
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const report = safeReport(options.onReport);

  const listeners = new Listeners<unknown>();
  const reconnects = new Listeners<void>();
  const states = new Listeners<ConnectionState>();
  const acknowledgements = options.acknowledgements ?? false;
  let queue: Waiting[] = [];
  /** Sent, waiting for the server's ack (with `acknowledgements`), oldest first. */
  let unacked: Waiting[] = [];
  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let everOpen = false;
  let attempt = 0;
  let retryTimer: unknown;
  let connectTimer: unknown;
  let pingTimer: unknown;
  let deadTimer: unknown;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.notify(next);
  };

  const stopHeartbeat = () => {
    clock.clearTimeout(pingTimer);
    clock.clearTimeout(deadTimer);
    pingTimer = deadTimer = undefined;
  };

  /** Any frame proves the connection alive: the next ping is due a full interval from now. */
  const alive = () => {
    stopHeartbeat();
    pingTimer = clock.setTimeout(() => {
      if (!socket || socket.readyState !== OPEN) return;
      try {
        socket.send(HEARTBEAT_PING);
      } catch {
        // A socket that cannot send is found dead by the timer below.
      }
      deadTimer = clock.setTimeout(() => {
        report({ type: 'connection-dead' });
        drop();
      }, heartbeatTimeout);
    }, heartbeatInterval);
  };

  /** Sends what waited, in order, while the socket takes it. */
  const flush = () => {
    while (queue.length > 0 && socket && socket.readyState === OPEN) {
      const item = queue[0]!;
      try {
        socket.send(item.frame);
      } catch {
        return; // it waits, with the rest, for the next connection or its deadline
      }
      queue.shift();
      if (acknowledgements) {
        unacked.push(item);
      } else {
        clock.clearTimeout(item.timer);
        item.resolve();
      }
    }
  };

  const settle = (id: unknown, ok: boolean) => {
    const item = unacked.find((waiting) => waiting.id === id);
    if (!item) return;
    unacked = unacked.filter((waiting) => waiting !== item);
    clock.clearTimeout(item.timer);
    if (ok) item.resolve();
    else item.reject(new TransportError('socket-failed', 'The server could not pass the message on.'));
  };

  /** Lets go of the socket: it may still fire an error while it closes, which is heard and ignored. */
  const discard = (code?: number) => {
    const old = socket;
    socket = undefined;
    clock.clearTimeout(connectTimer);
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = null;
    old.onerror = () => {};
    try {
      old.close(code);
    } catch {
      // Already closed.
    }
  };

  /** The connection is lost (closed by the server, failed, never opened, or found dead): try again later. */
  const drop = () => {
    stopHeartbeat();
    // Not acknowledged: perhaps never arrived. They go again, first, on the next connection.
    queue = [...unacked, ...queue];
    unacked = [];
    discard();
    if (state === 'closed') return;
    attempt += 1;
    const ceiling = Math.min(maxDelay, initialDelay * 2 ** (attempt - 1));
    const retryInMs = Math.round(ceiling / 2 + random() * (ceiling / 2));
    setState('reconnecting');
    report({ type: 'connection-lost', attempt, retryInMs });
    // A listener may have closed the transport just now.
    if ((state as ConnectionState) !== 'closed') {
      clock.clearTimeout(retryTimer);
      retryTimer = clock.setTimeout(connect, retryInMs);
    }
  };

  function connect(): void {
    if (state === 'closed') return;
    let next: WebSocketLike;
    try {
      next = createSocket(options.url);
    } catch (error) {
      report({ type: 'connect-failed', error: error instanceof Error ? error.name : 'Error' });
      drop();
      return;
    }
    socket = next;
    // An attempt that neither opens nor fails (a handshake that never completes) is abandoned.
    connectTimer = clock.setTimeout(() => {
      report({ type: 'connect-failed', error: 'TimeoutError' });
      drop();
    }, connectTimeout);
    next.onopen = () => {
      clock.clearTimeout(connectTimer);
      setState('open');
      if ((state as ConnectionState) !== 'open') return; // closed by a listener
      alive();
      flush();
      if (everOpen) {
        report({ type: 'reconnected' });
        reconnects.notify();
      }
      everOpen = true;
    };
    next.onmessage = (event) => {
      // A server that answers is a connection that works: the backoff starts over. (One that accepts
      // and closes at once keeps backing off.)
      attempt = 0;
      alive();
      const frame = readFrame(event.data, maxFrame);
      if (frame.kind === 'refused') {
        report(frame.report);
        return;
      }
      const value = frame.value;
      if (!isControl(value)) return listeners.notify(value);
      if ('ack' in value) settle(value.ack, true);
      else if ('nack' in value) settle(value.nack, false);
    };
    next.onclose = () => drop();
    next.onerror = () => drop();
  }

  connect();

  return {
    get state() {
      return state;
    },
    send(message: WireMessage) {
      if (state === 'closed') return Promise.reject(new TransportError('closed', 'The WebSocket transport is closed.'));
      const frame = JSON.stringify(message);
      if (frame.length > maxFrame) {
        return Promise.reject(new TransportError('oversized', `The message is longer than ${maxFrame} characters.`));
      }
      if (!acknowledgements && socket && socket.readyState === OPEN && queue.length === 0) {
        try {
          socket.send(frame);
          return Promise.resolve();
        } catch {
          // Falls through to wait for the next connection.
        }
      }
      if (queue.length >= queueLimit) {
        return Promise.reject(
          new TransportError('queue-full', `${queueLimit} messages are already waiting to be sent.`),
        );
      }
      return new Promise<void>((resolve, reject) => {
        const item: Waiting = { id: message.id, frame, resolve, reject, timer: undefined };
        item.timer = clock.setTimeout(() => {
          queue = queue.filter((waiting) => waiting !== item);
          unacked = unacked.filter((waiting) => waiting !== item);
          reject(new TransportError('send-timeout', `The message could not be sent within ${sendTimeout} ms.`));
        }, sendTimeout);
        queue.push(item);
        flush();
      });
    },
    subscribe: (listener) => listeners.add(listener),
    onReconnect: (listener) => reconnects.add(listener),
    onStateChange: (listener) => states.add(listener),
    close() {
      if (state === 'closed') return;
      setState('closed');
      clock.clearTimeout(retryTimer);
      stopHeartbeat();
      const waiting = [...unacked, ...queue];
      queue = [];
      unacked = [];
      for (const item of waiting) {
        clock.clearTimeout(item.timer);
        item.reject(new TransportError('closed', 'The WebSocket transport was closed before the message was sent.'));
      }
      discard(1000);
      listeners.clear();
      reconnects.clear();
      states.clear();
    },
  };
}
