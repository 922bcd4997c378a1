import type { Clock } from './clock.js';
import { ConversationLink, type Arrival, type RequestSigner } from './conversation-link.js';
import { err, ok, SessionError, toFailure, type Result } from './errors.js';
import type { KeyStore } from './key-store.js';
import {
  deadlineActor,
  paymentRequestMachine,
  type PaymentRequestActor,
  type PaymentRequestMachine,
  type Trust,
} from './payment-request.machine.js';
import type { MessageOf, PaymentAsked, RequestTerms, WireMessage } from './protocol.js';
import { RequestBook, type RequestEvent } from './request-book.js';
import { safeReporter, type SessionReport } from './session-report.js';
import type { Transport } from './transport.js';
import { checkArrival, ForgottenRequests, warnUnverified } from './trust.js';
import { VouchVerifier, type TrustedKeys } from './vouching.js';

/** What the shared part of a session reads of a request's handle: its id, its actor, whether it has ended. */
export interface SessionRequest {
  readonly requestId: string;
  readonly actor: PaymentRequestActor;
  timeline(): { readonly settled: boolean };
}

/** What a session is made of, once its side has checked its options. */
export interface SessionParts {
  readonly side: 'agent' | 'customer';
  readonly conversationId: string;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly trust: Trust;
  /** Required when `trust` is `vouched`. */
  readonly trustedKeys: TrustedKeys | undefined;
  readonly maxLive: number;
  readonly keyStore: KeyStore;
  readonly onReport: ((report: SessionReport) => void) | undefined;
}

type MachineImplementations = NonNullable<Parameters<PaymentRequestMachine['provide']>[0]>;

/** The effects a side gives its requests' machines; deadlines and notices are the same for both sides. */
export interface SideEffects {
  readonly actors: Omit<NonNullable<MachineImplementations['actors']>, 'deadline'>;
  /** Drops what this side holds for the request (keys, cards) when it ends. */
  readonly forgetSecrets: () => void;
}

/**
 * What the agent's and the customer's sessions share: the conversation link, the book of requests
 * and their news, the checks on an arriving request, forgetting a request that ended and closing.
 * Each side adds its own keys, its own handling of what arrives, and its machine's effects.
 */
export abstract class SessionBase<R extends SessionRequest> {
  /** The conversation this session speaks in, as given in its options. */
  readonly conversationId: string;
  protected readonly clock: Clock;
  protected readonly report: (report: SessionReport) => void;
  protected readonly keyStore: KeyStore;
  protected readonly book: RequestBook<R>;
  protected readonly link: ConversationLink;
  /** The requests forgotten here: a late copy of one of their messages never brings them back. */
  protected readonly forgotten = new ForgottenRequests();
  protected readonly maxLive: number;
  readonly #trust: Trust;
  /** Undefined without vouching (development only). */
  readonly #verifier: VouchVerifier | undefined;

  protected constructor(parts: SessionParts) {
    this.report = safeReporter(parts.onReport);
    this.conversationId = parts.conversationId;
    this.clock = parts.clock;
    this.#trust = parts.trust;
    this.#verifier = parts.trust === 'vouched' ? new VouchVerifier(parts.trustedKeys!, parts.clock) : undefined;
    if (parts.trust === 'unverified') warnUnverified(parts.side);
    this.maxLive = parts.maxLive;
    this.keyStore = parts.keyStore;
    this.book = new RequestBook<R>({
      onListenerError: (error) => this.report({ type: 'listener-failed', failure: toFailure(error) }),
    });
    // The link calls back only once the constructors are done: the history and live messages wait a turn.
    this.link = new ConversationLink({
      conversationId: parts.conversationId,
      transport: parts.transport,
      clock: parts.clock,
      report: this.report,
      receive: (message, arrival) => this.receive(message, arrival),
      asked: (ask, arrival) => this.asked(ask, arrival),
      reconnected: () => this.resync(),
      signer: (requestId) => this.signer(requestId),
    });
  }

  /** Whether the requests of this session are vouched for by the integrator, or unverified (development only). */
  get trust(): Trust {
    return this.#trust;
  }

  /** Every request of this conversation, oldest first. */
  get requests(): readonly R[] {
    return this.book.all;
  }

  /** The request with this id, or `undefined` if the session has none (or forgot it). */
  request(requestId: string): R | undefined {
    return this.book.get(requestId);
  }

  /** Calls `listener` whenever a request is added or changes; returns the function that stops it. */
  subscribe(listener: (event: RequestEvent<R>) => void): () => void {
    return this.book.subscribe(listener);
  }

  /** Resolves once the conversation's history and every message received so far have been handled. */
  idle(): Promise<void> {
    return this.link.idle();
  }

  /**
   * Lets go of a request that has ended (its actor, what was kept to replay it): for consoles and
   * chats that run for a long time. A request still under way is refused: the other side would be
   * left waiting. A forgotten request is never brought back by a late copy of its messages.
   */
  forget(requestId: string): Result<void, SessionError> {
    const request = this.book.get(requestId);
    if (!request) return err(new SessionError('unknown-request', 'This session has no such request.'));
    if (!this.mayForget(request)) {
      return err(new SessionError('not-allowed-now', 'Only a request that has ended can be forgotten.'));
    }
    this.book.remove(requestId);
    this.link.forget(requestId);
    this.forgotten.add(requestId);
    this.release(requestId);
    return ok(undefined);
  }

  /** Stops every actor and drops what this side holds in memory. The transport stays open: it is not the session's. */
  close(): void {
    this.book.close();
    this.releaseAll();
    this.link.close();
  }

  /** After a reconnect over a transport without history: asks the peer to send again what this side may have missed. */
  abstract resync(): void;

  /** Whether `forget` may let go of the request now. By default only once it has ended. */
  protected mayForget(request: R): boolean {
    return request.timeline().settled;
  }

  /** Drops what this side holds for a forgotten request. */
  protected abstract release(requestId: string): void;

  /** Drops everything this side holds in memory, on close. */
  protected abstract releaseAll(): void;

  /** Authenticates a screened message and acts on it; resolves with whether it was acted on (see `LinkOptions.receive`). */
  protected abstract receive(message: WireMessage, arrival: Arrival): Promise<boolean>;

  /** The customer's unsigned ask for a card request (see `PaymentAsked`). By default ignored: only the agent's side shows it. */
  protected asked(ask: PaymentAsked, arrival: Arrival): void {
    void ask;
    void arrival;
  }

  /** The key this side signs the request's messages with, if it holds one. */
  protected abstract signer(requestId: string): RequestSigner | undefined;

  /** How many requests are under way. */
  protected liveCount(): number {
    return this.book.all.filter((request) => !request.timeline().settled).length;
  }

  /** The checks every session makes on a `request.created` (see `checkArrival`): `new` when it passed them all. */
  protected checkArrival(message: MessageOf<'request.created'>): Promise<'new' | boolean> {
    return checkArrival(message, {
      conversationId: this.conversationId,
      report: this.report,
      forgotten: this.forgotten,
      verifier: this.#verifier,
      known: (id) => this.book.get(id) !== undefined,
      live: () => this.liveCount(),
      maxLive: this.maxLive,
    });
  }

  /** A new request of the same agent in place of an old one: the old one ends as replaced. */
  protected replaceOld(terms: RequestTerms): void {
    const old = terms.replaces ? this.book.get(terms.replaces) : undefined;
    const oldTerms = old?.actor.getSnapshot().context.terms;
    if (!old || !oldTerms || oldTerms.agentKey.agentId !== terms.agentKey.agentId) return;
    const event = { type: 'request.cancelled', reason: 'replaced' } as const;
    if (old.actor.getSnapshot().can(event)) old.actor.send(event);
  }

  /** The machine for one request of this side: its effects, deadlines on the session's clock, notices through the link. */
  protected machineFor(requestId: string, effects: SideEffects) {
    return paymentRequestMachine.provide({
      actors: { ...effects.actors, deadline: deadlineActor(this.clock) },
      actions: {
        notifyPeer: (_, notice) => this.link.notify(requestId, notice),
        forgetSecrets: effects.forgetSecrets,
      },
    });
  }

  /** The machine for a request this session follows but cannot act on: deadlines only; no notices, no key, no card. */
  protected observerMachine() {
    return paymentRequestMachine.provide({
      actors: { deadline: deadlineActor(this.clock) },
      actions: { notifyPeer: () => {}, forgetSecrets: () => {} },
    });
  }
}
