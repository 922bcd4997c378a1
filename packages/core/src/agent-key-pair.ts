import { SealError } from './seal-error.js';
import { toBase64Url } from './ids.js';
import { SEALING_SUITE, type AgentKey } from './protocol.js';
import { generateSigningKeyPair } from './signing.js';

// An agent's keys for one request, made with WebCrypto alone: apart from the sealing code (and HPKE
// under it), which an agent loads only once a request of its own is out (`card-sealing.loader.ts`).

/** The agent's private and public keys for one request. Private halves are non-extractable and never leave the agent's session (or its key store). */
export interface AgentKeys {
  /** ECDH P-256, for HPKE: opens the card. `null` once the card has been opened (it opens once). */
  readonly encryption: CryptoKeyPair | null;
  /** ECDSA P-256: signs the agent's messages about the request. */
  readonly signing: CryptoKeyPair;
}

/** What `generateAgentKeyPair` makes for one request: the private keys, and the public halves to send. */
export interface AgentKeyPair {
  /** The key pairs, private halves non-extractable. */
  readonly keys: AgentKeys;
  /** The public halves as `request.created` carries them (not yet vouched for). */
  readonly agentKey: AgentKey;
}

/**
 * Makes the fresh key pairs of one request with WebCrypto. The private keys are generated
 * non-extractable: no code, ours or a library's, can export them.
 */
export async function generateAgentKeyPair(agentId: string): Promise<AgentKeyPair> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new SealError('crypto-unavailable', 'WebCrypto is not available here (a secure context is required).');
  const encryption = (await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle.exportKey('raw', encryption.publicKey));
  const signing = await generateSigningKeyPair();
  return {
    keys: { encryption, signing: signing.keyPair } as AgentKeys,
    agentKey: { suite: SEALING_SUITE, publicKey: toBase64Url(raw), signingKey: signing.publicKey, agentId },
  };
}
