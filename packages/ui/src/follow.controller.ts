import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything that tells listeners when it changes and can stop telling them. */
export type Subscribe<S> = (source: S, changed: () => void) => () => void;

/**
 * Keeps its host in step with what it shows (a request's actor, the agent's registry): re-renders
 * the host on every change, moves to a new source when the host's property changes, and lets go
 * when the host leaves the page.
 */
export class FollowController<S extends object> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => S | undefined;
  readonly #subscribe: Subscribe<S>;
  #following: { readonly source: S; readonly stop: () => void } | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, source: () => S | undefined, subscribe: Subscribe<S>) {
    this.#host = host;
    this.#source = source;
    this.#subscribe = subscribe;
    host.addController(this);
  }

  /** Back in the page: whatever changed while away is drawn now. */
  hostConnected(): void {
    this.#connected = true;
    this.#sync();
    this.#host.requestUpdate();
  }

  /** Before each render: a new source is followed from this render on (never while out of the page). */
  hostUpdate(): void {
    if (this.#connected) this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#following?.stop();
    this.#following = undefined;
  }

  #sync(): void {
    const source = this.#source();
    if (source === this.#following?.source) return;
    this.#following?.stop();
    this.#following = source && { source, stop: this.#subscribe(source, () => this.#host.requestUpdate()) };
  }
}

/**
 * Follows an XState actor (`actor.subscribe` returns a subscription). An actor that fails is a change
 * too, drawn like any other; without an error handler XState would throw the actor's error again from
 * a timer.
 */
export const actorChanges: Subscribe<{
  subscribe(observer: { next(): void; error(error: unknown): void }): { unsubscribe(): void };
}> = (actor, changed) => {
  const subscription = actor.subscribe({ next: changed, error: changed });
  return () => subscription.unsubscribe();
};

/** Follows anything whose `subscribe` returns the function that unsubscribes. */
export const emitterChanges: Subscribe<{ subscribe(listener: () => void): () => void }> = (source, changed) =>
  source.subscribe(changed);
