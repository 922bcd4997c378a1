import {
  ConfigError,
  MAX_MESSAGE_LENGTH,
  systemClock,
  type Clock,
  type Delivery,
  type HistoryEntry,
  type Transport,
  type WireMessage,
} from '@chatpay/core/wire';
import { Listeners, safeReport, TransportError, type TransportReport } from './reports.js';

/** The event a page emits to join a conversation's ChatPay messages and catch up (`@chatpay/server`'s `CHATPAY_JOIN_EVENT`). */
export const SOCKET_IO_JOIN_EVENT = 'chatpay:join';
/** The event a page emits to stop hearing a conversation's ChatPay messages (`@chatpay/server`'s `CHATPAY_LEAVE_EVENT`). */
export const SOCKET_IO_LEAVE_EVENT = 'chatpay:leave';
/** The chat's message event ChatPay rides in unless told otherwise (`@chatpay/server`'s `DEFAULT_CHAT_EVENT`). */
export const SOCKET_IO_CHAT_EVENT = 'chat:message';

/**
 * The part of a socket.io-client `Socket` the transport uses, so `@chatpay/transports` needs no
 * socket.io at run time: `io(url)` from `socket.io-client` 4 has it.
 */
export interface SocketIoClientLike {
  /** Whether the socket is connected now. */
  readonly connected: boolean;
  /** Sends an event; a last argument that is a function is called with the server's acknowledgement. */
  emit(event: string, ...args: unknown[]): unknown;
  /** Listens for an event (the chat's message event, `connect`, `disconnect`). */
  // Socket.IO's own listener type takes any arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Stops listening, when the transport is closed. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/** The chat's socket and conversation for `createSocketIoTransport`, and its limits. */
export interface SocketIoTransportOptions {
  /** The chat's socket, connected or connecting; the transport never disconnects it (it is the chat's). */
  readonly socket: SocketIoClientLike;
  /** The conversation whose ChatPay messages this transport carries. */
  readonly conversationId: string;
  /** The chat's message event ChatPay rides in, as `{ conversationId, chatpay }`. Default `SOCKET_IO_CHAT_EVENT`. */
  readonly event?: string;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /**
   * How long a message may wait for the server's acknowledgement (across reconnections) before its
   * `send` rejects with `send-timeout` (TRY AGAIN), and how long `history()` waits for the first
   * join, ms. Default 10,000.
   */
  readonly sendTimeoutMs?: number;
  /** The longest ChatPay message accepted from the server, in characters of JSON. Default: the protocol's `MAX_MESSAGE_LENGTH`. */
  readonly maxReceivedLength?: number;
  /** Told of frames refused, joins refused and reconnections; never of a message's contents. */
  readonly onReport?: (report: TransportReport) => void;
}

/** ChatPay over a Socket.IO chat, with the conversation's history. */
export interface SocketIoTransport extends Transport {
  history(): Promise<readonly HistoryEntry[]>;
  onReconnect(listener: () => void): () => void;
  /** Leaves the conversation and lets go of the socket's events; the socket itself stays connected. */
  close(): void;
  /** The number of the last message received: a reconnection resumes after it. */
  readonly seq: number;
}

/** How many ids of its own messages the transport remembers, to drop them when a catch-up brings them back. */
const OWN_IDS = 10_000;
/** How many live frames are held while a join is answered; more are refused (a server out of step). */
const HELD_FRAMES = 1_000;
/** A refusal code as the server may send it: a short name, shown in errors and reports. */
const CODE = /^[a-z][a-z-]{0,39}$/;

interface Pending {
  readonly id: string;
  readonly payload: { readonly conversationId: string; readonly chatpay: unknown };
  readonly resolve: () => void;
  readonly reject: (error: TransportError) => void;
  /** The join it was last emitted on, so one connection emits it once. */
  emittedOn: number;
}

interface Received {
  readonly seq: number;
  readonly epoch: string | undefined;
  readonly entry: HistoryEntry;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idOf = (message: unknown): unknown => (isObject(message) ? message.id : undefined);

/** What a frame from the server says of its delivery: only well-formed facts are kept. */
function deliveryOf(frame: Record<string, unknown>): Delivery {
  const sender = isObject(frame.sender) ? frame.sender : undefined;
  const role = sender?.role === 'agent' || sender?.role === 'customer' ? sender.role : undefined;
  return {
    acceptedAt:
      typeof frame.acceptedAt === 'number' && Number.isFinite(frame.acceptedAt) ? frame.acceptedAt : undefined,
    sender: role && typeof sender?.subject === 'string' ? { role, subject: sender.subject } : undefined,
  };
}

/** The server's name for its numbering of the conversation: a short string, or none yet. */
const epochOf = (value: unknown): string | undefined | false =>
  value === undefined ? undefined : typeof value === 'string' && value.length <= 256 ? value : false;

const codeOf = (reply: Record<string, unknown>): string =>
  typeof reply.code === 'string' && CODE.test(reply.code) ? reply.code : 'unknown';

/**
 * ChatPay inside a Socket.IO chat: each message rides as the `chatpay` field of the chat's message
 * event (`{ conversationId, chatpay }`), sent with an acknowledgement. On each connection the
 * transport joins the conversation (`SOCKET_IO_JOIN_EVENT`), and the server answers with what was
 * said since the last message it received (by its number, `seq`, in the server's numbering, `epoch`:
 * a server whose log began again sends it whole): the whole conversation the first time (`history()`),
 * what was missed after a reconnection (handed to the listeners, in order, once, none of its own).
 * A message not acknowledged when the connection drops is sent again on the next one (the server
 * drops copies by id); one not acknowledged within `sendTimeoutMs` rejects. Frames that are not a
 * well-formed message of this conversation, or too long, are refused and reported, never passed on.
 *
 * The server side is `@chatpay/server`'s `createSocketIoChatPay`.
 */
export function createSocketIoTransport(options: SocketIoTransportOptions): SocketIoTransport {
  const { socket, conversationId } = options;
  if (typeof conversationId !== 'string' || conversationId === '') {
    throw new ConfigError('conversationId', 'Name the conversation with a non-empty string.');
  }
  if (!socket || typeof socket.emit !== 'function' || typeof socket.on !== 'function') {
    throw new ConfigError('socket', 'Give the transport a socket.io-client socket.');
  }
  const event = options.event ?? SOCKET_IO_CHAT_EVENT;
  const clock = options.clock ?? systemClock;
  const sendTimeoutMs = options.sendTimeoutMs ?? 10_000;
  const maxReceivedLength = options.maxReceivedLength ?? MAX_MESSAGE_LENGTH;
  const report = safeReport(options.onReport);
  const listeners = new Listeners<HistoryEntry>();
  const reconnects = new Listeners<void>();
  const ownIds = new Set<string>();
  const pending: Pending[] = [];
  const historyWaiters = new Set<{
    resolve: (entries: readonly HistoryEntry[]) => void;
    reject: (e: TransportError) => void;
  }>();
  let history: HistoryEntry[] | undefined;
  /** Live frames that came while a join was being answered. */
  let held: unknown[] = [];
  let seq = 0;
  /** The numbering `seq` counts in: a server whose log began again numbers from 1 under another. */
  let epoch: string | undefined;
  let joins = 0;
  /** The join whose answer came, while its connection lasts; 0 when not joined. */
  let joined = 0;
  let closed = false;

  const refuse = (reason: 'malformed' | 'oversized') => report({ type: 'frame-refused', reason });

  /** A frame from the server, checked: undefined (and reported) if it is not a message of this conversation. */
  const read = (frame: unknown): Received | undefined => {
    if (!isObject(frame)) return void refuse('malformed');
    if (frame.conversationId !== conversationId) return undefined; // another conversation on the same socket
    const { seq: number, chatpay } = frame;
    const numbering = epochOf(frame.epoch);
    if (
      typeof number !== 'number' ||
      !Number.isSafeInteger(number) ||
      number < 1 ||
      numbering === false ||
      !isObject(chatpay)
    ) {
      return void refuse('malformed');
    }
    let length: number;
    try {
      length = JSON.stringify(chatpay).length;
    } catch {
      return void refuse('malformed');
    }
    if (length > maxReceivedLength) return void refuse('oversized');
    return { seq: number, epoch: numbering, entry: { message: chatpay, delivery: deliveryOf(frame) } };
  };

  /** A received message, after the last one: kept for the history while the first join is answered, else handed on. */
  const take = (received: Received | undefined, into: HistoryEntry[] | undefined) => {
    if (!received) return;
    if (received.epoch !== epoch) {
      // The server's log began again (it restarted, or forgot the conversation): its numbers start over.
      epoch = received.epoch;
      seq = 0;
    }
    if (received.seq <= seq) return; // had it already
    seq = received.seq;
    if (into) into.push(received.entry);
    else if (!ownIds.has(idOf(received.entry.message) as string)) listeners.notify(received.entry);
  };

  const settle = (item: Pending, error?: TransportError) => {
    const at = pending.indexOf(item);
    if (at === -1) return;
    pending.splice(at, 1);
    if (error) item.reject(error);
    else item.resolve();
  };

  const emit = (item: Pending) => {
    if (item.emittedOn === joined) return;
    item.emittedOn = joined;
    socket.emit(event, item.payload, (reply: unknown) => {
      if (!isObject(reply) || (reply.ok !== true && reply.ok !== false)) return refuse('malformed');
      if (reply.ok) return settle(item);
      const code = codeOf(reply);
      settle(
        item,
        new TransportError(
          code === 'too-large' ? 'oversized' : 'socket-failed',
          `The chat server refused the message (${code}).`,
        ),
      );
    });
  };

  const answered = (join: number, reply: unknown) => {
    if (closed || join !== joins) return; // a later connection has asked again
    if (!isObject(reply) || reply.ok !== true || !Array.isArray(reply.entries) || epochOf(reply.epoch) === false) {
      const code = isObject(reply) && reply.ok === false ? codeOf(reply) : 'malformed';
      report({ type: 'connect-failed', error: `join-${code}` });
      const error = new TransportError('socket-failed', `The chat server refused to join the conversation (${code}).`);
      for (const waiter of historyWaiters) waiter.reject(error);
      historyWaiters.clear();
      for (const item of [...pending]) settle(item, error);
      return;
    }
    if (reply.epoch !== epoch) {
      // Another numbering: the server sent its whole log, to be read from the start.
      epoch = reply.epoch as string | undefined;
      seq = 0;
    }
    const first = history === undefined;
    const replayed: HistoryEntry[] | undefined = first ? [] : undefined;
    for (const frame of reply.entries as unknown[]) take(read(frame), replayed);
    if (replayed) {
      history = replayed;
      for (const waiter of historyWaiters) waiter.resolve([...replayed]);
      historyWaiters.clear();
    }
    joined = join;
    const live = held;
    held = [];
    for (const frame of live) take(read(frame), undefined);
    for (const item of [...pending]) emit(item);
    if (!first) {
      report({ type: 'reconnected' });
      reconnects.notify();
    }
  };

  const onConnect = () => {
    if (closed) return;
    const join = ++joins;
    joined = 0;
    held = [];
    const asked = epoch === undefined ? { conversationId, after: seq } : { conversationId, after: seq, epoch };
    socket.emit(SOCKET_IO_JOIN_EVENT, asked, (reply: unknown) => answered(join, reply));
  };
  const onDisconnect = () => {
    joined = 0;
  };
  const onFrame = (frame: unknown) => {
    if (closed) return;
    if (joined !== 0) return take(read(frame), undefined);
    if (held.length < HELD_FRAMES) held.push(frame);
    else refuse('malformed');
  };

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on(event, onFrame);
  if (socket.connected) onConnect();

  const closedError = () => new TransportError('closed', 'The Socket.IO transport is closed.');

  return {
    get seq() {
      return seq;
    },
    send(message: WireMessage) {
      if (closed) return Promise.reject(closedError());
      let text: string | undefined;
      try {
        text = JSON.stringify(message) as string | undefined;
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string') {
        return Promise.reject(new TransportError('not-serialisable', 'The message cannot be written as JSON.'));
      }
      if (text.length > MAX_MESSAGE_LENGTH) {
        return Promise.reject(
          new TransportError('oversized', `The message is longer than ${MAX_MESSAGE_LENGTH} characters.`),
        );
      }
      ownIds.delete(message.id);
      ownIds.add(message.id);
      if (ownIds.size > OWN_IDS) ownIds.delete(ownIds.values().next().value!);
      return new Promise<void>((resolve, reject) => {
        const timer = clock.setTimeout(
          () =>
            settle(
              item,
              new TransportError('send-timeout', `The message was not acknowledged within ${sendTimeoutMs} ms.`),
            ),
          sendTimeoutMs,
        );
        const item: Pending = {
          id: message.id,
          payload: { conversationId, chatpay: JSON.parse(text) as unknown },
          resolve: () => (clock.clearTimeout(timer), resolve()),
          reject: (error) => (clock.clearTimeout(timer), reject(error)),
          emittedOn: 0,
        };
        pending.push(item);
        if (joined !== 0 && socket.connected) emit(item);
      });
    },
    subscribe: (listener) => listeners.add((entry) => listener(entry.message, entry.delivery)),
    history() {
      if (closed) return Promise.reject(closedError());
      if (history) return Promise.resolve([...history]);
      return new Promise((resolve, reject) => {
        const timer = clock.setTimeout(() => {
          historyWaiters.delete(waiter);
          reject(
            new TransportError('send-timeout', `The conversation's history did not arrive within ${sendTimeoutMs} ms.`),
          );
        }, sendTimeoutMs);
        const waiter = {
          resolve: (entries: readonly HistoryEntry[]) => (clock.clearTimeout(timer), resolve(entries)),
          reject: (error: TransportError) => (clock.clearTimeout(timer), reject(error)),
        };
        historyWaiters.add(waiter);
      });
    },
    onReconnect: (listener) => reconnects.add(listener),
    close() {
      if (closed) return;
      closed = true;
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off(event, onFrame);
      if (socket.connected) socket.emit(SOCKET_IO_LEAVE_EVENT, { conversationId });
      for (const item of [...pending]) settle(item, closedError());
      for (const waiter of historyWaiters) waiter.reject(closedError());
      historyWaiters.clear();
      listeners.clear();
      reconnects.clear();
    },
  };
}
