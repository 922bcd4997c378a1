import { describe, expect, it } from 'vitest';
import {
  AGENT_MESSAGE_TYPES,
  ChatPayError,
  CUSTOMER_MESSAGE_TYPES,
  MAX_AGENT_ID_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REQUEST_TTL_MS,
  MAX_SEALED_CIPHERTEXT_LENGTH,
  MAX_VOUCH_LENGTH,
  MESSAGE_TYPES,
  PAYMENT_ASKED,
  PHASES,
  parseMessage,
  PROTOCOL_VERSION,
  ProtocolError,
  SEALING_SUITE,
  type MessageType,
  type ProtocolErrorCode,
  type WireMessage,
} from '@chatpay/core';

type Json = Record<string, unknown>;

const SENT_AT = 1_700_000_000_000;
const CARD = '4111111111111111';
/** 87 base64url characters: an uncompressed P-256 point (65 bytes). */
const PUBLIC_KEY = `B${'a1B2c3D4e5F6g7H8i9J0k_L-'.repeat(4)}`.slice(0, 87);
/** 87 base64url characters: the agent's signing key. */
const SIGNING_KEY = `B${'m3N4o5P6q7R8s9T0u_V-w1X2'.repeat(4)}`.slice(0, 87);
/** 87 base64url characters: the customer's signing key. */
const CUSTOMER_KEY = `B${'Cu5t0mer-K3y_pQ7rS9tU1vW'.repeat(4)}`.slice(0, 87);
/** 87 base64url characters: the HPKE encapsulated key. */
const ENC = `B${'Zy8x_w7V-6u5T4s3R2q1P0oN'.repeat(4)}`.slice(0, 87);
/** 86 base64url characters: a 64-byte ECDSA P-256 signature (IEEE P1363). */
const SIGNATURE = `${'S1gN4tUr3-_'.repeat(8)}`.slice(0, 86);
const CIPHERTEXT = 'c2VhbGVkLWNhcmQtY2lwaGVydGV4dA_-' + 'A'.repeat(64);
/** A compact JWS: three base64url parts. */
const VOUCH = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0.c2lnbmF0dXJl';

const ENVELOPE = {
  version: 2,
  id: 'msg_0001-abcd',
  requestId: 'req_0001-abcd',
  conversationId: 'conv:support/42',
  sentAt: SENT_AT,
  signature: SIGNATURE,
} as const;

/** Types only the customer sends, which must carry its key; and types only the agent sends, which must not. */
const CUSTOMER_ONLY = CUSTOMER_MESSAGE_TYPES.filter(
  (type): type is Exclude<typeof type, typeof PAYMENT_ASKED> =>
    type !== PAYMENT_ASKED && !(AGENT_MESSAGE_TYPES as readonly string[]).includes(type),
);
const AGENT_ONLY = AGENT_MESSAGE_TYPES.filter((type) => !(CUSTOMER_MESSAGE_TYPES as readonly string[]).includes(type));
const EITHER = MESSAGE_TYPES.filter(
  (type) => !(CUSTOMER_ONLY as readonly string[]).includes(type) && !(AGENT_ONLY as readonly string[]).includes(type),
);

/** A message of `type`: with the customer's key where only the customer sends it. */
const message = (type: MessageType, body: Json): Json => ({
  ...ENVELOPE,
  ...((CUSTOMER_ONLY as readonly string[]).includes(type) ? { customerKey: CUSTOMER_KEY } : {}),
  type,
  body,
});

const AGENT_KEY = {
  suite: SEALING_SUITE,
  publicKey: PUBLIC_KEY,
  signingKey: SIGNING_KEY,
  agentId: 'agent-1',
  vouch: VOUCH,
};

const CREATED_BODY = {
  amount: { minor: 1250, currency: 'USD' },
  reason: 'Invoice 42:\n\tcatering for 12 people',
  expiresAt: SENT_AT + 15 * 60 * 1000,
  agentKey: AGENT_KEY,
};

const CREATED = message('request.created', CREATED_BODY);
const OPENED = message('request.opened', {});
const SUBMITTED = message('request.submitted', { sealed: { enc: ENC, ciphertext: CIPHERTEXT } });
const COMPLETED = message('request.completed', {});
const SYNC = message('request.sync', {});
const CANCELLED = message('request.cancelled', { reason: 'agent' });
const EXPIRED = message('request.expired', { stage: 'request' });
const STATE = message('request.state', { phase: 'waitingForCustomer' });

/** A valid message of each type. */
const SAMPLE: Record<MessageType, Json> = {
  'request.created': CREATED,
  'request.opened': OPENED,
  'request.declined': message('request.declined', {}),
  'request.submitted': SUBMITTED,
  'request.completed': COMPLETED,
  'request.cancelled': CANCELLED,
  'request.expired': EXPIRED,
  'request.sync': SYNC,
  'request.state': STATE,
};

/** A reason that needs the zero-width joiner and non-joiner and an emoji variation selector, all allowed. */
const JOINED_REASON = 'Laptop for 👩‍💻 team, می‌خواهم, with ❤️ and 🏳️‍🌈';

const VALID: ReadonlyArray<{ name: string; input: Json }> = [
  { name: 'request.created', input: CREATED },
  {
    name: 'request.created without a vouch, in JPY',
    input: message('request.created', {
      ...CREATED_BODY,
      amount: { minor: 1500, currency: 'JPY' },
      agentKey: { suite: SEALING_SUITE, publicKey: PUBLIC_KEY, signingKey: SIGNING_KEY, agentId: 'agent-1' },
    }),
  },
  {
    name: 'request.created in KWD, at the largest safe amount, expiring 24 h after sentAt',
    input: message('request.created', {
      ...CREATED_BODY,
      amount: { minor: Number.MAX_SAFE_INTEGER, currency: 'KWD' },
      expiresAt: SENT_AT + MAX_REQUEST_TTL_MS,
    }),
  },
  {
    name: 'request.created with a reason of exactly 500 characters and a vouch of the largest length',
    input: message('request.created', {
      ...CREATED_BODY,
      reason: 'r'.repeat(MAX_REASON_LENGTH),
      expiresAt: SENT_AT + 1,
      agentKey: { ...AGENT_KEY, vouch: `${'h'.repeat(100)}.${'c'.repeat(MAX_VOUCH_LENGTH - 202)}.${'s'.repeat(100)}` },
    }),
  },
  {
    name: 'request.created replacing an earlier request',
    input: message('request.created', { ...CREATED_BODY, replaces: 'req_0000-older' }),
  },
  {
    name: 'request.created with an agent id of 1 character',
    input: message('request.created', { ...CREATED_BODY, agentKey: { ...AGENT_KEY, agentId: 'a' } }),
  },
  {
    name: 'request.created with an agent id of 128 visible characters',
    input: message('request.created', {
      ...CREATED_BODY,
      agentKey: { ...AGENT_KEY, agentId: `agent|${'~'.repeat(MAX_AGENT_ID_LENGTH - 6)}` },
    }),
  },
  {
    name: 'request.created whose reason has ZWJ emoji, a Persian ZWNJ and "❤️"',
    input: message('request.created', { ...CREATED_BODY, reason: JOINED_REASON }),
  },
  { name: 'request.opened', input: OPENED },
  { name: 'request.declined', input: SAMPLE['request.declined'] },
  { name: 'request.submitted', input: SUBMITTED },
  {
    name: 'request.submitted with the largest ciphertext',
    input: message('request.submitted', { sealed: { enc: ENC, ciphertext: 'x'.repeat(MAX_SEALED_CIPHERTEXT_LENGTH) } }),
  },
  { name: 'request.completed', input: COMPLETED },
  { name: 'request.cancelled by the agent', input: CANCELLED },
  { name: 'request.cancelled, card unreadable', input: message('request.cancelled', { reason: 'card-unreadable' }) },
  { name: 'request.cancelled, replaced', input: message('request.cancelled', { reason: 'replaced' }) },
  { name: 'request.expired, request', input: EXPIRED },
  { name: 'request.expired, view window', input: message('request.expired', { stage: 'view-window' }) },
  { name: 'request.sync', input: SYNC },
  { name: "request.sync with the customer's key", input: { ...SYNC, customerKey: CUSTOMER_KEY } },
  ...[...PHASES, 'unknown'].map((phase) => ({
    name: `request.state ${phase}`,
    input: message('request.state', { phase }),
  })),
  { name: "request.state with the customer's key", input: { ...STATE, customerKey: CUSTOMER_KEY } },
  { name: 'sentAt 0', input: { ...SYNC, sentAt: 0 } },
  { name: 'ids of 8 and 64 characters', input: { ...SYNC, id: 'a-b_c-d_', requestId: 'Z'.repeat(64) } },
  { name: 'a conversationId of 128 visible characters', input: { ...SYNC, conversationId: '~'.repeat(128) } },
  { name: 'a signature of "_" and "-" only', input: { ...SYNC, signature: '_-'.repeat(43) } },
];

/** A deep copy of `base` with the value at `path` replaced, or removed when `value` is REMOVE. */
const REMOVE = Symbol('remove');
function withField(base: Json, path: string, value: unknown): Json {
  const copy = structuredClone(base);
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = copy;
  for (const key of keys) target = target[key] as Json;
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return copy;
}
const without = (base: Json, path: string) => withField(base, path, REMOVE);

/** The JSON text of `base` with `"key": value` (raw JSON) added first to the object at `path` ('' for the top). */
function withRawKey(base: Json, path: string, key: string, rawValue: string): string {
  const marker = '"__marker__":0';
  const marked =
    path === ''
      ? { __marker__: 0, ...base }
      : withField(base, path, { __marker__: 0, ...(pathValue(base, path) as Json) });
  return JSON.stringify(marked).replace(marker, `${JSON.stringify(key)}:${rawValue}`);
}
function pathValue(base: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Json)[key], base);
}

function expectParsed(input: unknown): WireMessage {
  const result = parseMessage(input);
  if (!result.ok)
    throw new Error(`expected a message, got ${result.error.code} at "${result.error.path}": ${result.error.message}`);
  if (result.value.type === PAYMENT_ASKED) throw new Error('expected a signed message, got an ask');
  return result.value;
}

function expectRejected(input: unknown, code: ProtocolErrorCode, path: string): ProtocolError {
  const result = parseMessage(input);
  if (result.ok) throw new Error(`expected ${code} at "${path}", got a ${result.value.type} message`);
  expect(result.error).toBeInstanceOf(ProtocolError);
  expect(result.error).toBeInstanceOf(ChatPayError);
  expect({ code: result.error.code, path: result.error.path }).toEqual({ code, path });
  return result.error;
}

describe('parseMessage: a valid message of every type', () => {
  it('covers every message type, with keys and signatures of the right length', () => {
    expect(PROTOCOL_VERSION).toBe(2);
    for (const key of [PUBLIC_KEY, SIGNING_KEY, CUSTOMER_KEY, ENC]) expect(key).toMatch(/^[\w-]{87}$/);
    expect(SIGNATURE).toMatch(/^[\w-]{86}$/);
    expect(new Set(VALID.map(({ input }) => input.type))).toEqual(new Set(MESSAGE_TYPES));
    expect(Object.keys(SAMPLE).sort()).toEqual([...MESSAGE_TYPES].sort());
    expect(new Set([...CUSTOMER_ONLY, ...AGENT_ONLY, ...EITHER])).toEqual(new Set(MESSAGE_TYPES));
    expect(CUSTOMER_ONLY).toEqual(['request.opened', 'request.declined', 'request.submitted']);
    expect(AGENT_ONLY).toEqual(['request.created', 'request.completed', 'request.cancelled', 'request.expired']);
  });

  it.each(VALID)('$name parses, as an object', ({ input }) => {
    expect(expectParsed(input)).toEqual(input);
  });

  it.each(VALID)('$name parses, as JSON text', ({ input }) => {
    expect(expectParsed(JSON.stringify(input))).toEqual(input);
  });

  it('accepts JSON text of exactly MAX_MESSAGE_LENGTH characters', () => {
    const text = JSON.stringify(CREATED);
    const padded = text + ' '.repeat(MAX_MESSAGE_LENGTH - text.length);
    expect(padded).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(expectParsed(padded)).toEqual(CREATED);
  });

  it('returns a fresh object: changing the input afterwards changes nothing', () => {
    const input = structuredClone(CREATED);
    const parsed = expectParsed(input);
    expect(parsed).not.toBe(input);
    const inputBody = input.body as typeof CREATED_BODY;
    (inputBody.amount as { minor: number }).minor = 999_999;
    (inputBody.agentKey as { publicKey: string }).publicKey = 'replaced';
    input.id = 'msg_replaced';
    delete input.sentAt;
    expect(parsed).toEqual(CREATED);
    if (parsed.type !== 'request.created') throw new Error('expected request.created');
    expect(parsed.body).not.toBe(inputBody);
    expect(parsed.body.amount).not.toBe(inputBody.amount);
    expect(parsed.body.amount.minor).toBe(1250);

    const submitted = structuredClone(SUBMITTED);
    const parsedSubmitted = expectParsed(submitted);
    ((submitted.body as Json).sealed as Json).ciphertext = 'tampered';
    expect(parsedSubmitted).toEqual(SUBMITTED);
  });
});

interface Rejection {
  readonly name: string;
  readonly input: unknown;
  readonly code: ProtocolErrorCode;
  readonly path: string;
}

const cyclic: Json = structuredClone(SYNC);
(cyclic.body as Json).self = cyclic;

const BAD_INPUT: readonly Rejection[] = [
  { name: 'null', input: null, code: 'not-an-object', path: '' },
  { name: 'undefined', input: undefined, code: 'not-an-object', path: '' },
  { name: 'a number', input: 42, code: 'not-an-object', path: '' },
  { name: 'a boolean', input: true, code: 'not-an-object', path: '' },
  { name: 'a function', input: () => SYNC, code: 'not-an-object', path: '' },
  { name: 'a symbol', input: Symbol('message'), code: 'not-an-object', path: '' },
  { name: 'an empty array', input: [], code: 'not-an-object', path: '' },
  { name: 'an array holding a message', input: [SYNC], code: 'not-an-object', path: '' },
  { name: 'JSON null', input: 'null', code: 'not-an-object', path: '' },
  { name: 'a JSON array', input: '[]', code: 'not-an-object', path: '' },
  { name: 'a JSON number', input: '42', code: 'not-an-object', path: '' },
  { name: 'a JSON string', input: '"request.sync"', code: 'not-an-object', path: '' },
  { name: 'double-encoded JSON', input: JSON.stringify(JSON.stringify(SYNC)), code: 'not-an-object', path: '' },
  { name: 'an empty string', input: '', code: 'not-json', path: '' },
  { name: 'an unterminated object', input: '{', code: 'not-json', path: '' },
  { name: 'single-quoted keys', input: "{'version':1}", code: 'not-json', path: '' },
  { name: 'the text undefined', input: 'undefined', code: 'not-json', path: '' },
  { name: 'the text NaN', input: 'NaN', code: 'not-json', path: '' },
  { name: 'a message with trailing text', input: `${JSON.stringify(SYNC)} trailing`, code: 'not-json', path: '' },
  {
    name: 'a message with a trailing comma',
    input: JSON.stringify(SYNC).replace(/}$/, ',}'),
    code: 'not-json',
    path: '',
  },
  { name: 'a cyclic object', input: cyclic, code: 'not-json', path: '' },
  { name: 'a BigInt amount', input: withField(CREATED, 'body.amount.minor', 1250n), code: 'not-json', path: '' },
  {
    name: 'an object whose toJSON throws',
    input: {
      ...SYNC,
      toJSON() {
        throw new Error('no');
      },
    },
    code: 'not-json',
    path: '',
  },
  { name: 'a string over MAX_MESSAGE_LENGTH', input: 'x'.repeat(MAX_MESSAGE_LENGTH + 1), code: 'too-large', path: '' },
  {
    name: 'valid JSON padded one character over MAX_MESSAGE_LENGTH',
    input: JSON.stringify(SYNC).padEnd(MAX_MESSAGE_LENGTH + 1, ' '),
    code: 'too-large',
    path: '',
  },
  {
    name: 'an object with a huge reason',
    input: withField(CREATED, 'body.reason', 'r'.repeat(MAX_MESSAGE_LENGTH)),
    code: 'too-large',
    path: '',
  },
  {
    name: 'an object with a huge unexpected field',
    input: { ...SYNC, padding: 'p'.repeat(MAX_MESSAGE_LENGTH) },
    code: 'too-large',
    path: '',
  },
];

const ENVELOPE_CASES: readonly Rejection[] = [
  { name: 'an empty object', input: {}, code: 'missing-field', path: 'type' },
  { name: 'an empty JSON object', input: '{}', code: 'missing-field', path: 'type' },
  { name: 'no version', input: without(SYNC, 'version'), code: 'missing-field', path: 'version' },
  { name: 'no id', input: without(SYNC, 'id'), code: 'missing-field', path: 'id' },
  { name: 'no requestId', input: without(SYNC, 'requestId'), code: 'missing-field', path: 'requestId' },
  { name: 'no conversationId', input: without(SYNC, 'conversationId'), code: 'missing-field', path: 'conversationId' },
  { name: 'no sentAt', input: without(SYNC, 'sentAt'), code: 'missing-field', path: 'sentAt' },
  { name: 'no type', input: without(SYNC, 'type'), code: 'missing-field', path: 'type' },
  { name: 'no body', input: without(SYNC, 'body'), code: 'missing-field', path: 'body' },
  { name: 'version 3', input: { ...SYNC, version: 3 }, code: 'unsupported-version', path: 'version' },
  { name: 'version 99', input: { ...SYNC, version: 99 }, code: 'unsupported-version', path: 'version' },
  {
    name: 'version 3 with a type and body v2 does not know',
    input: { ...SYNC, version: 3, type: 'request.refunded', body: { refund: true } },
    code: 'unsupported-version',
    path: 'version',
  },
  {
    name: 'version 3 as JSON text',
    input: JSON.stringify({ ...SYNC, version: 3 }),
    code: 'unsupported-version',
    path: 'version',
  },
  { name: 'version 1', input: { ...SYNC, version: 1 }, code: 'unsupported-version', path: 'version' },
  {
    name: 'a whole v1 request.created (no signature, a key proof)',
    input: {
      ...without(CREATED, 'signature'),
      version: 1,
      body: { ...CREATED_BODY, agentKey: { suite: SEALING_SUITE, publicKey: PUBLIC_KEY, proof: 'a.b.c' } },
    },
    code: 'unsupported-version',
    path: 'version',
  },
  {
    name: 'version 1 as JSON text',
    input: JSON.stringify({ ...without(SYNC, 'signature'), version: 1 }),
    code: 'unsupported-version',
    path: 'version',
  },
  { name: 'version 0', input: { ...SYNC, version: 0 }, code: 'invalid-field', path: 'version' },
  { name: 'version -1', input: { ...SYNC, version: -1 }, code: 'invalid-field', path: 'version' },
  { name: 'version "1"', input: { ...SYNC, version: '1' }, code: 'invalid-field', path: 'version' },
  { name: 'version "2"', input: { ...SYNC, version: '2' }, code: 'invalid-field', path: 'version' },
  { name: 'version 1.5', input: { ...SYNC, version: 1.5 }, code: 'invalid-field', path: 'version' },
  { name: 'version 2.5', input: { ...SYNC, version: 2.5 }, code: 'invalid-field', path: 'version' },
  { name: 'version Infinity', input: { ...SYNC, version: Infinity }, code: 'invalid-field', path: 'version' },
  {
    name: 'version 1e400 in JSON',
    input: JSON.stringify(SYNC).replace('"version":2', '"version":1e400'),
    code: 'invalid-field',
    path: 'version',
  },
  { name: 'version null', input: { ...SYNC, version: null }, code: 'invalid-field', path: 'version' },
  { name: 'an unknown type', input: { ...SYNC, type: 'request.refunded' }, code: 'unknown-type', path: 'type' },
  { name: 'a type in the wrong case', input: { ...SYNC, type: 'Request.Sync' }, code: 'unknown-type', path: 'type' },
  { name: 'a type in capitals', input: { ...SYNC, type: 'REQUEST.CREATED' }, code: 'unknown-type', path: 'type' },
  { name: 'a type with a space', input: { ...SYNC, type: 'request.sync ' }, code: 'unknown-type', path: 'type' },
  { name: 'an empty type', input: { ...SYNC, type: '' }, code: 'unknown-type', path: 'type' },
  { name: 'a numeric type', input: { ...SYNC, type: 7 }, code: 'unknown-type', path: 'type' },
  {
    name: 'a type naming an Object.prototype member',
    input: { ...SYNC, type: 'toString' },
    code: 'unknown-type',
    path: 'type',
  },
  { name: 'an id of 7 characters', input: { ...SYNC, id: 'abcdefg' }, code: 'invalid-field', path: 'id' },
  { name: 'an id of 65 characters', input: { ...SYNC, id: 'a'.repeat(65) }, code: 'invalid-field', path: 'id' },
  { name: 'an id with "/"', input: { ...SYNC, id: 'msg/0001/abcd' }, code: 'invalid-field', path: 'id' },
  { name: 'an id with a dot', input: { ...SYNC, id: 'msg.0001.abcd' }, code: 'invalid-field', path: 'id' },
  { name: 'an id ending in a newline', input: { ...SYNC, id: 'msg_0001-abcd\n' }, code: 'invalid-field', path: 'id' },
  { name: 'a numeric id', input: { ...SYNC, id: 123456789 }, code: 'invalid-field', path: 'id' },
  {
    name: 'a requestId with a space',
    input: { ...SYNC, requestId: 'req 0001 abcd' },
    code: 'invalid-field',
    path: 'requestId',
  },
  { name: 'a requestId too short', input: { ...SYNC, requestId: 'req' }, code: 'invalid-field', path: 'requestId' },
  {
    name: 'a conversationId with spaces',
    input: { ...SYNC, conversationId: 'support 42' },
    code: 'invalid-field',
    path: 'conversationId',
  },
  {
    name: 'an empty conversationId',
    input: { ...SYNC, conversationId: '' },
    code: 'invalid-field',
    path: 'conversationId',
  },
  {
    name: 'a conversationId of 129 characters',
    input: { ...SYNC, conversationId: 'c'.repeat(129) },
    code: 'invalid-field',
    path: 'conversationId',
  },
  {
    name: 'a non-ASCII conversationId',
    input: { ...SYNC, conversationId: 'café-42' },
    code: 'invalid-field',
    path: 'conversationId',
  },
  {
    name: 'a numeric conversationId',
    input: { ...SYNC, conversationId: 42 },
    code: 'invalid-field',
    path: 'conversationId',
  },
  { name: 'a negative sentAt', input: { ...SYNC, sentAt: -1 }, code: 'invalid-field', path: 'sentAt' },
  { name: 'a fractional sentAt', input: { ...SYNC, sentAt: SENT_AT + 0.5 }, code: 'invalid-field', path: 'sentAt' },
  {
    name: 'a sentAt past the last Date',
    input: { ...SYNC, sentAt: 8_640_000_000_000_001 },
    code: 'invalid-field',
    path: 'sentAt',
  },
  {
    name: 'a sentAt of MAX_SAFE_INTEGER',
    input: { ...SYNC, sentAt: Number.MAX_SAFE_INTEGER },
    code: 'invalid-field',
    path: 'sentAt',
  },
  { name: 'a huge sentAt', input: { ...SYNC, sentAt: 1e300 }, code: 'invalid-field', path: 'sentAt' },
  { name: 'a NaN sentAt', input: { ...SYNC, sentAt: Number.NaN }, code: 'invalid-field', path: 'sentAt' },
  { name: 'a sentAt as a string', input: { ...SYNC, sentAt: String(SENT_AT) }, code: 'invalid-field', path: 'sentAt' },
  {
    name: 'a sentAt as an ISO date',
    input: { ...SYNC, sentAt: new Date(SENT_AT).toISOString() },
    code: 'invalid-field',
    path: 'sentAt',
  },
  { name: 'an extra top-level field', input: { ...SYNC, extra: true }, code: 'unexpected-field', path: 'extra' },
  {
    name: 'a top-level "card" field',
    input: { ...CREATED, card: { number: 'x' } },
    code: 'unexpected-field',
    path: 'card',
  },
];

const BODY_CASES: readonly Rejection[] = [
  {
    name: 'a list as an empty body',
    input: message('request.opened', [] as unknown as Json),
    code: 'invalid-field',
    path: 'body',
  },
  {
    name: 'a list as the sealed card',
    input: message('request.submitted', { sealed: [] }),
    code: 'invalid-field',
    path: 'body.sealed',
  },
  {
    name: 'a list as the amount',
    input: { ...CREATED, body: { ...CREATED_BODY, amount: [1250, 'USD'] } },
    code: 'invalid-field',
    path: 'body.amount',
  },
  {
    name: 'an extra field in an empty body',
    input: withField(SYNC, 'body.x', 1),
    code: 'unexpected-field',
    path: 'body.x',
  },
  { name: 'a null body', input: { ...SYNC, body: null }, code: 'invalid-field', path: 'body' },
  { name: 'a string body', input: { ...SYNC, body: 'sync' }, code: 'invalid-field', path: 'body' },
  {
    name: 'a created body on a sync',
    input: { ...SYNC, body: CREATED_BODY },
    code: 'unexpected-field',
    path: 'body.amount',
  },
  { name: 'an empty body on a created', input: { ...CREATED, body: {} }, code: 'missing-field', path: 'body.amount' },
  // request.created: amount
  { name: 'no amount', input: without(CREATED, 'body.amount'), code: 'missing-field', path: 'body.amount' },
  {
    name: 'amount as a number',
    input: withField(CREATED, 'body.amount', 1250),
    code: 'invalid-field',
    path: 'body.amount',
  },
  {
    name: 'no amount.minor',
    input: without(CREATED, 'body.amount.minor'),
    code: 'missing-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor 0',
    input: withField(CREATED, 'body.amount.minor', 0),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor -100',
    input: withField(CREATED, 'body.amount.minor', -100),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor 12.5',
    input: withField(CREATED, 'body.amount.minor', 12.5),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor "NaN"',
    input: withField(CREATED, 'body.amount.minor', 'NaN'),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor NaN',
    input: withField(CREATED, 'body.amount.minor', Number.NaN),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor "1250"',
    input: withField(CREATED, 'body.amount.minor', '1250'),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor MAX_SAFE_INTEGER + 1',
    input: withField(CREATED, 'body.amount.minor', Number.MAX_SAFE_INTEGER + 1),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor 1e21',
    input: withField(CREATED, 'body.amount.minor', 1e21),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'amount.minor null',
    input: withField(CREATED, 'body.amount.minor', null),
    code: 'invalid-field',
    path: 'body.amount.minor',
  },
  {
    name: 'no amount.currency',
    input: without(CREATED, 'body.amount.currency'),
    code: 'missing-field',
    path: 'body.amount.currency',
  },
  {
    name: 'currency XYZ',
    input: withField(CREATED, 'body.amount.currency', 'XYZ'),
    code: 'invalid-field',
    path: 'body.amount.currency',
  },
  {
    name: 'currency usd',
    input: withField(CREATED, 'body.amount.currency', 'usd'),
    code: 'invalid-field',
    path: 'body.amount.currency',
  },
  {
    name: 'currency 840',
    input: withField(CREATED, 'body.amount.currency', 840),
    code: 'invalid-field',
    path: 'body.amount.currency',
  },
  {
    name: 'an extra amount.major',
    input: withField(CREATED, 'body.amount.major', 12.5),
    code: 'unexpected-field',
    path: 'body.amount.major',
  },
  // request.created: reason
  { name: 'no reason', input: without(CREATED, 'body.reason'), code: 'missing-field', path: 'body.reason' },
  { name: 'an empty reason', input: withField(CREATED, 'body.reason', ''), code: 'invalid-field', path: 'body.reason' },
  {
    name: 'a whitespace-only reason',
    input: withField(CREATED, 'body.reason', ' \n\t  '),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason of 501 characters',
    input: withField(CREATED, 'body.reason', 'r'.repeat(MAX_REASON_LENGTH + 1)),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason with NUL',
    input: withField(CREATED, 'body.reason', 'Invoice\u000042'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason with ESC',
    input: withField(CREATED, 'body.reason', 'Invoice \u001b[31m42'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason with a bell',
    input: withField(CREATED, 'body.reason', 'Invoice\u000742'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason with DEL',
    input: withField(CREATED, 'body.reason', 'Invoice\u007f42'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a reason with a C1 control',
    input: withField(CREATED, 'body.reason', 'Invoice\u008542'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a numeric reason',
    input: withField(CREATED, 'body.reason', 42),
    code: 'invalid-field',
    path: 'body.reason',
  },
  // request.created: expiresAt
  { name: 'no expiresAt', input: without(CREATED, 'body.expiresAt'), code: 'missing-field', path: 'body.expiresAt' },
  {
    name: 'expiresAt equal to sentAt',
    input: withField(CREATED, 'body.expiresAt', SENT_AT),
    code: 'invalid-field',
    path: 'body.expiresAt',
  },
  {
    name: 'expiresAt before sentAt',
    input: withField(CREATED, 'body.expiresAt', SENT_AT - 60_000),
    code: 'invalid-field',
    path: 'body.expiresAt',
  },
  {
    name: 'expiresAt 24 h and 1 ms after sentAt',
    input: withField(CREATED, 'body.expiresAt', SENT_AT + MAX_REQUEST_TTL_MS + 1),
    code: 'invalid-field',
    path: 'body.expiresAt',
  },
  {
    name: 'a fractional expiresAt',
    input: withField(CREATED, 'body.expiresAt', SENT_AT + 0.5),
    code: 'invalid-field',
    path: 'body.expiresAt',
  },
  {
    name: 'a negative expiresAt',
    input: withField(CREATED, 'body.expiresAt', -1),
    code: 'invalid-field',
    path: 'body.expiresAt',
  },
  // request.created: agentKey
  { name: 'no agentKey', input: without(CREATED, 'body.agentKey'), code: 'missing-field', path: 'body.agentKey' },
  {
    name: 'no agentKey.suite',
    input: without(CREATED, 'body.agentKey.suite'),
    code: 'missing-field',
    path: 'body.agentKey.suite',
  },
  {
    name: 'another suite',
    input: withField(CREATED, 'body.agentKey.suite', 'HPKE-v1/DHKEM-X25519-HKDF-SHA256/HKDF-SHA256/AES-128-GCM'),
    code: 'invalid-field',
    path: 'body.agentKey.suite',
  },
  {
    name: 'the suite in lower case',
    input: withField(CREATED, 'body.agentKey.suite', SEALING_SUITE.toLowerCase()),
    code: 'invalid-field',
    path: 'body.agentKey.suite',
  },
  {
    name: 'no publicKey',
    input: without(CREATED, 'body.agentKey.publicKey'),
    code: 'missing-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a publicKey of 86 characters',
    input: withField(CREATED, 'body.agentKey.publicKey', PUBLIC_KEY.slice(1)),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a publicKey of 88 characters',
    input: withField(CREATED, 'body.agentKey.publicKey', `${PUBLIC_KEY}A`),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a publicKey with "+"',
    input: withField(CREATED, 'body.agentKey.publicKey', `+${PUBLIC_KEY.slice(1)}`),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a publicKey with "/"',
    input: withField(CREATED, 'body.agentKey.publicKey', `/${PUBLIC_KEY.slice(1)}`),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a publicKey with "=" padding',
    input: withField(CREATED, 'body.agentKey.publicKey', `${PUBLIC_KEY.slice(1)}=`),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'an empty publicKey',
    input: withField(CREATED, 'body.agentKey.publicKey', ''),
    code: 'invalid-field',
    path: 'body.agentKey.publicKey',
  },
  {
    name: 'a private key alongside the public key',
    input: withField(CREATED, 'body.agentKey.privateKey', PUBLIC_KEY),
    code: 'unexpected-field',
    path: 'body.agentKey.privateKey',
  },
  {
    name: 'an extra created body field',
    input: withField(CREATED, 'body.card', { number: 'x' }),
    code: 'unexpected-field',
    path: 'body.card',
  },
  // request.submitted
  { name: 'no sealed', input: without(SUBMITTED, 'body.sealed'), code: 'missing-field', path: 'body.sealed' },
  {
    name: 'no sealed.enc',
    input: without(SUBMITTED, 'body.sealed.enc'),
    code: 'missing-field',
    path: 'body.sealed.enc',
  },
  {
    name: 'an enc of 86 characters',
    input: withField(SUBMITTED, 'body.sealed.enc', ENC.slice(1)),
    code: 'invalid-field',
    path: 'body.sealed.enc',
  },
  {
    name: 'an enc with "=" padding',
    input: withField(SUBMITTED, 'body.sealed.enc', `${ENC.slice(1)}=`),
    code: 'invalid-field',
    path: 'body.sealed.enc',
  },
  {
    name: 'no sealed.ciphertext',
    input: without(SUBMITTED, 'body.sealed.ciphertext'),
    code: 'missing-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'an empty ciphertext',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', ''),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'a ciphertext over MAX_SEALED_CIPHERTEXT_LENGTH',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', 'x'.repeat(MAX_SEALED_CIPHERTEXT_LENGTH + 1)),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'a ciphertext with "+"',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', 'abc+def'),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'a ciphertext with "=" padding',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', 'abcdef=='),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'a ciphertext with a space',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', 'abc def'),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'a ciphertext as bytes',
    input: withField(SUBMITTED, 'body.sealed.ciphertext', [1, 2, 3]),
    code: 'invalid-field',
    path: 'body.sealed.ciphertext',
  },
  {
    name: 'the plaintext card alongside the sealed one',
    input: withField(SUBMITTED, 'body.sealed.number', 'x'),
    code: 'unexpected-field',
    path: 'body.sealed.number',
  },
  {
    name: 'an extra submitted body field',
    input: withField(SUBMITTED, 'body.card', 'x'),
    code: 'unexpected-field',
    path: 'body.card',
  },
  // request.cancelled, request.expired, request.state
  {
    name: 'a cancel reason not in the list',
    input: withField(CANCELLED, 'body.reason', 'customer'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  {
    name: 'a cancel reason in the wrong case',
    input: withField(CANCELLED, 'body.reason', 'Agent'),
    code: 'invalid-field',
    path: 'body.reason',
  },
  { name: 'no cancel reason', input: without(CANCELLED, 'body.reason'), code: 'missing-field', path: 'body.reason' },
  {
    name: 'an extra cancelled field',
    input: withField(CANCELLED, 'body.note', 'x'),
    code: 'unexpected-field',
    path: 'body.note',
  },
  {
    name: 'an expired stage not in the list',
    input: withField(EXPIRED, 'body.stage', 'card'),
    code: 'invalid-field',
    path: 'body.stage',
  },
  { name: 'no expired stage', input: without(EXPIRED, 'body.stage'), code: 'missing-field', path: 'body.stage' },
  {
    name: 'a phase not in PHASES',
    input: withField(STATE, 'body.phase', 'paid'),
    code: 'invalid-field',
    path: 'body.phase',
  },
  {
    name: 'a phase in the wrong case',
    input: withField(STATE, 'body.phase', 'Completed'),
    code: 'invalid-field',
    path: 'body.phase',
  },
  {
    name: 'a phase naming an Object.prototype member',
    input: withField(STATE, 'body.phase', 'toString'),
    code: 'invalid-field',
    path: 'body.phase',
  },
  { name: 'a numeric phase', input: withField(STATE, 'body.phase', 0), code: 'invalid-field', path: 'body.phase' },
  { name: 'no phase', input: without(STATE, 'body.phase'), code: 'missing-field', path: 'body.phase' },
];

const SIGNATURE_CASES: readonly Rejection[] = [
  { name: 'no signature', input: without(SYNC, 'signature'), code: 'missing-field', path: 'signature' },
  {
    name: 'no signature on a request.created',
    input: without(CREATED, 'signature'),
    code: 'missing-field',
    path: 'signature',
  },
  {
    name: 'no signature on a request.submitted',
    input: without(SUBMITTED, 'signature'),
    code: 'missing-field',
    path: 'signature',
  },
  { name: 'an empty signature', input: { ...SYNC, signature: '' }, code: 'invalid-field', path: 'signature' },
  {
    name: 'a signature of 85 characters',
    input: { ...SYNC, signature: SIGNATURE.slice(1) },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a signature of 87 characters',
    input: { ...SYNC, signature: `${SIGNATURE}A` },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a DER signature of 72 bytes, in base64url',
    input: { ...SYNC, signature: 'M'.repeat(96) },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a signature in standard base64 ("+" and "/")',
    input: { ...SYNC, signature: `+/${SIGNATURE.slice(2)}` },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a signature with "=" padding',
    input: { ...SYNC, signature: `${SIGNATURE.slice(0, 84)}==` },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a signature with a space',
    input: { ...SYNC, signature: `${SIGNATURE.slice(0, 40)} ${SIGNATURE.slice(41)}` },
    code: 'invalid-field',
    path: 'signature',
  },
  {
    name: 'a signature with a non-ASCII letter',
    input: { ...SYNC, signature: `é${SIGNATURE.slice(1)}` },
    code: 'invalid-field',
    path: 'signature',
  },
  { name: 'a numeric signature', input: { ...SYNC, signature: 42 }, code: 'invalid-field', path: 'signature' },
  { name: 'a null signature', input: { ...SYNC, signature: null }, code: 'invalid-field', path: 'signature' },
  {
    name: 'a signature as an object',
    input: { ...SYNC, signature: { r: 'x', s: 'y' } },
    code: 'invalid-field',
    path: 'signature',
  },
];

const CUSTOMER_KEY_CASES: readonly Rejection[] = [
  ...CUSTOMER_ONLY.map((type) => ({
    name: `no customerKey on a ${type}`,
    input: without(SAMPLE[type], 'customerKey'),
    code: 'missing-field' as const,
    path: 'customerKey',
  })),
  ...AGENT_ONLY.map((type) => ({
    name: `a customerKey on a ${type}`,
    input: { ...SAMPLE[type], customerKey: CUSTOMER_KEY },
    code: 'unexpected-field' as const,
    path: 'customerKey',
  })),
  ...(
    [
      ['of 86 characters', CUSTOMER_KEY.slice(1)],
      ['of 88 characters', `${CUSTOMER_KEY}A`],
      ['that is empty', ''],
      ['with "+"', `+${CUSTOMER_KEY.slice(1)}`],
      ['with "/"', `/${CUSTOMER_KEY.slice(1)}`],
      ['with "=" padding', `${CUSTOMER_KEY.slice(1)}=`],
      ['that is a number', 42],
      ['that is null', null],
      ['that is a JWK', { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }],
    ] as const
  ).flatMap(([what, value]) =>
    (['request.opened', 'request.submitted', 'request.sync', 'request.state'] as const).map((type) => ({
      name: `a customerKey ${what} on a ${type}`,
      input: { ...SAMPLE[type], customerKey: value },
      code: 'invalid-field' as const,
      path: 'customerKey',
    })),
  ),
];

/** Characters that reorder text without showing: each bidirectional control. */
const BIDI_CONTROLS = [
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'],
  ...['\u2066', '\u2067', '\u2068', '\u2069'],
  ...['\u200e', '\u200f', '\u061c'],
];
/** Characters that hide text or take no room: zero-width space, word joiner, byte order mark, soft hyphen, a tag character. */
const INVISIBLE = ['\u200b', '\u2060', '\ufeff', '\u00ad', '\u{e0041}'];
/** Of these, only U+FEFF is white space to `String.prototype.trim`: at either end it is refused as a space. */
const TRIMMED = [...BIDI_CONTROLS, ...INVISIBLE].filter((character) => character.trim() === '');
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const REASON_TEXT_CASES: readonly Rejection[] = [
  ...[...BIDI_CONTROLS, ...INVISIBLE].flatMap((character) => [
    {
      name: `a reason with ${codePoint(character)} inside`,
      input: withField(CREATED, 'body.reason', `Invoice 42 for ${character}10.00 USD`),
      code: 'invalid-field' as const,
      path: 'body.reason',
    },
    // At the very start too (U+FEFF there is refused as a space at the edge).
    {
      name: `a reason starting with ${codePoint(character)}`,
      input: withField(CREATED, 'body.reason', `${character}Invoice 42`),
      code: 'invalid-field' as const,
      path: 'body.reason',
    },
  ]),
  {
    name: 'a reason that reverses "10.00" with an override and a pop',
    input: withField(CREATED, 'body.reason', 'Refund of \u202e00.01\u202c USD'),
    code: 'invalid-field',
    path: 'body.reason',
  },
];

const AGENT_KEY_CASES: readonly Rejection[] = [
  // signingKey
  {
    name: 'no signingKey',
    input: without(CREATED, 'body.agentKey.signingKey'),
    code: 'missing-field',
    path: 'body.agentKey.signingKey',
  },
  {
    name: 'a signingKey of 86 characters',
    input: withField(CREATED, 'body.agentKey.signingKey', SIGNING_KEY.slice(1)),
    code: 'invalid-field',
    path: 'body.agentKey.signingKey',
  },
  {
    name: 'a signingKey with "+"',
    input: withField(CREATED, 'body.agentKey.signingKey', `+${SIGNING_KEY.slice(1)}`),
    code: 'invalid-field',
    path: 'body.agentKey.signingKey',
  },
  // agentId
  {
    name: 'no agentId',
    input: without(CREATED, 'body.agentKey.agentId'),
    code: 'missing-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'an empty agentId',
    input: withField(CREATED, 'body.agentKey.agentId', ''),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'an agentId one character too long',
    input: withField(CREATED, 'body.agentKey.agentId', 'a'.repeat(MAX_AGENT_ID_LENGTH + 1)),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'an agentId with a space',
    input: withField(CREATED, 'body.agentKey.agentId', 'agent 1'),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'an agentId with a newline',
    input: withField(CREATED, 'body.agentKey.agentId', 'agent-1\n'),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'a non-ASCII agentId',
    input: withField(CREATED, 'body.agentKey.agentId', 'agent-Ω'),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'an agentId with a bidirectional control',
    input: withField(CREATED, 'body.agentKey.agentId', 'agent\u202e1'),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  {
    name: 'a numeric agentId',
    input: withField(CREATED, 'body.agentKey.agentId', 1),
    code: 'invalid-field',
    path: 'body.agentKey.agentId',
  },
  // vouch
  {
    name: 'a vouch of two parts',
    input: withField(CREATED, 'body.agentKey.vouch', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0'),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch of four parts',
    input: withField(CREATED, 'body.agentKey.vouch', `${VOUCH}.extra`),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch with an empty part',
    input: withField(CREATED, 'body.agentKey.vouch', 'eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl'),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch of one part',
    input: withField(CREATED, 'body.agentKey.vouch', 'eyJhbGciOiJFUzI1NiJ9'),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'an empty vouch',
    input: withField(CREATED, 'body.agentKey.vouch', ''),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch in standard base64',
    input: withField(CREATED, 'body.agentKey.vouch', 'eyJh+GciOi/FUzI1NiJ9.eyJzdWIi.c2ln=='),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch with a space',
    input: withField(CREATED, 'body.agentKey.vouch', 'a.b c.d'),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch one character too long',
    input: withField(
      CREATED,
      'body.agentKey.vouch',
      `${'h'.repeat(100)}.${'c'.repeat(MAX_VOUCH_LENGTH - 201)}.${'s'.repeat(100)}`,
    ),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch as a JWS in JSON serialisation',
    input: withField(CREATED, 'body.agentKey.vouch', { protected: 'a', payload: 'b', signature: 'c' }),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  {
    name: 'a vouch of null',
    input: withField(CREATED, 'body.agentKey.vouch', null),
    code: 'invalid-field',
    path: 'body.agentKey.vouch',
  },
  // v1's key proof is gone
  {
    name: "a v1 key proof in a v2 message's agentKey",
    input: withField(CREATED, 'body.agentKey.proof', 'signed.by.the-integrator'),
    code: 'unexpected-field',
    path: 'body.agentKey.proof',
  },
  // replaces
  ...(
    [
      ['of 7 characters', 'req_000'],
      ['of 65 characters', 'r'.repeat(65)],
      ['with "/"', 'req/0000/older'],
      ['with a space', 'req 0000 older'],
      ['that is empty', ''],
      ['that is a number', 12345678],
      ['that is null', null],
      ['that is an object', { requestId: 'req_0000-older' }],
    ] as const
  ).map(([what, value]) => ({
    name: `a replaces ${what}`,
    input: withField(CREATED, 'body.replaces', value),
    code: 'invalid-field' as const,
    path: 'body.replaces',
  })),
  {
    name: 'a replaces on a request.cancelled',
    input: withField(CANCELLED, 'body.replaces', 'req_0000-older'),
    code: 'unexpected-field',
    path: 'body.replaces',
  },
  {
    name: 'a replaces in the envelope',
    input: { ...CREATED, replaces: 'req_0000-older' },
    code: 'unexpected-field',
    path: 'replaces',
  },
];

const HOSTILE_KEY_CASES: readonly Rejection[] = [
  {
    name: '"__proto__" at the top',
    input: withRawKey(SYNC, '', '__proto__', '{"polluted":true}'),
    code: 'unexpected-field',
    path: '__proto__',
  },
  {
    name: '"constructor" at the top',
    input: withRawKey(SYNC, '', 'constructor', '{"prototype":{"polluted":true}}'),
    code: 'unexpected-field',
    path: 'constructor',
  },
  {
    name: '"prototype" at the top',
    input: withRawKey(SYNC, '', 'prototype', '{"polluted":true}'),
    code: 'unexpected-field',
    path: 'prototype',
  },
  {
    name: '"__proto__" in an empty body',
    input: withRawKey(SYNC, 'body', '__proto__', '{"polluted":true}'),
    code: 'unexpected-field',
    path: 'body.__proto__',
  },
  {
    name: '"__proto__" in a created body',
    input: withRawKey(CREATED, 'body', '__proto__', '{"polluted":true}'),
    code: 'unexpected-field',
    path: 'body.__proto__',
  },
  {
    name: '"__proto__" in the amount',
    input: withRawKey(CREATED, 'body.amount', '__proto__', '{"polluted":true}'),
    code: 'unexpected-field',
    path: 'body.amount.__proto__',
  },
  {
    name: '"constructor" in the agent key',
    input: withRawKey(CREATED, 'body.agentKey', 'constructor', '{"prototype":{"polluted":true}}'),
    code: 'unexpected-field',
    path: 'body.agentKey.constructor',
  },
  {
    name: '"__proto__" in sealed',
    input: withRawKey(SUBMITTED, 'body.sealed', '__proto__', '{"polluted":true}'),
    code: 'unexpected-field',
    path: 'body.sealed.__proto__',
  },
  {
    name: '"__proto__" as an already-parsed value',
    input: JSON.parse(withRawKey(STATE, '', '__proto__', '{"polluted":true}')),
    code: 'unexpected-field',
    path: '__proto__',
  },
  {
    name: '"constructor" in a body, already parsed',
    input: JSON.parse(withRawKey(CANCELLED, 'body', 'constructor', '{"prototype":{"polluted":true}}')),
    code: 'unexpected-field',
    path: 'body.constructor',
  },
  {
    name: '"__proto__" replacing the body',
    input: JSON.stringify(SYNC).replace('"body":{}', '"__proto__":{"body":{}}'),
    code: 'missing-field',
    path: 'body',
  },
];

describe('parseMessage: malformed and hostile input', () => {
  const all = [
    ...BAD_INPUT,
    ...ENVELOPE_CASES,
    ...SIGNATURE_CASES,
    ...CUSTOMER_KEY_CASES,
    ...BODY_CASES,
    ...REASON_TEXT_CASES,
    ...AGENT_KEY_CASES,
    ...HOSTILE_KEY_CASES,
  ];

  it('has at least 60 cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  describe.each([
    { group: 'not a JSON object', cases: BAD_INPUT },
    { group: 'envelope', cases: ENVELOPE_CASES },
    { group: 'signature', cases: SIGNATURE_CASES },
    { group: "the customer's key", cases: CUSTOMER_KEY_CASES },
    { group: 'bodies', cases: BODY_CASES },
    { group: 'unsafe text in the reason', cases: REASON_TEXT_CASES },
    { group: "the agent's key, its vouch and replaces", cases: AGENT_KEY_CASES },
    { group: 'hostile keys', cases: HOSTILE_KEY_CASES },
  ])('$group', ({ cases }) => {
    it.each(cases)('$name → $code at "$path"', ({ input, code, path }) => {
      expectRejected(input, code, path);
    });
  });

  it('leaves Object.prototype untouched after every hostile case', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const { input } of all) parseMessage(input);
    for (const { input } of HOSTILE_KEY_CASES) {
      // The same payloads inside otherwise valid places must not leak either.
      parseMessage(typeof input === 'string' ? JSON.parse(input) : input);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reads only own data: a valid message as a prototype does not make a valid message', () => {
    expectRejected(Object.create(CREATED) as unknown, 'missing-field', 'type');
  });

  it('reads what JSON carries: a field set to undefined is absent, as on the wire', () => {
    expect(parseMessage({ ...SYNC, extra: undefined }).ok).toBe(true);
  });

  it('gives a parsed message the ordinary prototype, with no own "__proto__"', () => {
    const parsed = expectParsed(JSON.stringify(CREATED));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.body)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
  });
});

describe('parseMessage: the text of a reason', () => {
  const reasonOf = (reason: string) => {
    const parsed = expectParsed(withField(CREATED, 'body.reason', reason));
    if (parsed.type !== 'request.created') throw new Error('expected request.created');
    return parsed.body.reason;
  };

  it('refuses every bidirectional control and invisible character listed, each on its own', () => {
    expect(BIDI_CONTROLS.map(codePoint)).toEqual([
      ...['U+202A', 'U+202B', 'U+202C', 'U+202D', 'U+202E'],
      ...['U+2066', 'U+2067', 'U+2068', 'U+2069'],
      ...['U+200E', 'U+200F', 'U+061C'],
    ]);
    expect(INVISIBLE.map(codePoint)).toEqual(['U+200B', 'U+2060', 'U+FEFF', 'U+00AD', 'U+E0041']);
    for (const character of [...BIDI_CONTROLS, ...INVISIBLE]) {
      const error = expectRejected(withField(CREATED, 'body.reason', `a${character}b`), 'invalid-field', 'body.reason');
      expect(error.message).toMatch(/bidirectional|invisible|control/);
      expect(error.message).not.toContain(character);
    }
  });

  it.each([
    ['a zero-width joiner (U+200D) in an emoji sequence', '👩‍💻 laptop'],
    ['a zero-width non-joiner (U+200C) in Persian', 'می‌خواهم'],
    ['an emoji variation selector (U+FE0F)', 'With ❤️'],
    ['a text variation selector (U+FE0E)', 'Stand ☎︎ included'],
    ['a flag made of a ZWJ sequence', 'Pride 🏳️‍🌈 banner'],
    ['right-to-left text without controls', 'فاتورة رقم 42'],
    ['line breaks and tabs', 'Line one\n\tline two'],
    ['all of them at once', JOINED_REASON],
  ])('accepts %s, unchanged', (_, reason) => {
    expect(reasonOf(reason)).toBe(reason);
  });

  it('refuses spaces and U+FEFF at either end rather than trimming them: what was signed is what is read', () => {
    expect(TRIMMED.map(codePoint)).toEqual(['U+FEFF']);
    for (const reason of ['\ufeffInvoice 42', 'Invoice 42\ufeff', '  Invoice 42', 'Invoice 42 \n']) {
      const parsed = parseMessage(withField(CREATED, 'body.reason', reason));
      expect(!parsed.ok && parsed.error.path).toBe('body.reason');
    }
  });
});

describe('parseMessage: protocol version 1', () => {
  const V1_SYNC = { ...without(SYNC, 'signature'), version: 1 };

  it.each([
    ['a v1 request.sync', V1_SYNC],
    ['a v1 request.sync as JSON text', JSON.stringify(V1_SYNC)],
    ['a v1 message that does carry a signature', { ...SYNC, version: 1 }],
  ])('refuses %s, saying v1 carries no signatures and the sender must update', (_, input) => {
    const error = expectRejected(input, 'unsupported-version', 'version');
    expect(error.message).toMatch(/version 1\b/);
    expect(error.message).toMatch(/no signatures/);
    expect(error.message).toMatch(/update/i);
    expect(error.message).toContain(`protocol ${PROTOCOL_VERSION}`);
  });

  it('tells a newer version apart: that side updates this SDK', () => {
    const error = expectRejected({ ...SYNC, version: 3 }, 'unsupported-version', 'version');
    expect(error.message).toMatch(/newer protocol version/);
    expect(error.message).not.toMatch(/no signatures/);
  });
});

describe('parseMessage: errors name the field, never the value received', () => {
  const cases: readonly Rejection[] = [
    { name: 'id', input: { ...SYNC, id: `${CARD}/x` }, code: 'invalid-field', path: 'id' },
    { name: 'requestId', input: { ...SYNC, requestId: `${CARD} x` }, code: 'invalid-field', path: 'requestId' },
    {
      name: 'conversationId',
      input: { ...SYNC, conversationId: `${CARD} x` },
      code: 'invalid-field',
      path: 'conversationId',
    },
    { name: 'version', input: { ...SYNC, version: CARD }, code: 'invalid-field', path: 'version' },
    { name: 'type', input: { ...SYNC, type: CARD }, code: 'unknown-type', path: 'type' },
    { name: 'sentAt', input: { ...SYNC, sentAt: CARD }, code: 'invalid-field', path: 'sentAt' },
    { name: 'body', input: { ...SYNC, body: CARD }, code: 'invalid-field', path: 'body' },
    {
      name: 'amount.minor',
      input: withField(CREATED, 'body.amount.minor', CARD),
      code: 'invalid-field',
      path: 'body.amount.minor',
    },
    {
      name: 'amount.minor, as a float',
      input: withField(CREATED, 'body.amount.minor', Number(`${CARD}.5`) / 1e6),
      code: 'invalid-field',
      path: 'body.amount.minor',
    },
    {
      name: 'amount.currency',
      input: withField(CREATED, 'body.amount.currency', CARD),
      code: 'invalid-field',
      path: 'body.amount.currency',
    },
    {
      name: 'reason',
      input: withField(CREATED, 'body.reason', `card ${CARD}\u0000`),
      code: 'invalid-field',
      path: 'body.reason',
    },
    {
      name: 'long reason',
      input: withField(CREATED, 'body.reason', CARD.repeat(40)),
      code: 'invalid-field',
      path: 'body.reason',
    },
    {
      name: 'expiresAt',
      input: withField(CREATED, 'body.expiresAt', CARD),
      code: 'invalid-field',
      path: 'body.expiresAt',
    },
    {
      name: 'suite',
      input: withField(CREATED, 'body.agentKey.suite', CARD),
      code: 'invalid-field',
      path: 'body.agentKey.suite',
    },
    {
      name: 'publicKey',
      input: withField(CREATED, 'body.agentKey.publicKey', CARD),
      code: 'invalid-field',
      path: 'body.agentKey.publicKey',
    },
    {
      name: 'signingKey',
      input: withField(CREATED, 'body.agentKey.signingKey', CARD),
      code: 'invalid-field',
      path: 'body.agentKey.signingKey',
    },
    {
      name: 'agentId',
      input: withField(CREATED, 'body.agentKey.agentId', `${CARD} x`),
      code: 'invalid-field',
      path: 'body.agentKey.agentId',
    },
    {
      name: 'vouch',
      input: withField(CREATED, 'body.agentKey.vouch', `${CARD}.${CARD}`),
      code: 'invalid-field',
      path: 'body.agentKey.vouch',
    },
    {
      name: 'replaces',
      input: withField(CREATED, 'body.replaces', `${CARD}/x`),
      code: 'invalid-field',
      path: 'body.replaces',
    },
    { name: 'signature', input: { ...SYNC, signature: CARD }, code: 'invalid-field', path: 'signature' },
    {
      name: 'customerKey',
      input: { ...OPENED, customerKey: `${CARD}=` },
      code: 'invalid-field',
      path: 'customerKey',
    },
    {
      name: 'an unexpected customerKey',
      input: { ...COMPLETED, customerKey: CARD },
      code: 'unexpected-field',
      path: 'customerKey',
    },
    {
      name: 'a v1 message',
      input: { ...SYNC, version: 1, body: { card: CARD } },
      code: 'unsupported-version',
      path: 'version',
    },
    {
      name: 'reason, behind a bidirectional control',
      input: withField(CREATED, 'body.reason', `Refund \u202e${CARD}`),
      code: 'invalid-field',
      path: 'body.reason',
    },
    {
      name: 'enc',
      input: withField(SUBMITTED, 'body.sealed.enc', `${CARD}=`),
      code: 'invalid-field',
      path: 'body.sealed.enc',
    },
    {
      name: 'ciphertext',
      input: withField(SUBMITTED, 'body.sealed.ciphertext', `${CARD}+`),
      code: 'invalid-field',
      path: 'body.sealed.ciphertext',
    },
    {
      name: 'cancel reason',
      input: withField(CANCELLED, 'body.reason', CARD),
      code: 'invalid-field',
      path: 'body.reason',
    },
    { name: 'expired stage', input: withField(EXPIRED, 'body.stage', CARD), code: 'invalid-field', path: 'body.stage' },
    { name: 'state phase', input: withField(STATE, 'body.phase', CARD), code: 'invalid-field', path: 'body.phase' },
    {
      name: 'an unexpected field',
      input: withField(SYNC, 'body.card', CARD),
      code: 'unexpected-field',
      path: 'body.card',
    },
    // The name of an unexpected field is received text too: only a plain field name is repeated.
    {
      name: 'the name of an unexpected top-level field',
      input: { ...SYNC, [CARD]: 1 },
      code: 'unexpected-field',
      path: '',
    },
    {
      name: 'the name of an unexpected body field',
      input: withField(SYNC, `body.${CARD}`, 1),
      code: 'unexpected-field',
      path: 'body',
    },
    {
      name: 'the name of an unexpected amount field',
      input: withField(CREATED, `body.amount.card_${CARD}`, 1),
      code: 'unexpected-field',
      path: 'body.amount',
    },
    {
      name: 'an unexpected field name with control characters',
      input: JSON.stringify({ ...SYNC, [`x\n${CARD}\u001b[2J`]: 1 }),
      code: 'unexpected-field',
      path: '',
    },
    {
      name: 'an unexpected field name of 65 letters',
      input: withField(SUBMITTED, `body.sealed.${'k'.repeat(65)}`, CARD),
      code: 'unexpected-field',
      path: 'body.sealed',
    },
    {
      name: 'an unexpected field, as JSON text',
      input: JSON.stringify({ ...SYNC, card: CARD }),
      code: 'unexpected-field',
      path: 'card',
    },
    { name: 'a huge field', input: withField(CREATED, 'body.reason', CARD.repeat(1100)), code: 'too-large', path: '' },
    { name: 'broken JSON', input: `{"card":"${CARD}"`, code: 'not-json', path: '' },
  ];

  it.each(cases)('a card number in $name → $code at "$path", not in the message', ({ input, code, path }) => {
    const error = expectRejected(input, code, path);
    expect(error.message).not.toContain(CARD);
    expect(error.message).not.toContain(CARD.slice(0, 8));
    expect(error.path).not.toContain(CARD);
    expect(JSON.stringify(error)).not.toContain(CARD);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(error.message.length).toBeLessThan(500);
  });
});
