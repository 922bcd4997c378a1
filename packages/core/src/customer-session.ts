import { createActor, fromPromise } from 'xstate';
import type { CardDetails } from './card-sealing.js';
import { loadCardSealing } from './card-sealing.loader.js';
import { systemClock, type Clock } from './clock.js';
import type { Arrival, RequestSigner } from './conversation-link.js';
import { customerRequest, type CustomerHolds, type CustomerRequest } from './customer-request.js';
import { ConfigError, err, ok, SessionError, TransportError, type Result } from './errors.js';
import { createDefaultKeyStore, type KeyStore } from './key-store.js';
import { MAX_VIEW_WINDOW_MS } from './payment-request.machine.js';
import { PAYMENT_ASK_INTERVAL_MS, type MessageOf, type WireMessage } from './protocol.js';
import type { RequestEvent } from './request-book.js';
import { route } from './request-handle.js';
import { SessionBase, type SideEffects } from './session-base.js';
import type { SessionReport } from './session-report.js';
import { exportPublicKey, generateSigningKeyPair, signMessage, verifyMessage } from './signing.js';
import { phaseOf } from './status.js';
import type { Transport } from './transport.js';
import { checkTrust, DEFAULT_MAX_LIVE_REQUESTS, refuse } from './trust.js';
import type { TrustedKeys } from './vouching.js';

/** At most this many messages wait, across all requests, for a `request.created` that has not arrived. */
const MAX_EARLY_MESSAGES = 64;

/** What `createCustomerSession` takes. Bad values throw a `ConfigError` naming the option. */
export interface CustomerSessionOptions {
  /** The conversation this session speaks in; every message it sends or accepts carries it. */
  readonly conversationId: string;
  /** What carries the conversation's messages (see `@chatpay/transports`, or `createMemoryHub` in tests). */
  readonly transport: Transport;
  /**
   * The integrator's published vouching keys (a JWKS, or a function fetching it). A request whose keys
   * are not vouched for by one of them is never shown and is reported. Required unless
   * `dangerouslySkipKeyVouching`.
   */
  readonly trustedKeys?: TrustedKeys;
  /** Accepts requests nobody vouched for: local development only (see the agent's option of the same name). */
  readonly dangerouslySkipKeyVouching?: boolean;
  /** Where the session reads the time and sets its timers (deadlines, rate limits). Default: `systemClock`; tests give a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * How many requests may be under way at once in this conversation; a request past it is refused and
   * reported. Default `DEFAULT_MAX_LIVE_REQUESTS` (16); a whole number from 1 to 1,000.
   */
  readonly maxLiveRequests?: number;
  /**
   * Where the customer's signing key for each request waits (non-extractable), so that a reload
   * before paying still speaks with the key the agent bound. Never holds card data. Default:
   * IndexedDB (database `chatpay-customer-keys`) where the browser has it, else memory.
   */
  readonly keyStore?: KeyStore;
  /**
   * Called with traffic the session did not act on (refused, duplicate or held messages, a failed history)
   * and failures of fire-and-forget sends; never with card data. A callback that throws is ignored. Default: none.
   */
  readonly onReport?: (report: SessionReport) => void;
}

/** The customer's keys are kept under this owner in the key store (one conversation's, per request). */
const CUSTOMER = '(customer)';

/** What `CustomerSession.subscribe` tells: a request added to the session, or one whose phase or facts changed. */
export type CustomerSessionEvent = RequestEvent<CustomerRequest>;

interface CustomerSigner {
  readonly keyPair: CryptoKeyPair;
  readonly publicKey: string;
}

/**
 * The customer's side of one conversation: it shows the requests whose keys the integrator vouched
 * for, accepts only what that request's agent key signed, seals the card in this browser and sends
 * only the sealed payload, signed by a key it makes for the request. It holds no key that can open a card.
 */
export class CustomerSession extends SessionBase<CustomerRequest> {
  readonly #holds: CustomerHolds;
  /** Cards being sealed, between `pay()` and the end of sealing. */
  readonly #cards = new Map<string, CardDetails>();
  readonly #signers = new Map<string, CustomerSigner>();
  /** Requests whose form the customer had opened before this page loaded. */
  readonly #resumed = new Set<string>();
  /** Messages that overtook their request's `request.created`, held until it arrives. */
  readonly #early = new Map<string, { message: WireMessage; arrival: Arrival }[]>();
  /** When this page last asked the agent for a card request (sent), by the session's clock. */
  #lastAsk: number | undefined;

  constructor(options: CustomerSessionOptions) {
    const clock = options.clock ?? systemClock;
    const trust = checkTrust(options, 'customer');
    const maxLive = options.maxLiveRequests ?? DEFAULT_MAX_LIVE_REQUESTS;
    if (!Number.isInteger(maxLive) || maxLive < 1 || maxLive > 1_000) {
      throw new ConfigError('maxLiveRequests', 'maxLiveRequests must be a whole number from 1 to 1000.');
    }
    super({
      side: 'customer',
      conversationId: options.conversationId,
      transport: options.transport,
      clock,
      trust,
      trustedKeys: options.trustedKeys,
      maxLive,
      keyStore: options.keyStore ?? createDefaultKeyStore({ name: 'chatpay-customer-keys', clock }),
      onReport: options.onReport,
    });
    this.keyStore.sweep(clock.now()).catch(() => undefined);
    this.#holds = { conversationId: this.conversationId, cards: this.#cards, resumed: this.#resumed };
  }

  /**
   * The newest request waiting for the customer's Enter Payment (its card form can open now), if any:
   * what "Pay securely instead?" opens.
   */
  waitingRequest(): CustomerRequest | undefined {
    return this.book.all.findLast((request) => request.actor.getSnapshot().can({ type: 'request.open' }));
  }

  /**
   * Asks the agent for a card request ("The customer would like to pay by card"), for a customer who
   * typed a card into the chat while no request waits. The ask is unsigned and carries nothing but
   * the conversation and an instant: no card data, not even a brand. Refused while a request waits
   * (`not-allowed-now`: open that one), within `PAYMENT_ASK_INTERVAL_MS` of the last ask sent
   * (`rate-limited`: the agent already knows), or once closed; a failed send is a `TransportError`
   * and may be tried again at once.
   */
  async askToPayByCard(): Promise<Result<void, SessionError | TransportError>> {
    if (this.link.closed) return err(new SessionError('session-closed', 'The session is closed.'));
    if (this.waitingRequest()) {
      return err(new SessionError('not-allowed-now', 'A payment request already waits: open its card form.'));
    }
    const now = this.clock.now();
    if (this.#lastAsk !== undefined && now - this.#lastAsk < PAYMENT_ASK_INTERVAL_MS) {
      return err(new SessionError('rate-limited', 'The agent was asked for a card request a moment ago.'));
    }
    this.#lastAsk = now;
    try {
      await this.link.ask();
      return ok(undefined);
    } catch (error) {
      this.#lastAsk = undefined;
      if (error instanceof TransportError || error instanceof SessionError) return err(error);
      return err(new TransportError('socket-failed', 'The ask could not be sent.'));
    }
  }

  /** After a reconnect over a transport without history: asks the agent's side to send again what this side may have missed. */
  resync(): void {
    this.link.resync(this.book.all.map((request) => request.requestId));
  }

  protected override release(requestId: string): void {
    this.#cards.delete(requestId);
    this.#signers.delete(requestId);
    this.#resumed.delete(requestId);
    this.keyStore.delete({ agentId: CUSTOMER, conversationId: this.conversationId }, requestId).catch(() => undefined);
  }

  protected override releaseAll(): void {
    this.#cards.clear();
    this.#signers.clear();
  }

  protected override signer(requestId: string): RequestSigner | undefined {
    const signer = this.#signers.get(requestId);
    return signer && { privateKey: signer.keyPair.privateKey, customerKey: signer.publicKey };
  }

  protected override async receive(message: WireMessage, arrival: Arrival): Promise<boolean> {
    const { requestId } = message;
    if (message.type === 'request.created') return this.#arrive(message);
    const request = this.book.get(requestId);
    if (!request) {
      if (this.forgotten.has(requestId)) {
        this.report({ type: 'message-ignored', reason: 'forgotten', messageType: message.type, requestId });
        return true;
      }
      this.#holdEarly(message, arrival);
      return false;
    }
    const agentSigned = !('customerKey' in message) || message.customerKey === undefined;
    if (!agentSigned) return this.#fromCustomer(request, message, arrival);
    if (!(await verifyMessage(message, request.terms.agentKey.signingKey))) {
      return refuse(this.report, message, 'bad-signature');
    }
    if (message.type === 'request.sync') {
      this.link.answerSync(message, phaseOf(request.actor.getSnapshot()));
      return true;
    }
    if (message.type === 'request.state') {
      this.report({ type: 'peer-state', requestId, phase: message.body.phase });
      return true;
    }
    return route(request.actor, message, arrival.receivedAt, this.report);
  }

  /**
   * A customer's message this page did not send: its own words from before a reload, in the history.
   * Live, only this page speaks for the customer here; another page's words reach the agent directly.
   */
  async #fromCustomer(request: CustomerRequest, message: WireMessage, arrival: Arrival): Promise<boolean> {
    const customerKey = 'customerKey' in message ? message.customerKey : undefined;
    if (message.type === 'request.sync' || message.type === 'request.state') return true;
    if (!arrival.fromHistory) {
      this.report({
        type: 'message-ignored',
        reason: 'wrong-direction',
        messageType: message.type,
        requestId: message.requestId,
      });
      return true;
    }
    // Only this customer's own words come back: signed by the key this page keeps for the request.
    if (!customerKey || customerKey !== this.#signers.get(request.requestId)?.publicKey) {
      return refuse(this.report, message, 'customer-key-conflict');
    }
    if (!(await verifyMessage(message, customerKey))) return refuse(this.report, message, 'bad-signature');
    const routed = route(request.actor, message, arrival.receivedAt, this.report);
    // The customer had opened the form before this page loaded: what was typed then is gone.
    if (routed && message.type === 'request.opened') this.#resumed.add(request.requestId);
    return routed;
  }

  /** Transports may reorder: an outcome can arrive before its request. Held (bounded), not lost. */
  #holdEarly(message: WireMessage, arrival: Arrival): void {
    const held = this.#early.get(message.requestId) ?? [];
    held.push({ message, arrival });
    this.report({ type: 'message-held', messageType: message.type, requestId: message.requestId });
    this.#early.set(message.requestId, held);
    let count = 0;
    for (const list of this.#early.values()) count += list.length;
    if (count <= MAX_EARLY_MESSAGES) return;
    const [oldestId, oldest] = this.#early.entries().next().value!;
    const dropped = oldest.shift()!;
    if (oldest.length === 0) this.#early.delete(oldestId);
    this.report({
      type: 'message-ignored',
      reason: 'unknown-request',
      messageType: dropped.message.type,
      requestId: oldestId,
    });
  }

  async #arrive(message: MessageOf<'request.created'>): Promise<boolean> {
    const { requestId, body: terms } = message;
    const checked = await this.checkArrival(message);
    if (checked !== 'new') return checked;
    const signer = await this.#signerFor(requestId, terms.expiresAt);
    if (this.link.closed || this.book.get(requestId)) return true;
    this.#signers.set(requestId, signer);
    const actor = createActor(this.machineFor(requestId, this.#effects(requestId)), {
      input: { side: 'customer', requestId, conversationId: this.conversationId, terms, trust: this.trust },
    });
    const early = this.#early.get(requestId) ?? [];
    this.#early.delete(requestId);
    this.book.add(customerRequest(this.#holds, requestId, terms, actor));
    this.replaceOld(terms);
    for (const held of early) {
      if (await this.receive(held.message, held.arrival)) this.link.handled(held.message.id);
    }
    return true;
  }

  /** This page's signing key for the request: the one kept from before a reload, or a new one, kept. */
  async #signerFor(requestId: string, expiresAt: number): Promise<CustomerSigner> {
    const scope = { agentId: CUSTOMER, conversationId: this.conversationId };
    try {
      const kept = await this.keyStore.get(scope, requestId);
      if (kept) return { keyPair: kept.signing, publicKey: await exportPublicKey(kept.signing.publicKey) };
    } catch {
      // No key store here: a new key, which a reload will not find.
    }
    const made = await generateSigningKeyPair();
    // After the request's deadline the agent's outcome needs no answer: the key is useless then.
    this.keyStore
      .put({ ...scope, requestId, encryption: null, signing: made.keyPair, expiresAt: expiresAt + MAX_VIEW_WINDOW_MS })
      .catch(() => undefined);
    return made;
  }

  /** What the customer's machine does for a request (given with `provide()`): seals the card and sends it. */
  #effects(requestId: string): SideEffects {
    const link = this.link;
    return {
      actors: {
        prepareMessage: fromPromise(async ({ input }) => {
          const card = this.#cards.get(requestId);
          this.#cards.delete(requestId);
          const signer = this.#signers.get(requestId);
          const { terms, conversationId } = input.context;
          if (!card || !terms || !signer) throw new SessionError('not-allowed-now', 'There is no card to send.');
          // Loaded on demand: a page that shows a request does not load HPKE until a card is paid.
          const { sealCard } = await loadCardSealing();
          const sealed = await sealCard(card, terms.agentKey, {
            requestId,
            conversationId,
            terms,
            customerKey: signer.publicKey,
          });
          const unsigned = link.stamp(requestId, 'request.submitted', { sealed });
          return (await signMessage(unsigned, signer.keyPair.privateKey)) as WireMessage;
        }),
        deliver: fromPromise(({ input }) => link.deliver(input.message)),
      },
      forgetSecrets: () => this.#cards.delete(requestId),
    };
  }
}

/** Starts the customer's side of a conversation. Throws `ConfigError` without `trustedKeys` (or the development opt-out). */
export function createCustomerSession(options: CustomerSessionOptions): CustomerSession {
  return new CustomerSession(options);
}
