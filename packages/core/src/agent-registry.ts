import type { AgentRequest } from './agent-request.js';
import type { AgentSession } from './agent-session.js';
import { arrivalsAfter, type Arrival } from './card-arrivals.js';
import { Emitter } from './emitter.js';
import type { Money } from './money.js';
import type { PaymentAsk } from './payment-asks.js';
import type { AgentStatus } from './status.js';

/** One request in the agent's list across conversations. */
export interface RequestSummary {
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The request's id. */
  readonly requestId: string;
  /** What the agent's timeline shows for it now. */
  readonly status: AgentStatus;
  /** A card has arrived and the agent has not opened it yet. */
  readonly needsAttention: boolean;
  /** Sent by another agent: followed, never opened here. */
  readonly observed: boolean;
  /**
   * The amount asked for (from the terms sent, or the draft being confirmed), or null before there is
   * one.
   */
  readonly amount: Money | null;
}

/** What `AgentRegistry.subscribe` tells: something changed, a card arrived out of view, or a customer asked to pay by card. */
export type RegistryEvent =
  /** Something the registry knows changed: read it again. */
  | { readonly type: 'changed' }
  /** A card arrived on a conversation the agent is not looking at: the cue for a banner. */
  | { readonly type: 'card-arrived'; readonly conversationId: string; readonly requestId: string }
  /** The customer of a conversation asked to pay by card (unsigned, and no card data: see `AgentSession.paymentAsk`). */
  | { readonly type: 'payment-asked'; readonly conversationId: string };

/** What `createAgentRegistry` takes. */
export interface AgentRegistryOptions {
  /**
   * Receives what a subscriber of the registry threw. The other subscribers (the banner, the dots)
   * still hear the news, and the call that caused it still returns.
   */
  readonly onListenerError?: ((error: unknown) => void) | undefined;
}

/**
 * The agent's requests across every conversation of the console: which need attention (a card has
 * arrived and waits to be viewed) and which conversation is in view. The banner and the activity
 * dots read it; the host app tells it which conversation is in view.
 *
 * A subscriber that throws, of the registry or of a session it follows, cannot keep it from raising
 * attention: each listener runs on its own, and the registry updates what it knows before it tells
 * anyone.
 */
export class AgentRegistry {
  readonly #sessions = new Map<AgentSession, () => void>();
  readonly #attention = new Set<AgentRequest>();
  readonly #events: Emitter<RegistryEvent>;
  #inView: string | null = null;
  #arrivals: readonly Arrival[] = [];

  constructor(options: AgentRegistryOptions = {}) {
    this.#events = new Emitter({ onError: options.onListenerError });
  }

  /** Tells the subscribers, once the arrivals are brought up to date with `event`. */
  #emit(event: RegistryEvent): void {
    this.#arrivals = arrivalsAfter(this.#arrivals, event, this);
    this.#events.emit(event);
  }

  /** Follows `session` until `remove` or `clear`. */
  add(session: AgentSession): void {
    if (this.#sessions.has(session)) return;
    for (const request of session.requests) this.#update(request, false);
    const unsubscribeRequests = session.subscribe(({ type, request }) =>
      type === 'request-removed' ? this.#drop(request) : this.#update(request, true),
    );
    const unsubscribeAsks = session.subscribePaymentAsks((ask) => {
      if (ask) this.#emit({ type: 'payment-asked', conversationId: ask.conversationId });
      this.#emit({ type: 'changed' });
    });
    this.#sessions.set(session, () => {
      unsubscribeRequests();
      unsubscribeAsks();
    });
    this.#emit({ type: 'changed' });
  }

  /** Stops following a session (closed, or its conversation left): its requests leave the list. */
  remove(session: AgentSession): void {
    this.#sessions.get(session)?.();
    this.#sessions.delete(session);
    for (const request of [...this.#attention])
      if (request.conversationId === session.conversationId) this.#attention.delete(request);
    this.#emit({ type: 'changed' });
  }

  /** The conversation the agent is looking at, as the host app last said; `null` for none. */
  get conversationInView(): string | null {
    return this.#inView;
  }

  /** The host app says which conversation the agent is looking at (`null` for none): cards arriving there raise no banner. */
  setConversationInView(conversationId: string | null): void {
    if (conversationId === this.#inView) return;
    this.#inView = conversationId;
    this.#emit({ type: 'changed' });
  }

  /** Whether a request of `conversationId` has a card waiting to be viewed: the green dot. */
  needsAttention(conversationId: string): boolean {
    return [...this.#attention].some((request) => request.conversationId === conversationId);
  }

  /**
   * The cards that arrived on conversations out of view and still wait, in the order they arrived:
   * the banners. A card announced again is a new arrival, at the end.
   */
  arrivals(): readonly Arrival[] {
    return this.#arrivals;
  }

  /** The customers' asks for a card request that the agent has not answered or dismissed, one per conversation at most. */
  paymentAsks(): readonly PaymentAsk[] {
    return [...this.#sessions.keys()].flatMap((session) => (session.paymentAsk ? [session.paymentAsk] : []));
  }

  /** Every request of every followed conversation. */
  requests(): readonly RequestSummary[] {
    return [...this.#sessions.keys()].flatMap((session) =>
      session.requests.map((request) => {
        const { terms, draft } = request.actor.getSnapshot().context;
        return {
          conversationId: request.conversationId,
          requestId: request.requestId,
          status: request.timeline().status,
          needsAttention: this.#attention.has(request),
          observed: request.observed,
          amount: (terms ?? draft)?.amount ?? null,
        };
      }),
    );
  }

  /** Calls `listener` with the registry's news; returns the function that stops it. */
  subscribe(listener: (event: RegistryEvent) => void): () => void {
    return this.#events.subscribe(listener);
  }

  #drop(request: AgentRequest): void {
    this.#attention.delete(request);
    this.#emit({ type: 'changed' });
  }

  #update(request: AgentRequest, announce: boolean): void {
    // Another agent's card is not this agent's to view; nor is one that cannot be opened in this tab.
    const timeline = request.timeline();
    const waiting =
      !request.observed && timeline.phase === 'cardSubmitted' && timeline.keys === 'here' && !timeline.conflict;
    const was = this.#attention.has(request);
    if (waiting === was) return;
    if (waiting) this.#attention.add(request);
    else this.#attention.delete(request);
    if (!announce) return;
    if (waiting && request.conversationId !== this.#inView) {
      this.#emit({ type: 'card-arrived', conversationId: request.conversationId, requestId: request.requestId });
    }
    this.#emit({ type: 'changed' });
  }
}

/** A registry with no sessions yet: `add` each agent session of the console. */
export function createAgentRegistry(options: AgentRegistryOptions = {}): AgentRegistry {
  return new AgentRegistry(options);
}
