import { systemClock, type Clock } from '@chatpay/core';
import { readClientFrame } from './client-frame.js';
import { MAX_NAME_LENGTH, ROLES, type Role } from './join-token.js';
import { TokenBucket } from './rate-limit.js';
import type { NackCode } from './relay-protocol.js';
import { createChatPayLog, type ChatPayLog, type ChatPayLogEntry } from './socket-io-log.js';
import type { Sender } from './store.js';

/** The event a page emits to join a conversation's ChatPay messages and catch up: `{ conversationId, after? }`. */
export const CHATPAY_JOIN_EVENT = 'chatpay:join';
/** The event a page emits to stop hearing a conversation's ChatPay messages: `{ conversationId }`. */
export const CHATPAY_LEAVE_EVENT = 'chatpay:leave';
/** The chat's message event ChatPay rides in unless told otherwise. */
export const DEFAULT_CHAT_EVENT = 'chat:message';
/** The Socket.IO room of a conversation's ChatPay messages is this prefix and the conversation's id. */
export const CHATPAY_ROOM_PREFIX = 'chatpay:';

/**
 * Why the server refused a join or a message, as the acknowledgement's `code` says: the relay's
 * reasons (`NackCode`), and those of a Socket.IO chat.
 */
export type SocketIoRefusalCode =
  | NackCode
  /** `authorize` gave no participant for this socket and conversation (or threw). */
  | 'forbidden'
  /** A message for a conversation the socket has not joined. */
  | 'not-joined'
  /** The conversation's log is full (`maxMessagesPerConversation`). */
  | 'conversation-full'
  /** The socket has joined `maxConversationsPerSocket` conversations already. */
  | 'too-many-conversations';

/** What a page is told in the acknowledgement of a message. */
export type MessageReply =
  { readonly ok: true; readonly seq: number } | { readonly ok: false; readonly code: SocketIoRefusalCode };

/** One message as the server hands it to pages: live in the chat's message event, and in a join's reply. */
export interface ChatPayFrame {
  /** The conversation the message belongs to. */
  readonly conversationId: string;
  /** Its place in the conversation's log: 1 for the first, then one more for each. */
  readonly seq: number;
  /** The numbering `seq` belongs to (`ChatPayLog.epoch`). */
  readonly epoch: string | undefined;
  /** The ChatPay wire message, as its sender wrote it. */
  readonly chatpay: unknown;
  /** When the server accepted it, ms since the epoch by the server's clock. */
  readonly acceptedAt: number;
  /** Who sent it, as `authorize` named them. */
  readonly sender: Sender;
}

/**
 * What a page is told in the acknowledgement of a join: what it missed after `after`, oldest first,
 * or the whole log if the page's `epoch` is not the log's; and the log's epoch.
 */
export type JoinReply =
  | { readonly ok: true; readonly epoch: string | undefined; readonly entries: readonly ChatPayFrame[] }
  | { readonly ok: false; readonly code: SocketIoRefusalCode };

/** Who a socket is in a conversation, as the integrator's own sign-in says. */
export interface ChatPayParticipant {
  /** `agent` or `customer`: which messages of the protocol this socket may send. */
  readonly role: Role;
  /** The integrator's id for the person (an agent's id, a customer's account or chat session). */
  readonly subject: string;
}

/** The part of a socket.io server `Socket` this module uses, so `@chatpay/server` needs no socket.io at run time. */
export interface ChatSocketLike {
  /** The socket's id, named in refusals. */
  readonly id: string;
  /** Listens for an event from the page; a last argument that is a function acknowledges it. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Joins a room: the conversation's ChatPay messages are passed on to it. */
  join(room: string): unknown;
  /** Leaves a room. */
  leave(room: string): unknown;
  /** The other sockets in a room, to pass a message on to. */
  to(room: string): {
    /** Sends an event to each of them. */
    emit(event: string, ...args: unknown[]): unknown;
  };
}

/** A refusal, for the integrator's logs and metrics. It never carries what was sent. */
export interface SocketIoRefusal {
  /** Why it was refused; the page's acknowledgement carries the same code. */
  readonly code: SocketIoRefusalCode;
  /** The socket whose event was refused. */
  readonly socketId: string;
  /** What was refused: joining (or leaving) a conversation, or a message. */
  readonly event: 'join' | 'message';
}

/** How `createSocketIoChatPay` lets sockets in, what it keeps, and how fast a socket may send. */
export interface SocketIoChatPayOptions<Socket extends ChatSocketLike = ChatSocketLike> {
  /**
   * Who this socket is in this conversation, or undefined if it may not join it: the integrator's
   * own sign-in answers (the socket's handshake, a session). The role decides which message types
   * it may send. A throw or a rejection counts as undefined.
   */
  authorize(
    socket: Socket,
    conversationId: string,
  ): ChatPayParticipant | undefined | Promise<ChatPayParticipant | undefined>;
  /** The chat's message event ChatPay rides in, as `{ conversationId, chatpay }`. Default `DEFAULT_CHAT_EVENT`. */
  readonly event?: string;
  /** Where the conversations' messages are kept. Default: `createChatPayLog()`, bounded, in memory. */
  readonly log?: ChatPayLog;
  /** Stamps `acceptedAt` and paces the rate limit. Default: the system clock. */
  readonly clock?: Clock;
  /** Messages a socket may send each second. Default 20. */
  readonly messagesPerSecond?: number;
  /** Messages a socket may send at once before the rate applies. Default 60. */
  readonly burst?: number;
  /** Conversations one socket may join. Default 100. */
  readonly maxConversationsPerSocket?: number;
  /** Told of each refusal; one that throws is ignored. */
  readonly onRefused?: (refusal: SocketIoRefusal) => void;
}

/** ChatPay on a socket.io chat server: `attach` each connected socket. */
export interface SocketIoChatPay<Socket extends ChatSocketLike = ChatSocketLike> {
  /** Handles this socket's joins, leaves and ChatPay messages. Call it in `io.on('connection', …)`. */
  attach(socket: Socket): void;
  /** The log it keeps the conversations' messages in (the one given in the options, or its own). */
  readonly log: ChatPayLog;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a payload of the chat's message event carries a ChatPay message (it has a `chatpay`
 * field). The chat's own handler of that event skips these: `attach` handles them.
 */
export function isChatPayPayload(payload: unknown): boolean {
  return isObject(payload) && 'chatpay' in payload;
}

const isConversationId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;

const isParticipant = (value: unknown): value is ChatPayParticipant =>
  isObject(value) &&
  (ROLES as readonly unknown[]).includes(value.role) &&
  typeof value.subject === 'string' &&
  value.subject.length > 0 &&
  value.subject.length <= MAX_NAME_LENGTH;

/** Socket.IO hands the acknowledgement callback last, and only if the page asked for one. */
function split(args: readonly unknown[]): { payload: unknown; reply: (value: unknown) => void } {
  const last = args[args.length - 1];
  const reply = typeof last === 'function' && args.length > 1 ? (last as (value: unknown) => void) : () => {};
  return { payload: args[0], reply };
}

const frameOf = (conversationId: string, epoch: string | undefined, entry: ChatPayLogEntry): ChatPayFrame => ({
  conversationId,
  seq: entry.seq,
  epoch,
  chatpay: JSON.parse(entry.text) as unknown,
  acceptedAt: entry.acceptedAt,
  sender: entry.sender,
});

/**
 * The server side of `@chatpay/transports/socket-io`, for a socket.io chat server: each socket joins
 * a conversation's ChatPay room when `authorize` lets it, and catches up on what it missed; each
 * ChatPay message it sends in the chat's message event is checked (its size, its envelope, its
 * conversation, its sender's role, the socket's rate), kept in a bounded log and passed to the
 * conversation's other sockets. Whatever arrives is hostile until checked: a refusal is an
 * acknowledgement with a typed `code`, never a throw, and the connection stays open.
 */
export function createSocketIoChatPay<Socket extends ChatSocketLike = ChatSocketLike>(
  options: SocketIoChatPayOptions<Socket>,
): SocketIoChatPay<Socket> {
  const event = options.event ?? DEFAULT_CHAT_EVENT;
  const log = options.log ?? createChatPayLog();
  const clock = options.clock ?? systemClock;
  const perSecond = options.messagesPerSecond ?? 20;
  const burst = options.burst ?? 60;
  const maxJoined = options.maxConversationsPerSocket ?? 100;
  const refused = (socket: ChatSocketLike, kind: SocketIoRefusal['event'], code: SocketIoRefusalCode) => {
    try {
      options.onRefused?.({ code, socketId: socket.id, event: kind });
    } catch {
      // The integrator's fault; the server carries on.
    }
    return { ok: false, code } as const;
  };

  const authorized = async (socket: Socket, conversationId: string): Promise<ChatPayParticipant | undefined> => {
    try {
      const participant: unknown = await options.authorize(socket, conversationId);
      return isParticipant(participant) ? participant : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    log,
    attach(socket) {
      const joined = new Map<string, ChatPayParticipant>();
      const bucket = new TokenBucket(perSecond, burst, clock);

      const join = async (payload: unknown): Promise<JoinReply> => {
        if (!isObject(payload) || !isConversationId(payload.conversationId))
          return refused(socket, 'join', 'malformed');
        const { conversationId, after = 0, epoch } = payload;
        if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) {
          return refused(socket, 'join', 'malformed');
        }
        if (epoch !== undefined && (typeof epoch !== 'string' || epoch.length > MAX_NAME_LENGTH)) {
          return refused(socket, 'join', 'malformed');
        }
        if (!joined.has(conversationId) && joined.size >= maxJoined) {
          return refused(socket, 'join', 'too-many-conversations');
        }
        const participant = await authorized(socket, conversationId);
        if (!participant) return refused(socket, 'join', 'forbidden');
        joined.set(conversationId, participant);
        // Joined before the log is read: what is appended meanwhile may come live as well (pages drop copies by seq).
        await socket.join(CHATPAY_ROOM_PREFIX + conversationId);
        const current = log.epoch(conversationId);
        // Numbers of another epoch are not this log's: the page reads it from the start.
        const entries = log.after(conversationId, epoch === current ? after : 0);
        return { ok: true, epoch: current, entries: entries.map((entry) => frameOf(conversationId, current, entry)) };
      };

      const receive = (payload: Record<string, unknown>): MessageReply => {
        const { conversationId } = payload;
        if (!isConversationId(conversationId)) return refused(socket, 'message', 'malformed');
        const participant = joined.get(conversationId);
        if (!participant) return refused(socket, 'message', 'not-joined');
        if (!bucket.take()) return refused(socket, 'message', 'rate-limited');
        let text: string | undefined;
        try {
          text = JSON.stringify(payload.chatpay) as string | undefined;
        } catch {
          text = undefined;
        }
        if (typeof text !== 'string') return refused(socket, 'message', 'malformed');
        const claims = { conversationId, ...participant, expiresAt: Number.POSITIVE_INFINITY };
        const frame = readClientFrame(text, claims);
        if (frame.kind === 'refused') return refused(socket, 'message', frame.code);
        if (frame.kind !== 'message') return refused(socket, 'message', 'malformed');
        const sender: Sender = { role: participant.role, subject: participant.subject };
        const appended = log.append(conversationId, { id: frame.id, text, sender, acceptedAt: clock.now() });
        if (!appended.kept) return refused(socket, 'message', appended.code);
        if (!appended.duplicate) {
          const passed = frameOf(conversationId, log.epoch(conversationId), appended.entry);
          socket.to(CHATPAY_ROOM_PREFIX + conversationId).emit(event, passed);
        }
        return { ok: true, seq: appended.entry.seq };
      };

      socket.on(CHATPAY_JOIN_EVENT, (...args) => {
        const { payload, reply } = split(args);
        join(payload)
          .then(reply, () => reply({ ok: false, code: 'unavailable' }))
          .catch(() => undefined);
      });
      socket.on(CHATPAY_LEAVE_EVENT, (...args) => {
        const { payload, reply } = split(args);
        if (!isObject(payload) || !isConversationId(payload.conversationId))
          return reply(refused(socket, 'join', 'malformed'));
        joined.delete(payload.conversationId);
        void Promise.resolve(socket.leave(CHATPAY_ROOM_PREFIX + payload.conversationId)).catch(() => undefined);
        reply({ ok: true });
      });
      socket.on(event, (...args) => {
        const { payload, reply } = split(args);
        if (!isChatPayPayload(payload)) return; // the chat's own message: its own handler's
        let answer: MessageReply;
        try {
          answer = receive(payload as Record<string, unknown>);
        } catch {
          answer = refused(socket, 'message', 'unavailable');
        }
        reply(answer);
      });
      socket.on('disconnect', () => joined.clear());
    },
  };
}
