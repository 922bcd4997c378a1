import { ConfigError } from './errors.js';
import type { SessionReport } from './session-report.js';
import type { Trust } from './payment-request.machine.js';
import type { MessageOf, WireMessage } from './protocol.js';
import { verifyMessage } from './signing.js';
import type { TrustedKeys, TrustErrorCode, VouchVerifier } from './vouching.js';

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

/** What a session knows when a `request.created` arrives. */
export interface ArrivalCheck {
  readonly conversationId: string;
  readonly report: (report: SessionReport) => void;
  readonly forgotten: ForgottenRequests;
  /** Undefined without vouching (development only). */
  readonly verifier: VouchVerifier | undefined;
  readonly known: (requestId: string) => boolean;
  /** How many requests are under way, and how many may be. */
  readonly live: () => number;
  readonly maxLive: number;
}

/**
 * The checks every session makes on a `request.created`, in order: not forgotten, signed by the key it
 * announces, vouched for by the integrator (a forged copy of a request already here is reported as what
 * it is), not already here, and within the live-request bound. `new` means it passed every one; the
 * other answers say whether it was acted on (`true`: copies may be dropped) or not (`false`).
 */
export async function checkArrival(
  message: MessageOf<'request.created'>,
  check: ArrivalCheck,
): Promise<'new' | boolean> {
  const { requestId, body: terms } = message;
  const ignore = (reason: 'forgotten' | 'not-now' | 'too-many-requests') =>
    check.report({ type: 'message-ignored', reason, messageType: message.type, requestId });
  if (check.forgotten.has(requestId)) {
    ignore('forgotten');
    return true;
  }
  if (!(await verifyMessage(message, terms.agentKey.signingKey))) return refuse(check.report, message, 'bad-signature');
  if (check.verifier) {
    const vouched = await check.verifier.verify(terms.agentKey.vouch, {
      requestId,
      conversationId: check.conversationId,
      agentKey: terms.agentKey,
      expiresAt: terms.expiresAt,
    });
    if (!vouched.ok) return refuse(check.report, message, vouched.error.code);
  }
  if (check.known(requestId)) {
    ignore('not-now');
    return true;
  }
  if (check.live() >= check.maxLive) {
    ignore('too-many-requests');
    return false;
  }
  return 'new';
}
