import { assign, fromCallback, fromPromise, setup, type EventObject } from 'xstate';
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
  /** Connections lost in a row without the server answering a frame; the backoff grows with it. */
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
 * provider), open (with its heartbeat), backing off after a loss, and closed for good. Every wait is a
 * delayed transition on the actor's clock, which the transport sets to its own. The machine holds no
 * socket: the transport provides `openSocket`, `discardSocket` and the other effects with
 * `provide()`, and tells it what its socket does through events.
 */
export const webSocketConnectionMachine = setup({
  types: {
    context: {} as ConnectionContext,
    events: {} as ConnectionEvent,
    input: {} as ConnectionSettings,
  },
  actors: {
    /** Asks the integrator's backend for a join token. */
    token: fromPromise<ObtainedToken>(() => Promise.reject(new Error('Provided by the transport.'))),
    /** While open: refreshes the join token in-band before it expires. */
    tokenRefresh: fromCallback<EventObject, ObtainedToken | undefined>(() => undefined),
  },
  actions: {
    /** Makes the socket for this attempt (with the token in its URL) and listens to it. */
    openSocket: (_, _params: { readonly token: string | undefined }) => undefined,
    /** Lets go of the socket, closing it with `code`. */
    discardSocket: (_, _params: { readonly code: number | undefined }) => undefined,
    /** Sends a heartbeat ping on the open socket. */
    sendPing: () => undefined,
    /** Reads a frame from the server and hands on what it holds. */
    receiveFrame: (_, _params: { readonly data: unknown }) => undefined,
    /** The connection is open: sends what waited and, if it is a reconnection, says so. */
    connected: (_, _params: { readonly reconnection: boolean }) => undefined,
    /** What was sent and not acknowledged goes again on the next connection. */
    requeueUnacknowledged: () => undefined,
    /** Tells the transport's owner the state it now shows. */
    announce: (_, _params: { readonly state: ConnectionState }) => undefined,
    report: (_, _params: TransportReport) => undefined,
    /** Closed for good: rejects whatever waits and lets the listeners go. */
    release: () => undefined,
  },
  guards: {
    usesToken: ({ context }) => context.settings.usesToken,
  },
  delays: {
    connectTimeout: ({ context }) => context.settings.connectTimeoutMs,
    heartbeatInterval: ({ context }) => context.settings.heartbeatIntervalMs,
    heartbeatTimeout: ({ context }) => context.settings.heartbeatTimeoutMs,
    backoff: ({ context }) => context.retryInMs,
  },
}).createMachine({
  id: 'webSocketConnection',
  context: ({ input }) => ({ settings: input, attempt: 0, retryInMs: 0, everOpen: false, token: undefined }),
  initial: 'connecting',
  on: { 'transport.close': '.closed' },
  states: {
    connecting: {
      // An attempt that neither opens nor fails (a token that never comes, a handshake that never
      // completes) is abandoned.
      after: {
        connectTimeout: {
          target: 'backingOff',
          actions: { type: 'report', params: { type: 'connect-failed', error: 'TimeoutError' } },
        },
      },
      on: {
        'socket.opened': 'open',
        'socket.lost': 'backingOff',
        'socket.unmade': {
          target: 'backingOff',
          actions: { type: 'report', params: ({ event }) => ({ type: 'connect-failed', error: event.error }) },
        },
        'socket.frame': {
          actions: [assign({ attempt: 0 }), { type: 'receiveFrame', params: ({ event }) => ({ data: event.data }) }],
        },
      },
      initial: 'choosing',
      states: {
        choosing: {
          always: [{ guard: 'usesToken', target: 'fetchingToken' }, { target: 'opening' }],
        },
        fetchingToken: {
          invoke: {
            src: 'token',
            onDone: { target: 'opening', actions: assign({ token: ({ event }) => event.output }) },
            onError: {
              target: '#webSocketConnection.backingOff',
              actions: {
                type: 'report',
                params: ({ event }) => ({ type: 'connect-failed', error: nameOf(event.error) }),
              },
            },
          },
        },
        opening: {
          entry: { type: 'openSocket', params: ({ context }) => ({ token: context.token?.token }) },
        },
      },
    },
    open: {
      entry: [
        { type: 'announce', params: { state: 'open' } },
        { type: 'connected', params: ({ context }) => ({ reconnection: context.everOpen }) },
        assign({ everOpen: true }),
      ],
      invoke: { src: 'tokenRefresh', input: ({ context }) => context.token },
      on: {
        // A server that answers is a connection that works: the backoff starts over (one that accepts
        // and closes at once keeps backing off), and any frame proves the connection alive, so the
        // next ping is due a full interval from now.
        'socket.frame': {
          target: '.quiet',
          actions: [assign({ attempt: 0 }), { type: 'receiveFrame', params: ({ event }) => ({ data: event.data }) }],
        },
        'socket.lost': 'backingOff',
      },
      initial: 'quiet',
      states: {
        quiet: {
          after: { heartbeatInterval: 'pinged' },
        },
        pinged: {
          entry: 'sendPing',
          after: {
            heartbeatTimeout: {
              target: '#webSocketConnection.backingOff',
              actions: { type: 'report', params: { type: 'connection-dead' } },
            },
          },
        },
      },
    },
    backingOff: {
      entry: [
        'requeueUnacknowledged',
        { type: 'discardSocket', params: { code: undefined } },
        assign({ attempt: ({ context }) => context.attempt + 1 }),
        assign({ retryInMs: ({ context }) => backoffDelay(context.attempt, context.settings) }),
        { type: 'announce', params: { state: 'reconnecting' } },
        {
          type: 'report',
          params: ({ context }) => ({
            type: 'connection-lost',
            attempt: context.attempt,
            retryInMs: context.retryInMs,
          }),
        },
      ],
      after: { backoff: 'connecting' },
    },
    closed: {
      type: 'final',
      entry: [
        { type: 'announce', params: { state: 'closed' } },
        { type: 'discardSocket', params: { code: 1000 } },
        'release',
      ],
    },
  },
});
