import { createActor, fromPromise } from 'xstate';
import { sealCard, SealError, type CardDetails } from './card-sealing.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, err, ok, SessionError, toFailure, type Result } from './errors.js';
import { ConversationLink, safeReporter, type Arrival, type SessionReport } from './conversation-link.js';
import {
  deadlineActor,
  MAX_VIEW_WINDOW_MS,
  paymentRequestMachine,
  type PaymentRequestActor,
  type Trust,
} from './payment-request.machine.js';
import type { MessageOf, RequestTerms, WireMessage } from './protocol.js';
import { RequestBook, type RequestEvent } from './request-book.js';
import { command, route, settle } from './request-handle.js';
import { generateSigningKeyPair, signMessage, verifyMessage } from './signing.js';
import { customerTimeline, phaseOf, type CustomerStatus, type TimelineView } from './status.js';
import type { Transport } from './transport.js';
import {
  checkArrival,
  checkTrust,
  DEFAULT_MAX_LIVE_REQUESTS,
  ForgottenRequests,
  refuse,
  warnUnverified,
} from './trust.js';
import { createDefaultKeyStore, type KeyStore } from './key-store.js';
import { exportPublicKey } from './signing.js';
import { VouchVerifier, type TrustedKeys } from './vouching.js';

/** At most this many messages wait, across all requests, for a `request.created` that has not arrived. */
const MAX_EARLY_MESSAGES = 64;

export interface CustomerSessionOptions {
  readonly conversationId: string;
  readonly transport: Transport;
  /**
   * The integrator's published vouching keys (a JWKS, or a function fetching it). A request whose keys
   * are not vouched for by one of them is never shown and is reported. Required unless
   * `dangerouslySkipKeyVouching`.
   */
  readonly trustedKeys?: TrustedKeys;
  /** Accepts requests nobody vouched for: local development only (see the agent's option of the same name). */
  readonly dangerouslySkipKeyVouching?: boolean;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** How many requests may be under way at once in this conversation. Default 16. */
  readonly maxLiveRequests?: number;
  /**
   * Where the customer's signing key for each request waits (non-extractable), so that a reload
   * before paying still speaks with the key the agent bound. Never holds card data. Default:
   * IndexedDB (database `chatpay-customer-keys`) where the browser has it, else memory.
   */
  readonly keyStore?: KeyStore;
  readonly onReport?: (report: SessionReport) => void;
}

/** The customer's keys are kept under this owner in the key store (one conversation's, per request). */
const CUSTOMER = '(customer)';

export type CustomerSessionEvent = RequestEvent<CustomerRequest>;

/** One payment request as the customer's elements drive it. */
export interface CustomerRequest {
  readonly requestId: string;
  readonly conversationId: string;
  readonly terms: RequestTerms;
  readonly actor: PaymentRequestActor;
  /**
   * Whether this page took the request up again from the conversation's history (a reload, a late
   * join) while the customer was entering the card: the form comes back empty, and says why.
   */
  readonly resumed: boolean;
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

interface CustomerSigner {
  readonly keyPair: CryptoKeyPair;
  readonly publicKey: string;
}

/**
 * The customer's side of one conversation: it shows the requests whose keys the integrator vouched
 * for, accepts only what that request's agent key signed, seals the card in this browser and sends
 * only the sealed payload, signed by a key it makes for the request. It holds no key that can open a card.
 */
export class CustomerSession {
  readonly conversationId: string;
  readonly #clock: Clock;
  readonly #trust: Trust;
  readonly #maxLive: number;
  readonly #verifier: VouchVerifier | undefined;
  readonly #keyStore: KeyStore;
  readonly #link: ConversationLink;
  readonly #report: (report: SessionReport) => void;
  readonly #requests: RequestBook<CustomerRequest>;
  readonly #cards = new Map<string, CardDetails>();
  readonly #signers = new Map<string, CustomerSigner>();
  readonly #forgotten = new ForgottenRequests();
  /** Requests whose form the customer had opened before this page loaded. */
  readonly #resumed = new Set<string>();
  /** Messages that overtook their request's `request.created`, held until it arrives. */
  readonly #early = new Map<string, { message: WireMessage; arrival: Arrival }[]>();

  constructor(options: CustomerSessionOptions) {
    this.#report = safeReporter(options.onReport);
    this.conversationId = options.conversationId;
    this.#clock = options.clock ?? systemClock;
    this.#trust = checkTrust(options, 'customer');
    this.#verifier = this.#trust === 'vouched' ? new VouchVerifier(options.trustedKeys!, this.#clock) : undefined;
    if (this.#trust === 'unverified') warnUnverified('customer');
    const maxLive = options.maxLiveRequests ?? DEFAULT_MAX_LIVE_REQUESTS;
    if (!Number.isInteger(maxLive) || maxLive < 1 || maxLive > 1_000) {
      throw new ConfigError('maxLiveRequests', 'maxLiveRequests must be a whole number from 1 to 1000.');
    }
    this.#maxLive = maxLive;
    this.#keyStore = options.keyStore ?? createDefaultKeyStore({ name: 'chatpay-customer-keys', clock: this.#clock });
    this.#keyStore.sweep(this.#clock.now()).catch(() => undefined);
    this.#requests = new RequestBook<CustomerRequest>({
      onListenerError: (error) => this.#report({ type: 'listener-failed', failure: toFailure(error) }),
    });
    this.#link = new ConversationLink({
      conversationId: options.conversationId,
      transport: options.transport,
      clock: this.#clock,
      report: this.#report,
      receive: (message, arrival) => this.#receive(message, arrival),
      reconnected: () => this.resync(),
      signer: (requestId) => {
        const signer = this.#signers.get(requestId);
        return signer && { privateKey: signer.keyPair.privateKey, customerKey: signer.publicKey };
      },
    });
  }

  get requests(): readonly CustomerRequest[] {
    return this.#requests.all;
  }

  /** Whether requests are vouched for by the integrator, or unverified (development only). */
  get trust(): Trust {
    return this.#trust;
  }

  request(requestId: string): CustomerRequest | undefined {
    return this.#requests.get(requestId);
  }

  subscribe(listener: (event: CustomerSessionEvent) => void): () => void {
    return this.#requests.subscribe(listener);
  }

  /** Resolves once the conversation's history and every message received so far have been handled. */
  idle(): Promise<void> {
    return this.#link.idle();
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
    this.#forgotten.add(requestId);
    this.#cards.delete(requestId);
    this.#signers.delete(requestId);
    this.#resumed.delete(requestId);
    this.#keyStore.delete({ agentId: CUSTOMER, conversationId: this.conversationId }, requestId).catch(() => undefined);
    return ok(undefined);
  }

  /** After a reconnect over a transport without history: asks the agent's side to send again what this side may have missed. */
  resync(): void {
    this.#link.resync(this.#requests.all.map((request) => request.requestId));
  }

  close(): void {
    this.#requests.close();
    this.#cards.clear();
    this.#signers.clear();
    this.#link.close();
  }

  async #receive(message: WireMessage, arrival: Arrival): Promise<boolean> {
    const { requestId } = message;
    if (message.type === 'request.created') return this.#arrive(message);
    const request = this.#requests.get(requestId);
    if (!request) {
      if (this.#forgotten.has(requestId)) {
        this.#report({ type: 'message-ignored', reason: 'forgotten', messageType: message.type, requestId });
        return true;
      }
      this.#holdEarly(message, arrival);
      return false;
    }
    const agentSigned = !('customerKey' in message) || message.customerKey === undefined;
    if (!agentSigned) return this.#fromCustomer(request, message, arrival);
    if (!(await verifyMessage(message, request.terms.agentKey.signingKey))) {
      return refuse(this.#report, message, 'bad-signature');
    }
    if (message.type === 'request.sync') {
      this.#link.answerSync(message, phaseOf(request.actor.getSnapshot()));
      return true;
    }
    if (message.type === 'request.state') {
      this.#report({ type: 'peer-state', requestId, phase: message.body.phase });
      return true;
    }
    return route(request.actor, message, arrival.receivedAt, this.#report);
  }

  /**
   * A customer's message this page did not send: its own words from before a reload, in the history.
   * Live, only this page speaks for the customer here; another page's words reach the agent directly.
   */
  async #fromCustomer(request: CustomerRequest, message: WireMessage, arrival: Arrival): Promise<boolean> {
    const customerKey = 'customerKey' in message ? message.customerKey : undefined;
    if (message.type === 'request.sync' || message.type === 'request.state') return true;
    if (!arrival.fromHistory) {
      this.#report({
        type: 'message-ignored',
        reason: 'wrong-direction',
        messageType: message.type,
        requestId: message.requestId,
      });
      return true;
    }
    // Only this customer's own words come back: signed by the key this page keeps for the request.
    if (!customerKey || customerKey !== this.#signers.get(request.requestId)?.publicKey) {
      return refuse(this.#report, message, 'customer-key-conflict');
    }
    if (!(await verifyMessage(message, customerKey))) return refuse(this.#report, message, 'bad-signature');
    const routed = route(request.actor, message, arrival.receivedAt, this.#report);
    // The customer had opened the form before this page loaded: what was typed then is gone.
    if (routed && message.type === 'request.opened') this.#resumed.add(request.requestId);
    return routed;
  }

  /** Transports may reorder: an outcome can arrive before its request. Held (bounded), not lost. */
  #holdEarly(message: WireMessage, arrival: Arrival): void {
    const held = this.#early.get(message.requestId) ?? [];
    held.push({ message, arrival });
    this.#report({ type: 'message-held', messageType: message.type, requestId: message.requestId });
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
      messageType: dropped.message.type,
      requestId: oldestId,
    });
  }

  async #arrive(message: MessageOf<'request.created'>): Promise<boolean> {
    const { requestId, body: terms } = message;
    const checked = await checkArrival(message, {
      conversationId: this.conversationId,
      report: this.#report,
      forgotten: this.#forgotten,
      verifier: this.#verifier,
      known: (id) => this.#requests.get(id) !== undefined,
      live: () => this.#requests.all.filter((request) => !request.timeline().settled).length,
      maxLive: this.#maxLive,
    });
    if (checked !== 'new') return checked;
    const signer = await this.#signerFor(requestId, terms.expiresAt);
    if (this.#link.closed || this.#requests.get(requestId)) return true;
    this.#signers.set(requestId, signer);
    const actor = createActor(this.#machine(requestId), {
      input: { side: 'customer', requestId, conversationId: this.conversationId, terms, trust: this.#trust },
    });
    const early = this.#early.get(requestId) ?? [];
    this.#early.delete(requestId);
    this.#requests.add(this.#handle(requestId, terms, actor));
    this.#replace(terms);
    for (const held of early) {
      if (await this.#receive(held.message, held.arrival)) this.#link.handled(held.message.id);
    }
    return true;
  }

  /** This page's signing key for the request: the one kept from before a reload, or a new one, kept. */
  async #signerFor(requestId: string, expiresAt: number): Promise<CustomerSigner> {
    const scope = { agentId: CUSTOMER, conversationId: this.conversationId };
    try {
      const kept = await this.#keyStore.get(scope, requestId);
      if (kept) return { keyPair: kept.signing, publicKey: await exportPublicKey(kept.signing.publicKey) };
    } catch {
      // No key store here: a new key, which a reload will not find.
    }
    const made = await generateSigningKeyPair();
    // After the request's deadline the agent's outcome needs no answer: the key is useless then.
    this.#keyStore
      .put({ ...scope, requestId, encryption: null, signing: made.keyPair, expiresAt: expiresAt + MAX_VIEW_WINDOW_MS })
      .catch(() => undefined);
    return made;
  }

  /** A new request of the same agent in place of an old one: the old one ends, and says the agent sent a new one. */
  #replace(terms: RequestTerms): void {
    const old = terms.replaces ? this.#requests.get(terms.replaces) : undefined;
    if (!old || old.terms.agentKey.agentId !== terms.agentKey.agentId) return;
    const event = { type: 'request.cancelled', reason: 'replaced' } as const;
    if (old.actor.getSnapshot().can(event)) old.actor.send(event);
  }

  #machine(requestId: string) {
    const clock = this.#clock;
    const link = this.#link;
    return paymentRequestMachine.provide({
      actors: {
        prepareMessage: fromPromise(async ({ input }) => {
          const card = this.#cards.get(requestId);
          this.#cards.delete(requestId);
          const signer = this.#signers.get(requestId);
          const { terms, conversationId } = input.context;
          if (!card || !terms || !signer) throw new SessionError('not-allowed-now', 'There is no card to send.');
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
        deadline: deadlineActor(clock),
      },
      actions: {
        notifyPeer: (_, notice) => link.notify(requestId, notice),
        forgetSecrets: () => this.#cards.delete(requestId),
      },
    });
  }

  #handle(requestId: string, terms: RequestTerms, actor: PaymentRequestActor): CustomerRequest {
    const resumed = this.#resumed;
    return {
      requestId,
      conversationId: this.conversationId,
      terms,
      actor,
      get resumed() {
        return resumed.has(requestId) && actor.getSnapshot().value === 'customerEntering';
      },
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

/** Starts the customer's side of a conversation. Throws `ConfigError` without `trustedKeys` (or the development opt-out). */
export function createCustomerSession(options: CustomerSessionOptions): CustomerSession {
  return new CustomerSession(options);
}
