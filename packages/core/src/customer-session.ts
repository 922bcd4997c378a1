import { createActor, fromPromise } from 'xstate';
import { sealCard, SealError, type CardDetails } from './card-sealing.js';
import { systemClock, type Clock } from './clock.js';
import { err, ok, toFailure, type Result } from './errors.js';
import { ConversationLink, safeReporter, SessionError, type SessionReport } from './conversation-link.js';
import { deadlineActor, paymentRequestMachine, type PaymentRequestActor } from './payment-request.machine.js';
import type { AgentKey, MessageOf, RequestTerms, WireMessage } from './protocol.js';
import { RequestBook, type RequestEvent } from './request-book.js';
import { command, route, settle } from './request-handle.js';
import { customerTimeline, phaseOf, type CustomerStatus, type TimelineView } from './status.js';
import type { Transport } from './transport.js';

/** At most this many messages wait, across all requests, for a `request.created` that has not arrived. */
const MAX_EARLY_MESSAGES = 64;

export interface CustomerSessionOptions {
  readonly conversationId: string;
  readonly transport: Transport;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /**
   * Checks the integrator's proof that a request's key belongs to the requesting agent (see the
   * agent's `proveKey`). A request whose key is not vouched for is never shown and is reported.
   */
  readonly verifyAgentKey?: (
    key: AgentKey,
    request: { readonly requestId: string; readonly conversationId: string; readonly terms: RequestTerms },
  ) => boolean | Promise<boolean>;
  readonly onReport?: (report: SessionReport) => void;
}

export type CustomerSessionEvent = RequestEvent<CustomerRequest>;

/** One payment request as the customer's elements drive it. */
export interface CustomerRequest {
  readonly requestId: string;
  readonly conversationId: string;
  readonly terms: RequestTerms;
  readonly actor: PaymentRequestActor;
  timeline(): TimelineView<CustomerStatus>;
  /** Enter Payment: opens the card form and tells the agent. */
  open(): Result<void, SessionError>;
  decline(): Result<void, SessionError>;
  /**
   * Seals `card` to the agent's key and sends it. Resolves once sealed (the form may then clear its
   * fields); the send itself goes on, and a failed one shows as `try-again`. A second call while one
   * is on its way is refused.
   */
  pay(card: CardDetails): Promise<Result<void, SessionError | SealError>>;
  /** Sends the same sealed card again after a failed send. */
  retry(): Result<void, SessionError>;
}

/**
 * The customer's side of one conversation: it shows the requests that arrive, seals the card in this
 * browser and sends only the sealed payload. It holds no key that can open a card.
 */
export class CustomerSession {
  readonly conversationId: string;
  readonly #clock: Clock;
  readonly #options: CustomerSessionOptions;
  readonly #link: ConversationLink;
  readonly #report: (report: SessionReport) => void;
  readonly #requests = new RequestBook<CustomerRequest>();
  readonly #cards = new Map<string, CardDetails>();
  /** Messages that overtook their request's `request.created`, held until it arrives. */
  readonly #early = new Map<string, WireMessage[]>();
  /** Messages are handled one at a time, in order, since a request's arrival may wait on `verifyAgentKey`. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: CustomerSessionOptions) {
    this.#options = options;
    this.#report = safeReporter(options.onReport);
    this.conversationId = options.conversationId;
    this.#clock = options.clock ?? systemClock;
    this.#link = new ConversationLink({
      side: 'customer',
      conversationId: options.conversationId,
      transport: options.transport,
      clock: this.#clock,
      report: this.#report,
      receive: (message) => {
        // Whatever happens to one message, the next ones are still handled.
        this.#queue = this.#queue.then(() => this.#receive(message)).catch(() => undefined);
      },
      reconnected: () => this.resync(),
      phaseOf: (requestId) => this.#requests.phaseOf(requestId),
    });
  }

  get requests(): readonly CustomerRequest[] {
    return this.#requests.all;
  }

  request(requestId: string): CustomerRequest | undefined {
    return this.#requests.get(requestId);
  }

  subscribe(listener: (event: CustomerSessionEvent) => void): () => void {
    return this.#requests.subscribe(listener);
  }

  /** Resolves once every message received so far has been handled. */
  idle(): Promise<void> {
    return this.#queue;
  }

  /**
   * Lets go of a request that has ended (its actor, what was kept to replay it): for consoles and
   * chats that run for a long time. A request still under way is refused: the other side would be
   * left waiting.
   */
  forget(requestId: string): Result<void, SessionError> {
    const request = this.#requests.get(requestId);
    if (!request) return err(new SessionError('unknown-request', 'This session has no such request.'));
    if (!request.timeline().settled) {
      return err(new SessionError('not-allowed-now', 'Only a request that has ended can be forgotten.'));
    }
    this.#requests.remove(requestId);
    this.#link.forget(requestId);
    this.#cards.delete(requestId);
    return ok(undefined);
  }

  /** After a reconnect: asks the agent's side to send again what this side may have missed. */
  resync(): void {
    this.#link.resync(this.#requests.all.map((request) => request.requestId));
  }

  close(): void {
    this.#requests.close();
    this.#cards.clear();
    this.#link.close();
  }

  async #receive(message: WireMessage): Promise<void> {
    const report = this.#report;
    const { requestId } = message;
    if (this.#link.closed || this.#link.isDuplicate(message)) return;
    try {
      if (message.type === 'request.created') {
        if (this.#requests.get(requestId)) {
          this.#link.handled(message.id);
          report({ type: 'message-ignored', reason: 'not-now', messageType: message.type, requestId });
          return;
        }
        await this.#arrive(message);
        return;
      }
      const request = this.#requests.get(requestId);
      if (!request) {
        this.#holdEarly(message);
        return;
      }
      if (route(request.actor, message, this.#clock.now(), report)) this.#link.handled(message.id);
    } catch (error) {
      report({ type: 'handler-failed', requestId, failure: toFailure(error) });
    }
  }

  /** Transports may reorder: an outcome can arrive before its request. Held (bounded), not lost. */
  #holdEarly(message: WireMessage): void {
    const held = this.#early.get(message.requestId) ?? [];
    held.push(message);
    this.#early.set(message.requestId, held);
    let count = 0;
    for (const list of this.#early.values()) count += list.length;
    if (count <= MAX_EARLY_MESSAGES) return;
    const [oldestId, oldest] = this.#early.entries().next().value!;
    const dropped = oldest.shift()!;
    if (oldest.length === 0) this.#early.delete(oldestId);
    this.#report({
      type: 'message-ignored',
      reason: 'unknown-request',
      messageType: dropped.type,
      requestId: oldestId,
    });
  }

  async #arrive(message: MessageOf<'request.created'>): Promise<void> {
    const { requestId, body: terms } = message;
    const verify = this.#options.verifyAgentKey;
    if (verify && !(await verify(terms.agentKey, { requestId, conversationId: this.conversationId, terms }))) {
      this.#link.handled(message.id);
      this.#report({
        type: 'message-ignored',
        reason: 'untrusted-key',
        messageType: message.type,
        requestId,
      });
      return;
    }
    if (this.#link.closed) return;
    this.#link.handled(message.id);
    const actor = createActor(this.#machine(requestId), {
      input: { side: 'customer', requestId, conversationId: this.conversationId, terms },
    });
    const request = this.#handle(requestId, terms, actor);
    this.#requests.add(request);
    const early = this.#early.get(requestId) ?? [];
    this.#early.delete(requestId);
    for (const held of early) await this.#receive(held);
  }

  #machine(requestId: string) {
    const clock = this.#clock;
    const link = this.#link;
    return paymentRequestMachine.provide({
      actors: {
        prepareMessage: fromPromise(async ({ input }) => {
          const card = this.#cards.get(requestId);
          this.#cards.delete(requestId);
          const { terms, conversationId } = input.context;
          if (!card || !terms) throw new SessionError('not-allowed-now', 'There is no card to send.');
          const sealed = await sealCard(card, terms.agentKey, { requestId, conversationId, terms });
          return link.stamp(requestId, 'request.submitted', { sealed });
        }),
        deliver: fromPromise(({ input }) => link.deliver(input.message)),
        deadline: deadlineActor(clock),
      },
      actions: {
        notifyPeer: (_, notice) => link.notify(requestId, notice),
        forgetSecrets: () => this.#cards.delete(requestId),
      },
    });
  }

  #handle(requestId: string, terms: RequestTerms, actor: PaymentRequestActor): CustomerRequest {
    return {
      requestId,
      conversationId: this.conversationId,
      terms,
      actor,
      timeline: () => customerTimeline(actor.getSnapshot()),
      open: () => command(actor, { type: 'request.open' }),
      decline: () => command(actor, { type: 'request.decline' }),
      retry: () => command(actor, { type: 'request.retry' }),
      pay: async (card) => {
        if (!actor.getSnapshot().can({ type: 'card.submit' })) return command(actor, { type: 'card.submit' });
        this.#cards.set(requestId, card);
        const before = actor.getSnapshot();
        actor.send({ type: 'card.submit' });
        const snapshot = await settle(actor, (next) => next.value !== 'preparing', before);
        const failure = snapshot.context.failure;
        if (snapshot.value === 'customerEntering' && failure) {
          return err(
            failure.code === 'not-allowed-now'
              ? new SessionError('not-allowed-now', failure.message)
              : new SealError(failure.code as SealError['code'], failure.message),
          );
        }
        if (snapshot.value !== 'sending' && snapshot.value !== 'sendFailed' && snapshot.value !== 'cardSubmitted') {
          return err(
            new SessionError(
              'not-allowed-now',
              `The card was not sent: the request is in phase "${phaseOf(snapshot)}".`,
            ),
          );
        }
        return ok(undefined);
      },
    };
  }
}

/** Starts the customer's side of a conversation. */
export function createCustomerSession(options: CustomerSessionOptions): CustomerSession {
  return new CustomerSession(options);
}
