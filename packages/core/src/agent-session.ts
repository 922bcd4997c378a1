import { createActor } from 'xstate';
import { receiveAsAgent } from './agent-arrivals.js';
import { AgentKeyring } from './agent-keyring.js';
import { agentEffects } from './agent-machine.js';
import { ownRequest, type AgentRequest, type AuditFact } from './agent-request.js';
import type { AgentSide } from './agent-side.js';
import type { CardDetails } from './card-sealing.js';
import { systemClock, type Clock } from './clock.js';
import type { Arrival, RequestSigner } from './conversation-link.js';
import { ConfigError, SessionError, toFailure } from './errors.js';
import { createDefaultKeyStore, type KeyStore } from './key-store.js';
import { DEFAULT_MAXIMUM_MAJOR } from './money.js';
import { MAX_VIEW_WINDOW_MS } from './payment-request.machine.js';
import { PaymentAsks, type PaymentAsk } from './payment-asks.js';
import { MAX_REQUEST_TTL_MS, type PaymentAsked, type WireMessage } from './protocol.js';
import type { RequestEvent } from './request-book.js';
import { SessionBase } from './session-base.js';
import type { SessionReport } from './session-report.js';
import { createTabLocks, type TabLocks } from './tab-lock.js';
import type { Transport } from './transport.js';
import { randomId } from './ids.js';
import { checkTrust, DEFAULT_MAX_LIVE_REQUESTS } from './trust.js';
import type { TrustedKeys } from './vouching.js';

/** How long the customer has to pay, by default: 15 minutes. */
export const DEFAULT_REQUEST_TTL_MS = 15 * 60 * 1000;
/** How long the agent can view a card once it arrives, by default: 10 minutes. */
export const DEFAULT_VIEW_WINDOW_MS = 10 * 60 * 1000;

/** What the agent's session asks the integrator's server to vouch for: the server checks `agentId` is the signed-in agent. */
export interface VouchRequest {
  /** The agent the request is made by (`AgentSessionOptions.agentId`). */
  readonly agentId: string;
  /** The request whose keys are vouched for. */
  readonly requestId: string;
  /** The conversation the request is made in. */
  readonly conversationId: string;
  /** The request's HPKE public key (`AgentKey.publicKey`). */
  readonly encryptionKey: string;
  /** The request's signing key (`AgentKey.signingKey`). */
  readonly signingKey: string;
  /** The request's deadline, ms since the epoch. */
  readonly expiresAt: number;
}

/** What `createAgentSession` takes. Bad values throw a `ConfigError` naming the option. */
export interface AgentSessionOptions {
  /** The conversation this session speaks in; every message it sends or accepts carries it. */
  readonly conversationId: string;
  /** What carries the conversation's messages (see `@chatpay/transports`, or `createMemoryHub` in tests). */
  readonly transport: Transport;
  /** The agent's id in the integrator's system, as its server knows the signed-in agent: 1 to 128 visible ASCII characters. */
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
  /** Where the session reads the time and sets its timers (deadlines, rate limits). Default: `systemClock`; tests give a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * How long the customer has to pay, in ms, from the moment a request is sent (`terms.expiresAt`).
   * Default `DEFAULT_REQUEST_TTL_MS` (15 minutes); more than 0 and at most `MAX_REQUEST_TTL_MS` (24 hours).
   */
  readonly requestTtlMs?: number;
  /**
   * How long the agent can view a card once it arrives, in ms; the card is wiped when it runs out.
   * Default `DEFAULT_VIEW_WINDOW_MS` (10 minutes); more than 0 and at most `MAX_VIEW_WINDOW_MS` (30 minutes).
   */
  readonly viewWindowMs?: number;
  /**
   * The largest amount a request may ask for, in major units of the currency (whole euros, dollars…).
   * Default `DEFAULT_MAXIMUM_MAJOR` (1,000,000); more than 0 and at most `Number.MAX_SAFE_INTEGER`.
   */
  readonly maximumAmount?: number;
  /**
   * How many requests may be under way at once in this conversation (this agent's and others'); a request
   * past it is refused. Default `DEFAULT_MAX_LIVE_REQUESTS` (16); more than 0 and at most 1,000.
   */
  readonly maxLiveRequests?: number;
  /**
   * Called with traffic the session did not act on (refused, duplicate or held messages, a failed history)
   * and failures of fire-and-forget sends; never with card data. A callback that throws is ignored. Default: none.
   */
  readonly onReport?: (report: SessionReport) => void;
  /** What the agent did with a card (viewed, copied a field, completed): facts for the integrator's audit trail, never card data. */
  readonly onAudit?: (fact: AuditFact) => void;
}

/** What `AgentSession.subscribe` tells: a request added to the session, or one whose phase or facts changed. */
export type AgentSessionEvent = RequestEvent<AgentRequest>;

/** An option's value, or its default: a finite number more than 0 and at most `max`, else a `ConfigError` naming it. */
function checkRange(option: string, value: number | undefined, fallback: number, max: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0 || chosen > max) {
    throw new ConfigError(option, `${option} must be more than 0 and at most ${max}.`);
  }
  return chosen;
}

/** The agent's id: 1 to 128 visible ASCII characters, as its server knows the signed-in agent. */
function checkAgentId(agentId: unknown): string {
  if (typeof agentId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(agentId)) {
    throw new ConfigError('agentId', 'agentId must be 1 to 128 visible ASCII characters.');
  }
  return agentId;
}

/**
 * The agent's side of one conversation: it creates payment requests, one actor each, makes fresh key
 * pairs per request and has the integrator vouch for them, signs every message it sends, accepts only
 * what the requesting customer signed, and is the only holder of the private keys and of opened cards.
 */
export class AgentSession extends SessionBase<AgentRequest> {
  /** The agent's id, as given in `AgentSessionOptions.agentId`. */
  readonly agentId: string;
  readonly #options: AgentSessionOptions;
  readonly #side: AgentSide;
  readonly #keyring: AgentKeyring;
  /** Opened cards, while their request is in `cardViewing`. */
  readonly #cards = new Map<string, CardDetails>();
  /** The customer key bound by the customer's first message about the request (opened, declined or the card). */
  readonly #customerKeys = new Map<string, string>();
  /** Resolves once the key store has dropped the keys of requests that ended while no page was open. */
  readonly #swept: Promise<void>;
  /** The customer's ask for a card request, shown until a request is sent or the agent dismisses it. */
  readonly #asks: PaymentAsks;
  /** Requests seen waiting for the customer: the first time one is, it answers the ask. */
  readonly #sent = new Set<string>();

  constructor(options: AgentSessionOptions) {
    const agentId = checkAgentId(options.agentId);
    const clock = options.clock ?? systemClock;
    const trust = checkTrust(options, 'agent');
    if (trust === 'vouched' && typeof options.vouch !== 'function') {
      throw new ConfigError(
        'vouch',
        'Give vouch (your server vouches for each request key), or run with dangerouslySkipKeyVouching in development.',
      );
    }
    const requestTtlMs = checkRange('requestTtlMs', options.requestTtlMs, DEFAULT_REQUEST_TTL_MS, MAX_REQUEST_TTL_MS);
    const viewWindowMs = checkRange('viewWindowMs', options.viewWindowMs, DEFAULT_VIEW_WINDOW_MS, MAX_VIEW_WINDOW_MS);
    const maxLive = checkRange('maxLiveRequests', options.maxLiveRequests, DEFAULT_MAX_LIVE_REQUESTS, 1_000);
    checkRange('maximumAmount', options.maximumAmount, 1, Number.MAX_SAFE_INTEGER);
    super({
      side: 'agent',
      conversationId: options.conversationId,
      transport: options.transport,
      clock,
      trust,
      trustedKeys: options.trustedKeys,
      maxLive,
      keyStore: options.keyStore ?? createDefaultKeyStore({ clock }),
      onReport: options.onReport,
    });
    this.agentId = agentId;
    this.#options = options;
    this.#keyring = new AgentKeyring({
      scope: { agentId, conversationId: this.conversationId },
      keyStore: this.keyStore,
      tabLocks: options.tabLocks ?? createTabLocks(),
      viewWindowMs,
      report: this.report,
    });
    // Keys of requests that ended while no page was open are useless: gone before anything else reads the store.
    this.#swept = this.#keyring.sweep(clock.now());
    this.#side = {
      agentId,
      conversationId: this.conversationId,
      clock,
      trust,
      requestTtlMs,
      viewWindowMs,
      options,
      link: this.link,
      book: this.book,
      report: this.report,
      forgotten: this.forgotten,
      keyring: this.#keyring,
      cards: this.#cards,
      customerKeys: this.#customerKeys,
      replacing: new Map(),
      askingAgain: new Set(),
      createRequest: () => this.createRequest(),
      machine: (requestId) => this.machineFor(requestId, agentEffects(this.#side, requestId)),
      observerMachine: () => this.observerMachine(),
      checkArrival: (message) => this.checkArrival(message),
      replaceOld: (terms) => this.replaceOld(terms),
      liveCount: () => this.liveCount(),
    };
    this.#asks = new PaymentAsks({
      conversationId: this.conversationId,
      clock,
      report: this.report,
      onListenerError: (error) => this.report({ type: 'listener-failed', failure: toFailure(error) }),
    });
    // A request sent to the customer (by this agent or another) answers the ask.
    this.book.subscribe(({ request }) => {
      if (request.timeline().phase !== 'waitingForCustomer' || this.#sent.has(request.requestId)) return;
      this.#sent.add(request.requestId);
      this.#asks.clear();
    });
  }

  /**
   * The customer's ask for a card request ("The customer would like to pay by card"), until a request
   * is sent in this conversation or the agent dismisses it; null when there is none. It is unsigned,
   * carries no card data, and prompts at most once a minute (see docs/protocol.md).
   */
  get paymentAsk(): PaymentAsk | null {
    return this.#asks.current;
  }

  /** The agent dismissed the customer's ask (or answered it another way). */
  dismissPaymentAsk(): void {
    this.#asks.clear();
  }

  /** Calls `listener` with each ask shown (`paymentAsk`), and with null when it is cleared. Returns the function that unsubscribes. */
  subscribePaymentAsks(listener: (ask: PaymentAsk | null) => void): () => void {
    return this.#asks.subscribe(listener);
  }

  protected override asked(ask: PaymentAsked, arrival: Arrival): void {
    this.#asks.receive(ask, arrival);
  }

  /** The largest amount a request may ask for, in major units of its currency. */
  get maximumAmount(): number {
    return this.#options.maximumAmount ?? DEFAULT_MAXIMUM_MAJOR;
  }

  /**
   * Starts a new request in `draft`. Throws `SessionError` when the session is closed, or when
   * `maxLiveRequests` requests are already under way.
   */
  createRequest(): AgentRequest {
    if (this.link.closed) throw new SessionError('session-closed', 'The session is closed.');
    if (this.liveCount() >= this.maxLive) {
      throw new SessionError(
        'too-many-requests',
        `${this.maxLive} requests are already under way in this conversation: end one before starting another.`,
      );
    }
    const requestId = randomId();
    const actor = createActor(this.#side.machine(requestId), {
      input: {
        side: 'agent',
        requestId,
        conversationId: this.conversationId,
        viewWindowMs: this.#side.viewWindowMs,
        trust: this.trust,
      },
    });
    const request = ownRequest(this.#side, requestId, actor);
    this.book.add(request);
    return request;
  }

  /**
   * How many private keys and opened cards this session holds in memory now: counts only, for leak
   * checks and diagnostics. Both are zero once every request has ended.
   */
  get secretsHeld(): {
    /** Private keys held in memory (encryption and signing keys of requests under way). */
    readonly keys: number;
    /** Cards opened and not yet wiped. */
    readonly openedCards: number;
  } {
    return { keys: this.#keyring.size, openedCards: this.#cards.size };
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
    this.link.resync(sent.map((request) => request.requestId));
  }

  /** Another agent's request, and one whose keys are not here, can be forgotten at any time. */
  protected override mayForget(request: AgentRequest): boolean {
    return request.timeline().settled || request.observed || request.timeline().keys !== 'here';
  }

  protected override release(requestId: string): void {
    this.#keyring.drop(requestId);
    this.#keyring.letGo(requestId);
    this.#cards.delete(requestId);
    this.#customerKeys.delete(requestId);
    this.#sent.delete(requestId);
  }

  /** Keys kept in the key store stay there (a reload finds them) until their request ends or they expire. */
  protected override releaseAll(): void {
    this.#keyring.clear();
    this.#cards.clear();
    this.#asks.close();
  }

  protected override async receive(message: WireMessage, arrival: Arrival): Promise<boolean> {
    await this.#swept;
    return receiveAsAgent(this.#side, message, arrival);
  }

  protected override signer(requestId: string): RequestSigner | undefined {
    const keys = this.#keyring.get(requestId);
    return keys && { privateKey: keys.signing.privateKey };
  }
}

/** Starts the agent's side of a conversation. Throws `ConfigError` for an option out of range or a missing trust setting. */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  return new AgentSession(options);
}
