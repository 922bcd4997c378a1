import type { Clock } from './clock.js';
import { SessionError, toFailure, type Failure, type Result } from './errors.js';
import { fetchHistory, readEntry } from './conversation-history.js';
import { randomId } from './ids.js';
import type { Notice } from './payment-request.machine.js';
import { parseMessage, type ProtocolError } from './parse-message.js';
import {
  PAYMENT_ASKED,
  PROTOCOL_VERSION,
  type MessageBodies,
  type MessageType,
  type PaymentAsked,
  type Phase,
  type ReceivedMessage,
  type UnsignedMessage,
  type WireMessage,
} from './protocol.js';
import type { SessionReport } from './session-report.js';
import { signMessage } from './signing.js';
import type { Delivery, Transport } from './transport.js';

/** When and how a message reached this side. */
export interface Arrival {
  /** Local time of receipt; for a message from the history, when the backend accepted it (never later than now). */
  readonly receivedAt: number;
  /** Whether it came from the conversation's history when the session started. */
  readonly fromHistory: boolean;
}

/** The key this side signs a request's messages with, and (customer side) the public key that travels with them. */
export interface RequestSigner {
  readonly privateKey: CryptoKey;
  readonly customerKey?: string | undefined;
}

export interface LinkOptions {
  readonly conversationId: string;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly report: (report: SessionReport) => void;
  /**
   * Called with each well-formed message of this conversation that is not a copy of one acted on, one
   * at a time and in order (the history first, then live messages). Resolves with whether the session
   * acted on it: only then are copies of it dropped, so a message refused or ignored for now can still
   * be acted on when it comes again.
   */
  readonly receive: (message: WireMessage, arrival: Arrival) => Promise<boolean>;
  /**
   * Called with each well-formed `payment.asked` of this conversation that is not a copy of one seen
   * (the customer's unsigned ask for a card request): it reaches no request. Default: ignored.
   */
  readonly asked?: ((ask: PaymentAsked, arrival: Arrival) => void) | undefined;
  /** The transport's connection came back and it has no history: the session resynchronises its requests. */
  readonly reconnected?: (() => void) | undefined;
  /** The key for signing this side's messages about a request, if this side holds it. */
  readonly signer: (requestId: string) => RequestSigner | undefined;
}

/** At most this many message ids are remembered as acted on (only authenticated messages are: junk cannot push them out). */
const SEEN_LIMIT = 10_000;
/** The customer's unsigned asks are remembered apart and fewer: a flood of them cannot push signed messages' ids out. */
const SEEN_ASKS_LIMIT = 256;
/** A peer's `request.sync` is answered at most once per request in this interval. */
export const SYNC_ANSWER_INTERVAL_MS = 5_000;

/**
 * One side's end of a conversation: it replays the conversation's history when the transport keeps
 * one, then screens live messages (shape, conversation, copies) before the session authenticates and
 * acts on them, one at a time; it stamps, signs and sends this side's messages, keeping them per
 * request to send again when the peer asks (`request.sync`, at a bounded rate).
 */
export class ConversationLink {
  readonly #options: LinkOptions;
  readonly #seen = new Set<string>();
  readonly #seenAsks = new Set<string>();
  readonly #sent = new Map<string, WireMessage[]>();
  readonly #lastAnswer = new Map<string, number>();
  readonly #unsubscribe: () => void;
  readonly #unsubscribeReconnect: () => void;
  /** Incoming work, in order: the history first, then each live message. */
  #inbox: Promise<void>;
  /** Outgoing notices, in order: each is signed before it is sent. */
  #outbox: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: LinkOptions) {
    this.#options = options;
    const { transport } = options;
    // Subscribe before asking for the history: what arrives meanwhile waits behind it, and copies are dropped by id.
    this.#unsubscribe = transport.subscribe((raw, delivery) => this.#enqueue(raw, delivery, false));
    this.#inbox = this.#replayHistory().catch((error: unknown) =>
      this.#options.report({ type: 'history-failed', failure: toFailure(error) }),
    );
    const reconnected = options.reconnected;
    this.#unsubscribeReconnect =
      (reconnected && !this.hasHistory ? transport.onReconnect?.(() => !this.#closed && reconnected()) : undefined) ??
      (() => {});
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Whether the transport keeps the conversation's history (then a reconnect needs no resync). */
  get hasHistory(): boolean {
    return typeof this.#options.transport.history === 'function';
  }

  /** Resolves once the history, every message received so far and every notice asked for have been handled. */
  async idle(): Promise<void> {
    for (;;) {
      const inbox = this.#inbox;
      const outbox = this.#outbox;
      await Promise.all([inbox, outbox]);
      if (inbox === this.#inbox && outbox === this.#outbox) return;
    }
  }

  /** Builds an unsigned message of this conversation, with a fresh id and the current time. */
  stamp<T extends MessageType>(requestId: string, type: T, body: MessageBodies[T]): UnsignedMessage {
    const customerKey = this.#options.signer(requestId)?.customerKey;
    const message = {
      version: PROTOCOL_VERSION,
      id: randomId(),
      requestId,
      conversationId: this.#options.conversationId,
      type,
      sentAt: this.#options.clock.now(),
      body,
      ...(customerKey ? { customerKey } : {}),
    };
    return message as unknown as UnsignedMessage;
  }

  /**
   * Stamps and signs a message with this side's key for the request (as it is when this is called:
   * the key may be dropped before the signing ends). Rejects if this side holds none.
   */
  signed<T extends MessageType>(requestId: string, type: T, body: MessageBodies[T]): Promise<WireMessage> {
    const signer = this.#options.signer(requestId);
    const unsigned = this.stamp(requestId, type, body);
    if (!signer) return Promise.reject(new SessionError('key-gone', 'This side holds no key to sign for the request.'));
    return signMessage(unsigned, signer.privateKey) as Promise<WireMessage>;
  }

  /** Sends `message` and keeps it for replay. Rejects if the transport does. */
  deliver(message: WireMessage): Promise<void> {
    if (this.#closed) return Promise.reject(new SessionError('session-closed', 'The session is closed.'));
    this.#keep(message);
    return this.#send(message);
  }

  /**
   * Lets go of what was kept for replaying a request. The ids of its messages stay among those seen
   * (bounded), and the session remembers the request as forgotten, so a late copy cannot bring it back.
   */
  forget(requestId: string): void {
    this.#sent.delete(requestId);
    this.#lastAnswer.delete(requestId);
  }

  /** Marks a received message as acted on: copies of it are dropped from now on. */
  handled(id: string): void {
    this.#markSeen(id);
  }

  /**
   * Sends the customer's ask for a card request (`payment.asked`): unsigned, empty, about no request.
   * It is not kept for replay: a resync is about requests. Rejects if the transport does.
   */
  ask(): Promise<void> {
    if (this.#closed) return Promise.reject(new SessionError('session-closed', 'The session is closed.'));
    const id = randomId();
    const ask: PaymentAsked = {
      version: PROTOCOL_VERSION,
      id,
      requestId: id,
      conversationId: this.#options.conversationId,
      type: PAYMENT_ASKED,
      sentAt: this.#options.clock.now(),
      body: {},
    };
    this.#markSeen(id);
    return this.#send(ask);
  }

  /** Sends a notice, signed, after any notice before it; a failure is reported, and the notice goes again on the next sync. */
  notify(requestId: string, notice: Notice): void {
    const signing = this.signed(requestId, notice.type, notice.body);
    signing.catch(() => undefined);
    this.#outbox = this.#outbox.then(async () => {
      try {
        await this.deliver(await signing);
      } catch (error) {
        this.#options.report({ type: 'send-failed', messageType: notice.type, requestId, failure: failureOf(error) });
      }
    });
  }

  /** Asks the peer for its view of each request, and sends ours again: both sides catch up after a reconnect. */
  resync(requestIds: Iterable<string>): void {
    for (const requestId of requestIds) {
      this.#replay(requestId);
      this.#sendControl(requestId, 'request.sync', {});
    }
  }

  /**
   * Answers an authenticated `request.sync`: everything this side sent for the request, then its phase.
   * At most once per request every `SYNC_ANSWER_INTERVAL_MS`; a sync within that is reported and dropped.
   */
  answerSync(message: WireMessage, phase: Phase): void {
    const { requestId } = message;
    const now = this.#options.clock.now();
    const last = this.#lastAnswer.get(requestId);
    if (last !== undefined && now - last < SYNC_ANSWER_INTERVAL_MS) {
      this.#options.report({
        type: 'message-ignored',
        reason: 'sync-rate-limited',
        messageType: message.type,
        requestId,
      });
      return;
    }
    this.#lastAnswer.set(requestId, now);
    this.#replay(requestId);
    // A request that has ended holds no key any more: what it sent says everything.
    if (this.#options.signer(requestId)) this.#sendControl(requestId, 'request.state', { phase });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    this.#unsubscribeReconnect();
    this.#sent.clear();
  }

  /** The transport's send, as a promise even if the transport throws. */
  #send(message: ReceivedMessage): Promise<void> {
    try {
      // A transport carries the ask as it carries every message: opaque JSON (see `Transport.send`).
      return Promise.resolve(this.#options.transport.send(message as WireMessage));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('The transport could not send the message.'));
    }
  }

  #sendControl<T extends 'request.sync' | 'request.state'>(requestId: string, type: T, body: MessageBodies[T]) {
    const signing = this.signed(requestId, type, body);
    signing.catch(() => undefined);
    this.#outbox = this.#outbox.then(async () => {
      try {
        const message = await signing;
        this.#markSeen(message.id);
        await this.#send(message);
      } catch (error) {
        this.#options.report({ type: 'send-failed', messageType: type, requestId, failure: failureOf(error) });
      }
    });
  }

  #keep(message: WireMessage): void {
    this.#markSeen(message.id);
    const list = this.#sent.get(message.requestId) ?? [];
    if (!list.some((kept) => kept.id === message.id)) list.push(message);
    this.#sent.set(message.requestId, list);
  }

  #replay(requestId: string): void {
    for (const message of this.#sent.get(requestId) ?? []) {
      this.#send(message).catch((error: unknown) => {
        this.#options.report({ type: 'send-failed', messageType: message.type, requestId, failure: failureOf(error) });
      });
    }
  }

  #markSeen(id: string): void {
    this.#seen.add(id);
    if (this.#seen.size > SEEN_LIMIT) this.#seen.delete(this.#seen.values().next().value!);
  }

  async #replayHistory(): Promise<void> {
    const failed = (failure: Failure) => this.#options.report({ type: 'history-failed', failure });
    for (const entry of await fetchHistory(this.#options.transport, this.#options.clock, failed)) {
      const read = readEntry(entry, failed);
      if (read) await this.#handle(read.message, read.delivery, true);
    }
  }

  #enqueue(raw: unknown, delivery: Delivery | undefined, fromHistory: boolean): void {
    if (this.#closed) return;
    // Whatever happened to the work before, this message is still handled.
    this.#inbox = this.#inbox.catch(() => undefined).then(() => this.#handle(raw, delivery, fromHistory));
  }

  async #handle(raw: unknown, delivery: Delivery | undefined, fromHistory: boolean): Promise<void> {
    if (this.#closed) return;
    const parsed: Result<ReceivedMessage, ProtocolError> = parseMessage(raw);
    if (!parsed.ok) {
      this.#options.report({ type: 'message-rejected', error: parsed.error });
      return;
    }
    const message = parsed.value;
    // A shared transport may carry other conversations: they are not this session's business.
    if (message.conversationId !== this.#options.conversationId) return;
    if (this.#seen.has(message.id) || this.#seenAsks.has(message.id)) {
      // This side's own messages come back in the history of a later page, never to this one.
      if (!fromHistory) {
        this.#options.report({ type: 'message-duplicate', messageType: message.type, requestId: message.requestId });
      }
      return;
    }
    const now = this.#options.clock.now();
    const accepted = delivery?.acceptedAt;
    const receivedAt = fromHistory
      ? Math.min(now, typeof accepted === 'number' && Number.isFinite(accepted) ? accepted : message.sentAt)
      : now;
    if (message.type === PAYMENT_ASKED) {
      // Unsigned and about no request: it reaches no actor, only the session's ask handling.
      this.#seenAsks.add(message.id);
      if (this.#seenAsks.size > SEEN_ASKS_LIMIT) this.#seenAsks.delete(this.#seenAsks.values().next().value!);
      try {
        this.#options.asked?.(message, { receivedAt, fromHistory });
      } catch (error) {
        this.#options.report({ type: 'handler-failed', requestId: message.requestId, failure: toFailure(error) });
      }
      return;
    }
    try {
      if (await this.#options.receive(message, { receivedAt, fromHistory })) this.#markSeen(message.id);
    } catch (error) {
      this.#options.report({ type: 'handler-failed', requestId: message.requestId, failure: toFailure(error) });
    }
  }
}

const failureOf = (error: unknown): Failure => toFailure(error, 'The transport could not send the message.');
