import { describe, expect, it } from 'vitest';
import {
  ChatPayError,
  MAX_KEY_PROOF_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REQUEST_TTL_MS,
  MAX_SEALED_CIPHERTEXT_LENGTH,
  MESSAGE_TYPES,
  PHASES,
  parseMessage,
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
/** 87 base64url characters: the HPKE encapsulated key. */
const ENC = `B${'Zy8x_w7V-6u5T4s3R2q1P0oN'.repeat(4)}`.slice(0, 87);
const CIPHERTEXT = 'c2VhbGVkLWNhcmQtY2lwaGVydGV4dA_-' + 'A'.repeat(64);

const ENVELOPE = {
  version: 1,
  id: 'msg_0001-abcd',
  requestId: 'req_0001-abcd',
  conversationId: 'conv:support/42',
  sentAt: SENT_AT,
} as const;

const message = (type: MessageType, body: Json): Json => ({ ...ENVELOPE, type, body });

const CREATED_BODY = {
  amount: { minor: 1250, currency: 'USD' },
  reason: 'Invoice 42:\n\tcatering for 12 people',
  expiresAt: SENT_AT + 15 * 60 * 1000,
  agentKey: { suite: SEALING_SUITE, publicKey: PUBLIC_KEY },
};

const CREATED = message('request.created', CREATED_BODY);
const SUBMITTED = message('request.submitted', { sealed: { enc: ENC, ciphertext: CIPHERTEXT } });
const SYNC = message('request.sync', {});
const CANCELLED = message('request.cancelled', { reason: 'agent' });
const EXPIRED = message('request.expired', { stage: 'request' });
const STATE = message('request.state', { phase: 'waitingForCustomer' });

const VALID: ReadonlyArray<{ name: string; input: Json }> = [
  { name: 'request.created', input: CREATED },
  {
    name: 'request.created with a proof, in JPY and KWD',
    input: message('request.created', {
      ...CREATED_BODY,
      amount: { minor: 1500, currency: 'JPY' },
      agentKey: { suite: SEALING_SUITE, publicKey: PUBLIC_KEY, proof: 'signed.by.the-integrator' },
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
    name: 'request.created with a reason of exactly 500 characters and a proof of the largest length',
    input: message('request.created', {
      ...CREATED_BODY,
      reason: 'r'.repeat(MAX_REASON_LENGTH),
      expiresAt: SENT_AT + 1,
      agentKey: { suite: SEALING_SUITE, publicKey: PUBLIC_KEY, proof: 'p'.repeat(MAX_KEY_PROOF_LENGTH) },
    }),
  },
  { name: 'request.opened', input: message('request.opened', {}) },
  { name: 'request.declined', input: message('request.declined', {}) },
  { name: 'request.submitted', input: SUBMITTED },
  {
    name: 'request.submitted with the largest ciphertext',
    input: message('request.submitted', { sealed: { enc: ENC, ciphertext: 'x'.repeat(MAX_SEALED_CIPHERTEXT_LENGTH) } }),
  },
  { name: 'request.completed', input: message('request.completed', {}) },
  { name: 'request.cancelled by the agent', input: CANCELLED },
  { name: 'request.cancelled, card unreadable', input: message('request.cancelled', { reason: 'card-unreadable' }) },
  { name: 'request.expired, request', input: EXPIRED },
  { name: 'request.expired, view window', input: message('request.expired', { stage: 'view-window' }) },
  { name: 'request.sync', input: SYNC },
  ...[...PHASES, 'unknown'].map((phase) => ({
    name: `request.state ${phase}`,
    input: message('request.state', { phase }),
  })),
  { name: 'sentAt 0', input: { ...SYNC, sentAt: 0 } },
  { name: 'ids of 8 and 64 characters', input: { ...SYNC, id: 'a-b_c-d_', requestId: 'Z'.repeat(64) } },
  { name: 'a conversationId of 128 visible characters', input: { ...SYNC, conversationId: '~'.repeat(128) } },
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
  it('covers every message type, with keys of the right length', () => {
    expect(PUBLIC_KEY).toHaveLength(87);
    expect(ENC).toHaveLength(87);
    expect(new Set(VALID.map(({ input }) => input.type))).toEqual(new Set(MESSAGE_TYPES));
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
  { name: 'version 2', input: { ...SYNC, version: 2 }, code: 'unsupported-version', path: 'version' },
  { name: 'version 99', input: { ...SYNC, version: 99 }, code: 'unsupported-version', path: 'version' },
  {
    name: 'version 2 with a type and body v1 does not know',
    input: { ...SYNC, version: 2, type: 'request.refunded', body: { refund: true } },
    code: 'unsupported-version',
    path: 'version',
  },
  {
    name: 'version 2 as JSON text',
    input: JSON.stringify({ ...SYNC, version: 2 }),
    code: 'unsupported-version',
    path: 'version',
  },
  { name: 'version 0', input: { ...SYNC, version: 0 }, code: 'invalid-field', path: 'version' },
  { name: 'version -1', input: { ...SYNC, version: -1 }, code: 'invalid-field', path: 'version' },
  { name: 'version "1"', input: { ...SYNC, version: '1' }, code: 'invalid-field', path: 'version' },
  { name: 'version "2"', input: { ...SYNC, version: '2' }, code: 'invalid-field', path: 'version' },
  { name: 'version 1.5', input: { ...SYNC, version: 1.5 }, code: 'invalid-field', path: 'version' },
  { name: 'version Infinity', input: { ...SYNC, version: Infinity }, code: 'invalid-field', path: 'version' },
  {
    name: 'version 1e400 in JSON',
    input: JSON.stringify(SYNC).replace('"version":1', '"version":1e400'),
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
    name: 'an empty proof',
    input: withField(CREATED, 'body.agentKey.proof', ''),
    code: 'invalid-field',
    path: 'body.agentKey.proof',
  },
  {
    name: 'a proof one character too long',
    input: withField(CREATED, 'body.agentKey.proof', 'p'.repeat(MAX_KEY_PROOF_LENGTH + 1)),
    code: 'invalid-field',
    path: 'body.agentKey.proof',
  },
  {
    name: 'a proof as an object',
    input: withField(CREATED, 'body.agentKey.proof', { sig: 'x' }),
    code: 'invalid-field',
    path: 'body.agentKey.proof',
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
  const all = [...BAD_INPUT, ...ENVELOPE_CASES, ...BODY_CASES, ...HOSTILE_KEY_CASES];

  it('has at least 60 cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  describe.each([
    { group: 'not a JSON object', cases: BAD_INPUT },
    { group: 'envelope', cases: ENVELOPE_CASES },
    { group: 'bodies', cases: BODY_CASES },
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
