// What the relay and its clients say to each other besides ChatPay's own messages: the HTTP answers
// to a refused upgrade, the frames, and the close codes. docs/relay.md lists them for integrators.
import type { JoinTokenErrorCode } from './errors.js';
import type { Role } from './join-token.js';

/** Why an upgrade was refused, and the HTTP status it is refused with (before any WebSocket exists). */
export const UPGRADE_REFUSALS = {
  'token-missing': 401,
  'token-invalid': 401,
  'token-expired': 401,
  'origin-refused': 403,
  'wrong-conversation': 403,
  'cursor-invalid': 400,
  'conversation-full': 429,
  'relay-full': 503,
  'relay-draining': 503,
  'store-unavailable': 503,
  'not-found': 404,
} as const satisfies Record<JoinTokenErrorCode | string, number>;
/** A reason an upgrade is refused: a key of `UPGRADE_REFUSALS`. */
export type UpgradeRefusal = keyof typeof UPGRADE_REFUSALS;

/** Why a message was refused (`{"nack":id,"code":…}`). Nothing was appended; the connection stays open. */
export type NackCode =
  /** `version` is not the relay's protocol version. */
  | 'unsupported-version'
  /** `requestId`, `conversationId` or `type` is missing or not a string. */
  | 'malformed'
  /** The message's conversation is not the token's. */
  | 'wrong-conversation'
  /** The token's role may not send this type (or the type is not ChatPay's). */
  | 'forbidden-type'
  /** Longer than the protocol's `MAX_MESSAGE_LENGTH`. */
  | 'too-large'
  /** More messages than the connection's rate allows. */
  | 'rate-limited'
  /** The store did not take it in time. Sending it again is safe: a duplicate id is not appended twice. */
  | 'unavailable';

/**
 * Close codes. 1001, 1002, 1003, 1007, 1009 and 1013 are the standard ones (RFC 6455); the 44xx codes
 * are the relay's, named after the HTTP statuses they resemble. A slow reader, and a client that stops
 * answering pings, are dropped without a close frame (they could not read one): the client sees 1006.
 */
export const CLOSE_CODES = {
  /** The relay is shutting down (after draining): reconnect, to another node if there is one. */
  goingAway: 1001,
  /** A broken frame: unmasked, a reserved opcode, a reserved bit set (closed by `ws`). */
  protocolError: 1002,
  /** A binary frame: the relay speaks JSON text only. */
  unsupportedData: 1003,
  /** Invalid UTF-8 (closed by `ws`), or a text frame that is not a JSON object with an `id`. */
  invalidPayload: 1007,
  /** A frame larger than the relay's payload limit (closed by `ws`). */
  tooBig: 1009,
  /** The store is unreachable: try again later. */
  tryAgainLater: 1013,
  /** The token expired without a refresh: reconnect with a new one. */
  tokenExpired: 4401,
  /** Far past the rate limit, ignoring the refusals. */
  rateLimited: 4429,
} as const;

/** The frames a client sends besides messages. */
export type ClientControl = { readonly kind: 'ping' } | { readonly kind: 'refresh'; readonly token: string };

/** One stored entry as the relay hands it to clients: `{"entry":{…}}`, the message exactly as its sender wrote it. */
export function entryFrame(entry: {
  readonly cursor: string;
  readonly acceptedAt: number;
  readonly sender: { readonly role: Role; readonly subject: string };
  readonly text: string;
}): string {
  const head = JSON.stringify({ cursor: entry.cursor, acceptedAt: entry.acceptedAt, sender: entry.sender });
  return `{"entry":${head.slice(0, -1)},"message":${entry.text}}}`;
}

export const ackFrame = (id: string): string => JSON.stringify({ ack: id });
export const nackFrame = (id: string, code: NackCode): string => JSON.stringify({ nack: id, code });
export const caughtUpFrame = (cursor: string): string => JSON.stringify({ caughtUp: cursor });
export const PONG_FRAME = '{"heartbeat":"pong"}';
export const refreshedFrame = (expiresAt: number): string => JSON.stringify({ refreshed: expiresAt });
export const refreshFailedFrame = (code: JoinTokenErrorCode | 'token-mismatch'): string =>
  JSON.stringify({ refreshFailed: code });
