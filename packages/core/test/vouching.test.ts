import { describe, expect, it } from 'vitest';
import {
  ChatPayError,
  generateAgentKeyPair,
  MAX_VIEW_WINDOW_MS,
  TrustError,
  VOUCH_TYPE,
  VouchVerifier,
  type JsonWebKeySet,
  type TrustErrorCode,
  type VouchExpectation,
  type VouchRequest,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { createTestVoucher, type TestVoucher } from '../../../test-support/trust.js';
import { createKeyVoucher, generateVoucherKey } from '../../server/src/vouch.js';

const START = Date.UTC(2026, 10, 24, 12, 0, 0);
const EXPIRES_AT = START + 15 * 60 * 1000;
const REFETCH_MS = 60_000;

/** A request's fresh keys, what a vouch for it must match, and the request the agent's server is asked to vouch for. */
async function requestFixture() {
  const { agentKey } = await generateAgentKeyPair('agent-1');
  const expected: VouchExpectation = {
    requestId: 'req_0001-abcd',
    conversationId: 'conv-1',
    agentKey,
    expiresAt: EXPIRES_AT,
  };
  const request: VouchRequest = {
    agentId: agentKey.agentId,
    requestId: expected.requestId,
    conversationId: expected.conversationId,
    encryptionKey: agentKey.publicKey,
    signingKey: agentKey.signingKey,
    expiresAt: EXPIRES_AT,
  };
  return { expected, request };
}

/** The claims a correct vouch for `request` carries, as `createKeyVoucher` writes them. */
const claimsFor = (request: VouchRequest) => ({
  sub: request.agentId,
  rid: request.requestId,
  cid: request.conversationId,
  enc: request.encryptionKey,
  sig: request.signingKey,
  iat: Math.floor(START / 1000),
  exp: Math.ceil((request.expiresAt + MAX_VIEW_WINDOW_MS) / 1000),
});

const headerOf = (voucher: TestVoucher) => ({ alg: 'ES256', kid: voucher.kid, typ: VOUCH_TYPE });
const encode = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A key-set function that counts how often it is asked, and whose answer a test can change. */
function publishedKeys(initial: () => Promise<JsonWebKeySet>) {
  let answer = initial;
  const keys = Object.assign(
    () => {
      keys.calls++;
      return answer();
    },
    {
      calls: 0,
      answerWith(next: () => Promise<JsonWebKeySet>) {
        answer = next;
      },
    },
  );
  return keys;
}

async function expectRefused(
  verifier: VouchVerifier,
  vouch: string | undefined,
  expected: VouchExpectation,
  code: TrustErrorCode,
): Promise<TrustError> {
  const result = await verifier.verify(vouch, expected);
  if (result.ok) throw new Error(`expected ${code}, the vouch verified`);
  expect(result.error).toBeInstanceOf(TrustError);
  expect(result.error).toBeInstanceOf(ChatPayError);
  expect(result.error.code).toBe(code);
  // The error names the check that failed, never what the vouch held.
  const received = [expected.agentKey.publicKey, expected.agentKey.signingKey, ...(vouch ? vouch.split('.') : [])];
  for (const text of received.filter((part) => part.length >= 8)) expect(result.error.message).not.toContain(text);
  return result.error;
}

describe('VouchVerifier: what a vouch must be', () => {
  it('accepts a vouch for exactly this request, its conversation, its agent and both its keys', async () => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const result = await verifier.verify(await voucher.vouch(request), expected);
    if (!result.ok) throw result.error;
    expect(result.value).toMatchObject({
      sub: 'agent-1',
      rid: expected.requestId,
      cid: expected.conversationId,
      enc: expected.agentKey.publicKey,
      sig: expected.agentKey.signingKey,
    });
  });

  it('accepts against a key set given as it is, not as a function', async () => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(await voucher.trustedKeys(), new ManualClock(START));
    expect((await verifier.verify(await voucher.vouch(request), expected)).ok).toBe(true);
  });

  it('refuses a request nobody vouched for with unvouched', async () => {
    const voucher = createTestVoucher();
    const { expected } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    await expectRefused(verifier, undefined, expected, 'unvouched');
    await expectRefused(verifier, '', expected, 'unvouched');
  });

  it.each([
    ['two parts', async (good: string) => good.split('.').slice(0, 2).join('.')],
    ['four parts', async (good: string) => `${good}.${good.split('.')[2]}`],
    ['bad base64 in the header', async (good: string) => `e!J*.${good.split('.').slice(1).join('.')}`],
    ['bad base64 in the claims', async (good: string) => `${good.split('.')[0]}.%%%.${good.split('.')[2]}`],
    [
      'a header that is not JSON',
      async (good: string) => `${encode('not json')}.${good.split('.').slice(1).join('.')}`,
    ],
    [
      'claims that are not JSON',
      async (good: string) => `${good.split('.')[0]}.${encode('{"sub":')}.${good.split('.')[2]}`,
    ],
    [
      'a signature that is not 64 bytes (DER)',
      async (good: string) => `${good.split('.').slice(0, 2).join('.')}.${encode('x'.repeat(72))}`,
    ],
  ])('refuses a vouch with %s as malformed-vouch', async (_, make) => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    await expectRefused(verifier, await make(await voucher.vouch(request)), expected, 'malformed-vouch');
  });

  it.each([
    ['alg HS256', { alg: 'HS256' }],
    ['alg none', { alg: 'none' }],
    ['alg ES384', { alg: 'ES384' }],
    ['no typ', { typ: undefined }],
    ['another typ', { typ: 'JWT' }],
    ['no kid', { kid: undefined }],
    ['a numeric kid', { kid: 1 }],
  ])('refuses a vouch whose header has %s as malformed-vouch', async (_, change) => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const vouch = await voucher.sign({ ...headerOf(voucher), ...change }, claimsFor(request));
    await expectRefused(verifier, vouch, expected, 'malformed-vouch');
  });

  it.each([
    ['no exp', { exp: undefined }],
    ['no iat', { iat: undefined }],
    ['a fractional exp', { exp: 1.5e9 + 0.5 }],
    ['a numeric sub', { sub: 1 }],
  ])('refuses a vouch whose claims have %s as malformed-vouch', async (_, change) => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const vouch = await voucher.sign(headerOf(voucher), { ...claimsFor(request), ...change });
    await expectRefused(verifier, vouch, expected, 'malformed-vouch');
  });

  it('refuses a vouch signed by a key the integrator does not publish, under a published key id', async () => {
    const published = createTestVoucher('key-2026');
    const impostor = createTestVoucher('key-2026');
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(published.trustedKeys, new ManualClock(START));
    await expectRefused(verifier, await impostor.vouch(request), expected, 'bad-vouch-signature');
  });

  it('refuses a vouch whose claims were changed after signing', async () => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const [header, , signature] = (await voucher.vouch(request)).split('.');
    const longer = encode({ ...claimsFor(request), exp: claimsFor(request).exp + 86_400 });
    await expectRefused(verifier, `${header}.${longer}.${signature}`, expected, 'bad-vouch-signature');
  });

  it.each([
    ['sub: another agent', { sub: 'agent-2' }],
    ['rid: another request', { rid: 'req_0002-other' }],
    ['cid: another conversation', { cid: 'conv-2' }],
    ['enc: another encryption key', { enc: 'B'.repeat(87) }],
    ['sig: another signing key', { sig: 'B'.repeat(87) }],
    ['enc and sig swapped', 'swap'],
  ] as const)('refuses a well-signed vouch for %s with vouch-mismatch', async (_, change) => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const claims = claimsFor(request);
    const changed = change === 'swap' ? { ...claims, enc: claims.sig, sig: claims.enc } : { ...claims, ...change };
    await expectRefused(verifier, await voucher.sign(headerOf(voucher), changed), expected, 'vouch-mismatch');
  });

  it("refuses a vouch that ends before the request's expiresAt with vouch-expired, and accepts one ending with it", async () => {
    const voucher = createTestVoucher();
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(voucher.trustedKeys, new ManualClock(START));
    const claims = claimsFor(request);
    const early = await voucher.sign(headerOf(voucher), { ...claims, exp: Math.floor(EXPIRES_AT / 1000) - 1 });
    await expectRefused(verifier, early, expected, 'vouch-expired');
    const exact = await voucher.sign(headerOf(voucher), { ...claims, exp: Math.ceil(EXPIRES_AT / 1000) });
    expect((await verifier.verify(exact, expected)).ok).toBe(true);
  });
});

describe('VouchVerifier: the published keys', () => {
  it('refuses an unknown key id, asks the key set again at most once a minute, then finds the rotated key', async () => {
    const old = createTestVoucher('key-1');
    const rotated = createTestVoucher('key-2');
    const both = async (): Promise<JsonWebKeySet> => ({
      keys: [...(await old.trustedKeys()).keys, ...(await rotated.trustedKeys()).keys],
    });
    const keys = publishedKeys(old.trustedKeys);
    const clock = new ManualClock(START);
    const verifier = new VouchVerifier(keys, clock);
    const { expected, request } = await requestFixture();
    const vouch = await rotated.vouch(request);

    expect((await verifier.verify(await old.vouch(request), expected)).ok).toBe(true);
    expect(keys.calls).toBe(1);
    // The server has rotated, but a minute has not passed since the set was fetched.
    keys.answerWith(both);
    await expectRefused(verifier, vouch, expected, 'unknown-key-id');
    clock.advance(REFETCH_MS - 1);
    await expectRefused(verifier, vouch, expected, 'unknown-key-id');
    expect(keys.calls).toBe(1);
    clock.advance(1);
    const result = await verifier.verify(vouch, expected);
    if (!result.ok) throw result.error;
    expect(keys.calls).toBe(2);
    // Known keys need no fetch, however much later.
    clock.advance(10 * REFETCH_MS);
    expect((await verifier.verify(vouch, expected)).ok).toBe(true);
    expect((await verifier.verify(await old.vouch(request), expected)).ok).toBe(true);
    expect(keys.calls).toBe(2);
  });

  it('asks again, a minute later, for a key id still unknown: never more often however many vouches name it', async () => {
    const published = createTestVoucher('key-1');
    const stranger = createTestVoucher('key-unknown');
    const keys = publishedKeys(published.trustedKeys);
    const clock = new ManualClock(START);
    const verifier = new VouchVerifier(keys, clock);
    const { expected, request } = await requestFixture();
    const vouch = await stranger.vouch(request);
    for (let round = 0; round < 5; round++) await expectRefused(verifier, vouch, expected, 'unknown-key-id');
    expect(keys.calls).toBe(1);
    clock.advance(REFETCH_MS);
    for (let round = 0; round < 5; round++) await expectRefused(verifier, vouch, expected, 'unknown-key-id');
    expect(keys.calls).toBe(2);
  });

  it('a key-set function that rejects gives keys-unavailable, and is asked again next time', async () => {
    const voucher = createTestVoucher();
    const keys = publishedKeys(() => Promise.reject(new Error('503 from the key endpoint')));
    const verifier = new VouchVerifier(keys, new ManualClock(START));
    const { expected, request } = await requestFixture();
    const vouch = await voucher.vouch(request);
    const error = await expectRefused(verifier, vouch, expected, 'keys-unavailable');
    expect(error.message).not.toContain('503');
    expect(keys.calls).toBe(1);
    // No time passes: a failed fetch is not kept, so the next vouch asks again at once.
    await expectRefused(verifier, vouch, expected, 'keys-unavailable');
    expect(keys.calls).toBe(2);
    keys.answerWith(voucher.trustedKeys);
    expect((await verifier.verify(vouch, expected)).ok).toBe(true);
    expect(keys.calls).toBe(3);
  });

  it('a key-set function that throws at once is keys-unavailable too, not a throw', async () => {
    const voucher = createTestVoucher();
    const throwing = () => {
      throw new Error('no network');
    };
    const verifier = new VouchVerifier(throwing as unknown as () => Promise<JsonWebKeySet>, new ManualClock(START));
    const { expected, request } = await requestFixture();
    await expectRefused(verifier, await voucher.vouch(request), expected, 'keys-unavailable');
  });

  it.each([
    ['not a key set', async () => 'not a key set' as unknown as JsonWebKeySet, 'unknown-key-id'],
    ['keys that are not a list', async () => ({ keys: {} }) as unknown as JsonWebKeySet, 'unknown-key-id'],
    [
      'the key id on a P-384 key',
      async () => ({ keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'test-key-1' }] }),
      'unknown-key-id',
    ],
    [
      'the key id on a key whose point is not on the curve',
      async () => ({ keys: [{ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43), kid: 'test-key-1' }] }),
      'keys-unavailable',
    ],
    [
      'the key id on a key without coordinates',
      async () => ({ keys: [{ kty: 'EC', crv: 'P-256', kid: 'test-key-1' }] }),
      'keys-unavailable',
    ],
  ] as const)('a published set with %s refuses the vouch (%s)', async (_, set, code) => {
    const voucher = createTestVoucher('test-key-1');
    const verifier = new VouchVerifier(set, new ManualClock(START));
    const { expected, request } = await requestFixture();
    await expectRefused(verifier, await voucher.vouch(request), expected, code);
  });
});

describe('VouchVerifier with @chatpay/server (jose)', () => {
  it('verifies a vouch made by createKeyVoucher against its jwks()', async () => {
    const current = await generateVoucherKey('2026-11');
    const voucher = createKeyVoucher({ current, mayRequest: () => true, now: () => START });
    const { expected, request } = await requestFixture();
    const verifier = new VouchVerifier(() => voucher.jwks(), new ManualClock(START));
    const result = await verifier.verify(await voucher.vouchFor('agent-1', request), expected);
    if (!result.ok) throw result.error;
    expect(result.value).toEqual({ ...claimsFor(request) });
  });

  it('after a rotation, a vouch by the old key (now in retired) still verifies, and so does one by the new key', async () => {
    const old = await generateVoucherKey('2026-10');
    const next = await generateVoucherKey('2026-11');
    const { expected, request } = await requestFixture();
    const before = createKeyVoucher({ current: old, mayRequest: () => true, now: () => START });
    const earlier = await before.vouch(request);

    const after = createKeyVoucher({
      current: next,
      retired: [old.publicJwk],
      mayRequest: () => true,
      now: () => START,
    });
    const clock = new ManualClock(START);
    const verifier = new VouchVerifier(() => after.jwks(), clock);
    expect((await verifier.verify(earlier, expected)).ok).toBe(true);
    expect((await verifier.verify(await after.vouch(request), expected)).ok).toBe(true);

    // Once the old key is no longer published, its vouches stop verifying.
    const dropped = createKeyVoucher({ current: next, mayRequest: () => true, now: () => START });
    await expectRefused(new VouchVerifier(() => dropped.jwks(), clock), earlier, expected, 'unknown-key-id');
  });

  it("refuses a jose vouch for another request's keys with vouch-mismatch", async () => {
    const voucher = createKeyVoucher({
      current: await generateVoucherKey('2026-11'),
      mayRequest: () => true,
      now: () => START,
    });
    const mine = await requestFixture();
    const other = await requestFixture();
    const verifier = new VouchVerifier(() => voucher.jwks(), new ManualClock(START));
    await expectRefused(verifier, await voucher.vouch(other.request), mine.expected, 'vouch-mismatch');
  });
});
