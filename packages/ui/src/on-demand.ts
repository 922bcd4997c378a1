import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A part of an element loaded when it is needed: its define module, imported with a dynamic
 * `import()`, so that a bundler that splits code puts it in a chunk of its own. Without splitting (a
 * one-file bundle) the bundler inlines it and loading it costs nothing.
 */
export interface OnDemand {
  /** Whether the part is defined already: it is then drawn at once, with no wait. */
  loaded(): boolean;
  /** Loads and defines the part. Rejects when it could not be loaded; the next call tries again. */
  load(): Promise<void>;
}

/**
 * A loader that imports with `importer` at most once at a time: every call while it loads, and after
 * it loaded, gets the same promise; a failed import is forgotten, so that the next call imports again.
 * `loaded` says whether the part is there without loading it.
 */
export function onDemand(importer: () => Promise<unknown>, loaded: () => boolean): OnDemand {
  let loading: Promise<void> | null = null;
  return {
    loaded,
    load() {
      loading ??= importer().then(
        () => undefined,
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
  };
}

/** Whether the custom element `tag` is defined here (never where there is no registry, as on a server). */
export const isDefined = (tag: string): boolean =>
  typeof customElements !== 'undefined' && customElements.get(tag) !== undefined;

/**
 * Runs `callback` once the browser is idle (`requestIdleCallback`, or a short timeout where there is
 * none); returns what cancels it.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 200);
  return () => clearTimeout(id);
}

/** Where an element finds its on-demand part: the loader, and when to fetch it ahead. Read at each use, so tests can swap them. */
export interface OnDemandSource {
  /** Loads the part, and says whether it is there. */
  readonly loader: OnDemand;
  /** Runs a callback once the browser is idle; returns what cancels it (`whenIdle` by default). */
  readonly whenIdle: (callback: () => void) => () => void;
}

/** One element's use of a part loaded on demand: see `onDemandPart`. */
export interface OnDemandPart {
  /** Whether the part is defined already. */
  loaded(): boolean;
  /** The part's load, started once; a failed one is forgotten, so that the next call loads again. */
  load(): Promise<void>;
  /** Loads the part ahead, silently (a failure shows only once the part is needed); the host is drawn again once it is there. */
  readonly prefetch: () => void;
  /** Prefetches once the browser is idle: once while the host is in the page. */
  prefetchWhenIdle(): void;
}

/**
 * One element's use of a part loaded on demand (the bubble's card form, the chip's card viewer): a
 * load started once, which a prefetch and the need share, and forgotten when it fails so that the
 * next call loads again; a prefetch when the browser is idle, cancelled when the host leaves the
 * page; and the host drawn again once a prefetch has loaded the part. `source` is read at each use.
 */
export function onDemandPart(host: ReactiveControllerHost & Element, source: () => OnDemandSource): OnDemandPart {
  let loading: Promise<void> | null = null;
  let cancelIdle: (() => void) | null = null;
  const part: OnDemandPart = {
    loaded: () => source().loader.loaded(),
    load() {
      const started = (loading ??= source()
        .loader.load()
        .catch((error: unknown) => {
          if (loading === started) loading = null;
          throw error;
        }));
      return started;
    },
    prefetch() {
      if (!part.loaded()) {
        part.load().then(
          () => host.requestUpdate(),
          () => undefined,
        );
      }
    },
    prefetchWhenIdle() {
      if (cancelIdle === null && host.isConnected) cancelIdle = source().whenIdle(part.prefetch);
    },
  };
  const controller: ReactiveController = {
    hostDisconnected() {
      cancelIdle?.();
      cancelIdle = null;
    },
  };
  host.addController(controller);
  return part;
}
