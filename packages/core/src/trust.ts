import { ConfigError } from './errors.js';
import type { SessionReport } from './conversation-link.js';
import type { Trust } from './payment-request.machine.js';
import type { WireMessage } from './protocol.js';
import type { TrustedKeys, TrustErrorCode } from './vouching.js';

/** How many requests may be under way at once in one conversation, by default. */
export const DEFAULT_MAX_LIVE_REQUESTS = 16;

/** At most this many forgotten request ids are remembered (only requests that passed every check are ever remembered). */
const FORGOTTEN_LIMIT = 10_000;

interface TrustOptions {
  readonly trustedKeys?: TrustedKeys | undefined;
  readonly dangerouslySkipKeyVouching?: boolean | undefined;
}

/** Which trust a session runs with: vouched (the default, needing the integrator's keys) or, only when asked for by name, unverified. */
export function checkTrust(options: TrustOptions, side: 'agent' | 'customer'): Trust {
  if (options.dangerouslySkipKeyVouching === true) return 'unverified';
  const keys = options.trustedKeys;
  if (typeof keys === 'function' || (typeof keys === 'object' && keys !== null && Array.isArray(keys.keys))) {
    return 'vouched';
  }
  throw new ConfigError(
    'trustedKeys',
    `Give trustedKeys (your server's published vouching keys, a JWKS) to the ${side}'s session, ` +
      'or run with dangerouslySkipKeyVouching: true in local development only.',
  );
}

const warned = new Set<string>();

/** Says once per side, loudly, that vouching is off. */
export function warnUnverified(side: 'agent' | 'customer'): void {
  if (warned.has(side)) return;
  warned.add(side);
  // Loud on purpose: the one console line ChatPay prints, and only in development mode.
  // eslint-disable-next-line no-console
  console.warn(
    `ChatPay (${side}): key vouching is OFF (dangerouslySkipKeyVouching). Anyone who can write to the conversation ` +
      'can ask the customer for a card with a key of their own and read it. Never run this in production.',
  );
}

/** Reports a message that failed an authenticity check, and says it was not acted on. */
export function refuse(report: (report: SessionReport) => void, message: WireMessage, reason: TrustErrorCode): false {
  report({ type: 'message-refused', reason, messageType: message.type, requestId: message.requestId });
  return false;
}

/** The requests a session has forgotten: a late copy of one of their messages never brings them back. */
export class ForgottenRequests {
  readonly #ids = new Set<string>();

  add(requestId: string): void {
    this.#ids.add(requestId);
    if (this.#ids.size > FORGOTTEN_LIMIT) this.#ids.delete(this.#ids.values().next().value!);
  }

  has(requestId: string): boolean {
    return this.#ids.has(requestId);
  }
}
