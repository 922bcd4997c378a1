import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import * as v from 'valibot';
import { SealError } from './seal-error.js';
import { fromBase64Url, toBase64Url } from './ids.js';
import {
  MAX_SEALED_CIPHERTEXT_LENGTH,
  PROTOCOL_VERSION,
  type AgentKey,
  type RequestTerms,
  type SealedCard,
} from './protocol.js';

/** The card as the customer typed it. Exists in the customer's form until sealed, and in the agent's viewer while the view window is open. */
export interface CardDetails {
  /** Digits only. */
  readonly number: string;
  /** The name on the card, as typed. */
  readonly name: string;
  /** `MM/YY`. */
  readonly expiry: string;
  /** The security code (CVV, CVC, CID…) or a gift card's PIN; empty when the card has none. */
  readonly securityCode: string;
  /** The brand as detected in the form (`visa`, `mastercard`, `american-express`, an integrator's gift card…). */
  readonly brand: string;
  /** The billing postal code, where the integrator asks for it. */
  readonly postalCode?: string | undefined;
}

export { SealError, type SealErrorCode } from './seal-error.js';

/** What sealing binds the ciphertext to: change any of it and the card no longer opens. */
export interface SealingContext {
  /** The request the card is for. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The amount and reason the customer agreed to. */
  readonly terms: Pick<RequestTerms, 'amount' | 'reason'>;
  /** The signing key of the customer who sealed it: a sealed card moved under another customer's key does not open. */
  readonly customerKey: string;
}

const cardSchema = v.strictObject({
  number: v.pipe(v.string(), v.regex(/^\d{8,19}$/)),
  name: v.pipe(v.string(), v.maxLength(200)),
  expiry: v.pipe(v.string(), v.regex(/^(0[1-9]|1[0-2])\/\d{2}$/)),
  securityCode: v.pipe(v.string(), v.regex(/^\d{0,8}$/)),
  brand: v.pipe(v.string(), v.maxLength(64)),
  postalCode: v.optional(v.pipe(v.string(), v.maxLength(16))),
});

/** Plaintexts are padded to a multiple of this many bytes, so the ciphertext's length says nothing about the name's. */
const PADDING_BLOCK = 256;
const INFO = new TextEncoder().encode('chatpay card v2');
const ENC_LENGTH = 65;

let suite: CipherSuite | undefined;
const cipherSuite = () =>
  (suite ??= new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() }));

/** The associated data: protocol version, request, conversation, amount, currency, reason and the customer's key, in a fixed order. */
function associatedData({ requestId, conversationId, terms, customerKey }: SealingContext): Uint8Array {
  const { amount, reason } = terms;
  return new TextEncoder().encode(
    JSON.stringify([
      'chatpay',
      PROTOCOL_VERSION,
      requestId,
      conversationId,
      amount.minor,
      amount.currency,
      reason,
      customerKey,
    ]),
  );
}

/** Seals `card` to the agent's public key, bound to the request's terms. Runs in the customer's browser. */
export async function sealCard(card: CardDetails, agentKey: AgentKey, context: SealingContext): Promise<SealedCard> {
  if (!v.is(cardSchema, card)) throw new SealError('invalid-card', 'The card details are incomplete or malformed.');
  const hpke = cipherSuite();
  let recipientPublicKey: CryptoKey;
  try {
    recipientPublicKey = await hpke.kem.deserializePublicKey(fromBase64Url(agentKey.publicKey));
  } catch {
    throw new SealError('untrusted-key', "The agent's key is not a valid P-256 public key.");
  }
  const text = new TextEncoder().encode(JSON.stringify(card));
  const plaintext = new Uint8Array(Math.ceil((text.length + 1) / PADDING_BLOCK) * PADDING_BLOCK).fill(0x20);
  plaintext.set(text);
  try {
    const { enc, ct } = await hpke.seal({ recipientPublicKey, info: INFO }, plaintext, associatedData(context));
    return { enc: toBase64Url(new Uint8Array(enc)), ciphertext: toBase64Url(new Uint8Array(ct)) };
  } catch {
    // Some engines (WebKit) import a key that is not a point of the curve and fail only here.
    throw new SealError('untrusted-key', "The agent's key is not a valid P-256 public key.");
  } finally {
    plaintext.fill(0);
    text.fill(0);
  }
}

/**
 * Opens a sealed card with the agent's HPKE key pair. A payload of the wrong size or encoding is refused
 * before any decryption is tried; one sealed for another request or key, or whose terms were changed
 * on the way, fails with `cannot-open`.
 */
export async function openCard(
  sealed: SealedCard,
  keyPair: CryptoKeyPair,
  context: SealingContext,
): Promise<CardDetails> {
  let enc: Uint8Array;
  let ciphertext: Uint8Array;
  try {
    if (sealed.ciphertext.length > MAX_SEALED_CIPHERTEXT_LENGTH) throw new Error('too long');
    enc = fromBase64Url(sealed.enc);
    ciphertext = fromBase64Url(sealed.ciphertext);
    if (
      enc.length !== ENC_LENGTH ||
      ciphertext.length < PADDING_BLOCK + 16 ||
      (ciphertext.length - 16) % PADDING_BLOCK !== 0
    ) {
      throw new Error('wrong size');
    }
  } catch {
    throw new SealError('malformed-payload', 'The sealed card is malformed or of the wrong size; it was not opened.');
  }
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(
      await cipherSuite().open({ recipientKey: keyPair, enc, info: INFO }, ciphertext, associatedData(context)),
    );
  } catch {
    throw new SealError(
      'cannot-open',
      'The sealed card does not open with this request: it was sealed for another request or key, or the amount, currency or reason was changed on the way.',
    );
  }
  try {
    const card: unknown = JSON.parse(new TextDecoder().decode(plaintext));
    if (!v.is(cardSchema, card)) throw new Error('shape');
    return card;
  } catch {
    throw new SealError('invalid-card', 'The sealed card opened but its contents are not a card.');
  } finally {
    plaintext.fill(0);
  }
}
