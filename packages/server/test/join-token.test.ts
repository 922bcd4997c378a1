import { describe, expect, it } from 'vitest';
import { ConfigError } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createJoinTokenIssuer, createJoinTokenVerifier, JoinTokenError } from '../src/index.js';

const NOW = 1_700_000_000_000;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(JoinTokenError);
    return (error as JoinTokenError).code;
  }
  throw new Error('expected a refusal');
}

describe('join tokens', () => {
  it('carry the conversation, the role, the subject and the expiry, signed with ES256 and a kid', async () => {
    const clock = new ManualClock(NOW);
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const issuer = createJoinTokenIssuer({ privateKey, keyId: 'key-2025', clock, ttlSeconds: 120 });
    const token = await issuer.issue({ conversationId: 'conv-9', role: 'customer', subject: 'cust-42' });
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'key-2025',
      typ: 'JWT',
    });
    const verify = createJoinTokenVerifier({ keys: publicKey, clock });
    expect(await verify(token)).toEqual({
      conversationId: 'conv-9',
      role: 'customer',
      subject: 'cust-42',
      expiresAt: NOW + 120_000,
    });
  });

  it('verify against a JWKS, picking the key by kid, with EdDSA too', async () => {
    const clock = new ManualClock(NOW);
    const ec = await generateKeyPair('ES256', { extractable: true });
    const ed = await generateKeyPair('EdDSA', { extractable: true });
    const keys = [
      { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256' },
      { ...(await exportJWK(ed.publicKey)), kid: 'ed', alg: 'EdDSA' },
    ];
    const verify = createJoinTokenVerifier({ keys: { keys }, clock });
    const byEd = createJoinTokenIssuer({
      privateKey: await exportJWK(ed.privateKey),
      keyId: 'ed',
      algorithm: 'EdDSA',
      clock,
    });
    const byEc = createJoinTokenIssuer({ privateKey: ec.privateKey, keyId: 'ec', clock });
    expect((await verify(await byEd.issue({ conversationId: 'c', role: 'agent', subject: 'a' }))).role).toBe('agent');
    expect((await verify(await byEc.issue({ conversationId: 'c', role: 'customer', subject: 'b' }))).role).toBe(
      'customer',
    );
    const unknownKid = createJoinTokenIssuer({ privateKey: ec.privateKey, keyId: 'retired', clock });
    expect(await codeOf(verify(await unknownKid.issue({ conversationId: 'c', role: 'agent', subject: 'a' })))).toBe(
      'token-invalid',
    );
  });

  it('are refused when missing, expired, forged, for another audience or issuer, too long-lived or out of shape', async () => {
    const clock = new ManualClock(NOW);
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const verify = createJoinTokenVerifier({ keys: publicKey, clock, issuer: 'https://shop.example' });
    const issuer = createJoinTokenIssuer({
      privateKey,
      keyId: 'k',
      clock,
      issuer: 'https://shop.example',
      ttlSeconds: 60,
    });
    const claims = { conversationId: 'c', role: 'agent', subject: 'a' } as const;
    expect(await codeOf(verify(''))).toBe('token-missing');
    const expiring = await issuer.issue(claims);
    clock.advance(66_000);
    expect(await codeOf(verify(expiring))).toBe('token-expired');
    const forger = await generateKeyPair('ES256');
    const forged = await createJoinTokenIssuer({
      privateKey: forger.privateKey,
      keyId: 'k',
      clock,
      issuer: 'https://shop.example',
    }).issue(claims);
    expect(await codeOf(verify(forged))).toBe('token-invalid');
    const elsewhere = await createJoinTokenIssuer({
      privateKey,
      keyId: 'k',
      clock,
      issuer: 'https://shop.example',
      audience: 'another-service',
    }).issue(claims);
    expect(await codeOf(verify(elsewhere))).toBe('token-invalid');
    const otherIssuer = await createJoinTokenIssuer({
      privateKey,
      keyId: 'k',
      clock,
      issuer: 'https://evil.example',
    }).issue(claims);
    expect(await codeOf(verify(otherIssuer))).toBe('token-invalid');
    const longLived = await createJoinTokenIssuer({
      privateKey,
      keyId: 'k',
      clock,
      issuer: 'https://shop.example',
      ttlSeconds: 7200,
    }).issue(claims);
    expect(await codeOf(verify(longLived))).toBe('token-invalid');
    const now = Math.floor(clock.now() / 1000);
    const sign = (payload: Record<string, unknown>) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', kid: 'k' })
        .setAudience('chatpay-relay')
        .setIssuer('https://shop.example')
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(privateKey);
    expect(await codeOf(verify(await sign({ sub: 'a', conversation: 'c', role: 'admin' })))).toBe('token-invalid');
    expect(await codeOf(verify(await sign({ sub: 'a', role: 'agent' })))).toBe('token-invalid');
    expect(await codeOf(verify(await sign({ sub: 'a\nb', conversation: 'c', role: 'agent' })))).toBe('token-invalid');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a', conversation: 'c', role: 'agent', exp: now + 60, iat: now, aud: 'chatpay-relay' })).toString('base64url')}.`;
    expect(await codeOf(verify(unsigned))).toBe('token-invalid');
  });

  it('refuse a bad configuration with a typed error, and never echo the token', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    expect(() => createJoinTokenIssuer({ privateKey, keyId: '' })).toThrow(ConfigError);
    expect(() => createJoinTokenIssuer({ privateKey, keyId: 'k', ttlSeconds: 0 })).toThrow(ConfigError);
    const issuer = createJoinTokenIssuer({ privateKey, keyId: 'k' });
    await expect(issuer.issue({ conversationId: '', role: 'agent', subject: 'a' })).rejects.toThrow(ConfigError);
    await expect(issuer.issue({ conversationId: 'c', role: 'boss' as never, subject: 'a' })).rejects.toThrow(
      ConfigError,
    );
    expect(() => createJoinTokenVerifier({ keys: { kty: 'EC', d: 'secret', crv: 'P-256', x: 'x', y: 'y' } })).toThrow(
      /private/,
    );
    const verify = createJoinTokenVerifier({ keys: (await generateKeyPair('ES256')).publicKey });
    const error = await verify('eyJhbGciOiJFUzI1NiJ9.SECRETPAYLOAD.sig').catch((caught: Error) => caught);
    expect((error as Error).message).not.toContain('SECRETPAYLOAD');
  });
});
