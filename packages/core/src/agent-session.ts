import { createActor, fromPromise } from 'xstate';
import { generateAgentKeyPair, openCard, SealError, type AgentKeys, type CardDetails } from './card-sealing.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, err, ok, SessionError, toFailure, type Result } from './errors.js';
import {
  ConversationLink,
  safeReporter,
  eventOf,
  type Arrival,
  type SessionReport,
} from './conversation-link.js';
import { createDefaultKeyStore, type KeyStore } from './key-store.js';
import { createTabLocks, requestLockName, type Holding, type TabLocks } from './tab-lock.js';
import { DEFAULT_MAXIMUM_MAJOR, type Money, type MoneyError } from './money.js';
import {
  MAX_VIEW_WINDOW_MS,
  deadlineActor,
  paymentRequestMachine,
  type PaymentRequestActor,
  type PaymentRequestSnapshot,
  type Trust,
} from './payment-request.machine.js';
import {
  MAX_REQUEST_TTL_MS,
  MAX_VOUCH_LENGTH,
  type MessageOf,
  type Phase,
  type RequestTerms,
  type WireMessage,
} from './protocol.js';
import { RequestBook, type RequestEvent } from './request-book.js';
import { command, route, settle } from './request-handle.js';
import { signMessage, verifyMessage } from './signing.js';
import { agentTimeline, phaseOf, type AgentStatus, type TimelineView } from './status.js';
import type { Transport } from './transport.js';
import { randomId } from './ids.js';
import { checkTerms } from './terms.js';
import { TrustError, VouchVerifier, type TrustedKeys } from './vouching.js';
import {
  checkArrival,
  checkTrust,
  ForgottenRequests,
  DEFAULT_MAX_LIVE_REQUESTS,
  refuse,
  warnUnverified,
} from './trust.js';

export const DEFAULT_REQUEST_TTL_MS = 15 * 60 * 1000;
export const DEFAULT_VIEW_WINDOW_MS = 10 * 60 * 1000;

/** What the agent's session asks the integrator's server to vouch for: the server checks `agentId` is the signed-in agent. */
export interface VouchRequest {
  readonly agentId: string;
  readonly requestId: string;
  readonly conversationId: string;
  /** The request's HPKE public key (`AgentKey.publicKey`). */
  readonly encryptionKey: string;
  /** The request's signing key (`AgentKey.signingKey`). */
  readonly signingKey: string;
  /** The request's deadline, ms since the epoch. */
  readonly expiresAt: number;
}

export interface AgentSessionOptions {
  readonly conversationId: string;
  readonly transport: Transport;
  /** The agent's id in the integrator's system, as its server knows the signed-in agent. */
  readonly agentId: string;
  /**
   * Asks the integrator's server to vouch for a request's keys (`@chatpay/server`'s `createKeyVoucher`
   * behind an endpoint that authenticates the agent), and resolves with the vouch. Required unless
   * `dangerouslySkipKeyVouching`.
   */
  readonly vouch?: (request: VouchRequest) => string | Promise<string>;
  /** The integrator's published vouching keys (a JWKS, or a function fetching it). Required unless `dangerouslySkipKeyVouching`. */
  readonly trustedKeys?: TrustedKeys;
  /**
   * Runs without key vouching, for local development only: anyone who can write to the conversation
   * can then ask the customer for a card with a key of their own. Both sides must set it; the elements
   * show every such request as unverified, and the session warns on the console.
   */
  readonly dangerouslySkipKeyVouching?: boolean;
  /**
   * Where the per-request private keys wait until the card is opened (non-extractable either way).
   * Default: IndexedDB where the browser has it (keys survive a reload), else memory.
   */
  readonly keyStore?: KeyStore;
  /**
   * Which of this agent's tabs holds a request's keys: one tab opens the card, the others show
   * `keys: 'other-tab'` and take over when it closes. Default: Web Locks where the browser has them.
   */
  readonly tabLocks?: TabLocks;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** How long the customer has to pay, in ms. Default 15 minutes; at most 24 hours. */
  readonly requestTtlMs?: number;
  /** How long the agent can view a card once it arrives, in ms. Default 10 minutes; at most 30 minutes. */
  readonly viewWindowMs?: number;
  /** The largest amount, in major units of the currency. Default 1,000,000. */
  readonly maximumAmount?: number;
  /** How many requests may be under way at once in this conversation (this agent's and others'). Default 16. */
  readonly maxLiveRequests?: number;
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
  readonly agentId: string;
  readonly at: number;
} & (
  | { readonly type: 'card-viewed' }
  | { readonly type: 'card-copied'; readonly field: CardField }
  | { readonly type: 'request-completed' }
);

type AuditWhat = { type: 'card-viewed' } | { type: 'card-copied'; field: CardField } | { type: 'request-completed' };

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
  /**
   * This agent's request whose card cannot be opened here (its keys are on another device or were
   * lost), or one that ended without a card: sends a fresh request for the same amount and reason.
   * The customer's chat ends the old one ("the agent sent a new request") when the new one arrives.
   */
  requestAgain(): Result<AgentRequest, SessionError>;
}

function checkRange(option: string, value: number | undefined, fallback: number, max: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0 || chosen > max) {
    throw new ConfigError(option, `${option} must be more than 0 and at most ${max}.`);
  }
  return chosen;
}

/**
 * The agent's side of one conversation: it creates payment requests, one actor each, makes fresh key
 * pairs per request and has the integrator vouch for them, signs every message it sends, accepts only
 * what the requesting customer signed, and is the only holder of the private keys and of opened cards.
 */
export class AgentSession {
  readonly conversationId: string;
  readonly agentId: string;
  readonly #clock: Clock;
  readonly #requestTtlMs: number;
  readonly #viewWindowMs: number;
  readonly #maxLive: number;
  readonly #options: AgentSessionOptions;
  readonly #trust: Trust;
  readonly #verifier: VouchVerifier | undefined;
  readonly #keyStore: KeyStore;
  readonly #link: ConversationLink;
  readonly #report: (report: SessionReport) => void;
  readonly #requests: RequestBook<AgentRequest>;
  readonly #keys = new Map<string, AgentKeys>();
  readonly #cards = new Map<string, CardDetails>();
  /** The customer key bound by the customer's first message about the request (opened, declined or the card). */
  readonly #customerKeys = new Map<string, string>();
  /** New requests sent in place of one that cannot be opened here: new id → old id. */
  readonly #replacing = new Map<string, string>();
  readonly #forgotten = new ForgottenRequests();
  readonly #tabLocks: TabLocks;
  readonly #holdings = new Map<string, Promise<Holding | undefined>>();

  constructor(options: AgentSessionOptions) {
    this.#options = options;
    this.#report = safeReporter(options.onReport);
    this.conversationId = options.conversationId;
    if (typeof options.agentId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(options.agentId)) {
      throw new ConfigError('agentId', 'agentId must be 1 to 128 visible ASCII characters.');
    }
    this.agentId = options.agentId;
    this.#clock = options.clock ?? systemClock;
    this.#trust = checkTrust(options, 'agent');
    if (this.#trust === 'vouched' && typeof options.vouch !== 'function') {
      throw new ConfigError(
        'vouch',
        'Give vouch (your server vouches for each request key), or run with dangerouslySkipKeyVouching in development.',
      );
    }
    this.#verifier = this.#trust === 'vouched' ? new VouchVerifier(options.trustedKeys!, this.#clock) : undefined;
    if (this.#trust === 'unverified') warnUnverified('agent');
    this.#requestTtlMs = checkRange('requestTtlMs', options.requestTtlMs, DEFAULT_REQUEST_TTL_MS, MAX_REQUEST_TTL_MS);
    this.#viewWindowMs = checkRange('viewWindowMs', options.viewWindowMs, DEFAULT_VIEW_WINDOW_MS, MAX_VIEW_WINDOW_MS);
    this.#maxLive = checkRange('maxLiveRequests', options.maxLiveRequests, DEFAULT_MAX_LIVE_REQUESTS, 1_000);
    checkRange('maximumAmount', options.maximumAmount, 1, Number.MAX_SAFE_INTEGER);
    this.#keyStore = options.keyStore ?? createDefaultKeyStore({ clock: this.#clock });
    this.#tabLocks = options.tabLocks ?? createTabLocks();
    this.#requests = new RequestBook<AgentRequest>({
      onListenerError: (error) => this.#report({ type: 'listener-failed', failure: toFailure(error) }),
    });
    // Keys of requests that ended while no page was open are useless: gone before anything else reads the store.
    const swept = this.#keyStore.sweep(this.#clock.now()).catch((error: unknown) => this.#storeFailed(error));
    this.#link = new ConversationLink({
      conversationId: options.conversationId,
      transport: options.transport,
      clock: this.#clock,
      report: this.#report,
      receive: async (message, arrival) => {
        await swept;
        return this.#receive(message, arrival);
      },
      reconnected: () => this.resync(),
      signer: (requestId) => {
        const keys = this.#keys.get(requestId);
        return keys && { privateKey: keys.signing.privateKey };
      },
    });
  }

  /** The largest amount a request may ask for, in major units of its currency. */
  get maximumAmount(): number {
    return this.#options.maximumAmount ?? DEFAULT_MAXIMUM_MAJOR;
  }

  /** Whether the requests of this session are vouched for by the integrator, or unverified (development only). */
  get trust(): Trust {
    return this.#trust;
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

  /** Resolves once the conversation's history and every message received so far have been handled. */
  idle(): Promise<void> {
    return this.#link.idle();
  }

  /**
   * Starts a new request in `draft`. Throws `SessionError` when the session is closed, or when
   * `maxLiveRequests` requests are already under way.
   */
  createRequest(): AgentRequest {
    if (this.#link.closed) throw new SessionError('session-closed', 'The session is closed.');
    if (this.#liveCount() >= this.#maxLive) {
      throw new SessionError(
        'too-many-requests',
        `${this.#maxLive} requests are already under way in this conversation: end one before starting another.`,
      );
    }
    const requestId = randomId();
    const actor = createActor(this.#machine(requestId), {
      input: {
        side: 'agent',
        requestId,
        conversationId: this.conversationId,
        viewWindowMs: this.#viewWindowMs,
        trust: this.#trust,
      },
    });
    const request = this.#handle(requestId, actor);
    this.#requests.add(request);
    return request;
  }

  /**
   * How many private keys and opened cards this session holds in memory now: counts only, for leak
   * checks and diagnostics. Both are zero once every request has ended.
   */
  get secretsHeld(): { readonly keys: number; readonly openedCards: number } {
    return { keys: this.#keys.size, openedCards: this.#cards.size };
  }

  /**
   * Lets go of a request that has ended (its actor, what was kept to replay it): for consoles and
   * chats that run for a long time. A request still under way is refused: the other side would be
   * left waiting. Another agent's request can be forgotten at any time. A forgotten request is never
   * brought back by a late copy of its messages.
   */
  forget(requestId: string): Result<void, SessionError> {
    const request = this.#requests.get(requestId);
    if (!request) return err(new SessionError('unknown-request', 'This session has no such request.'));
    if (!request.timeline().settled && !request.observed && request.timeline().keys === 'here') {
      return err(new SessionError('not-allowed-now', 'Only a request that has ended can be forgotten.'));
    }
    this.#requests.remove(requestId);
    this.#link.forget(requestId);
    this.#forgotten.add(requestId);
    this.#dropKeys(requestId);
    this.#letGo(requestId);
    this.#cards.delete(requestId);
    this.#customerKeys.delete(requestId);
    return ok(undefined);
  }

  /**
   * After a reconnect over a transport without history: both sides send again what the other may have
   * missed, for every request already sent. (A transport with history delivers what was missed itself.)
   */
  resync(): void {
    const unsent = new Set(['draft', 'confirming', 'preparing']);
    const sent = this.requests.filter(
      (request) => !request.observed && request.timeline().keys === 'here' && !unsent.has(request.timeline().phase),
    );
    this.#link.resync(sent.map((request) => request.requestId));
  }

  /**
   * Stops every actor and drops every key and opened card it holds in memory. Keys kept in the key
   * store stay there (a reload finds them) until their request ends or they expire. The transport
   * stays open: it is not the session's.
   */
  close(): void {
    for (const requestId of [...this.#holdings.keys()]) this.#letGo(requestId);
    this.#requests.close();
    this.#keys.clear();
    this.#cards.clear();
    this.#link.close();
  }

  /**
   * Holds the request's tab lock while this tab has its keys. Without it (another tab of the agent
   * holds it) the request shows `other-tab`; when that tab lets go, this one takes over with the keys
   * as the store has them then (the other tab may have opened the card meanwhile).
   */
  #claim(requestId: string, actor: PaymentRequestActor): void {
    if (this.#holdings.has(requestId)) return;
    const scope = { agentId: this.agentId, conversationId: this.conversationId };
    const holding = this.#tabLocks.hold(requestLockName(scope, requestId)).then(
      (held) => {
        if (!held.held) actor.send({ type: 'keys.changed', keys: 'other-tab' });
        held.onChange((now) => {
          if (!now) {
            actor.send({ type: 'keys.changed', keys: 'other-tab' });
            return;
          }
          this.#keyStore.get(scope, requestId).then(
            (keys) => {
              if (keys) this.#keys.set(requestId, { encryption: keys.encryption, signing: keys.signing });
              actor.send({ type: 'keys.changed', keys: !keys ? 'gone' : keys.encryption ? 'here' : 'opened' });
            },
            (error: unknown) => this.#storeFailed(error),
          );
        });
        return held;
      },
      () => undefined,
    );
    this.#holdings.set(requestId, holding);
  }

  #letGo(requestId: string): void {
    const holding = this.#holdings.get(requestId);
    this.#holdings.delete(requestId);
    void holding?.then((held) => held?.release());
  }

  #liveCount(): number {
    return this.#requests.all.filter((request) => !request.timeline().settled).length;
  }

  #storeFailed(error: unknown): void {
    this.#report({ type: 'handler-failed', requestId: '', failure: toFailure(error, 'The key store failed.') });
  }

  /** Key store work, one step at a time, so that a request's keys are never written back after they were deleted. */
  #storeWork: Promise<void> = Promise.resolve();

  /** Resolves once this step is done (or has failed, which is reported). */
  #store(step: () => Promise<void>): Promise<void> {
    this.#storeWork = this.#storeWork.then(step).catch((error: unknown) => this.#storeFailed(error));
    return this.#storeWork;
  }

  #keepKeys(requestId: string, keys: AgentKeys, expiresAt: number): Promise<void> {
    const record = { agentId: this.agentId, conversationId: this.conversationId, requestId, ...keys, expiresAt };
    return this.#store(() => this.#keyStore.put(record));
  }

  /** Drops the key that opens the card, here and in the store: resolves once the store no longer holds it. */
  #spendEncryptionKey(requestId: string, keys: AgentKeys, expiresAt: number): Promise<void> {
    const spent: AgentKeys = { encryption: null, signing: keys.signing };
    if (this.#keys.get(requestId) === keys) this.#keys.set(requestId, spent);
    return this.#keepKeys(requestId, spent, expiresAt + this.#viewWindowMs);
  }

  #dropKeys(requestId: string): void {
    this.#keys.delete(requestId);
    void this.#store(() =>
      this.#keyStore.delete({ agentId: this.agentId, conversationId: this.conversationId }, requestId),
    );
  }

  async #receive(message: WireMessage, arrival: Arrival): Promise<boolean> {
    switch (message.type) {
      case 'request.created':
        return this.#arrive(message);
      case 'request.sync':
      case 'request.state':
        return this.#control(message);
      case 'request.opened':
      case 'request.declined':
      case 'request.submitted':
        return this.#fromCustomer(message, arrival);
      default:
        return this.#fromAgent(message, arrival);
    }
  }

  #known(message: WireMessage): AgentRequest | undefined {
    const request = this.#requests.get(message.requestId);
    if (!request) {
      this.#report({
        type: 'message-ignored',
        reason: this.#forgotten.has(message.requestId) ? 'forgotten' : 'unknown-request',
        messageType: message.type,
        requestId: message.requestId,
      });
    }
    return request;
  }

  #termsOf(request: AgentRequest): RequestTerms | null {
    return request.actor.getSnapshot().context.terms;
  }

  /** A request of this conversation: another agent's, or this agent's own from the history or another tab or device. */
  async #arrive(message: MessageOf<'request.created'>): Promise<boolean> {
    const { requestId, body: terms } = message;
    const checked = await checkArrival(message, {
      conversationId: this.conversationId,
      report: this.#report,
      forgotten: this.#forgotten,
      verifier: this.#verifier,
      known: (id) => this.#requests.get(id) !== undefined,
      live: () => this.#liveCount(),
      maxLive: this.#maxLive,
    });
    if (checked !== 'new') return checked;
    if (this.#link.closed || this.#requests.get(requestId)) return true;
    const mine = terms.agentKey.agentId === this.agentId;
    let keys: AgentKeys | undefined;
    if (mine) {
      try {
        keys = await this.#keyStore.get({ agentId: this.agentId, conversationId: this.conversationId }, requestId);
      } catch (error) {
        this.#storeFailed(error);
      }
      if (this.#link.closed || this.#requests.get(requestId)) return true;
    }
    const input = {
      requestId,
      conversationId: this.conversationId,
      terms,
      trust: this.#trust,
    };
    if (mine && keys) {
      // This agent's own request, rebuilt from the history after a reload: the keys are here, it acts as before.
      this.#keys.set(requestId, { encryption: keys.encryption, signing: keys.signing });
      const actor = createActor(this.#machine(requestId), {
        input: { ...input, side: 'agent', viewWindowMs: this.#viewWindowMs, keys: keys.encryption ? 'here' : 'opened' },
      });
      this.#requests.add(this.#handle(requestId, actor));
      if (!agentTimeline(actor.getSnapshot()).settled) this.#claim(requestId, actor);
    } else {
      // Another agent's request, or this agent's whose keys are not here: followed, never acted on.
      const actor = createActor(this.#observerMachine(), {
        input: { ...input, side: 'observer', viewWindowMs: Infinity, keys: mine ? 'gone' : 'none' },
      });
      this.#requests.add(this.#followedHandle(requestId, actor, mine));
    }
    this.#replace(terms);
    return true;
  }

  /** A new request of the same agent in place of an old one: the old one ends as replaced. */
  #replace(terms: RequestTerms): void {
    const old = terms.replaces ? this.#requests.get(terms.replaces) : undefined;
    const oldTerms = old && this.#termsOf(old);
    if (!old || !oldTerms || oldTerms.agentKey.agentId !== terms.agentKey.agentId) return;
    const event = { type: 'request.cancelled', reason: 'replaced' } as const;
    if (old.actor.getSnapshot().can(event)) old.actor.send(event);
  }

  async #control(message: MessageOf<'request.sync'> | MessageOf<'request.state'>): Promise<boolean> {
    // Another agent's (or this agent's other tab's) sync or state: its sender answers for its own requests.
    const customerKey = message.customerKey;
    if (!customerKey) return true;
    const request = this.#known(message);
    if (!request || request.observed || request.timeline().keys !== 'here') return true;
    if (!(await verifyMessage(message, customerKey))) return refuse(this.#report, message, 'bad-signature');
    const bound = this.#customerKeys.get(message.requestId);
    if (bound && bound !== customerKey) return refuse(this.#report, message, 'customer-key-conflict');
    if (message.type === 'request.state') {
      this.#report({ type: 'peer-state', requestId: message.requestId, phase: message.body.phase });
    } else {
      this.#link.answerSync(message, request.timeline().phase);
    }
    return true;
  }

  /** The customer's word: signed by the key bound by the customer's first message, or that first message itself. */
  async #fromCustomer(
    message: MessageOf<'request.opened'> | MessageOf<'request.declined'> | MessageOf<'request.submitted'>,
    arrival: Arrival,
  ): Promise<boolean> {
    const request = this.#known(message);
    if (!request) return false;
    const { requestId, customerKey } = message;
    if (!(await verifyMessage(message, customerKey))) return refuse(this.#report, message, 'bad-signature');
    const bound = this.#customerKeys.get(requestId);
    if (bound && bound !== customerKey) {
      request.actor.send({ type: 'customer.conflict' });
      return refuse(this.#report, message, 'customer-key-conflict');
    }
    if (message.type === 'request.submitted' && !(await this.#opens(request, message))) {
      return refuse(this.#report, message, 'unopenable-card');
    }
    // The key is bound before the actor moves: a subscriber may open the card as soon as it does.
    const event = eventOf(message, arrival.receivedAt);
    if (event && request.actor.getSnapshot().can(event)) this.#customerKeys.set(requestId, customerKey);
    return route(request.actor, message, arrival.receivedAt, this.#report);
  }

  /**
   * Whether a sealed card opens with this request's key, tried as it arrives so that a card sealed by
   * anyone but the customer, or for another request, is refused before it can end the request. The
   * opened copy is dropped at once; the viewer opens it again. Without the key here, nothing can be tried.
   */
  async #opens(request: AgentRequest, message: MessageOf<'request.submitted'>): Promise<boolean> {
    const keys = this.#keys.get(message.requestId);
    const terms = this.#termsOf(request);
    if (!keys?.encryption || !terms) return true;
    try {
      await openCard(message.body.sealed, keys.encryption, {
        requestId: message.requestId,
        conversationId: this.conversationId,
        terms,
        customerKey: message.customerKey,
      });
      return true;
    } catch {
      return false;
    }
  }

  /** An agent's outcome from elsewhere (another agent, or this agent's other tab or device): signed by that request's agent key. */
  async #fromAgent(
    message: MessageOf<'request.completed'> | MessageOf<'request.cancelled'> | MessageOf<'request.expired'>,
    arrival: Arrival,
  ): Promise<boolean> {
    const request = this.#known(message);
    const terms = request && this.#termsOf(request);
    if (!request || !terms) return false;
    if (!(await verifyMessage(message, terms.agentKey.signingKey)))
      return refuse(this.#report, message, 'bad-signature');
    return route(request.actor, message, arrival.receivedAt, this.#report);
  }

  /** The machine for a request this session follows but cannot act on: deadlines only; no notices, no key, no card. */
  #observerMachine() {
    return paymentRequestMachine.provide({
      actors: { deadline: deadlineActor(this.#clock) },
      actions: { notifyPeer: () => {}, forgetSecrets: () => {} },
    });
  }

  /** Another agent's request (`mine` false), or this agent's whose keys are not here (`mine` true). */
  #followedHandle(requestId: string, actor: PaymentRequestActor, mine: boolean): AgentRequest {
    const refuse = () =>
      err(
        mine
          ? new SessionError(
              'key-gone',
              "This request's keys are not in this browser (it was sent from another device, or the browser's storage was cleared): send a new request.",
            )
          : new SessionError(
              'not-your-request',
              'Another agent sent this request: only that agent can act on it or view its card.',
            ),
      );
    return {
      requestId,
      conversationId: this.conversationId,
      actor,
      observed: !mine,
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
      requestAgain: () => (mine ? this.#requestAgain(requestId, actor) : refuse()),
    };
  }

  /** A fresh request with the old one's amount and reason; it replaces the old one if that is still under way. */
  #requestAgain(oldId: string, old: PaymentRequestActor): Result<AgentRequest, SessionError> {
    const snapshot = old.getSnapshot();
    const terms = snapshot.context.terms;
    const draft = terms ?? snapshot.context.draft;
    if (!draft || phaseOf(snapshot) === 'completed') {
      return err(
        new SessionError('not-allowed-now', 'Only a request that was sent and not completed can be sent again.'),
      );
    }
    let request: AgentRequest;
    try {
      request = this.createRequest();
    } catch (error) {
      return err(error as SessionError);
    }
    if (!agentTimeline(snapshot).settled) this.#replacing.set(request.requestId, oldId);
    const reviewed = request.review({ amount: draft.amount, reason: draft.reason });
    if (!reviewed.ok) return err(reviewed.error as SessionError);
    const sent = request.send();
    return sent.ok ? ok(request) : sent;
  }

  #machine(requestId: string) {
    const clock = this.#clock;
    const link = this.#link;
    return paymentRequestMachine.provide({
      actors: {
        prepareMessage: fromPromise(async ({ input }) => {
          const { draft } = input.context;
          if (!draft) throw new SessionError('not-allowed-now', 'There is no confirmed request to send.');
          const { keys, agentKey } = await generateAgentKeyPair(this.agentId);
          const expiresAt = clock.now() + this.#requestTtlMs;
          const vouch = this.#options.vouch
            ? await this.#options.vouch({
                agentId: this.agentId,
                requestId,
                conversationId: this.conversationId,
                encryptionKey: agentKey.publicKey,
                signingKey: agentKey.signingKey,
                expiresAt,
              })
            : undefined;
          if (vouch !== undefined && (typeof vouch !== 'string' || vouch.length > MAX_VOUCH_LENGTH)) {
            throw new TrustError(
              'malformed-vouch',
              `The vouch from the server is not a compact JWS of at most ${MAX_VOUCH_LENGTH} characters.`,
            );
          }
          // Cancelled or closed while the keys were being made: the keys are dropped with this scope.
          if (!this.#isIn(requestId, 'preparing')) throw new SessionError('not-allowed-now', 'The request ended.');
          this.#keys.set(requestId, keys);
          // Kept before the request leaves: a reload the moment after Send still finds the keys.
          await this.#keepKeys(requestId, keys, expiresAt + this.#viewWindowMs);
          const actor = this.#requests.get(requestId)?.actor;
          if (actor) this.#claim(requestId, actor);
          const replaces = this.#replacing.get(requestId);
          const unsigned = link.stamp(requestId, 'request.created', {
            amount: draft.amount,
            reason: draft.reason,
            expiresAt,
            agentKey: vouch ? { ...agentKey, vouch } : agentKey,
            ...(replaces ? { replaces } : {}),
          });
          return (await signMessage(unsigned, keys.signing.privateKey)) as WireMessage;
        }),
        deliver: fromPromise(async ({ input }) => {
          await link.deliver(input.message);
          const created = input.message.type === 'request.created' ? input.message.body : undefined;
          if (created?.replaces) this.#replace(created);
        }),
        openCard: fromPromise(async ({ input }) => {
          const { sealed, terms, conversationId } = input.context;
          const keys = this.#keys.get(requestId);
          const customerKey = this.#customerKeys.get(requestId);
          if (!keys?.encryption || !sealed || !terms || !customerKey)
            throw new SealError('key-gone', 'The key for this request is gone; the card cannot be opened.');
          const card = await openCard(sealed, keys.encryption, { requestId, conversationId, terms, customerKey });
          // The card opens once: the key that opens it is gone from the store before the card is shown (a
          // reload then cannot open it again); the signing key stays until the request ends.
          await this.#spendEncryptionKey(requestId, keys, terms.expiresAt);
          // The view window may have closed, or the session, while the card was opening: then it is dropped at once.
          if (this.#isIn(requestId, 'opening')) this.#cards.set(requestId, card);
        }),
        deadline: deadlineActor(clock),
      },
      actions: {
        notifyPeer: (_, notice) => link.notify(requestId, notice),
        forgetSecrets: () => {
          // Notices already asked for were given the signing key when they were asked for.
          if (this.#keys.has(requestId)) this.#dropKeys(requestId);
          this.#letGo(requestId);
          this.#cards.delete(requestId);
        },
      },
    });
  }

  /** Whether the request's actor is running, in `phase`, in an open session. */
  #isIn(requestId: string, phase: Phase): boolean {
    const snapshot = this.#requests.get(requestId)?.actor.getSnapshot();
    return !this.#link.closed && snapshot?.status === 'active' && snapshot.value === phase;
  }

  #audit(requestId: string, what: AuditWhat): void {
    const fact = {
      requestId,
      conversationId: this.conversationId,
      agentId: this.agentId,
      at: this.#clock.now(),
      ...what,
    } as AuditFact;
    try {
      this.#options.onAudit?.(fact);
    } catch {
      // The integrator's own fault: the agent's action stands.
    }
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
        const terms = checkTerms(input, maximum);
        return terms.ok ? command(actor, { type: 'request.review', draft: terms.value }) : terms;
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
      requestAgain: () => {
        const phase = agentTimeline(actor.getSnapshot()).phase;
        const ended: readonly Phase[] = ['cardExpired', 'cardRejected', 'requestExpired', 'declined', 'cancelled'];
        return ended.includes(phase)
          ? this.#requestAgain(requestId, actor)
          : err(
              new SessionError(
                'not-allowed-now',
                'This request is still under way: cancel it first, or wait for its outcome.',
              ),
            );
      },
      card: () => (actor.getSnapshot().value === 'cardViewing' ? (this.#cards.get(requestId) ?? null) : null),
      viewCard: async () => {
        const before = actor.getSnapshot();
        if (before.context.conflict) {
          return err(
            new SessionError(
              'customer-key-conflict',
              'Two different customer keys spoke for this request: its card is not opened. Cancel it and send a new request.',
            ),
          );
        }
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

/** Starts the agent's side of a conversation. Throws `ConfigError` for an option out of range or a missing trust setting. */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  return new AgentSession(options);
}
