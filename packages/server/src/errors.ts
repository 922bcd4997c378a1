import { ChatPayError } from '@chatpay/core';

/** `JoinTokenError`'s codes: no token, one the relay cannot trust, or one that expired. */
export type JoinTokenErrorCode = 'token-missing' | 'token-invalid' | 'token-expired';

/**
 * A join token was absent, not one the relay can trust (bad signature, unknown key, wrong audience or
 * issuer, a claim missing or out of shape, a lifetime longer than allowed), or expired. The message
 * names the rule, never the token.
 */
export class JoinTokenError extends ChatPayError<JoinTokenErrorCode> {
  override name = 'JoinTokenError';
}

/** `RelayError`'s codes: the store cannot be reached or was closed, or the relay was closed. */
export type RelayErrorCode = 'store-unavailable' | 'store-closed' | 'relay-closed';

/** The relay or its store could not do what was asked. */
export class RelayError extends ChatPayError<RelayErrorCode> {
  override name = 'RelayError';
}
