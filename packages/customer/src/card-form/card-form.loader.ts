import { isDefined, onDemand, type OnDemand } from '@chatpay/ui';

/**
 * How the bubble gets the card form when it needs it: the form's define module (the form, its masks
 * and its card rules) is loaded with a dynamic `import()`, so that a page showing a request loads it
 * only when the form is to be shown, or prefetched.
 */
export type CardFormLoader = OnDemand;

/** The card form's own loader: its define module, imported on demand. */
export const cardFormLoader: CardFormLoader = onDemand(
  () => import('./card-form.define.js'),
  () => isDefined('chatpay-card-form'),
);

/**
 * Loads and defines `<chatpay-card-form>`, for a host that shows the form itself after importing
 * `@chatpay/customer/define` (which defines it only when a bubble first needs it).
 */
export const loadCardForm = (): Promise<void> => cardFormLoader.load();
