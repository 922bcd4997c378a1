import { Emitter } from './emitter.js';
import type { PaymentRequestActor } from './payment-request.machine.js';

/** A session's news about its requests: one arrived or was created, one changed, or one was forgotten. */
export interface RequestEvent<R> {
  /** What happened to it: added (arrived or created), changed (its phase or facts), or removed (forgotten). */
  readonly type: 'request-added' | 'request-changed' | 'request-removed';
  /** The request's handle. */
  readonly request: R;
}

export interface RequestBookOptions {
  /**
   * Receives what a subscriber threw. The other subscribers still hear the news, and the action that
   * caused it (creating a request, a message arriving, a deadline) still completes.
   */
  readonly onListenerError?: ((error: unknown) => void) | undefined;
}

/** A session's requests, by id, with their actors' lifecycles and the news about them. */
export class RequestBook<R extends { readonly requestId: string; readonly actor: PaymentRequestActor }> {
  readonly #requests = new Map<string, R>();
  readonly #events: Emitter<RequestEvent<R>>;

  constructor(options: RequestBookOptions = {}) {
    this.#events = new Emitter({ onError: options.onListenerError });
  }

  /** Every request, oldest first. */
  get all(): readonly R[] {
    return [...this.#requests.values()];
  }

  get(requestId: string): R | undefined {
    return this.#requests.get(requestId);
  }

  subscribe(listener: (event: RequestEvent<R>) => void): () => void {
    return this.#events.subscribe(listener);
  }

  /**
   * Keeps `request`, starts its actor, and tells subscribers about it and about each of its changes.
   * An actor that fails is a change too: its snapshot then has the status `error`. (An observer
   * without an error handler would make XState throw the error again from a timer, which ends a
   * Node process.) The emitter never throws, so nothing reaches the actor from a subscriber.
   */
  add(request: R): void {
    this.#requests.set(request.requestId, request);
    const changed = () => this.#events.emit({ type: 'request-changed', request });
    request.actor.subscribe({ next: changed, error: changed });
    request.actor.start();
    this.#events.emit({ type: 'request-added', request });
  }

  /** Stops the request's actor and lets go of it. */
  remove(requestId: string): void {
    const request = this.#requests.get(requestId);
    if (!request) return;
    this.#requests.delete(requestId);
    request.actor.stop();
    this.#events.emit({ type: 'request-removed', request });
  }

  /** Stops every actor and forgets every listener. */
  close(): void {
    for (const request of this.#requests.values()) request.actor.stop();
    this.#events.clear();
  }
}
