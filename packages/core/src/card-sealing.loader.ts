import type * as CardSealing from './card-sealing.js';
import { SealError } from './seal-error.js';

/** The sealing code, as loaded on demand. */
export type CardSealingModule = Pick<typeof CardSealing, 'sealCard' | 'openCard'>;

/**
 * A loader of the sealing code through `importer`: loaded once, and every call while it loads, or
 * after, gets the same promise; a failed load is forgotten, so that the next card tries again, and
 * rejects with a `SealError` coded `not-loaded` (what went wrong underneath is not repeated).
 */
export function cardSealingLoaderFrom(importer: () => Promise<CardSealingModule>): () => Promise<CardSealingModule> {
  let loading: Promise<CardSealingModule> | null = null;
  return () => {
    loading ??= importer().catch(() => {
      loading = null;
      throw new SealError('not-loaded', 'The code that seals and opens cards did not load.');
    });
    return loading;
  };
}

/**
 * The sealing code (`card-sealing.ts` and @hpke/core under it), loaded with a dynamic `import()` when
 * a card is to be sealed or opened, so that a bundler that splits code keeps it out of the page until
 * then (a one-file bundle inlines it): the customer's session loads it to seal, the agent's once a
 * request of its own is out (to open the card that answers it).
 */
export const loadCardSealing = cardSealingLoaderFrom(() => import('./card-sealing.js'));

/**
 * Seals `card` to the agent's public key, bound to the request's terms (see `card-sealing.ts`), loading
 * the sealing code first. The package exports this one, so that importing `@chatpay/core` does not tie
 * HPKE to the importer's chunk; a failed load rejects with a `SealError` coded `not-loaded`.
 */
export async function sealCard(
  ...args: Parameters<typeof CardSealing.sealCard>
): ReturnType<typeof CardSealing.sealCard> {
  return (await loadCardSealing()).sealCard(...args);
}

/** Opens a sealed card with the agent's key (see `card-sealing.ts`), loading the sealing code first. */
export async function openCard(
  ...args: Parameters<typeof CardSealing.openCard>
): ReturnType<typeof CardSealing.openCard> {
  return (await loadCardSealing()).openCard(...args);
}
