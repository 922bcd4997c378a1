import { createActor, fromPromise } from 'xstate';
import { generateAgentKeyPair, openCard, SealError, type CardDetails } from './card-sealing.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, err, ok, type Result } from './errors.js';
import { ConversationLink, safeReporter, SessionError, type SessionReport } from './conversation-link.js';
import { createMoney, DEFAULT_MAXIMUM_MAJOR, type Money, type MoneyError } from './money.js';
import {
  MAX_VIEW_WINDOW_MS,
  deadlineActor,
  paymentRequestMachine,
  type PaymentRequestActor,
  type PaymentRequestSnapshot,
} from './payment-request.machine.js';
import { MAX_REASON_LENGTH, MAX_REQUEST_TTL_MS, type AgentKey, type Phase, type WireMessage } from './protocol.js';
import { RequestBook, type RequestEvent } from './request-book.js';
import { command, route, settle } from './request-handle.js';
import { agentTimeline, phaseOf, type AgentStatus, type TimelineView } from './status.js';
import type { Transport } from './transport.js';
import { randomId } from './ids.js';

export const DEFAULT_REQUEST_TTL_MS = 15 * 60 * 1000;
export const DEFAULT_VIEW_WINDOW_MS = 10 * 60 * 1000;

export interface AgentSessionOptions {
  readonly conversationId: string;
  /** The agent's id in the integrator's system, as its server knows the signed-in agent. */
  readonly agentId?: string;
  readonly transport: Transport;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** How long the customer has to pay, in ms. Default 15 minutes; at most 24 hours. */
  readonly requestTtlMs?: number;
  /** How long the agent can view a card once it arrives, in ms. Default 10 minutes; at most 30 minutes. */
  readonly viewWindowMs?: number;
  /** The largest amount, in major units of the currency. Default 1,000,000. */
  readonly maximumAmount?: number;
  /**
   * Vouches for each request's public key, for deployments that must resist a backend that swaps
   * keys: for example, the integrator's server signs the key for this agent and conversation. The
   * customer's `verifyAgentKey` checks the proof.
   */
  readonly proveKey?: (
    key: AgentKey,
    request: { readonly requestId: string; readonly conversationId: string },
  ) => string | Promise<string>;
  /** Traffic the session did not act on, and failures of fire-and-forget sends. */
  readonly onReport?: (report: SessionReport) => void;
  /** What the agent did with a card (viewed, copied a field, completed): facts for the integrator's audit trail, never card data. */
  readonly onAudit?: (fact: AuditFact) => void;
}

/** The card fields the viewer lets an agent copy. */
export type CardField = 'number' | 'name' | 'expiry' | 'securityCode' | 'postalCode';

/**
 * One thing an agent did with a request's card, for the integrator's audit trail: which request,
 * which agent, when (by the session's clock), and what was done. Never any part of the card.
 */
export type AuditFact = {
  readonly requestId: string;
  readonly conversationId: string;
  /** The agent's id as the session knows it; undefined when the session was given none. */
  readonly agentId: string | undefined;
  readonly at: number;
} & (
  | { readonly type: 'card-viewed' }
  | { readonly type: 'card-copied'; readonly field: CardField }
  | { readonly type: 'request-completed' }
);

export type AgentSessionEvent = RequestEvent<AgentRequest>;

/** What the agent types in the composer. */
export interface RequestInput {
  readonly amount: Money;
  readonly reason: string;
}

/** One payment request as the agent's elements drive it. */
export interface AgentRequest {
  readonly requestId: string;
  readonly conversationId: string;
  readonly actor: PaymentRequestActor;
  /**
   * A request another agent sent on this conversation. This session follows its status but acts on
   * none of it: every command is refused with `not-your-request`, and its card can never be opened here.
   */
  readonly observed: boolean;
  /** The clock the request's deadlines run on (the session's): countdowns read it. */
  readonly clock: Clock;
  timeline(): TimelineView<AgentStatus>;
  /** Checks the amount and reason, then shows the confirmation. */
  review(input: RequestInput): Result<void, SessionError | MoneyError>;
  /** Back from the confirmation to editing, with nothing lost. */
  edit(): Result<void, SessionError>;
  /** Sends the confirmed request. A second call while it is on its way is refused. */
  send(): Result<void, SessionError>;
  /** Sends the same request (same id) again after a failed send. */
  retry(): Result<void, SessionError>;
  cancel(): Result<void, SessionError>;
  /** Opens the sealed card; resolves with its details, held only until the view window ends. */
  viewCard(): Promise<Result<CardDetails, SessionError | SealError>>;
  /** The opened card while the view window is open, else null. */
  card(): CardDetails | null;
  complete(): Result<void, SessionError>;
  /** The viewer copied `field` of the open card: recorded as an audit fact. Refused unless the card is open. */
  recordCopy(field: CardField): Result<void, SessionError>;
}

function checkRange(option: string, value: number | undefined, fallback: number, max: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0 || chosen > max) {
    throw new ConfigError(option, `${option} must be more than 0 and at most ${max}.`);
  }
  return chosen;
}

/**
 * The agent's side of one conversation: it creates payment requests, one actor each, makes a fresh
 * key pair per request, and is the only holder of the private keys and of opened cards.
 */
export class AgentSession {
  readonly conversationId: string;
  readonly #clock: Clock;
  readonly #requestTtlMs: number;
  readonly #viewWindowMs: number;
  readonly #options: AgentSessionOptions;
  readonly #link: ConversationLink;
  readonly #report: (report: SessionReport) => void;
  readonly #requests = new RequestBook<AgentRequest>();
  readonly #keys = new Map<string, CryptoKeyPair>();
  readonly #cards = new Map<string, CardDetails>();

  constructor(options: AgentSessionOptions) {
    this.#options = options;
    this.#report = safeReporter(options.onReport);
    this.conversationId = options.conversationId;
    this.#clock = options.clock ?? systemClock;
    this.#requestTtlMs = checkRange('requestTtlMs', options.requestTtlMs, DEFAULT_REQUEST_TTL_MS, MAX_REQUEST_TTL_MS);
    this.#viewWindowMs = checkRange('viewWindowMs', options.viewWindowMs, DEFAULT_VIEW_WINDOW_MS, MAX_VIEW_WINDOW_MS);
    checkRange('maximumAmount', options.maximumAmount, 1, Number.MAX_SAFE_INTEGER);
    this.#link = new ConversationLink({
      side: 'agent',
      conversationId: options.conversationId,
      transport: options.transport,
      clock: this.#clock,
      report: this.#report,
      receive: (message) => this.#receive(message),
      observe: (message) => this.#observe(message),
      reconnected: () => this.resync(),
      phaseOf: (requestId) =>
        this.#requests.get(requestId)?.observed ? 'not-ours' : this.#requests.phaseOf(requestId),
    });
  }

  /** The largest amount a request may ask for, in major units of its currency. */
  get maximumAmount(): number {
    return this.#options.maximumAmount ?? DEFAULT_MAXIMUM_MAJOR;
  }

  /** Every request of this conversation, oldest first. */
  get requests(): readonly AgentRequest[] {
    return this.#requests.all;
  }

  request(requestId: string): AgentRequest | undefined {
    return this.#requests.get(requestId);
  }

  subscribe(listener: (event: AgentSessionEvent) => void): () => void {
    return this.#requests.subscribe(listener);
  }

  /** Starts a new request in `draft`. */
  createRequest(): AgentRequest {
    if (this.#link.closed) throw new SessionError('session-closed', 'The session is closed.');
    const requestId = randomId();
    const actor = createActor(this.#machine(requestId), {
      input: { side: 'agent', requestId, conversationId: this.conversationId, viewWindowMs: this.#viewWindowMs },
    });
    const request = this.#handle(requestId, actor);
    this.#requests.add(request);
    return request;
  }

  /**
   * How many private keys and opened cards this session holds now: counts only, for leak checks and
   * diagnostics. Both are zero once every request has ended.
   */
  get secretsHeld(): { readonly keys: number; readonly openedCards: number } {
    return { keys: this.#keys.size, openedCards: this.#cards.size };
  }

  /**
   * Lets go of a request that has ended (its actor, what was kept to replay it): for consoles and
   * chats that run for a long time. A request still under way is refused: the other side would be
   * left waiting. Another agent's request can be forgotten at any time.
   */
  forget(requestId: string): Result<void, SessionError> {
    const request = this.#requests.get(requestId);
    if (!request) return err(new SessionError('unknown-request', 'This session has no such request.'));
    if (!request.timeline().settled && !request.observed) {
      return err(new SessionError('not-allowed-now', 'Only a request that has ended can be forgotten.'));
    }
    this.#requests.remove(requestId);
    this.#link.forget(requestId);
    this.#keys.delete(requestId);
    this.#cards.delete(requestId);
    return ok(undefined);
  }

  /** After a reconnect: both sides send again what the other may have missed, for every request already sent. */
  resync(): void {
    const unsent = new Set(['draft', 'confirming', 'preparing']);
    const sent = this.requests.filter((request) => !request.observed && !unsent.has(request.timeline().phase));
    this.#link.resync(sent.map((request) => request.requestId));
  }

  /** Stops every actor and drops every key and opened card. The transport stays open: it is not the session's. */
  close(): void {
    this.#requests.close();
    this.#keys.clear();
    this.#cards.clear();
    this.#link.close();
  }

  #receive(message: WireMessage): void {
    const request = this.#requests.get(message.requestId);
    const report = this.#report;
    if (!request) {
      report({
        type: 'message-ignored',
        reason: 'unknown-request',
        messageType: message.type,
        requestId: message.requestId,
      });
      return;
    }
    if (route(request.actor, message, this.#clock.now(), report)) this.#link.handled(message.id);
  }

  /**
   * Another agent's message on this conversation. Its `request.created` starts an observed request; its
   * outcomes move that request on. Observed requests never hold a key or a card.
   */
  #observe(message: WireMessage): void {
    const known = this.#requests.get(message.requestId);
    if (message.type === 'request.created' && !known) {
      this.#link.handled(message.id);
      const actor = createActor(this.#observerMachine(), {
        input: {
          side: 'observer',
          requestId: message.requestId,
          conversationId: this.conversationId,
          // The sender's view window is the sender's: an observer waits for its word instead.
          viewWindowMs: Infinity,
          terms: message.body,
        },
      });
      this.#requests.add(this.#observedHandle(message.requestId, actor));
      return;
    }
    if (known?.observed) {
      if (route(known.actor, message, this.#clock.now(), this.#report)) this.#link.handled(message.id);
      return;
    }
    const { type: messageType, requestId } = message;
    this.#report({
      type: 'message-ignored',
      reason: known ? 'wrong-direction' : 'unknown-request',
      messageType,
      requestId,
    });
  }

  /** The machine for a request another agent sent: deadlines only; no notices, no key, no card. */
  #observerMachine() {
    return paymentRequestMachine.provide({
      actors: { deadline: deadlineActor(this.#clock) },
      actions: { notifyPeer: () => {}, forgetSecrets: () => {} },
    });
  }

  #observedHandle(requestId: string, actor: PaymentRequestActor): AgentRequest {
    const refuse = () =>
      err(
        new SessionError(
          'not-your-request',
          'Another agent sent this request: only that agent can act on it or view its card.',
        ),
      );
    return {
      requestId,
      conversationId: this.conversationId,
      actor,
      observed: true,
      clock: this.#clock,
      timeline: () => agentTimeline(actor.getSnapshot()),
      review: refuse,
      edit: refuse,
      send: refuse,
      retry: refuse,
      cancel: refuse,
      complete: refuse,
      recordCopy: refuse,
      card: () => null,
      viewCard: () => Promise.resolve(refuse()),
    };
  }

  #machine(requestId: string) {
    const clock = this.#clock;
    const link = this.#link;
    return paymentRequestMachine.provide({
      actors: {
        prepareMessage: fromPromise(async ({ input }) => {
          const { draft } = input.context;
          if (!draft) throw new SessionError('not-allowed-now', 'There is no confirmed request to send.');
          const { keyPair, agentKey } = await generateAgentKeyPair();
          const proof = await this.#options.proveKey?.(agentKey, { requestId, conversationId: this.conversationId });
          // Cancelled or closed while the key was being made: the key is dropped with this scope.
          if (!this.#isIn(requestId, 'preparing')) throw new SessionError('not-allowed-now', 'The request ended.');
          this.#keys.set(requestId, keyPair);
          return link.stamp(requestId, 'request.created', {
            amount: draft.amount,
            reason: draft.reason,
            expiresAt: clock.now() + this.#requestTtlMs,
            agentKey: proof ? { ...agentKey, proof } : agentKey,
          });
        }),
        deliver: fromPromise(({ input }) => link.deliver(input.message)),
        openCard: fromPromise(async ({ input }) => {
          const { sealed, terms, conversationId } = input.context;
          const keyPair = this.#keys.get(requestId);
          if (!keyPair || !sealed || !terms)
            throw new SealError('key-gone', 'The key for this request is gone; the card cannot be opened.');
          const card = await openCard(sealed, keyPair, { requestId, conversationId, terms });
          this.#keys.delete(requestId);
          // The view window may have closed, or the session, while the card was opening: then it is dropped at once.
          if (this.#isIn(requestId, 'opening')) this.#cards.set(requestId, card);
        }),
        deadline: deadlineActor(clock),
      },
      actions: {
        notifyPeer: (_, notice) => link.notify(requestId, notice),
        forgetSecrets: () => {
          this.#keys.delete(requestId);
          this.#cards.delete(requestId);
        },
      },
    });
  }

  #audit(
    requestId: string,
    what: { type: 'card-viewed' } | { type: 'card-copied'; field: CardField } | { type: 'request-completed' },
  ): void {
    const fact = {
      requestId,
      conversationId: this.conversationId,
      agentId: this.#options.agentId,
      at: this.#clock.now(),
      ...what,
    } as AuditFact;
    try {
      this.#options.onAudit?.(fact);
    } catch {
      // The integrator's own fault: the agent's action stands.
    }
  }

  /** Whether the request's actor is running, in `phase`, in an open session. */
  #isIn(requestId: string, phase: Phase): boolean {
    const snapshot = this.#requests.get(requestId)?.actor.getSnapshot();
    return !this.#link.closed && snapshot?.status === 'active' && snapshot.value === phase;
  }

  #handle(requestId: string, actor: PaymentRequestActor): AgentRequest {
    const maximum = this.#options.maximumAmount;
    return {
      requestId,
      conversationId: this.conversationId,
      actor,
      observed: false,
      clock: this.#clock,
      timeline: () => agentTimeline(actor.getSnapshot()),
      review: (input) => {
        const amount = createMoney(input.amount.minor, input.amount.currency, maximum === undefined ? {} : { maximum });
        if (!amount.ok) return amount;
        const reason = input.reason.trim();
        if (
          reason === '' ||
          reason.length > MAX_REASON_LENGTH ||
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(reason)
        ) {
          return err(
            new SessionError(
              'invalid-reason',
              `Enter a reason of 1 to ${MAX_REASON_LENGTH} characters, without control characters.`,
            ),
          );
        }
        return command(actor, { type: 'request.review', draft: { amount: amount.value, reason } });
      },
      edit: () => command(actor, { type: 'request.edit' }),
      send: () => command(actor, { type: 'request.send' }),
      retry: () => command(actor, { type: 'request.retry' }),
      cancel: () => command(actor, { type: 'request.cancel' }),
      complete: () => {
        const done = command(actor, { type: 'request.complete' });
        if (done.ok) this.#audit(requestId, { type: 'request-completed' });
        return done;
      },
      recordCopy: (field) => {
        if (!this.#cards.has(requestId) || actor.getSnapshot().value !== 'cardViewing') {
          return err(new SessionError('not-allowed-now', 'Only a field of an open card can be copied.'));
        }
        this.#audit(requestId, { type: 'card-copied', field });
        return ok(undefined);
      },
      card: () => (actor.getSnapshot().value === 'cardViewing' ? (this.#cards.get(requestId) ?? null) : null),
      viewCard: async () => {
        const before = actor.getSnapshot();
        const started = command(actor, { type: 'card.view' });
        if (!started.ok) return started;
        const snapshot: PaymentRequestSnapshot = await settle(actor, (next) => next.value !== 'opening', before);
        const card = this.#cards.get(requestId);
        if (snapshot.value === 'cardViewing' && card) {
          this.#audit(requestId, { type: 'card-viewed' });
          return ok(card);
        }
        const failure = snapshot.context.failure;
        return err(
          snapshot.value === 'cardRejected' && failure
            ? new SealError(failure.code as SealError['code'], failure.message)
            : new SessionError(
                'not-allowed-now',
                `The card can no longer be viewed: the request is in phase "${phaseOf(snapshot)}".`,
              ),
        );
      },
    };
  }
}

/** Starts the agent's side of a conversation. Throws `ConfigError` for an option out of range. */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  return new AgentSession(options);
}
