import { AGENT_MESSAGE_TYPES, CUSTOMER_MESSAGE_TYPES, MAX_MESSAGE_LENGTH, PROTOCOL_VERSION } from '@chatpay/core';
import type { JoinClaims, Role } from './join-token.js';
import type { NackCode } from './relay-protocol.js';

const ALLOWED: Record<Role, ReadonlySet<string>> = {
  agent: new Set(AGENT_MESSAGE_TYPES),
  customer: new Set(CUSTOMER_MESSAGE_TYPES),
};

/** The longest message id the relay keeps, in characters (a message may be as long as the protocol allows). */
const MAX_ID_LENGTH = MAX_MESSAGE_LENGTH;

/** What one text frame from a client is. */
export type ClientFrame =
  | { readonly kind: 'ping' }
  | { readonly kind: 'refresh'; readonly token: string }
  | { readonly kind: 'message'; readonly id: string; readonly text: string }
  | { readonly kind: 'refused'; readonly id: string; readonly code: NackCode }
  /** Not JSON, not an object, or an object that is neither a control frame nor a message with an id. */
  | { readonly kind: 'malformed' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a text frame from a client with the given token. Only the envelope is read: `version`, `id`,
 * `requestId`, `conversationId` and `type`; the rest (body, signatures) is opaque, and kept as the
 * sender wrote it.
 */
export function readClientFrame(text: string, claims: JoinClaims): ClientFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed' };
  }
  if (!isObject(value)) return { kind: 'malformed' };
  if (!('version' in value)) {
    if (value.heartbeat === 'ping') return { kind: 'ping' };
    if (typeof value.refresh === 'string') return { kind: 'refresh', token: value.refresh };
    return { kind: 'malformed' };
  }
  const { id } = value;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return { kind: 'malformed' };
  const refuse = (code: NackCode): ClientFrame => ({ kind: 'refused', id, code });
  if (text.length > MAX_MESSAGE_LENGTH) return refuse('too-large');
  if (value.version !== PROTOCOL_VERSION) return refuse('unsupported-version');
  const { requestId, conversationId, type } = value;
  if (typeof requestId !== 'string' || typeof conversationId !== 'string' || typeof type !== 'string') {
    return refuse('malformed');
  }
  if (conversationId !== claims.conversationId) return refuse('wrong-conversation');
  if (!ALLOWED[claims.role].has(type)) return refuse('forbidden-type');
  return { kind: 'message', id, text };
}
