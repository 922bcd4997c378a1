import type { HistoryEntry, WireMessage } from '@chatpay/core/wire';
import { HEARTBEAT_PING, isControlFrame, refreshFrame } from './control-frames.js';
import { readFrame } from './frames.js';
import { tokenRefresh } from './join-token-refresh.js';
import { Outbox } from './outbox.js';
import { RelayLogReader } from './relay-log-reader.js';
import { Listeners, safeReport, TransportError } from './reports.js';
import { createConnection, type Connection } from './websocket-connection.machine.js';
import {
  settingsOf,
  type ConnectionState,
  type WebSocketLike,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from './websocket-options.js';

export { HEARTBEAT_PING, HEARTBEAT_PONG } from './control-frames.js';
export type {
  ConnectionState,
  WebSocketLike,
  WebSocketTransport,
  WebSocketTransportOptions,
} from './websocket-options.js';

const OPEN = 1;

/** The message as a JSON text frame; undefined if JSON cannot hold it (a cycle, a BigInt). */
function frameOf(message: WireMessage): string | undefined {
  try {
    const frame = JSON.stringify(message) as string | undefined;
    return typeof frame === 'string' ? frame : undefined;
  } catch {
    return undefined;
  }
}

const closedError = () => new TransportError('closed', 'The WebSocket transport is closed.');

/**
 * ChatPay over a WebSocket: JSON text frames; reconnection with exponential backoff and jitter; a
 * bounded queue while disconnected, whose sends reject after `sendTimeoutMs` (the agent then sees TRY
 * AGAIN); an `onReconnect` cue; a heartbeat that finds a dead connection; frames that are malformed,
 * binary or too long refused and reported, never passed on. With `token`, join tokens from the
 * integrator's backend, refreshed in-band; with `history`, the relay's log: `history()` and resuming
 * from a cursor after a reconnection.
 *
 * When it connects, waits and gives up is the connection machine's (`createConnection`); this function
 * gives that machine its socket, its queue and its listeners.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const settings = settingsOf(options);
  const { clock, keepsLog } = settings;
  const report = safeReport(options.onReport);
  const listeners = new Listeners<HistoryEntry>();
  const reconnects = new Listeners<void>();
  const states = new Listeners<ConnectionState>();
  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  /** Set as soon as the owner closes, even from inside a listener while the machine finishes its step. */
  let closing = false;

  /** Writes to the open socket; false if there is none, or it would not take the frame. */
  const write = (frame: string): boolean => {
    if (!socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(frame);
      return true;
    } catch {
      return false;
    }
  };

  const outbox = new Outbox({
    clock,
    write,
    acknowledgements: settings.acknowledgements,
    queueLimit: settings.queueLimit,
    sendTimeoutMs: settings.sendTimeoutMs,
  });
  const log = new RelayLogReader({
    clock,
    waitMs: settings.sendTimeoutMs,
    deliver: (entry) => listeners.notify(entry),
    report,
  });

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.notify(next);
  };

  const urlWith = (token: string | undefined): string => {
    const cursor = log.cursor;
    if (token === undefined && cursor === undefined) return settings.url;
    const url = new URL(settings.url);
    if (token !== undefined) url.searchParams.set('token', token);
    if (cursor !== undefined) url.searchParams.set('cursor', cursor);
    return url.toString();
  };

  /** Lets go of the socket: it may still fire an error while it closes, which is heard and ignored. */
  const discard = (code: number | undefined) => {
    const old = socket;
    socket = undefined;
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = null;
    old.onerror = () => {};
    try {
      old.close(code);
    } catch {
      // Already closed.
    }
  };

  /** One frame from the server: a message for the listeners, or a control frame for the outbox or the log. */
  const receive = (data: unknown) => {
    const frame = readFrame(data, settings.maxReceivedLength);
    if (frame.kind === 'refused') return report(frame.report);
    const value = frame.value;
    if (!isControlFrame(value)) {
      if (!keepsLog) return listeners.notify({ message: value, delivery: undefined });
      return report({ type: 'frame-refused', reason: 'malformed' }); // the relay sends messages as entries only
    }
    if ('ack' in value) outbox.settle(value.ack, true, undefined);
    else if ('nack' in value) outbox.settle(value.nack, false, value.code);
    else if (keepsLog && 'entry' in value) log.receiveEntry(value.entry);
    else if (keepsLog && 'caughtUp' in value) log.receiveCaughtUp(value.caughtUp);
  };

  const provideToken = options.token;
  const tell: Connection['send'] = (event) => connection.send(event);
  const connection = createConnection(
    {
      initialDelayMs: settings.initialDelayMs,
      maxDelayMs: settings.maxDelayMs,
      connectTimeoutMs: settings.connectTimeoutMs,
      heartbeatIntervalMs: settings.heartbeatIntervalMs,
      heartbeatTimeoutMs: settings.heartbeatTimeoutMs,
      usesToken: provideToken !== undefined,
      random: settings.random,
    },
    {
      token: async () => {
        const token = await Promise.resolve().then(() => provideToken!());
        if (typeof token !== 'string' || token.length === 0) throw new TypeError('no token');
        return { token, obtainedAt: clock.now() };
      },
      tokenRefresh: tokenRefresh({
        clock,
        provide: () => provideToken!(),
        refreshMs: settings.tokenRefreshMs,
        hand: (token) => void write(refreshFrame(token)),
      }),
      openSocket: ({ token }) => {
        let next: WebSocketLike;
        try {
          next = settings.createSocket(urlWith(token));
        } catch (error) {
          tell({ type: 'socket.unmade', error: error instanceof Error ? error.name : 'Error' });
          return;
        }
        socket = next;
        next.onopen = () => tell({ type: 'socket.opened' });
        next.onmessage = (event) => tell({ type: 'socket.frame', data: event.data });
        next.onclose = () => tell({ type: 'socket.lost' });
        next.onerror = () => tell({ type: 'socket.lost' });
      },
      discardSocket: ({ code }) => discard(code),
      sendPing: () => void write(HEARTBEAT_PING), // a socket that cannot send is found dead by the timeout
      receiveFrame: ({ data }) => receive(data),
      connected: ({ reconnection }) => {
        if (closing) return; // closed by a state listener
        outbox.flush();
        if (!reconnection) return;
        report({ type: 'reconnected' });
        reconnects.notify();
      },
      requeueUnacknowledged: () => outbox.requeueUnacknowledged(),
      announce: ({ state: next }) => setState(next),
      report: (params) => report(params),
      release: () => {
        outbox.rejectAll(
          () => new TransportError('closed', 'The WebSocket transport was closed before the message was sent.'),
        );
        log.close();
        listeners.clear();
        reconnects.clear();
        states.clear();
      },
    },
    clock,
  );
  connection.start();

  return {
    get state() {
      return closing ? 'closed' : state;
    },
    get cursor() {
      return log.cursor;
    },
    send(message: WireMessage) {
      if (closing) return Promise.reject(closedError());
      const frame = frameOf(message);
      if (frame === undefined) {
        return Promise.reject(new TransportError('not-serialisable', 'The message cannot be written as JSON.'));
      }
      if (frame.length > settings.maxFrameLength) {
        return Promise.reject(
          new TransportError('oversized', `The message is longer than ${settings.maxFrameLength} characters.`),
        );
      }
      if (keepsLog) log.remember(message.id);
      return outbox.send(message.id, frame);
    },
    subscribe: (listener) => listeners.add((entry) => listener(entry.message, entry.delivery)),
    ...(keepsLog ? { history: () => (closing ? Promise.reject(closedError()) : log.history()) } : {}),
    onReconnect: (listener) => reconnects.add(listener),
    onStateChange: (listener) => states.add(listener),
    close() {
      if (closing) return;
      closing = true;
      tell({ type: 'transport.close' });
    },
  };
}
