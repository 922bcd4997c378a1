import type { Clock } from './clock.js';
import { ChatPayError, toFailure, type Failure, type Result } from './errors.js';
import { randomId } from './ids.js';
import type { Notice, PaymentRequestEvent, Side } from './payment-request.machine.js';
import { parseMessage, type ProtocolError } from './parse-message.js';
import {
  AGENT_MESSAGE_TYPES,
  CUSTOMER_MESSAGE_TYPES,
  PROTOCOL_VERSION,
  type MessageBodies,
  type MessageOf,
  type MessageType,
  type Phase,
  type WireMessage,
} from './protocol.js';
import type { Transport } from './transport.js';

export type SessionErrorCode =
  'not-allowed-now' | 'not-your-request' | 'unknown-request' | 'invalid-reason' | 'session-closed';

/** A session refused a call: the request is not in a phase that allows it, the input is invalid, or the session is closed. */
export class SessionError extends ChatPayError<SessionErrorCode> {
  override name = 'SessionError';
}

export type IgnoredReason = 'wrong-direction' | 'other-conversation' | 'unknown-request' | 'not-now' | 'untrusted-key';

/**
 * What a session tells its integrator about traffic it did not act on. Reports name message types,
 * ids and phases, never message bodies.
 */
export type SessionReport =
  | { readonly type: 'message-rejected'; readonly error: ProtocolError }
  | {
      readonly type: 'message-ignored';
      readonly reason: IgnoredReason;
      readonly messageType: MessageType;
      readonly requestId: string;
      readonly phase?: Phase | undefined;
    }
  | { readonly type: 'message-duplicate'; readonly messageType: MessageType; readonly requestId: string }
  | {
      readonly type: 'send-failed';
      readonly messageType: MessageType;
      readonly requestId: string;
      readonly failure: Failure;
    }
  | { readonly type: 'peer-state'; readonly requestId: string; readonly phase: Phase | 'unknown' }
  | { readonly type: 'handler-failed'; readonly requestId: string; readonly failure: Failure };

/** The integrator's report callback, made safe: a callback that throws must not break the session or the transport. */
export function safeReporter(onReport: ((report: SessionReport) => void) | undefined): (report: SessionReport) => void {
  return (report) => {
    try {
      onReport?.(report);
    } catch {
      // The integrator's own fault; ChatPay carries on.
    }
  };
}

export interface LinkOptions {
  readonly side: Side;
  readonly conversationId: string;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly report: (report: SessionReport) => void;
  /**
   * Called with each validated message from the peer that is not a sync. The session calls
   * `handled(id)` once it has acted on it: only then is a copy of it dropped as a duplicate, so a
   * message ignored for now can still be acted on when it is replayed later.
   */
  readonly receive: (message: WireMessage) => void;
  /**
   * Agent side: messages another agent sent on this conversation (the same side's types, not sent by
   * this link). Without it they are reported as `wrong-direction`. Called like `receive`.
   */
  readonly observe?: ((message: WireMessage) => void) | undefined;
  /** The transport's connection came back: the session resynchronises its requests. */
  readonly reconnected?: (() => void) | undefined;
  /**
   * The phase of a request this side knows, for sync replies; `'not-ours'` for a request another agent
   * sent, about which this side stays silent (its sender answers).
   */
  readonly phaseOf: (requestId: string) => Phase | 'not-ours' | undefined;
}

const SEEN_LIMIT = 10_000;

/**
 * One side's end of a conversation: it stamps and sends messages, keeps what it sent per request for
 * replay, and screens what arrives (validation, conversation, direction, duplicates) before a session
 * sees it. It answers `request.sync` by replaying its messages for the request, then its phase.
 */
export class ConversationLink {
  readonly #options: LinkOptions;
  readonly #accepts: ReadonlySet<MessageType>;
  readonly #seen = new Set<string>();
  readonly #sent = new Map<string, WireMessage[]>();
  readonly #unsubscribe: () => void;
  readonly #unsubscribeReconnect: () => void;
  #closed = false;

  constructor(options: LinkOptions) {
    this.#options = options;
    this.#accepts = new Set(options.side === 'agent' ? CUSTOMER_MESSAGE_TYPES : AGENT_MESSAGE_TYPES);
    this.#unsubscribe = options.transport.subscribe((raw) => this.#onRaw(raw));
    const reconnected = options.reconnected;
    this.#unsubscribeReconnect =
      (reconnected && options.transport.onReconnect?.(() => !this.#closed && reconnected())) ?? (() => {});
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Builds a message of this conversation, with a fresh id and the current time. */
  stamp<T extends MessageType>(requestId: string, type: T, body: MessageBodies[T]): MessageOf<T> {
    const message = {
      version: PROTOCOL_VERSION,
      id: randomId(),
      requestId,
      conversationId: this.#options.conversationId,
      type,
      sentAt: this.#options.clock.now(),
      body,
    };
    return message as unknown as MessageOf<T>;
  }

  /** Sends `message` and keeps it for replay. Rejects if the transport does. */
  deliver(message: WireMessage): Promise<void> {
    if (this.#closed) return Promise.reject(new SessionError('session-closed', 'The session is closed.'));
    this.#keep(message);
    return this.#send(message);
  }

  /**
   * Lets go of what was kept for replaying a request. The ids of its messages stay among those seen
   * (bounded), so a late copy cannot bring a forgotten request back.
   */
  forget(requestId: string): void {
    this.#sent.delete(requestId);
  }

  /** Marks a received message as acted on: copies of it are dropped from now on. */
  handled(id: string): void {
    this.#markSeen(id);
  }

  /** Whether a copy of `message` was acted on already (it may have been queued before that). */
  isDuplicate(message: WireMessage): boolean {
    if (!this.#seen.has(message.id)) return false;
    this.#options.report({ type: 'message-duplicate', messageType: message.type, requestId: message.requestId });
    return true;
  }

  /** The transport's send, as a promise even if the transport throws. */
  #send(message: WireMessage): Promise<void> {
    try {
      return Promise.resolve(this.#options.transport.send(message));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('The transport could not send the message.'));
    }
  }

  /** Sends a notice; a failure is reported, and the notice goes again on the next sync. */
  notify(requestId: string, notice: Notice): void {
    const message = this.stamp(requestId, notice.type, notice.body) as WireMessage;
    this.deliver(message).catch((error: unknown) => {
      this.#options.report({ type: 'send-failed', messageType: message.type, requestId, failure: failureOf(error) });
    });
  }

  /** Asks the peer for its view of each request, and sends ours again: both sides catch up after a reconnect. */
  resync(requestIds: Iterable<string>): void {
    for (const requestId of requestIds) {
      this.#replay(requestId);
      this.#sendControl(requestId, 'request.sync', {});
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    this.#unsubscribeReconnect();
    this.#sent.clear();
  }

  #sendControl<T extends 'request.sync' | 'request.state'>(requestId: string, type: T, body: MessageBodies[T]) {
    const message = this.stamp(requestId, type, body) as WireMessage;
    this.#markSeen(message.id);
    this.#send(message).catch((error: unknown) => {
      this.#options.report({ type: 'send-failed', messageType: type, requestId, failure: failureOf(error) });
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

  #onRaw(raw: unknown): void {
    if (this.#closed) return;
    const parsed: Result<WireMessage, ProtocolError> = parseMessage(raw);
    if (!parsed.ok) {
      this.#options.report({ type: 'message-rejected', error: parsed.error });
      return;
    }
    const message = parsed.value;
    const { requestId, type } = message;
    // A shared transport may carry other conversations: they are not this session's business.
    if (message.conversationId !== this.#options.conversationId) return;
    if (this.isDuplicate(message)) return;
    if (!this.#accepts.has(type) && this.#options.observe) {
      this.#options.observe(message);
      return;
    }
    if (!this.#accepts.has(type)) {
      this.#markSeen(message.id);
      this.#options.report({ type: 'message-ignored', reason: 'wrong-direction', messageType: type, requestId });
      return;
    }
    if (type === 'request.sync' || type === 'request.state') this.#markSeen(message.id);
    if (type === 'request.sync') {
      const phase = this.#options.phaseOf(requestId);
      if (phase === 'not-ours') return;
      if (phase) this.#replay(requestId);
      this.#sendControl(requestId, 'request.state', { phase: phase ?? 'unknown' });
      return;
    }
    if (type === 'request.state') {
      this.#options.report({ type: 'peer-state', requestId, phase: message.body.phase });
      return;
    }
    this.#options.receive(message);
  }
}

/** A validated peer message as the event its request's actor receives. */
export function eventOf(message: WireMessage, receivedAt: number): PaymentRequestEvent | undefined {
  switch (message.type) {
    case 'request.opened':
    case 'request.declined':
    case 'request.completed':
      return { type: message.type };
    case 'request.submitted':
      return { type: message.type, sealed: message.body.sealed, receivedAt };
    case 'request.cancelled':
      return { type: message.type, reason: message.body.reason };
    case 'request.expired':
      return { type: message.type, stage: message.body.stage };
    default:
      return undefined;
  }
}

const failureOf = (error: unknown): Failure => toFailure(error, 'The transport could not send the message.');
