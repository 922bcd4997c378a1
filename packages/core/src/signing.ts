import { ChatPayError } from './errors.js';
import { fromBase64Url, toBase64Url } from './ids.js';
import type { UnsignedMessage, WireMessage } from './protocol.js';

/**
 * Every message about a request is signed by its sender's key for that request: ECDSA P-256 with
 * SHA-256 (WebCrypto), the signature in IEEE P1363 form (64 bytes), over `signedBytes` — every field
 * of the message but the signature, in a canonical JSON form. Keys are made per request and their
 * private halves are non-extractable.
 */
const ECDSA_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** Separates these signatures from any other use of the same key. */
const DOMAIN = 'chatpay message v2\n';

/** `SigningError`'s codes: no WebCrypto here, or a key that is not a valid P-256 key. */
export type SigningErrorCode = 'crypto-unavailable' | 'invalid-key';

/** Making, importing or using a signing key failed. */
export class SigningError extends ChatPayError<SigningErrorCode> {
  override name = 'SigningError';
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api)
    throw new SigningError('crypto-unavailable', 'WebCrypto is not available here (a secure context is required).');
  return api;
}

/** A fresh ECDSA P-256 key pair for one request: the private key is non-extractable. */
export async function generateSigningKeyPair(): Promise<{
  /** The key pair; its private key is non-extractable. */
  readonly keyPair: CryptoKeyPair;
  /** The public key as messages carry it: uncompressed P-256, base64url. */
  readonly publicKey: string;
}> {
  const keyPair = (await subtle().generateKey(ECDSA_KEY, false, ['sign', 'verify'])) as CryptoKeyPair;
  return { keyPair, publicKey: await exportPublicKey(keyPair.publicKey) };
}

/** The uncompressed P-256 point of a public key, base64url: how keys travel in messages. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().exportKey('raw', key)));
}

/** JSON with object keys in code-point order at every level, so both sides sign and check the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
}

/** What a message's signature covers: everything in it but the signature itself. */
export function signedBytes(message: UnsignedMessage | WireMessage): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...rest } = message as WireMessage;
  return new TextEncoder().encode(DOMAIN + canonicalJson(rest));
}

/** Signs `message` with the sender's private key for its request. */
export async function signMessage<M extends UnsignedMessage>(
  message: M,
  privateKey: CryptoKey,
): Promise<
  M & {
    /** ECDSA P-256 / SHA-256 over every other field (`signedBytes`), IEEE P1363, base64url. */
    readonly signature: string;
  }
> {
  const signature = new Uint8Array(await subtle().sign(ECDSA_SIGN, privateKey, signedBytes(message)));
  return { ...message, signature: toBase64Url(signature) };
}

/** Imported public keys by their base64url text: a conversation uses a handful, each many times. */
const imported = new Map<string, Promise<CryptoKey>>();
const IMPORTED_LIMIT = 256;

/** Imports an uncompressed P-256 public key for verifying. Rejects with `invalid-key` if it is not one. */
function importVerifyingKey(publicKey: string): Promise<CryptoKey> {
  let key = imported.get(publicKey);
  if (!key) {
    key = Promise.resolve()
      .then(() => subtle().importKey('raw', fromBase64Url(publicKey), ECDSA_KEY, true, ['verify']))
      .catch(() => {
        imported.delete(publicKey);
        throw new SigningError('invalid-key', 'The signing key is not a valid P-256 public key.');
      });
    imported.set(publicKey, key);
    if (imported.size > IMPORTED_LIMIT) imported.delete(imported.keys().next().value!);
  }
  return key;
}

/** Whether `message` was signed by the private half of `publicKey`. Never throws: a bad key or signature is `false`. */
export async function verifyMessage(message: WireMessage, publicKey: string): Promise<boolean> {
  try {
    const key = await importVerifyingKey(publicKey);
    return await subtle().verify(ECDSA_SIGN, key, fromBase64Url(message.signature), signedBytes(message));
  } catch {
    return false;
  }
}
