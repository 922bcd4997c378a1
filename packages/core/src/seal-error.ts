import { ChatPayError } from './errors.js';

export type SealErrorCode =
  | 'malformed-payload'
  | 'cannot-open'
  | 'key-gone'
  | 'invalid-card'
  | 'untrusted-key'
  | 'crypto-unavailable'
  /** The sealing code (loaded on demand, see `card-sealing.loader.ts`) could not be loaded: nothing was sent. */
  | 'not-loaded';

/**
 * Sealing or opening a card failed. Never carries any part of the card. In a module of its own, so
 * that what reports it does not load the sealing code (HPKE) with it.
 */
export class SealError extends ChatPayError<SealErrorCode> {
  override name = 'SealError';
}
