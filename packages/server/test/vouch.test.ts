import { describe, expect, it } from 'vitest';
import { ChatPayError, generateAgentKeyPair, MAX_REQUEST_TTL_MS, VOUCH_TYPE, type VouchRequest } from '@chatpay/core';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { createKeyVoucher, generateVoucherKey, VouchError, type VouchErrorCode } from '../src/vouch.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const MINUTE = 60 * 1000;
const CARD = '4111111111111111';

async function fixture() {
  const current = await generateVoucherKey('vouch-2026-11');
  const voucher = createKeyVoucher({ current, mayRequest: (agentId) => agentId !== 'agent-barred', now: () => NOW });
  const { agentKey } = await generateAgentKeyPair('agent-1');
  const request: VouchRequest = {
    agentId: 'agent-1',
    requestId: 'req_0001-abcd',
    conversationId: 'conv:support/42',
    encryptionKey: agentKey.publicKey,
    signingKey: agentKey.signingKey,
    expiresAt: NOW + 15 * MINUTE,
  };
  return { current, voucher, request };
}

/** Runs `attempt`, which must reject with a VouchError of `code`; returns it. */
async function refused(attempt: Promise<unknown>, code: VouchErrorCode): Promise<VouchError> {
  const error = await attempt.then(
    () => {
      throw new Error(`expected VouchError(${code}), it vouched`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VouchError);
  expect(error).toBeInstanceOf(ChatPayError);
  expect((error as VouchError).code).toBe(code);
  return error as VouchError;
}

/** Nothing of what was received appears in the error. */
function expectNoEcho(error: Error, ...received: string[]) {
  const text = `${error.message} ${JSON.stringify(error)}`;
  for (const value of received) expect(text).not.toContain(value);
}

describe('createKeyVoucher: what it refuses', () => {
  const malformed: ReadonlyArray<[string, (request: VouchRequest) => unknown]> = [
    ['null', () => null],
    ['a string', () => CARD],
    ['a number', () => 4111111111111111],
    ['a list', (request) => [request]],
    ['an empty object', () => ({})],
    ...(['agentId', 'requestId', 'conversationId', 'encryptionKey', 'signingKey', 'expiresAt'] as const).flatMap(
      (field): [string, (request: VouchRequest) => unknown][] => [
        [`no ${field}`, (request) => ({ ...request, [field]: undefined })],
        [`${field} of the wrong type`, (request) => ({ ...request, [field]: field === 'expiresAt' ? CARD : 4111 })],
      ],
    ),
    ['an agentId with a space', (request) => ({ ...request, agentId: `agent ${CARD}` })],
    ['an agentId of 129 characters', (request) => ({ ...request, agentId: `${CARD}${'a'.repeat(113)}` })],
    ['a requestId of 7 characters', (request) => ({ ...request, requestId: 'req_000' })],
    ['a requestId with "/"', (request) => ({ ...request, requestId: `req/${CARD}` })],
    ['a conversationId with a newline', (request) => ({ ...request, conversationId: `conv\n${CARD}` })],
    ['an expiresAt with a fraction', (request) => ({ ...request, expiresAt: request.expiresAt + 0.5 })],
    ['an expiresAt of NaN', (request) => ({ ...request, expiresAt: Number.NaN })],
    [
      'an expiresAt as a date string',
      (request) => ({ ...request, expiresAt: new Date(request.expiresAt).toISOString() }),
    ],
  ];

  it.each(malformed)(
    'refuses %s as invalid-request, through vouch() and vouchFor(), echoing none of it',
    async (_, make) => {
      const { voucher, request } = await fixture();
      const body = make(request);
      for (const attempt of [voucher.vouch(body as VouchRequest), voucher.vouchFor('agent-1', body)]) {
        const error = await refused(attempt, 'invalid-request');
        expectNoEcho(error, CARD, CARD.slice(0, 8), request.encryptionKey, request.signingKey);
      }
    },
  );

  it('vouchFor refuses a request that names another agent than the one signed in (wrong-agent)', async () => {
    const { voucher, request } = await fixture();
    const error = await refused(voucher.vouchFor('agent-2', request), 'wrong-agent');
    expectNoEcho(error, 'agent-1', 'agent-2');
    // The same request, from the agent it names, is vouched for.
    await expect(voucher.vouchFor('agent-1', request)).resolves.toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('vouchFor refuses an agent that may not ask for a card in the conversation (not-allowed)', async () => {
    const { voucher, request } = await fixture();
    await refused(voucher.vouchFor('agent-barred', { ...request, agentId: 'agent-barred' }), 'not-allowed');
  });

  it('never vouches for other keys under a request id already vouched for (request-taken), but repeats the same', async () => {
    const { voucher, request } = await fixture();
    await voucher.vouchFor('agent-1', request);
    await expect(voucher.vouchFor('agent-1', request)).resolves.toMatch(/\./);
    const other = await generateAgentKeyPair('agent-2');
    const taken = {
      ...request,
      agentId: 'agent-2',
      encryptionKey: other.agentKey.publicKey,
      signingKey: other.agentKey.signingKey,
    };
    await refused(voucher.vouchFor('agent-2', taken), 'request-taken');
  });

  it('needs mayRequest', async () => {
    const { current } = await fixture();
    expect(() => createKeyVoucher({ current } as unknown as Parameters<typeof createKeyVoucher>[0])).toThrow(
      VouchError,
    );
  });

  it.each([
    ['87 characters that are not a point on the curve', 'A'.repeat(87)],
    ['a point with a changed coordinate', 'flip'],
    ['86 characters', 'B'.repeat(86)],
    ['standard base64', `+/${'B'.repeat(85)}`],
    ['empty', ''],
  ])('refuses an encryption or signing key that is %s (invalid-request)', async (_, bad) => {
    const { voucher, request } = await fixture();
    const key =
      bad === 'flip'
        ? `${request.encryptionKey.slice(0, 60)}${request.encryptionKey[60] === 'A' ? 'B' : 'A'}${request.encryptionKey.slice(61)}`
        : bad;
    for (const field of ['encryptionKey', 'signingKey'] as const) {
      const error = await refused(voucher.vouch({ ...request, [field]: key }), 'invalid-request');
      if (key.length > 8) expectNoEcho(error, key);
    }
  });

  it.each([
    ['ended 5 minutes ago, past the clock skew allowed', -5 * MINUTE],
    ['ended an hour ago', -60 * MINUTE],
    ['more than 24 hours ahead (past the 5 minutes allowed for clock skew)', MAX_REQUEST_TTL_MS + 5 * MINUTE + 1],
    ['a week ahead', 7 * 24 * 60 * MINUTE],
  ])('refuses an expiresAt that %s (invalid-request)', async (_, offset) => {
    const { voucher, request } = await fixture();
    await refused(voucher.vouch({ ...request, expiresAt: NOW + offset }), 'invalid-request');
  });

  it.each([
    ['a minute from now', MINUTE],
    ['exactly 24 hours from now', MAX_REQUEST_TTL_MS],
    ['a minute ago, within the clock skew allowed', -MINUTE],
  ])('vouches for an expiresAt %s', async (_, offset) => {
    const { voucher, request } = await fixture();
    await expect(voucher.vouch({ ...request, expiresAt: NOW + offset })).resolves.toContain('.');
  });

  it('refuses a current key that is not a private P-256 JWK with a key id (invalid-key)', async () => {
    const { current } = await fixture();
    const p384 = await exportJWK((await generateKeyPair('ES384', { extractable: true })).privateKey);
    const bad: { kid: string; privateJwk: JWK }[] = [
      { kid: current.kid, privateJwk: current.publicJwk },
      { kid: '', privateJwk: current.privateJwk },
      { kid: 'p384', privateJwk: p384 },
    ];
    for (const key of bad) {
      let thrown: unknown;
      try {
        createKeyVoucher({ current: key, mayRequest: () => true });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VouchError);
      expect((thrown as VouchError).code).toBe('invalid-key');
      expectNoEcho(thrown as VouchError, String(key.privateJwk.d ?? key.privateJwk.x));
    }
  });
});

describe('createKeyVoucher: what it signs', () => {
  it(`signs an ES256 JWS whose header is exactly { alg, kid, typ: '${VOUCH_TYPE}' }`, async () => {
    const { current, voucher, request } = await fixture();
    const vouch = await voucher.vouch(request);
    expect(decodeProtectedHeader(vouch)).toEqual({ alg: 'ES256', kid: current.kid, typ: 'chatpay-vouch+jwt' });
  });

  it('names the agent, request, conversation and both keys; exp is ceil((expiresAt + 30 min) / 1000)', async () => {
    const { voucher, request } = await fixture();
    // An expiresAt that is not a whole second: exp rounds up, never down.
    const expiresAt = NOW + 15 * MINUTE + 1;
    const vouch = await voucher.vouchFor('agent-1', { ...request, expiresAt });
    const { payload } = await jwtVerify(vouch, createLocalJWKSet((await voucher.jwks()) as { keys: JWK[] }), {
      algorithms: ['ES256'],
      typ: VOUCH_TYPE,
      currentDate: new Date(NOW),
    });
    expect(payload).toEqual({
      sub: 'agent-1',
      rid: request.requestId,
      cid: request.conversationId,
      enc: request.encryptionKey,
      sig: request.signingKey,
      iat: Math.floor(NOW / 1000),
      exp: Math.ceil((expiresAt + 30 * MINUTE) / 1000),
    });
    expect(payload.exp).toBe(Math.floor(NOW / 1000) + 45 * 60 + 1);
  });

  it('takes only the fields of a vouch request: anything else in the body is not signed', async () => {
    const { voucher, request } = await fixture();
    const vouch = await voucher.vouchFor('agent-1', { ...request, card: CARD, admin: true });
    const payload = JSON.parse(Buffer.from(vouch.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['cid', 'enc', 'exp', 'iat', 'rid', 'sig', 'sub']);
    expect(vouch).not.toContain(Buffer.from(CARD).toString('base64url').slice(0, 12));
  });
});

describe('createKeyVoucher: jwks()', () => {
  it('publishes the current public key under its kid, and never a private part', async () => {
    const { current, voucher } = await fixture();
    const set = await voucher.jwks();
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: current.kid, alg: 'ES256', use: 'sig' });
    expect(set.keys[0]).toMatchObject({ x: current.publicJwk.x, y: current.publicJwk.y });
    for (const key of set.keys) expect(key).not.toHaveProperty('d');
    expect(JSON.stringify(set)).not.toContain(String(current.privateJwk.d));
  });

  it('publishes retired keys after a rotation, without their private part even when one is given', async () => {
    const old = await generateVoucherKey('vouch-2026-10');
    const older = await generateVoucherKey('vouch-2026-09');
    const next = await generateVoucherKey('vouch-2026-11');
    // A retired key given by mistake as its private JWK still publishes only its public half.
    const voucher = createKeyVoucher({
      current: next,
      retired: [old.publicJwk, older.privateJwk],
      mayRequest: () => true,
      now: () => NOW,
    });
    const set = await voucher.jwks();
    expect(set.keys.map((key) => key.kid)).toEqual(['vouch-2026-11', 'vouch-2026-10', 'vouch-2026-09']);
    for (const key of set.keys) expect(key).not.toHaveProperty('d');
    const text = JSON.stringify(set);
    for (const secret of [next.privateJwk.d, old.privateJwk.d, older.privateJwk.d])
      expect(text).not.toContain(String(secret));
  });
});
