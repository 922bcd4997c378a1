import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  generateAgentKeyPair,
  generateSigningKeyPair,
  parseMessage,
  PROTOCOL_VERSION,
  signedBytes,
  signMessage,
  verifyMessage,
  type UnsignedMessage,
  type WireMessage,
} from '@chatpay/core';

const SENT_AT = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('canonicalJson', () => {
  it('orders object keys by code point, whatever order they were written in', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
    // Upper case before "_" before lower case, as their code points say; not the locale's order.
    expect(canonicalJson({ a: 1, _: 2, B: 3, '1': 4 })).toBe('{"1":4,"B":3,"_":2,"a":1}');
    expect(canonicalJson({ ab: 1, a: 2, b: 3 })).toBe('{"a":2,"ab":1,"b":3}');
  });

  it('orders keys at every level of nesting, and keeps the order of a list', () => {
    const value = { z: { y: { b: 1, a: 2 }, x: [3, 1, 2] }, a: { d: null, c: true } };
    expect(canonicalJson(value)).toBe('{"a":{"c":true,"d":null},"z":{"x":[3,1,2],"y":{"a":2,"b":1}}}');
    expect(canonicalJson([{ b: 1, a: 2 }, 'x'])).toBe('[{"a":2,"b":1},"x"]');
  });

  it('drops a field whose value is undefined, as JSON on the wire does', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(
      canonicalJson(JSON.parse(JSON.stringify({ a: 1, b: undefined }))),
    );
  });

  it('writes numbers, strings and the other values as JSON.stringify does', () => {
    for (const value of [0, -0, 1, 1.0, -12.5, 0.1, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, 8_640_000_000_000_000]) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value));
    }
    expect(canonicalJson({ n: 1.0 })).toBe('{"n":1}');
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
    expect(canonicalJson(Number.NaN)).toBe('null');
    for (const value of [
      '',
      'plain',
      'quote " and backslash \\',
      'line\nbreak\ttab',
      'فاتورة 👩‍💻 ❤️',
      null,
      true,
      false,
    ]) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value));
    }
    expect(canonicalJson({ 'key "quoted"': 1 })).toBe('{"key \\"quoted\\"":1}');
  });

  it('is the same text for equal values, so both sides sign the same bytes', () => {
    const sent = { version: 2, body: { amount: { minor: 1250, currency: 'USD' }, reason: 'Charger' }, id: 'x' };
    const received = JSON.parse(
      '{"id":"x","body":{"reason":"Charger","amount":{"currency":"USD","minor":1250}},"version":2}',
    );
    expect(canonicalJson(received)).toBe(canonicalJson(sent));
  });
});

/** A request.opened from the customer: the envelope, the customer's key and an empty body. */
function opened(customerKey: string): UnsignedMessage {
  return {
    version: PROTOCOL_VERSION,
    id: 'msg_0001-abcd',
    requestId: 'req_0001-abcd',
    conversationId: 'conv-1',
    type: 'request.opened',
    sentAt: SENT_AT,
    customerKey,
    body: {},
  };
}

/** A request.created from the agent, signed by its request's signing key. */
async function created() {
  const { keys, agentKey } = await generateAgentKeyPair('agent-1');
  const unsigned: UnsignedMessage = {
    version: PROTOCOL_VERSION,
    id: 'msg_0002-abcd',
    requestId: 'req_0001-abcd',
    conversationId: 'conv-1',
    type: 'request.created',
    sentAt: SENT_AT,
    body: {
      amount: { minor: 1250, currency: 'USD' },
      reason: 'Replacement charger',
      expiresAt: SENT_AT + 15 * 60 * 1000,
      agentKey,
    },
  };
  return { message: await signMessage(unsigned, keys.signing.privateKey), signingKey: agentKey.signingKey, unsigned };
}

async function signedOpened() {
  const customer = await generateSigningKeyPair();
  const message = await signMessage(opened(customer.publicKey), customer.keyPair.privateKey);
  return { message: message as WireMessage, customer };
}

/** `text` with the character at `at` changed to another base64url character. */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

describe('signMessage and verifyMessage', () => {
  it("round trip: a signed message verifies with the signer's public key and parses", async () => {
    const { message, customer } = await signedOpened();
    expect(message.signature).toMatch(/^[\w-]{86}$/);
    expect(Buffer.from(message.signature, 'base64url')).toHaveLength(64);
    expect(await verifyMessage(message, customer.publicKey)).toBe(true);
    const parsed = parseMessage(JSON.stringify(message));
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value).toEqual(message);
    if (parsed.value.type === 'payment.asked') throw new Error('expected a signed message');
    expect(await verifyMessage(parsed.value, customer.publicKey)).toBe(true);
  });

  it('signs the message as given and adds only the signature', async () => {
    const customer = await generateSigningKeyPair();
    const unsigned = opened(customer.publicKey);
    const signed = await signMessage(unsigned, customer.keyPair.privateKey);
    const { signature, ...rest } = signed;
    expect(rest).toEqual(unsigned);
    expect(typeof signature).toBe('string');
    expect(signedBytes(signed)).toEqual(signedBytes(unsigned));
  });

  it("an agent's request.created verifies with the signing key it announces, after a trip through JSON", async () => {
    const { message, signingKey } = await created();
    const received = JSON.parse(JSON.stringify(message)) as WireMessage;
    expect(await verifyMessage(received, signingKey)).toBe(true);
  });

  it('does not depend on the order in which fields arrive', async () => {
    const { message, customer } = await signedOpened();
    const reordered = Object.fromEntries(Object.entries(message).reverse()) as WireMessage;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(message));
    expect(await verifyMessage(reordered, customer.publicKey)).toBe(true);
  });

  it.each([
    ['version', 1],
    ['id', 'msg_0001-abce'],
    ['requestId', 'req_0001-abce'],
    ['conversationId', 'conv-2'],
    ['type', 'request.declined'],
    ['sentAt', SENT_AT + 1],
  ] as const)('fails when the envelope field %s is changed', async (field, value) => {
    const { message, customer } = await signedOpened();
    expect(await verifyMessage({ ...message, [field]: value } as WireMessage, customer.publicKey)).toBe(false);
  });

  it('fails when the customerKey field is changed, added or removed', async () => {
    const { message, customer } = await signedOpened();
    const other = await generateSigningKeyPair();
    expect(await verifyMessage({ ...message, customerKey: other.publicKey } as WireMessage, customer.publicKey)).toBe(
      false,
    );
    const { customerKey: _customerKey, ...withoutKey } = message as WireMessage & { customerKey: string };
    expect(await verifyMessage(withoutKey as WireMessage, customer.publicKey)).toBe(false);
    const sync = await signMessage(
      { ...opened(customer.publicKey), type: 'request.sync', customerKey: undefined } as UnsignedMessage,
      customer.keyPair.privateKey,
    );
    expect(await verifyMessage(sync as WireMessage, customer.publicKey)).toBe(true);
    expect(await verifyMessage({ ...sync, customerKey: customer.publicKey } as WireMessage, customer.publicKey)).toBe(
      false,
    );
  });

  it.each([
    ['the amount', (body: Record<string, unknown>) => ({ ...body, amount: { minor: 125000, currency: 'USD' } })],
    ['the currency', (body: Record<string, unknown>) => ({ ...body, amount: { minor: 1250, currency: 'EUR' } })],
    ['the reason', (body: Record<string, unknown>) => ({ ...body, reason: 'Replacement charger x100' })],
    ['expiresAt', (body: Record<string, unknown>) => ({ ...body, expiresAt: SENT_AT + 24 * 60 * 60 * 1000 })],
    [
      "the agent's encryption key",
      (body: Record<string, unknown>) => ({
        ...body,
        agentKey: {
          ...(body.agentKey as object),
          publicKey: flip((body.agentKey as { publicKey: string }).publicKey, 40),
        },
      }),
    ],
    [
      'the agentId',
      (body: Record<string, unknown>) => ({ ...body, agentKey: { ...(body.agentKey as object), agentId: 'agent-2' } }),
    ],
    ['a field added to the body', (body: Record<string, unknown>) => ({ ...body, replaces: 'req_0000-older' })],
  ])('fails when a body field is changed: %s', async (_, change) => {
    const { message, signingKey } = await created();
    const changed = { ...message, body: change(message.body as unknown as Record<string, unknown>) } as WireMessage;
    expect(await verifyMessage(changed, signingKey)).toBe(false);
  });

  it('fails when the signature itself is changed', async () => {
    const { message, customer } = await signedOpened();
    for (const at of [0, 20, 42, 84]) {
      expect(await verifyMessage({ ...message, signature: flip(message.signature, at) }, customer.publicKey)).toBe(
        false,
      );
    }
  });

  it('fails for a signature made by another key', async () => {
    const { message, customer } = await signedOpened();
    const stranger = await generateSigningKeyPair();
    const forged = await signMessage(opened(customer.publicKey), stranger.keyPair.privateKey);
    expect(await verifyMessage(forged as WireMessage, customer.publicKey)).toBe(false);
    expect(await verifyMessage(message, stranger.publicKey)).toBe(false);
    // The agent's key for another request does not stand in either.
    const { signingKey } = await created();
    expect(await verifyMessage(message, signingKey)).toBe(false);
  });

  it('fails for a signature over the same fields without the protocol domain prefix', async () => {
    const customer = await generateSigningKeyPair();
    const unsigned = opened(customer.publicKey);
    const bare = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      customer.keyPair.privateKey,
      new TextEncoder().encode(canonicalJson(unsigned)),
    );
    const message = { ...unsigned, signature: Buffer.from(bare).toString('base64url') } as WireMessage;
    expect(await verifyMessage(message, customer.publicKey)).toBe(false);
  });

  it('re-targeted to another request or conversation, a message fails', async () => {
    const { message, customer } = await signedOpened();
    for (const retargeted of [
      { ...message, requestId: 'req_0002-other' },
      { ...message, conversationId: 'conv-support/43' },
      { ...message, requestId: 'req_0002-other', conversationId: 'conv-support/43' },
    ]) {
      expect(await verifyMessage(retargeted, customer.publicKey)).toBe(false);
    }
  });

  it.each([
    ['empty', ''],
    ['87 characters that are not a point on the curve', 'A'.repeat(87)],
    ['one character short', 'B'.repeat(86)],
    ['not base64url', '!'.repeat(87)],
    ['a compressed point', `A${'B'.repeat(43)}`],
    ['the signature given as a key', 'S'.repeat(86)],
  ])('is false, never a throw, for a key that is %s', async (_, key) => {
    const { message } = await signedOpened();
    await expect(verifyMessage(message, key)).resolves.toBe(false);
  });

  it.each([
    ['empty', ''],
    ['too short', 'AAAA'],
    ['of the right length but zero', 'A'.repeat(86)],
    ['not base64url', '*'.repeat(86)],
    ['a DER-encoded signature length', 'M'.repeat(96)],
    ['missing', undefined],
    ['not a string', 42],
  ])('is false, never a throw, for a signature that is %s', async (_, signature) => {
    const { message, customer } = await signedOpened();
    await expect(verifyMessage({ ...message, signature } as unknown as WireMessage, customer.publicKey)).resolves.toBe(
      false,
    );
  });

  it('keeps the signing private key non-extractable', async () => {
    const { keyPair, publicKey } = await generateSigningKeyPair();
    expect(keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keyPair.privateKey)).rejects.toThrow();
    expect(publicKey).toMatch(/^[\w-]{87}$/);
    expect(Buffer.from(publicKey, 'base64url')[0]).toBe(0x04);
  });
});
