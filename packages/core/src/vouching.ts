import type { Clock } from './clock.js';
import { ChatPayError, err, ok, type Result } from './errors.js';
import { fromBase64Url } from './ids.js';
import type { AgentKey } from './protocol.js';

/**
 * The integrator's server vouches for each request's agent keys: after authenticating the agent, it
 * signs a compact JWS (RFC 7515, ES256) whose payload names the agent, the request, the conversation,
 * both public keys and an expiry, with a key it publishes in a JWKS (RFC 7517) under a key id, so keys
 * can rotate. `@chatpay/server`'s `createKeyVoucher` makes them; this module checks them, with
 * WebCrypto alone (a JOSE library would add about 5 KB to the customer's page: `scripts/measure-vouching.mjs`).
 */
export const VOUCH_TYPE = 'chatpay-vouch+jwt';

/** What a vouch says. Claim names are short: the vouch travels in every request. */
export interface VouchClaims {
  /** The agent, as the integrator's server authenticated them. */
  readonly sub: string;
  /** The request id. */
  readonly rid: string;
  /** The conversation id. */
  readonly cid: string;
  /** The agent's HPKE public key for the request (`AgentKey.publicKey`). */
  readonly enc: string;
  /** The agent's signing key for the request (`AgentKey.signingKey`). */
  readonly sig: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
  /** Expires at, seconds since the epoch: at least the request's own `expiresAt`. */
  readonly exp: number;
}

/** A public key set as an integrator's server publishes it. */
export interface JsonWebKeySet {
  /** The public keys, each named by its `kid`. */
  readonly keys: readonly (JsonWebKey & {
    /** The key's id, as a vouch's header names it. */
    readonly kid?: string;
  })[];
}

/**
 * The integrator's published vouching keys: the set itself, or a function that fetches it (asked again,
 * at most once a minute, when a vouch names a key id it does not have: that is how keys rotate).
 */
export type TrustedKeys = JsonWebKeySet | (() => Promise<JsonWebKeySet>);

/** `TrustError`'s codes: which authenticity check failed (a vouch, a signature, a customer key, a card that does not open). */
export type TrustErrorCode =
  | 'unvouched'
  | 'malformed-vouch'
  | 'unknown-key-id'
  | 'bad-vouch-signature'
  | 'vouch-mismatch'
  | 'vouch-expired'
  | 'keys-unavailable'
  | 'bad-signature'
  | 'customer-key-conflict'
  | 'unopenable-card';

/** A message or a request failed an authenticity check. Says which check, never what the message held. */
export class TrustError extends ChatPayError<TrustErrorCode> {
  override name = 'TrustError';
}

/** What a vouch must match: the request as it arrived. */
export interface VouchExpectation {
  /** The request's id. */
  readonly requestId: string;
  /** The conversation it arrived in. */
  readonly conversationId: string;
  /** The keys the request carries, which the vouch must name. */
  readonly agentKey: AgentKey;
  /** The request's own deadline, ms since the epoch: the vouch must last at least as long. */
  readonly expiresAt: number;
}

const REFETCH_INTERVAL_MS = 60_000;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const decodeJson = (part: string): unknown => JSON.parse(new TextDecoder().decode(fromBase64Url(part)));

function isClaims(value: unknown): value is VouchClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    ['sub', 'rid', 'cid', 'enc', 'sig'].every((name) => typeof claims[name] === 'string') &&
    ['iat', 'exp'].every((name) => Number.isSafeInteger(claims[name]))
  );
}

/** Checks vouches against the integrator's published keys. */
export class VouchVerifier {
  readonly #trusted: TrustedKeys;
  readonly #clock: Clock;
  #keys: Promise<JsonWebKeySet> | undefined;
  #fetchedAt = -Infinity;
  readonly #imported = new Map<string, Promise<CryptoKey>>();

  constructor(trusted: TrustedKeys, clock: Clock) {
    this.#trusted = trusted;
    this.#clock = clock;
  }

  /** The vouch's claims if it is well formed, signed by a published key, and names exactly this request and its keys. */
  async verify(vouch: string | undefined, expected: VouchExpectation): Promise<Result<VouchClaims, TrustError>> {
    if (!vouch) return err(new TrustError('unvouched', "The request's keys are not vouched for by the integrator."));
    const parts = vouch.split('.');
    let header: unknown;
    let claims: unknown;
    let signature: Uint8Array<ArrayBuffer>;
    try {
      if (parts.length !== 3) throw new Error('parts');
      header = decodeJson(parts[0]!);
      claims = decodeJson(parts[1]!);
      signature = fromBase64Url(parts[2]!);
    } catch {
      return err(new TrustError('malformed-vouch', 'The vouch is not a compact JWS.'));
    }
    const { alg, kid, typ } = (header ?? {}) as { alg?: unknown; kid?: unknown; typ?: unknown };
    if (
      alg !== 'ES256' ||
      typ !== VOUCH_TYPE ||
      typeof kid !== 'string' ||
      !isClaims(claims) ||
      signature.length !== 64
    ) {
      return err(
        new TrustError('malformed-vouch', `The vouch is not an ES256 JWS of type ${VOUCH_TYPE} with a key id.`),
      );
    }
    const key = await this.#key(kid);
    if (!key.ok) return key;
    const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
    let valid = false;
    try {
      valid = await crypto.subtle.verify(ES256, key.value, signature, signed);
    } catch {
      valid = false;
    }
    if (!valid) return err(new TrustError('bad-vouch-signature', "The vouch's signature does not verify."));
    const { agentKey } = expected;
    if (
      claims.sub !== agentKey.agentId ||
      claims.rid !== expected.requestId ||
      claims.cid !== expected.conversationId ||
      claims.enc !== agentKey.publicKey ||
      claims.sig !== agentKey.signingKey
    ) {
      return err(new TrustError('vouch-mismatch', 'The vouch is for another agent, request, conversation or key.'));
    }
    if (claims.exp * 1000 < expected.expiresAt) {
      return err(new TrustError('vouch-expired', 'The vouch ends before the request does.'));
    }
    return ok(claims);
  }

  /** The published key `kid`, fetching the set again (rate-limited) when it is not there. */
  async #key(kid: string): Promise<Result<CryptoKey, TrustError>> {
    let jwk = await this.#find(kid, false);
    if (!jwk.ok && jwk.error.code === 'unknown-key-id') jwk = await this.#find(kid, true);
    if (!jwk.ok) return jwk;
    const { x, y } = jwk.value;
    const id = `${kid}:${x}:${y}`;
    let key = this.#imported.get(id);
    if (!key) {
      key = Promise.resolve().then(() => {
        if (typeof x !== 'string' || typeof y !== 'string') throw new Error('not a point');
        const publicJwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x, y, ext: true };
        return crypto.subtle.importKey('jwk', publicJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      });
      this.#imported.set(id, key);
    }
    try {
      return ok(await key);
    } catch {
      this.#imported.delete(id);
      return err(new TrustError('keys-unavailable', `The published key "${kid}" is not a P-256 signing key.`));
    }
  }

  async #find(kid: string, refresh: boolean): Promise<Result<JsonWebKey, TrustError>> {
    let set: JsonWebKeySet;
    try {
      set = await this.#set(refresh);
    } catch {
      return err(new TrustError('keys-unavailable', "The integrator's vouching keys could not be fetched."));
    }
    const jwk = Array.isArray(set?.keys)
      ? set.keys.find((candidate) => candidate?.kid === kid && candidate.kty === 'EC' && candidate.crv === 'P-256')
      : undefined;
    return jwk
      ? ok(jwk)
      : err(new TrustError('unknown-key-id', 'The vouch names a key the integrator does not publish.'));
  }

  #set(refresh: boolean): Promise<JsonWebKeySet> {
    const trusted = this.#trusted;
    if (typeof trusted !== 'function') return Promise.resolve(trusted);
    const now = this.#clock.now();
    if (!this.#keys || (refresh && now - this.#fetchedAt >= REFETCH_INTERVAL_MS)) {
      this.#fetchedAt = now;
      const fetching = Promise.resolve().then(trusted);
      // A failed fetch is not kept: the next vouch asks again.
      fetching.catch(() => {
        if (this.#keys === fetching) this.#keys = undefined;
      });
      this.#keys = fetching;
    }
    return this.#keys;
  }
}
