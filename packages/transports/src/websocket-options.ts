import { ConfigError, MAX_MESSAGE_LENGTH, systemClock, type Clock, type Transport } from '@chatpay/core/wire';
import type { TransportReport } from './reports.js';

/** The part of the WebSocket API the transport uses: the browser's `WebSocket` and the `ws` package's client both have it. */
export interface WebSocketLike {
  /** `WebSocket.OPEN` (1) once it can send. */
  readonly readyState: number;
  /** Writes one text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Called once the connection is open. */
  onopen: ((event: unknown) => void) | null;
  /** Called with each frame received. */
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  /** Called once the connection is closed, for whatever reason. */
  onclose: ((event: unknown) => void) | null;
  /** Called when the connection fails. */
  onerror: ((event: unknown) => void) | null;
}

/**
 * What `createWebSocketTransport` takes. Every number is in ms unless said otherwise and must be above 0;
 * a bad value throws a `ConfigError` naming the option.
 */
export interface WebSocketTransportOptions {
  /** The server's address: `ws://` or `wss://`, with no spaces. */
  readonly url: string;
  /** Makes the socket. Default: `new WebSocket(url)`. In Node, pass the `ws` package's client. */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Where delays, timeouts and heartbeats are timed. Default: `systemClock`. */
  readonly clock?: Clock;
  /** A number in [0, 1) for the backoff's jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** The first reconnection delay, ms; it doubles (with jitter) on each failed attempt. Default 500. */
  readonly initialDelayMs?: number;
  /** The longest reconnection delay, ms. Default 30,000. */
  readonly maxDelayMs?: number;
  /**
   * How many messages wait while disconnected, or, with `acknowledgements`, for the relay's ack too;
   * one more is refused. Default 100.
   */
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
  /**
   * Gives the join token to connect with (from the integrator's backend): called before the first
   * connection, before each reconnection, and before the token expires, to refresh it in-band
   * without dropping the connection. It goes in the URL's `token` parameter.
   */
  readonly token?: () => string | Promise<string>;
  /**
   * How long after a token is obtained it is refreshed, ms. Default: when 80 % of its life (read from
   * the JWT's `exp`, unverified) has passed; a token without `exp` is only replaced on reconnection.
   */
  readonly tokenRefreshMs?: number;
  /**
   * The server keeps the conversation's log and speaks the relay protocol of `@chatpay/server`: the
   * transport then has `history()` (what the server retained when it first connected, oldest first,
   * this end's own messages included), passes each message's `Delivery` (`acceptedAt`, `sender`),
   * reconnects with the cursor of the last entry it received (`cursor` in the URL) and hands its
   * listeners what it missed meanwhile, without its own messages. Implies `acknowledgements`.
   * Default false.
   */
  readonly history?: boolean;
  /**
   * Called with frames it refused (malformed, oversized, binary) and with its connection's news (lost and
   * when it retries, dead, failed to connect, reconnected); never with a frame's contents. A callback that
   * throws is ignored. Default: none.
   */
  readonly onReport?: (report: TransportReport) => void;
}

/** Where the socket is: connecting for the first time, open, waiting to reconnect, or closed for good. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What `createWebSocketTransport` returns: a `Transport` that says how its connection is. */
export interface WebSocketTransport extends Transport {
  /** The connection's state now. */
  readonly state: ConnectionState;
  /** The cursor of the last log entry received (with `history`), sent on reconnection to resume after it. */
  readonly cursor: string | undefined;
  /** Calls `listener` with each new state; returns the function that stops it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Calls `listener` each time the connection opens again after it dropped; returns the function that stops it. */
  onReconnect(listener: () => void): () => void;
  /** Closes the socket for good: waiting sends reject, and it does not reconnect. */
  close(): void;
}

/** The options with every default filled in and every number checked. */
export interface WebSocketSettings {
  readonly url: string;
  readonly createSocket: (url: string) => WebSocketLike;
  readonly clock: Clock;
  readonly random: () => number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly queueLimit: number;
  readonly sendTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly heartbeatTimeoutMs: number;
  /** The longest message this end sends, in characters. */
  readonly maxFrameLength: number;
  /** The longest frame this end accepts: with the relay's log, a message wrapped in its entry. */
  readonly maxReceivedLength: number;
  readonly tokenRefreshMs: number | undefined;
  /** Whether the server keeps the conversation's log (the `history` option). */
  readonly keepsLog: boolean;
  readonly acknowledgements: boolean;
}

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

function positive(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) throw new ConfigError(name, `${name} must be a number above 0.`);
  return chosen;
}

/** Reads the options, refusing a bad one at once with a `ConfigError` that names it. */
export function settingsOf(options: WebSocketTransportOptions): WebSocketSettings {
  checkUrl(options.url);
  if (!options.createSocket && typeof WebSocket === 'undefined') {
    throw new ConfigError(
      'createSocket',
      'This runtime has no WebSocket: pass createSocket (in Node, the ws package).',
    );
  }
  const keepsLog = options.history ?? false;
  const initialDelayMs = positive('initialDelayMs', options.initialDelayMs, 500);
  const maxDelayMs = positive('maxDelayMs', options.maxDelayMs, 30_000);
  const queueLimit = positive('queueLimit', options.queueLimit, 100);
  const sendTimeoutMs = positive('sendTimeoutMs', options.sendTimeoutMs, 10_000);
  const connectTimeoutMs = positive('connectTimeoutMs', options.connectTimeoutMs, 10_000);
  const heartbeatIntervalMs = positive('heartbeatIntervalMs', options.heartbeatIntervalMs, 20_000);
  const heartbeatTimeoutMs = positive('heartbeatTimeoutMs', options.heartbeatTimeoutMs, 10_000);
  const maxFrameLength = positive('maxFrameLength', options.maxFrameLength, MAX_MESSAGE_LENGTH);
  const tokenRefreshMs =
    options.tokenRefreshMs === undefined ? undefined : positive('tokenRefreshMs', options.tokenRefreshMs, 1);
  return {
    url: options.url,
    createSocket: options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    initialDelayMs,
    maxDelayMs,
    queueLimit,
    sendTimeoutMs,
    connectTimeoutMs,
    heartbeatIntervalMs,
    heartbeatTimeoutMs,
    maxFrameLength,
    // A log entry wraps a message in its cursor, time and sender.
    maxReceivedLength: keepsLog ? maxFrameLength + 1024 : maxFrameLength,
    tokenRefreshMs,
    keepsLog,
    acknowledgements: keepsLog || (options.acknowledgements ?? false),
  };
}
