import { ChatPayError } from './errors.js';

/*
 * What the key stores keep: a request's keys, named by scope and request, checked field by field on
 * the way in and on the way out, so no store can keep or hand back anything else.
 */

/** Whose keys: one agent in one conversation. Nothing in one scope is visible from another. */
export interface KeyScope {
  /** The agent whose keys they are. */
  readonly agentId: string;
  /** The conversation their requests are in. */
  readonly conversationId: string;
}

/** The agent's two key pairs for one payment request, and the instant after which they are useless. */
export interface RequestKeys {
  /** The agent whose keys they are. */
  readonly agentId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The request they are for. */
  readonly requestId: string;
  /**
   * ECDH P-256 for HPKE: the customer seals the card to its public key. The private key is
   * non-extractable. `null` once the card has been opened: it opens once, and the signing key stays
   * until the request ends.
   */
  readonly encryption: CryptoKeyPair | null;
  /** ECDSA P-256: signs the agent's messages about the request. The private key is non-extractable. */
  readonly signing: CryptoKeyPair;
  /** Ms since the epoch: after this the keys are useless and are swept. */
  readonly expiresAt: number;
}

/** `KeyStoreError`'s codes (see `KeyStoreError`). */
export type KeyStoreErrorCode = 'unavailable' | 'failed' | 'extractable-key';

/**
 * The key store could not keep, find or forget keys: `unavailable` when the store cannot be opened
 * at all (no IndexedDB, storage switched off, a newer version of the page holds the database),
 * `failed` when one operation could not be done or was given a malformed record, `extractable-key`
 * when asked to keep a private key that could be exported. Never carries a key or an id.
 */
export class KeyStoreError extends ChatPayError<KeyStoreErrorCode> {
  override name = 'KeyStoreError';
}

/** Why a record was refused when one of its names is missing. */
const NAMES_REQUIRED = "A request's keys are named by a non-empty agent id, conversation id and request id.";

/** How a record is keyed, in memory and in IndexedDB. */
export type RecordKey = [agentId: string, conversationId: string, requestId: string];

const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The key of a request's record in `scope`; throws `KeyStoreError` when a name is missing. */
export function recordKey(scope: KeyScope, requestId: string): RecordKey {
  if (!isName(scope?.agentId) || !isName(scope.conversationId) || !isName(requestId)) {
    throw new KeyStoreError('failed', NAMES_REQUIRED);
  }
  return [scope.agentId, scope.conversationId, requestId];
}

const isCryptoKey = (value: unknown): value is CryptoKey =>
  Object.prototype.toString.call(value) === '[object CryptoKey]';

function isP256Pair(pair: unknown, algorithm: 'ECDH' | 'ECDSA'): pair is CryptoKeyPair {
  if (typeof pair !== 'object' || pair === null) return false;
  const { publicKey, privateKey } = pair as Partial<CryptoKeyPair>;
  return [publicKey, privateKey].every((key, index) => {
    if (!isCryptoKey(key) || key.type !== (index === 0 ? 'public' : 'private')) return false;
    const { name, namedCurve } = key.algorithm as EcKeyAlgorithm;
    return name === algorithm && namedCurve === 'P-256';
  });
}

/**
 * The record as kept: the ids, the two key pairs and the instant, copied field by field so nothing
 * else a caller attached (terms, a card) can ride along. Throws on anything else.
 */
export function toRecord(keys: RequestKeys): RequestKeys {
  if (typeof keys !== 'object' || keys === null) {
    throw new KeyStoreError('failed', 'The keys were not kept: a record of a request and its key pairs is required.');
  }
  const [agentId, conversationId, requestId] = recordKey(keys, keys.requestId);
  if ((keys.encryption !== null && !isP256Pair(keys.encryption, 'ECDH')) || !isP256Pair(keys.signing, 'ECDSA')) {
    throw new KeyStoreError(
      'failed',
      'The keys were not kept: a request needs an ECDSA P-256 key pair for signing and an ECDH P-256 key pair for encryption (or none once its card was opened).',
    );
  }
  if (keys.encryption?.privateKey.extractable || keys.signing.privateKey.extractable) {
    throw new KeyStoreError(
      'extractable-key',
      'The keys were not kept: a private key that can be exported is never stored.',
    );
  }
  if (typeof keys.expiresAt !== 'number' || !Number.isFinite(keys.expiresAt)) {
    throw new KeyStoreError('failed', 'The keys were not kept: the instant they expire must be a finite number of ms.');
  }
  const pair = ({ publicKey, privateKey }: CryptoKeyPair): CryptoKeyPair => ({ publicKey, privateKey });
  return {
    agentId,
    conversationId,
    requestId,
    encryption: keys.encryption && pair(keys.encryption),
    signing: pair(keys.signing),
    expiresAt: keys.expiresAt,
  };
}

/** Refuses an instant to sweep up to that is not a number. */
export function checkInstant(now: number): void {
  if (typeof now !== 'number' || Number.isNaN(now)) {
    throw new KeyStoreError('failed', 'Nothing was swept: the instant to sweep up to must be a number of ms.');
  }
}

/** A record read back from the database, checked as strictly as one being kept. */
export function readRecord(value: unknown, key: RecordKey): RequestKeys | KeyStoreError {
  try {
    const record = toRecord(value as RequestKeys);
    if (record.agentId !== key[0] || record.conversationId !== key[1] || record.requestId !== key[2]) {
      throw new KeyStoreError('failed', NAMES_REQUIRED);
    }
    return record;
  } catch (error) {
    return error instanceof KeyStoreError && error.code === 'extractable-key'
      ? new KeyStoreError(
          'extractable-key',
          'A private key that can be exported was found for this request and has been deleted.',
        )
      : new KeyStoreError('failed', 'The keys kept for this request were unreadable and have been deleted.');
  }
}
