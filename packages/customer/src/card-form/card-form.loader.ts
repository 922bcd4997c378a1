/**
 * How the bubble gets the card form when it needs it: the form's define module (the form, its masks
 * and its card rules) is loaded with a dynamic `import()`, so that a bundler that splits code puts it
 * in a chunk of its own and a page showing a request loads it only when the form is to be shown, or
 * prefetched. Without splitting (a one-file bundle) the bundler inlines it and loading it costs nothing.
 */
export interface CardFormLoader {
  /** Whether `<chatpay-card-form>` is defined already: the form is then drawn at once, with no wait. */
  loaded(): boolean;
  /** Loads and defines the form. Rejects when it could not be loaded; the next call tries again. */
  load(): Promise<void>;
}

/**
 * A loader that imports with `importer` at most once at a time: every call while it loads, and after
 * it loaded, gets the same promise; a failed import is forgotten, so that the next call imports again.
 */
export function cardFormLoaderFrom(importer: () => Promise<unknown>, loaded: () => boolean): CardFormLoader {
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

/** The card form's own loader: its define module, imported on demand. */
export const cardFormLoader: CardFormLoader = cardFormLoaderFrom(
  () => import('./card-form.define.js'),
  () => typeof customElements !== 'undefined' && customElements.get('chatpay-card-form') !== undefined,
);

/**
 * Loads and defines `<chatpay-card-form>`, for a host that shows the form itself after importing
 * `@chatpay/customer/define` (which defines it only when a bubble first needs it).
 */
export const loadCardForm = (): Promise<void> => cardFormLoader.load();

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
