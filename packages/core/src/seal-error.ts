import { ChatPayError } from './errors.js';

/**
 * `SealError`'s codes: `malformed-payload`, `cannot-open` (wrong key, or anything bound changed), `key-gone`
 * (the request's key is no longer held), `invalid-card` (details incomplete or malformed), `untrusted-key`
 * (the agent's key is not a valid P-256 key), `crypto-unavailable` (no WebCrypto here), `not-loaded` (the
 * sealing code, loaded on demand, could not be loaded: nothing was sealed nor opened).
 */
export type SealErrorCode =
  | 'malformed-payload'
  | 'cannot-open'
  | 'key-gone'
  | 'invalid-card'
  | 'untrusted-key'
  | 'crypto-unavailable'
  | 'not-loaded';

/**
 * Sealing or opening a card failed. Never carries any part of the card. In a module of its own, so
 * that what reports it does not load the sealing code (HPKE) with it.
 */
export class SealError extends ChatPayError<SealErrorCode> {
  override name = 'SealError';
}
