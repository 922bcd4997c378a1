import {
  ConfigError,
  MAX_MESSAGE_LENGTH,
  systemClock,
  type Clock,
  type Delivery,
  type HistoryEntry,
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
 * message with `{"ack":"<message id>"}` once it has taken it, or `{"nack":"<message id>"}` if it
 * could not. A server that keeps the conversation's log (`history`, ChatPay's relay in
 * `@chatpay/server`) also sends each message as `{"entry":{"cursor","acceptedAt","sender","message"}}`,
 * says `{"caughtUp":"<cursor>"}` once it has replayed what the transport missed, and answers an
 * in-band `{"refresh":"<token>"}` with `{"refreshed":<expiry>}` or `{"refreshFailed":"<code>"}`.
 */
export const HEARTBEAT_PING = '{"heartbeat":"ping"}';
export const HEARTBEAT_PONG = '{"heartbeat":"pong"}';

const CONTROL_KEYS = ['heartbeat', 'ack', 'nack', 'entry', 'caughtUp', 'refreshed', 'refreshFailed'] as const;
type Control = Partial<Record<(typeof CONTROL_KEYS)[number], unknown>>;

function isControl(value: unknown): value is Control {
  return (
    typeof value === 'object' && value !== null && !('version' in value) && CONTROL_KEYS.some((key) => key in value)
  );
}

const CURSOR = /^(\d{1,15})-(\d{1,15})$/;

/** Whether cursor `a` comes after cursor `b` (`<ms>-<seq>`, as the relay makes them). */
function isAfter(a: string, b: string): boolean {
  const [, aMs, aSeq] = CURSOR.exec(a)!;
  const [, bMs, bSeq] = CURSOR.exec(b)!;
  return Number(aMs) - Number(bMs) > 0 || (aMs === bMs && Number(aSeq) > Number(bSeq));
}

/** What a log entry from the relay says of its delivery: only well-formed facts are kept. */
function deliveryOf(entry: Record<string, unknown>): Delivery {
  const sender = entry.sender as { role?: unknown; subject?: unknown } | null | undefined;
  const role = sender?.role === 'agent' || sender?.role === 'customer' ? sender.role : undefined;
  return {
    acceptedAt: typeof entry.acceptedAt === 'number' ? entry.acceptedAt : undefined,
    sender: role && typeof sender?.subject === 'string' ? { role, subject: sender.subject } : undefined,
  };
}

/** The `exp` of a JWT, read without verifying it (the server verifies), in ms; undefined if it has none. */
function expiryOf(token: string): number | undefined {
  try {
    const part = token.split('.')[1];
    if (!part) return undefined;
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const idOf = (message: unknown): unknown => (message as { id?: unknown } | null)?.id;

/** How many ids of its own messages the transport remembers, to drop them when a replay brings them back. */
const OWN_IDS = 10_000;

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
  readonly onReport?: (report: TransportReport) => void;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WebSocketTransport extends Transport {
  readonly state: ConnectionState;
  /** The cursor of the last log entry received (with `history`), sent on reconnection to resume after it. */
  readonly cursor: string | undefined;
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
 * AGAIN); an `onReconnect` cue; a heartbeat that finds a dead connection; frames that are malformed,
 * binary or too long refused and reported, never passed on. With `token`, join tokens from the
 * integrator's backend, refreshed in-band; with `history`, the relay's log: `history()` and resuming
 * from a cursor after a reconnection.
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
  const tokenRefresh =
    options.tokenRefreshMs === undefined ? undefined : positive('tokenRefreshMs', options.tokenRefreshMs, 1);
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const report = safeReport(options.onReport);
  const keepsLog = options.history ?? false;
  // A log entry wraps a message in its cursor, time and sender.
  const maxReceived = keepsLog ? maxFrame + 1024 : maxFrame;

  const listeners = new Listeners<HistoryEntry>();
  const reconnects = new Listeners<void>();
  const states = new Listeners<ConnectionState>();
  const acknowledgements = keepsLog || (options.acknowledgements ?? false);
  let queue: Waiting[] = [];
  /** Sent, waiting for the server's ack (with `acknowledgements`), oldest first. */
  let unacked: Waiting[] = [];
  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let everOpen = false;
  let attempt = 0;
  /** Counts connection attempts, so a token that arrives for an abandoned one is not used. */
  let attemptSerial = 0;
  let retryTimer: unknown;
  let connectTimer: unknown;
  let pingTimer: unknown;
  let deadTimer: unknown;
  let refreshTimer: unknown;
  /** With `history`: the last entry's cursor, what the first connection replayed, and our own ids. */
  let cursor: string | undefined;
  let caughtUp = false;
  let history: HistoryEntry[] = [];
  let historyAbandoned = false;
  const historyWaiters = new Set<{
    resolve: (entries: readonly HistoryEntry[]) => void;
    reject: (error: TransportError) => void;
  }>();
  const ownIds = new Set<string>();

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

  const settle = (id: unknown, ok: boolean, code: unknown) => {
    const item = unacked.find((waiting) => waiting.id === id);
    if (!item) return;
    unacked = unacked.filter((waiting) => waiting !== item);
    clock.clearTimeout(item.timer);
    if (ok) return item.resolve();
    // The server's code is shown only if it is one of its plain words, never other text.
    const why = typeof code === 'string' && /^[a-z-]{1,32}$/.test(code) ? ` (${code})` : '';
    item.reject(new TransportError('socket-failed', `The server could not pass the message on${why}.`));
  };

  const remember = (id: string) => {
    ownIds.delete(id);
    ownIds.add(id);
    if (ownIds.size > OWN_IDS) ownIds.delete(ownIds.values().next().value!);
  };

  /** Hands the first connection's replay to whoever asked for the history. */
  const historyReady = () => {
    caughtUp = true;
    for (const waiter of historyWaiters) waiter.resolve([...history]);
    historyWaiters.clear();
  };

  /** Nobody waited long enough for the history: what it holds goes to the listeners instead. */
  const abandonHistory = () => {
    historyAbandoned = true;
    const replayed = history;
    history = [];
    for (const entry of replayed) {
      if (!ownIds.has(idOf(entry.message) as string)) listeners.notify(entry);
    }
  };

  const onEntry = (entry: unknown) => {
    const fields = entry as Record<string, unknown> | null;
    if (
      typeof fields !== 'object' ||
      fields === null ||
      typeof fields.cursor !== 'string' ||
      !CURSOR.test(fields.cursor) ||
      !('message' in fields)
    ) {
      report({ type: 'frame-refused', reason: 'malformed' });
      return;
    }
    if (cursor !== undefined && !isAfter(fields.cursor, cursor)) return; // had it already
    cursor = fields.cursor;
    const received: HistoryEntry = { message: fields.message, delivery: deliveryOf(fields) };
    if (!caughtUp && !historyAbandoned) {
      history.push(received);
      return;
    }
    if (!ownIds.has(idOf(fields.message) as string)) listeners.notify(received);
  };

  const onCaughtUp = (at: unknown) => {
    if (typeof at === 'string' && CURSOR.test(at) && (cursor === undefined || isAfter(at, cursor))) cursor = at;
    if (!caughtUp) historyReady();
  };

  /** Lets go of the socket: it may still fire an error while it closes, which is heard and ignored. */
  const discard = (code?: number) => {
    const old = socket;
    socket = undefined;
    attemptSerial += 1;
    clock.clearTimeout(connectTimer);
    clock.clearTimeout(refreshTimer);
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

  /** Asks for a new token before this one expires, and hands it to the server without reconnecting. */
  const scheduleRefresh = (token: string) => {
    if (!options.token) return;
    clock.clearTimeout(refreshTimer);
    const expiry = expiryOf(token);
    const delay = tokenRefresh ?? (expiry === undefined ? undefined : Math.max(1000, (expiry - clock.now()) * 0.8));
    if (delay === undefined) return;
    const serial = attemptSerial;
    refreshTimer = clock.setTimeout(() => {
      if (serial !== attemptSerial || !socket || socket.readyState !== OPEN) return;
      Promise.resolve()
        .then(() => options.token!())
        .then(
          (next) => {
            if (serial !== attemptSerial || !socket || socket.readyState !== OPEN) return;
            socket.send(JSON.stringify({ refresh: next }));
            scheduleRefresh(next);
          },
          // The server closes the connection when the old token expires; the reconnection asks again.
          () => undefined,
        );
    }, delay);
  };

  const urlWith = (token: string | undefined): string => {
    if (token === undefined && cursor === undefined) return options.url;
    const url = new URL(options.url);
    if (token !== undefined) url.searchParams.set('token', token);
    if (cursor !== undefined) url.searchParams.set('cursor', cursor);
    return url.toString();
  };

  const open = (url: string) => {
    let next: WebSocketLike;
    try {
      next = createSocket(url);
    } catch (error) {
      report({ type: 'connect-failed', error: error instanceof Error ? error.name : 'Error' });
      drop();
      return;
    }
    socket = next;
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
      const frame = readFrame(event.data, maxReceived);
      if (frame.kind === 'refused') {
        report(frame.report);
        return;
      }
      const value = frame.value;
      if (!isControl(value)) {
        if (!keepsLog) return listeners.notify({ message: value, delivery: undefined });
        report({ type: 'frame-refused', reason: 'malformed' }); // the relay sends messages as entries only
        return;
      }
      if ('ack' in value) settle(value.ack, true, undefined);
      else if ('nack' in value) settle(value.nack, false, (value as { code?: unknown }).code);
      else if (keepsLog && 'entry' in value) onEntry(value.entry);
      else if (keepsLog && 'caughtUp' in value) onCaughtUp(value.caughtUp);
    };
    next.onclose = () => drop();
    next.onerror = () => drop();
  };

  function connect(): void {
    if (state === 'closed') return;
    // An attempt that neither opens nor fails (a token that never comes, a handshake that never
    // completes) is abandoned.
    connectTimer = clock.setTimeout(() => {
      report({ type: 'connect-failed', error: 'TimeoutError' });
      drop();
    }, connectTimeout);
    if (!options.token) return open(urlWith(undefined));
    const serial = attemptSerial;
    Promise.resolve()
      .then(() => options.token!())
      .then(
        (token) => {
          if (serial !== attemptSerial || state === 'closed') return;
          if (typeof token !== 'string' || token.length === 0) throw new TypeError('no token');
          scheduleRefresh(token);
          open(urlWith(token));
        },
        (error: unknown) => {
          throw error;
        },
      )
      .catch((error: unknown) => {
        if (serial !== attemptSerial || state === 'closed') return;
        report({ type: 'connect-failed', error: error instanceof Error ? error.name : 'Error' });
        drop();
      });
  }

  connect();

  const readHistory = (): Promise<readonly HistoryEntry[]> => {
    if (state === 'closed') return Promise.reject(new TransportError('closed', 'The WebSocket transport is closed.'));
    if (caughtUp || historyAbandoned) return Promise.resolve([...history]);
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: (entries: readonly HistoryEntry[]) => {
          clock.clearTimeout(timer);
          resolve(entries);
        },
        reject,
      };
      const timer = clock.setTimeout(() => {
        historyWaiters.delete(waiter);
        abandonHistory();
        reject(
          new TransportError('send-timeout', `The conversation's history did not arrive within ${sendTimeout} ms.`),
        );
      }, sendTimeout);
      historyWaiters.add(waiter);
    });
  };

  return {
    get state() {
      return state;
    },
    get cursor() {
      return cursor;
    },
    send(message: WireMessage) {
      if (state === 'closed') return Promise.reject(new TransportError('closed', 'The WebSocket transport is closed.'));
      const frame = JSON.stringify(message);
      if (frame.length > maxFrame) {
        return Promise.reject(new TransportError('oversized', `The message is longer than ${maxFrame} characters.`));
      }
      if (keepsLog) remember(message.id);
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
    subscribe: (listener) => listeners.add((entry) => listener(entry.message, entry.delivery)),
    ...(keepsLog ? { history: readHistory } : {}),
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
      for (const waiter of historyWaiters) {
        waiter.reject(new TransportError('closed', 'The WebSocket transport was closed before the history arrived.'));
      }
      historyWaiters.clear();
      discard(1000);
      listeners.clear();
      reconnects.clear();
      states.clear();
    },
  };
}
