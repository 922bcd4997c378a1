import { isDefined, onDemand, type OnDemand } from '@chatpay/ui';

/**
 * How the status chip gets the card viewer when it needs it: the viewer's define module (the viewer,
 * its clipboard handling and its card grouping) is loaded with a dynamic `import()`, so that an agent
 * console loads it only once a card may be viewed: prefetched when VIEW CARD is offered, or loaded
 * when it is chosen.
 */
export type CardViewerLoader = OnDemand;

/** The card viewer's own loader: its define module, imported on demand. */
export const cardViewerLoader: CardViewerLoader = onDemand(
  () => import('./card-viewer.define.js'),
  () => isDefined('chatpay-card-viewer'),
);

/**
 * Loads and defines `<chatpay-card-viewer>`, for a host that shows the viewer itself after importing
 * `@chatpay/agent/define` (which defines it only when a status chip first needs it). A host may as
 * well import `@chatpay/agent/card-viewer/define` to have it defined up front.
 */
export const loadCardViewer = (): Promise<void> => cardViewerLoader.load();
