import {
  ChatPayError,
  MAX_REQUEST_TTL_MS,
  MAX_VIEW_WINDOW_MS,
  VOUCH_TYPE,
  type JsonWebKeySet,
  type VouchRequest,
} from '@chatpay/core';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { webcrypto } from 'node:crypto';

/**
 * The integrator's half of key vouching. After your server has authenticated the agent, it vouches
 * for the public keys the agent's browser made for one request: a compact JWS (ES256) naming the agent,
 * the request, the conversation, both keys and an expiry. Customers' browsers check it against the
 * JWKS you publish (`jwks()`), so neither the chat backend nor anyone else can put their own key in
 * an agent's request.
 */
export type VouchErrorCode = 'invalid-request' | 'wrong-agent' | 'not-allowed' | 'request-taken' | 'invalid-key';

/** A vouch was refused: the request from the browser is malformed, or names another agent. Never echoes the input. */
export class VouchError extends ChatPayError<VouchErrorCode> {
  override name = 'VouchError';
}

/** A vouching key: its id in the JWKS, and its private half as a JWK (keep it secret, e.g. in your secrets manager). */
export interface VoucherKey {
  /** The key's id, as published in the JWKS and named in each vouch's header. */
  readonly kid: string;
  /** The private key, as a JWK: a secret. */
  readonly privateJwk: JWK;
}

/** What `createKeyVoucher` takes. */
export interface KeyVoucherOptions {
  /** The key that signs new vouches. */
  readonly current: VoucherKey;
  /**
   * Public keys (with their `kid`) still published after a rotation, so vouches they signed keep
   * verifying until they expire (at most 24 hours and 30 minutes after they were made).
   */
  readonly retired?: readonly JWK[];
  /**
   * Whether this agent may ask for a card in this conversation (it is theirs, or they may join it):
   * without this check, any agent of yours could put a vouched request of their own into any
   * conversation. Asked by `vouchFor` for every vouch.
   */
  readonly mayRequest: (agentId: string, conversationId: string) => boolean | Promise<boolean>;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

/** At most this many request ids are remembered (until their vouch expires), so none is vouched for twice. */
const ISSUED_LIMIT = 100_000;

/** What `createKeyVoucher` returns: vouching for requests' keys, and the JWKS to publish. */
export interface KeyVoucher {
  /**
   * Vouches for a request's keys. `agentId` must be the agent your server authenticated (the session
   * that sent the request), never a value taken from the request body alone: `vouchFor` checks both.
   */
  vouch(request: VouchRequest): Promise<string>;
  /**
   * Reads an untrusted request body from the agent's browser, checks it names `authenticatedAgentId`,
   * that `mayRequest` allows that agent this conversation, and that no other keys were vouched for this
   * request id, then vouches. Throws `VouchError` for anything else.
   */
  vouchFor(authenticatedAgentId: string, body: unknown): Promise<string>;
  /** The public keys to publish (serve as JSON, e.g. at `/.well-known/chatpay-jwks.json`). */
  jwks(): Promise<JsonWebKeySet>;
}

const ID = /^[\w-]{8,64}$/;
const VISIBLE = /^[\x21-\x7e]{1,128}$/;
const PUBLIC_KEY = /^[\w-]{87}$/;
/** Clocks of browsers and servers disagree a little. */
const SKEW_MS = 5 * 60 * 1000;

/** Makes a new vouching key pair (ES256, P-256). Store the private JWK as a secret; publish the public one. */
export async function generateVoucherKey(kid: string = webcrypto.randomUUID()): Promise<
  VoucherKey & {
    /** The public key, as a JWK with its `kid`: what to publish (in `retired` after a rotation). */
    publicJwk: JWK;
  }
> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateJwk, publicJwk };
}

/** Whether `text` is an uncompressed P-256 point, base64url: the only keys a vouch names. */
async function isP256Point(text: string): Promise<boolean> {
  if (!PUBLIC_KEY.test(text)) return false;
  try {
    await webcrypto.subtle.importKey(
      'raw',
      Buffer.from(text, 'base64url'),
      { name: 'ECDH', namedCurve: 'P-256' },
      true,
      [],
    );
    return true;
  } catch {
    return false;
  }
}

function readRequest(body: unknown): VouchRequest {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { agentId, requestId, conversationId, encryptionKey, signingKey, expiresAt } = value;
  if (
    typeof agentId !== 'string' ||
    !VISIBLE.test(agentId) ||
    typeof requestId !== 'string' ||
    !ID.test(requestId) ||
    typeof conversationId !== 'string' ||
    !VISIBLE.test(conversationId) ||
    typeof encryptionKey !== 'string' ||
    typeof signingKey !== 'string' ||
    typeof expiresAt !== 'number' ||
    !Number.isSafeInteger(expiresAt)
  ) {
    throw new VouchError(
      'invalid-request',
      'A vouch request names agentId, requestId, conversationId, encryptionKey, signingKey and expiresAt (ms).',
    );
  }
  return { agentId, requestId, conversationId, encryptionKey, signingKey, expiresAt };
}

/** The vouching half of your server: see `KeyVoucher`. */
export function createKeyVoucher(options: KeyVoucherOptions): KeyVoucher {
  const now = options.now ?? Date.now;
  const { kid, privateJwk } = options.current;
  if (
    typeof kid !== 'string' ||
    kid === '' ||
    privateJwk?.kty !== 'EC' ||
    privateJwk.crv !== 'P-256' ||
    !privateJwk.d
  ) {
    throw new VouchError('invalid-key', 'The current vouching key must be a private P-256 JWK with a key id.');
  }
  const signingKey = importJWK({ ...privateJwk, alg: 'ES256' }, 'ES256');
  const { d: _private, ...publicHalf } = privateJwk;
  const published: JsonWebKeySet = {
    keys: [
      { ...publicHalf, kid, alg: 'ES256', use: 'sig' } as JsonWebKey & { kid: string },
      ...(options.retired ?? []).map((jwk) => {
        const { d: _d, ...retiredPublic } = jwk;
        return retiredPublic as JsonWebKey & { kid?: string };
      }),
    ],
  };

  if (typeof options.mayRequest !== 'function') {
    throw new VouchError(
      'invalid-request',
      'Give mayRequest(agentId, conversationId): which agents may ask for a card where.',
    );
  }
  /** Request ids vouched for, with their keys and when their vouch expires: one request, one set of keys. */
  const issued = new Map<string, { readonly keys: string; readonly until: number }>();
  const claim = (request: VouchRequest, at: number) => {
    for (const [id, entry] of issued) if (entry.until <= at) issued.delete(id);
    const keys = `${request.agentId} ${request.conversationId} ${request.encryptionKey} ${request.signingKey}`;
    const earlier = issued.get(request.requestId);
    if (earlier && earlier.keys !== keys) {
      throw new VouchError('request-taken', 'Other keys were already vouched for this request id.');
    }
    if (issued.size >= ISSUED_LIMIT) issued.delete(issued.keys().next().value!);
    issued.set(request.requestId, { keys, until: request.expiresAt + MAX_VIEW_WINDOW_MS });
  };

  const vouch = async (request: VouchRequest): Promise<string> => {
    const checked = readRequest(request);
    if (!(await isP256Point(checked.encryptionKey)) || !(await isP256Point(checked.signingKey))) {
      throw new VouchError('invalid-request', 'The request keys must be uncompressed P-256 public keys, base64url.');
    }
    const at = now();
    if (checked.expiresAt <= at - SKEW_MS || checked.expiresAt > at + MAX_REQUEST_TTL_MS + SKEW_MS) {
      throw new VouchError('invalid-request', 'The request must end within 24 hours from now.');
    }
    claim(checked, at);
    return (
      new SignJWT({
        rid: checked.requestId,
        cid: checked.conversationId,
        enc: checked.encryptionKey,
        sig: checked.signingKey,
      })
        .setProtectedHeader({ alg: 'ES256', kid, typ: VOUCH_TYPE })
        .setSubject(checked.agentId)
        .setIssuedAt(Math.floor(at / 1000))
        // The card may arrive at the request's last instant and then be viewed for up to 30 minutes.
        .setExpirationTime(Math.ceil((checked.expiresAt + MAX_VIEW_WINDOW_MS) / 1000))
        .sign(await signingKey)
    );
  };

  return {
    vouch,
    async vouchFor(authenticatedAgentId, body) {
      const request = readRequest(body);
      if (request.agentId !== authenticatedAgentId) {
        throw new VouchError('wrong-agent', 'The request names another agent than the one signed in.');
      }
      if (!(await options.mayRequest(request.agentId, request.conversationId))) {
        throw new VouchError('not-allowed', 'This agent may not ask for a card in this conversation.');
      }
      return vouch(request);
    },
    jwks: () => Promise.resolve(published),
  };
}
