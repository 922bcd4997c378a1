import { ConfigError, systemClock, type Clock } from '@chatpay/core';
import {
  createLocalJWKSet,
  errors,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';
import { JoinTokenError } from './errors.js';

/** Whom a join token lets speak: the agent's side or the customer's. */
export type Role = 'agent' | 'customer';
/** Every `Role`. */
export const ROLES: readonly Role[] = ['agent', 'customer'];

/** What a join token says: who may join which conversation, as what, until when. */
export interface JoinClaims {
  /** The one conversation the token lets its holder join. */
  readonly conversationId: string;
  /** The side its holder speaks for. */
  readonly role: Role;
  /** The integrator's id for the person (an agent's id, a customer's account or chat session). */
  readonly subject: string;
  /** When the token stops being valid, ms since the epoch. */
  readonly expiresAt: number;
}

/** The audience a join token names unless told otherwise. */
export const JOIN_TOKEN_AUDIENCE = 'chatpay-relay';
/** The longest life a join token may have, unless the relay is told otherwise: one hour. */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 3600;
/** The longest conversation id and subject a token may name, in characters. */
export const MAX_NAME_LENGTH = 256;

const ALGORITHMS = ['ES256', 'EdDSA'] as const;
/** How join tokens are signed: `ES256` (P-256) or `EdDSA` (Ed25519). */
export type JoinTokenAlgorithm = (typeof ALGORITHMS)[number];

/** Visible characters only (no controls, no line breaks), 1 to MAX_NAME_LENGTH of them. */
const isName = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length > 0 &&
  value.length <= MAX_NAME_LENGTH &&
  !/[\u0000-\u001f\u007f]/.test(value);

/** What `createJoinTokenIssuer` takes. Bad values throw a `ConfigError` naming the option. */
export interface JoinTokenIssuerOptions {
  /** The private key (ES256: P-256; EdDSA: Ed25519), as a CryptoKey, a KeyObject or a private JWK. */
  readonly privateKey: CryptoKey | KeyObject | JWK;
  /** The key's id (`kid`), so the relay can pick it from a JWKS while keys rotate. */
  readonly keyId: string;
  /** Default ES256. */
  readonly algorithm?: JoinTokenAlgorithm;
  /**
   * How long a token lives, in seconds: a whole number above 0. Default 300. The relay refuses a token that
   * lives longer than its `maxLifetimeSeconds` (one hour unless set otherwise).
   */
  readonly ttlSeconds?: number;
  /** `iss`, if the relay checks it. */
  readonly issuer?: string;
  /** `aud`: default `JOIN_TOKEN_AUDIENCE` (`chatpay-relay`). */
  readonly audience?: string;
  /** Where `iat` and `exp` are read from. Default: `systemClock`. */
  readonly clock?: Clock;
}

/** What one join token is for; names are 1 to `MAX_NAME_LENGTH` (256) visible characters. */
export interface JoinTokenRequest {
  /** The conversation the token lets its holder join. */
  readonly conversationId: string;
  /** The side its holder speaks for. */
  readonly role: Role;
  /** The integrator's id for the person (an agent's id, a customer's account or chat session). */
  readonly subject: string;
  /** Overrides the issuer's `ttlSeconds` for this token; a whole number of seconds above 0. */
  readonly ttlSeconds?: number;
}

/** What `createJoinTokenIssuer` returns. */
export interface JoinTokenIssuer {
  /** A signed token naming the conversation, the role, the subject and the expiry. */
  issue(request: JoinTokenRequest): Promise<string>;
}

const positiveSeconds = (name: string, value: number) => {
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(name, `${name} must be a whole number of seconds above 0.`);
  return value;
};

/**
 * Issues join tokens on the integrator's backend, for a person it has authenticated: a JWT signed with
 * ES256 or EdDSA, with `kid`, `aud`, `sub` (the subject), `conversation`, `role`, `iat` and `exp`.
 * The backend decides who may join which conversation as what; the relay only checks the signature.
 */
export function createJoinTokenIssuer(options: JoinTokenIssuerOptions): JoinTokenIssuer {
  const algorithm = options.algorithm ?? 'ES256';
  if (!ALGORITHMS.includes(algorithm)) throw new ConfigError('algorithm', 'algorithm must be ES256 or EdDSA.');
  if (!isName(options.keyId)) throw new ConfigError('keyId', 'keyId must be 1 to 256 visible characters.');
  const defaultTtl = positiveSeconds('ttlSeconds', options.ttlSeconds ?? 300);
  const clock = options.clock ?? systemClock;
  const given = options.privateKey;
  const key: Promise<CryptoKey | KeyObject | Uint8Array> =
    'kty' in given ? importJWK(given as JWK, algorithm) : Promise.resolve(given as CryptoKey | KeyObject);
  return {
    async issue(request) {
      if (!isName(request.conversationId)) {
        throw new ConfigError('conversationId', 'conversationId must be 1 to 256 visible characters.');
      }
      if (!isName(request.subject)) throw new ConfigError('subject', 'subject must be 1 to 256 visible characters.');
      if (!ROLES.includes(request.role)) throw new ConfigError('role', 'role must be "agent" or "customer".');
      const ttl = positiveSeconds('ttlSeconds', request.ttlSeconds ?? defaultTtl);
      const now = Math.floor(clock.now() / 1000);
      const jwt = new SignJWT({ conversation: request.conversationId, role: request.role })
        .setProtectedHeader({ alg: algorithm, kid: options.keyId, typ: 'JWT' })
        .setSubject(request.subject)
        .setAudience(options.audience ?? JOIN_TOKEN_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + ttl);
      if (options.issuer) jwt.setIssuer(options.issuer);
      return jwt.sign(await key);
    },
  };
}

/** Checks a token and says what it grants, or rejects with a `JoinTokenError`. */
export type JoinTokenVerifier = (token: string) => Promise<JoinClaims>;

/** What `createJoinTokenVerifier` takes (and the relay, as `tokenKeys`, `tokenAudience`, `tokenIssuer`). */
export interface JoinTokenVerifierOptions {
  /**
   * The integrator's public keys: a JWKS (`{ keys: [...] }`, picked by `kid`), one public JWK, a
   * CryptoKey or KeyObject, or jose's key resolver (such as `createRemoteJWKSet(url)`).
   */
  readonly keys: JSONWebKeySet | JWK | CryptoKey | KeyObject | JWTVerifyGetKey;
  /** `iss` to require, if the issuer sets one. */
  readonly issuer?: string;
  /** `aud` to require. Default `JOIN_TOKEN_AUDIENCE` (`chatpay-relay`). */
  readonly audience?: string;
  /** The longest life (`exp` − `iat`) a token may have, seconds: a whole number above 0. Default `DEFAULT_MAX_TOKEN_LIFETIME_S` (3,600). */
  readonly maxLifetimeSeconds?: number;
  /** How far apart the backend's and the relay's clocks may be, seconds: 0 or more. Default 5. */
  readonly clockToleranceSeconds?: number;
  /** Where expiry is checked against. Default: `systemClock`. */
  readonly clock?: Clock;
}

type Resolved = CryptoKey | KeyObject | JWTVerifyGetKey;

function resolveKeys(keys: JoinTokenVerifierOptions['keys']): Resolved | Promise<Resolved> {
  if (typeof keys === 'function') return keys;
  if ('keys' in keys && Array.isArray((keys as JSONWebKeySet).keys)) return createLocalJWKSet(keys as JSONWebKeySet);
  if ('kty' in keys) {
    const jwk = keys as JWK;
    if ('d' in jwk) throw new ConfigError('keys', 'Give the relay public keys only: this JWK holds a private key.');
    // One key is used whatever the token's kid; a JWKS picks by kid.
    const algorithm = jwk.alg ?? (jwk.kty === 'OKP' ? 'EdDSA' : 'ES256');
    return importJWK(jwk, algorithm) as Promise<CryptoKey>;
  }
  return keys as CryptoKey | KeyObject;
}

/**
 * Verifies join tokens on the relay: signature (ES256 or EdDSA only), audience, issuer if set, expiry
 * against the relay's clock, a lifetime no longer than allowed, and claims of the right shape.
 */
export function createJoinTokenVerifier(options: JoinTokenVerifierOptions): JoinTokenVerifier {
  const clock = options.clock ?? systemClock;
  const maxLifetime = positiveSeconds('maxLifetimeSeconds', options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_S);
  const tolerance = options.clockToleranceSeconds ?? 5;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new ConfigError('clockToleranceSeconds', 'clockToleranceSeconds must be 0 or more.');
  }
  const keys = resolveKeys(options.keys);
  return async (token) => {
    if (typeof token !== 'string' || token.length === 0)
      throw new JoinTokenError('token-missing', 'No join token was given.');
    if (token.length > 4096)
      throw new JoinTokenError('token-invalid', 'The join token is longer than 4,096 characters.');
    const resolved = await keys;
    let payload: Record<string, unknown>;
    try {
      const verifyOptions = {
        algorithms: [...ALGORITHMS],
        audience: options.audience ?? JOIN_TOKEN_AUDIENCE,
        currentDate: new Date(clock.now()),
        clockTolerance: tolerance,
        maxTokenAge: maxLifetime + tolerance,
        requiredClaims: ['exp', 'iat', 'sub'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
      };
      // One call per kind of key: jose types its resolver form apart from a plain key.
      const result =
        typeof resolved === 'function'
          ? await jwtVerify(token, resolved, verifyOptions)
          : await jwtVerify(token, resolved, verifyOptions);
      payload = result.payload as Record<string, unknown>;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new JoinTokenError('token-expired', 'The join token has expired.');
      throw new JoinTokenError('token-invalid', 'The join token is not one this relay can trust.');
    }
    const { sub, conversation, role, exp, iat } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > maxLifetime) {
      throw new JoinTokenError('token-invalid', `The join token lives longer than ${maxLifetime} s.`);
    }
    if (!isName(sub) || !isName(conversation) || !ROLES.includes(role as Role)) {
      throw new JoinTokenError('token-invalid', 'The join token does not name a conversation, a role and a subject.');
    }
    return { conversationId: conversation, role: role as Role, subject: sub, expiresAt: exp * 1000 };
  };
}
