// The integrator's key vouching, played by the tests: a vouching key made with WebCrypto (so it runs in
// Node and in every browser engine), vouches in the format `@chatpay/server`'s `createKeyVoucher` signs,
// and the published key set both sides check them against.
import type { JsonWebKeySet, VouchRequest } from '@chatpay/core';

const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const base64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

export interface TestVoucher {
  readonly kid: string;
  /** What the agent's session is given as `vouch`. */
  vouch(request: VouchRequest): Promise<string>;
  /** Signs any header and claims with the vouching key: for tests of malformed or mismatched vouches. */
  sign(header: object, claims: object): Promise<string>;
  /** The published key set (`trustedKeys` on both sides). */
  readonly trustedKeys: () => Promise<JsonWebKeySet>;
}

/** A vouching key made on first use. */
export function createTestVoucher(kid = 'test-key-1'): TestVoucher {
  let pair: Promise<CryptoKeyPair> | undefined;
  const keys = () => (pair ??= crypto.subtle.generateKey(ES256, true, ['sign', 'verify']) as Promise<CryptoKeyPair>);
  const sign = async (header: object, claims: object) => {
    const input = `${encodeJson(header)}.${encodeJson(claims)}`;
    const signature = await crypto.subtle.sign(SIGN, (await keys()).privateKey, new TextEncoder().encode(input));
    return `${input}.${base64url(new Uint8Array(signature))}`;
  };
  return {
    kid,
    sign,
    vouch: (request) =>
      sign(
        { alg: 'ES256', kid, typ: 'chatpay-vouch+jwt' },
        {
          sub: request.agentId,
          rid: request.requestId,
          cid: request.conversationId,
          enc: request.encryptionKey,
          sig: request.signingKey,
          iat: Math.floor(request.expiresAt / 1000) - 60,
          exp: Math.ceil(request.expiresAt / 1000) + 30 * 60,
        },
      ),
    trustedKeys: async () => {
      const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', (await keys()).publicKey);
      return { keys: [{ kty, crv, x, y, kid, alg: 'ES256', use: 'sig' } as JsonWebKey & { kid: string }] };
    },
  };
}

/** One voucher for every test that does not care which: sessions of different tests still trust each other's requests only if they share it. */
export const testVoucher = createTestVoucher();

/** Options for an agent's session that vouches with the tests' key. */
export function agentTrust(agentId = 'agent-1', voucher: TestVoucher = testVoucher) {
  return { agentId, vouch: voucher.vouch, trustedKeys: voucher.trustedKeys };
}

/** Options for a customer's session that trusts the tests' key. */
export function customerTrust(voucher: TestVoucher = testVoucher) {
  return { trustedKeys: voucher.trustedKeys };
}
