import type { Clock } from '@chatpay/core/wire';
import type { ObtainedToken } from './join-token-refresh.js';
import type { TransportReport } from './reports.js';
import type { ConnectionState } from './websocket-options.js';

/** What the connection's timing depends on: the transport's options, read once. */
export interface ConnectionSettings {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly connectTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly heartbeatTimeoutMs: number;
  /** Whether each attempt first asks the integrator's backend for a join token. */
  readonly usesToken: boolean;
  /** A number in [0, 1) for the backoff's jitter. */
  readonly random: () => number;
}

export interface ConnectionContext {
  readonly settings: ConnectionSettings;
  /**
   * Connections lost in a row, none of which had the server answer after it stayed open for a
   * heartbeat interval; the backoff grows with it. A server that accepts, answers and closes at once,
   * or that accepts and never answers a ping, keeps it growing.
   */
  readonly attempt: number;
  /** The delay before the next attempt, as reported in `connection-lost`. */
  readonly retryInMs: number;
  /** Whether a connection has opened before: the next one is a reconnection. */
  readonly everOpen: boolean;
  /** The join token of the current attempt (with a token provider). */
  readonly token: ObtainedToken | undefined;
}

/** What the socket and the transport's owner tell the connection. */
export type ConnectionEvent =
  | { readonly type: 'socket.opened' }
  | { readonly type: 'socket.frame'; readonly data: unknown }
  /** Closed by the server, failed, or lost. */
  | { readonly type: 'socket.lost' }
  /** The socket could not even be made; `error` is the error's name only. */
  | { readonly type: 'socket.unmade'; readonly error: string }
  | { readonly type: 'transport.close' };

/**
 * Where the connection stands: `connecting` (asking for a join token, then opening the socket),
 * `open` (quiet, or pinged and waiting for an answer), `backingOff` after a loss, `closed` for good.
 */
export type ConnectionStateValue =
  'connecting.fetchingToken' | 'connecting.opening' | 'open.quiet' | 'open.pinged' | 'backingOff' | 'closed';

/** What the connection does, given by the transport: the machine holds no socket. */
export interface ConnectionEffects {
  /** Asks the integrator's backend for a join token. */
  token(): Promise<ObtainedToken>;
  /** While open: refreshes the join token in-band before it expires; returns what stops it. */
  tokenRefresh(token: ObtainedToken | undefined): () => void;
  /** Makes the socket for this attempt (with the token in its URL) and listens to it. */
  openSocket(params: { readonly token: string | undefined }): void;
  /** Lets go of the socket, closing it with `code`. */
  discardSocket(params: { readonly code: number | undefined }): void;
  /** Sends a heartbeat ping on the open socket. */
  sendPing(): void;
  /** Reads a frame from the server and hands on what it holds. */
  receiveFrame(params: { readonly data: unknown }): void;
  /** The connection is open: sends what waited and, if it is a reconnection, says so. */
  connected(params: { readonly reconnection: boolean }): void;
  /** What was sent and not acknowledged goes again on the next connection. */
  requeueUnacknowledged(): void;
  /** Tells the transport's owner the state it now shows. */
  announce(params: { readonly state: ConnectionState }): void;
  report(params: TransportReport): void;
  /** Closed for good: rejects whatever waits and lets the listeners go. */
  release(): void;
}

/** A connection machine: made idle, `start()` takes its first step. */
export interface Connection {
  /** Enters the first state; once. */
  start(): void;
  /** Tells the machine what happened; an event sent while it takes a step waits for that step to end. */
  send(event: ConnectionEvent): void;
  readonly value: ConnectionStateValue;
  readonly context: ConnectionContext;
}

/**
 * The n-th delay: half of `min(maxDelayMs, initialDelayMs · 2ⁿ⁻¹)` plus a random part of the other half.
 */
export function backoffDelay(attempt: number, settings: ConnectionSettings): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + settings.random() * (ceiling / 2));
}

/** An error's name only: its message may carry what it was given. */
const nameOf = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

/**
 * The WebSocket transport's connection: connecting (with a join token first, if the transport has a
 * provider), open (with its heartbeat), backing off after a loss, and closed for good. Every wait is
 * a timer on `clock`, the transport's own, cancelled when the state it belongs to is left. The machine
 * holds no socket: the transport gives it `effects` and tells it what its socket does through events.
 *
 * It is written out here rather than with xstate, which the rest of ChatPay runs on, because the
 * transport loads on every chat page before any request arrives, and xstate alone weighs more than
 * such a page's whole budget (docs/performance.md). It keeps xstate's rules: a step exits the states it
 * leaves (their timers and what they started stop), runs the transition's effects, then enters the
 * new states in order; events sent during a step wait for it to end.
 */
export function createConnection(settings: ConnectionSettings, effects: ConnectionEffects, clock: Clock): Connection {
  let context: ConnectionContext = { settings, attempt: 0, retryInMs: 0, everOpen: false, token: undefined };
  let value: ConnectionStateValue = 'connecting.opening';
  /** What the states now entered started, stopped when they are left: outer state first. */
  let outer: (() => void) | undefined;
  let inner: (() => void) | undefined;
  const steps: (() => void)[] = [];
  let stepping = false;
  /** The open connection has lasted a heartbeat interval: the server's next frame proves it sound. */
  let lasted = false;

  const after = (ms: number, event: () => void): (() => void) => {
    const handle = clock.setTimeout(() => run(event), ms);
    return () => clock.clearTimeout(handle);
  };
  const leaveInner = () => {
    inner?.();
    inner = undefined;
  };
  const leaveOuter = () => {
    leaveInner();
    outer?.();
    outer = undefined;
  };

  const enterConnecting = () => {
    // An attempt that neither opens nor fails (a token that never comes, a handshake that never
    // completes) is abandoned.
    outer = after(settings.connectTimeoutMs, () => {
      leaveOuter();
      effects.report({ type: 'connect-failed', error: 'TimeoutError' });
      enterBackingOff();
    });
    if (!settings.usesToken) return enterOpening();
    value = 'connecting.fetchingToken';
    let current = true;
    inner = () => void (current = false);
    effects.token().then(
      (token) =>
        run(() => {
          if (!current) return;
          leaveInner();
          context = { ...context, token };
          enterOpening();
        }),
      (error: unknown) =>
        run(() => {
          if (!current) return;
          leaveOuter();
          effects.report({ type: 'connect-failed', error: nameOf(error) });
          enterBackingOff();
        }),
    );
  };
  const enterOpening = () => {
    value = 'connecting.opening';
    effects.openSocket({ token: context.token?.token });
  };

  const enterOpen = () => {
    effects.announce({ state: 'open' });
    effects.connected({ reconnection: context.everOpen });
    context = { ...context, everOpen: true };
    const stopRefresh = effects.tokenRefresh(context.token);
    lasted = false;
    const stopLasting = after(settings.heartbeatIntervalMs, () => void (lasted = true));
    outer = () => {
      stopRefresh();
      stopLasting();
    };
    enterQuiet();
  };
  const enterQuiet = () => {
    value = 'open.quiet';
    inner = after(settings.heartbeatIntervalMs, () => {
      leaveInner();
      enterPinged();
    });
  };
  const enterPinged = () => {
    value = 'open.pinged';
    effects.sendPing();
    inner = after(settings.heartbeatTimeoutMs, () => {
      leaveOuter();
      effects.report({ type: 'connection-dead' });
      enterBackingOff();
    });
  };

  const enterBackingOff = () => {
    value = 'backingOff';
    effects.requeueUnacknowledged();
    effects.discardSocket({ code: undefined });
    const attempt = context.attempt + 1;
    context = { ...context, attempt, retryInMs: backoffDelay(attempt, settings) };
    effects.announce({ state: 'reconnecting' });
    effects.report({ type: 'connection-lost', attempt, retryInMs: context.retryInMs });
    outer = after(context.retryInMs, () => {
      leaveOuter();
      enterConnecting();
    });
  };

  const enterClosed = () => {
    value = 'closed';
    effects.announce({ state: 'closed' });
    effects.discardSocket({ code: 1000 });
    effects.release();
  };

  const handle = (event: ConnectionEvent) => {
    if (value === 'closed') return;
    if (event.type === 'transport.close') {
      leaveOuter();
      return enterClosed();
    }
    if (value === 'backingOff') return;
    const lost = () => {
      leaveOuter();
      enterBackingOff();
    };
    if (value === 'open.quiet' || value === 'open.pinged') {
      if (event.type === 'socket.lost') return lost();
      if (event.type !== 'socket.frame') return;
      // The next ping is due a full interval from now.
      leaveInner();
      // A connection that lasted and still answers is a sound one: the backoff starts over.
      if (lasted) context = { ...context, attempt: 0 };
      effects.receiveFrame({ data: event.data });
      return enterQuiet();
    }
    switch (event.type) {
      case 'socket.opened':
        leaveOuter();
        return enterOpen();
      case 'socket.lost':
        return lost();
      case 'socket.unmade':
        leaveOuter();
        effects.report({ type: 'connect-failed', error: event.error });
        return enterBackingOff();
      case 'socket.frame':
        return effects.receiveFrame({ data: event.data });
    }
  };

  /** Takes `step`, or, during a step, queues it: steps run one at a time, in the order they came. */
  function run(step: () => void) {
    steps.push(step);
    if (stepping) return;
    stepping = true;
    for (let next = steps.shift(); next !== undefined; next = steps.shift()) {
      try {
        next();
      } catch {
        recover();
      }
    }
    stepping = false;
  }

  /**
   * An effect that threw left a state half-entered, perhaps with none of its timers: the connection
   * starts over from a backoff, so that it is never stranded (the effects the transport gives do not
   * throw; this is for one that would).
   */
  function recover() {
    if (value === 'closed') return;
    try {
      leaveOuter();
      enterBackingOff();
    } catch {
      // Left to the backoff's timer, if it was set, or to the next event.
    }
  }

  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      run(enterConnecting);
    },
    send: (event) => {
      if (started) run(() => handle(event));
    },
    get value() {
      return value;
    },
    get context() {
      return context;
    },
  };
}
