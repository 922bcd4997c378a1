import * as v from 'valibot';
import { ChatPayError, err, ok, type Result } from './errors.js';
import { isCurrency } from './money.js';
import {
  MAX_AGENT_ID_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REQUEST_TTL_MS,
  MAX_SEALED_CIPHERTEXT_LENGTH,
  MAX_VOUCH_LENGTH,
  MESSAGE_TYPES,
  PAYMENT_ASKED,
  PHASES,
  PROTOCOL_VERSION,
  SEALING_SUITE,
  UNSAFE_TEXT,
  type ReceivedMessage,
} from './protocol.js';

/** `ProtocolError`'s codes: which rule a received value broke, from not being JSON at all to one field out of bounds. */
export type ProtocolErrorCode =
  | 'not-json'
  | 'too-large'
  | 'not-an-object'
  | 'unsupported-version'
  | 'unknown-type'
  | 'missing-field'
  | 'unexpected-field'
  | 'invalid-field';

/**
 * A received value is not a valid protocol v2 message. `path` names the faulty field
 * (`body.amount.minor`); the message says what was expected there and never repeats what was received.
 */
export class ProtocolError extends ChatPayError<ProtocolErrorCode> {
  override name = 'ProtocolError';
  /** The faulty field's path (`body.amount.minor`), or empty for the value as a whole. */
  readonly path: string;

  constructor(code: ProtocolErrorCode, path: string, message: string) {
    super(code, message);
    this.path = path;
  }
}

const MAX_INSTANT = 8_640_000_000_000_000;

const id = v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, 'an id of 8 to 64 letters, digits, "_" or "-"'));
const instant = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_INSTANT));
const base64url = (max: number) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.regex(/^[\w-]+$/, 'base64url text'));
const empty = v.strictObject({});
/** Plain text: no spaces at either end; no control, bidirectional or invisible characters (`UNSAFE_TEXT`) but line breaks and tabs. */
const plainText = (max: number) =>
  v.pipe(
    v.string(),
    // Refused, not trimmed: the text is signed as sent, and a parser must not change what was signed.
    v.check((text) => text === text.trim(), 'text without spaces at either end'),
    v.minLength(1),
    v.maxLength(max),
    v.check((text) => !UNSAFE_TEXT.test(text), 'text without control, bidirectional or invisible characters'),
  );
/** An uncompressed P-256 public key: 65 bytes, 87 base64url characters. */
const publicKey = v.pipe(base64url(87), v.length(87));

const unsignedEnvelope = {
  version: v.literal(PROTOCOL_VERSION),
  id,
  requestId: id,
  conversationId: v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,128}$/, '1 to 128 visible ASCII characters')),
  sentAt: instant,
};
const envelope = {
  ...unsignedEnvelope,
  /** An ECDSA P-256 signature: 64 bytes, 86 base64url characters. */
  signature: v.pipe(base64url(86), v.length(86)),
};

/** Messages the agent signs: no `customerKey`. */
const agentMessage = <T extends string, B extends v.GenericSchema>(type: T, body: B) =>
  v.strictObject({ ...envelope, type: v.literal(type), body });
/** Messages only the customer sends: with the customer's signing key. */
const customerMessage = <T extends string, B extends v.GenericSchema>(type: T, body: B) =>
  v.strictObject({ ...envelope, customerKey: publicKey, type: v.literal(type), body });
/** Messages either side sends (sync, state): the customer's carry its key. */
const eitherMessage = <T extends string, B extends v.GenericSchema>(type: T, body: B) =>
  v.strictObject({ ...envelope, customerKey: v.optional(publicKey), type: v.literal(type), body });

const created = v.pipe(
  agentMessage(
    'request.created',
    v.strictObject({
      amount: v.strictObject({
        minor: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
        currency: v.pipe(v.string(), v.check(isCurrency, 'an ISO 4217 currency code')),
      }),
      reason: plainText(MAX_REASON_LENGTH),
      expiresAt: instant,
      agentKey: v.strictObject({
        suite: v.literal(SEALING_SUITE),
        publicKey,
        signingKey: publicKey,
        agentId: v.pipe(
          v.string(),
          v.regex(/^[\x21-\x7e]{1,128}$/, `1 to ${MAX_AGENT_ID_LENGTH} visible ASCII characters`),
        ),
        vouch: v.optional(
          v.pipe(v.string(), v.maxLength(MAX_VOUCH_LENGTH), v.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'a compact JWS')),
        ),
      }),
      replaces: v.optional(id),
    }),
  ),
  v.forward(
    v.check(
      (input) => input.body.expiresAt > input.sentAt && input.body.expiresAt - input.sentAt <= MAX_REQUEST_TTL_MS,
      'an instant after sentAt and at most 24 hours later',
    ),
    ['body', 'expiresAt'],
  ),
);

/**
 * The customer's unsigned ask for a card request: the envelope without a signature or a key, an empty
 * body, and no request of its own (its `requestId` is its `id`). Anything more is refused.
 */
const paymentAsked = v.pipe(
  v.strictObject({ ...unsignedEnvelope, type: v.literal(PAYMENT_ASKED), body: empty }),
  v.forward(
    v.check((input) => input.requestId === input.id, "the message's own id: an ask is about no request"),
    ['requestId'],
  ),
);

const schema = v.variant('type', [
  created,
  customerMessage('request.opened', empty),
  customerMessage('request.declined', empty),
  customerMessage(
    'request.submitted',
    v.strictObject({
      sealed: v.strictObject({
        enc: v.pipe(base64url(87), v.length(87)),
        ciphertext: base64url(MAX_SEALED_CIPHERTEXT_LENGTH),
      }),
    }),
  ),
  agentMessage('request.completed', empty),
  agentMessage('request.cancelled', v.strictObject({ reason: v.picklist(['agent', 'card-unreadable', 'replaced']) })),
  agentMessage('request.expired', v.strictObject({ stage: v.picklist(['request', 'view-window']) })),
  eitherMessage('request.sync', empty),
  eitherMessage('request.state', v.strictObject({ phase: v.picklist([...PHASES, 'unknown']) })),
  paymentAsked,
]);

// The schema's output and the documented types must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<v.InferOutput<typeof schema>, ReceivedMessage> = true;
void schemaMatchesTypes;

/**
 * Checks that `input` (a JSON string or an already-parsed value) is a protocol v2 message: its size,
 * shape, field types and bounds, then returns a fresh typed copy, or a `ProtocolError` naming the first fault.
 * A message from a newer protocol version is refused with `unsupported-version`, never guessed at.
 * Besides the signed messages about requests, it reads the customer's unsigned `payment.asked`.
 */
export function parseMessage(input: unknown): Result<ReceivedMessage, ProtocolError> {
  // Everything is read from JSON text, so the checks see plain data: no prototypes, getters or inherited fields.
  let text: string | undefined;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = JSON.stringify(input);
    } catch {
      return err(new ProtocolError('not-json', '', 'The message cannot be represented as JSON.'));
    }
  }
  if (text === undefined) return err(new ProtocolError('not-an-object', '', 'The message is not a JSON object.'));
  if (text.length > MAX_MESSAGE_LENGTH) {
    return err(new ProtocolError('too-large', '', `The message is longer than ${MAX_MESSAGE_LENGTH} characters.`));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(new ProtocolError('not-json', '', 'The message is not valid JSON.'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(new ProtocolError('not-an-object', '', 'The message is not a JSON object.'));
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROTOCOL_VERSION) {
    return err(
      new ProtocolError(
        'unsupported-version',
        'version',
        `The message uses a newer protocol version than this SDK's (${PROTOCOL_VERSION}). Update ChatPay on this side.`,
      ),
    );
  }
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < PROTOCOL_VERSION) {
    return err(
      new ProtocolError(
        'unsupported-version',
        'version',
        `The message uses protocol version ${version}, which carries no signatures and is no longer accepted: ` +
          `update ChatPay on the sending side to protocol ${PROTOCOL_VERSION}.`,
      ),
    );
  }
  const list = findList(value, []);
  if (list) {
    const path = list.join('.');
    return err(
      new ProtocolError(
        'invalid-field',
        path,
        `The field "${path}" is invalid. Expected an object or a value, not a list.`,
      ),
    );
  }
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return ok(result.output);
  return err(toProtocolError(result.issues[0]));
}

/** A field name we may repeat in an error: anything else is received text and is never echoed. */
const FIELD_NAME = /^[A-Za-z_]{1,64}$/;

/** The protocol has no lists: the path of the first one, if any (through field-like names only). */
function findList(value: object, path: string[]): string[] | undefined {
  if (Array.isArray(value)) return path;
  for (const [key, child] of Object.entries(value)) {
    if (!FIELD_NAME.test(key) || typeof child !== 'object' || child === null) continue;
    const found = findList(child as object, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function toProtocolError(issue: v.BaseIssue<unknown>): ProtocolError {
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // The unexpected key is itself received text: name it only if it looks like a field name, else name its object.
    const key = String(issue.path?.at(-1)?.key);
    if (FIELD_NAME.test(key)) {
      return new ProtocolError('unexpected-field', path, `The field "${path}" is not part of the message.`);
    }
    const parent = path.slice(0, Math.max(0, path.length - key.length - 1));
    return new ProtocolError(
      'unexpected-field',
      parent,
      `${parent ? `"${parent}"` : 'The message'} has a field it should not.`,
    );
  }
  if (issue.received === 'undefined') {
    return new ProtocolError('missing-field', path, `The field "${path}" is missing.`);
  }
  if (issue.type === 'variant' && path === 'type') {
    return new ProtocolError(
      'unknown-type',
      path,
      `The message type is not one of ${[...MESSAGE_TYPES, PAYMENT_ASKED].join(', ')}.`,
    );
  }
  // Every `regex` and `check` above carries its own wording; other issues describe only the expectation.
  // Valibot's default messages repeat the received value, so they are never used.
  const expected = issue.type === 'regex' || issue.type === 'check' ? issue.message : issue.expected;
  return new ProtocolError(
    'invalid-field',
    path,
    `The field "${path}" is invalid.${expected ? ` Expected ${expected}.` : ''}`,
  );
}
