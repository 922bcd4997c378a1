import type { Money } from './money.js';

/**
 * Wire protocol v1: the messages the agent's and the customer's sessions exchange through a
 * `Transport`. Every message is a JSON object with the same envelope; only `body` differs by `type`.
 * `parseMessage` is the only way a received value becomes one of these types.
 */
export const PROTOCOL_VERSION = 1;

/** The largest message accepted, in UTF-16 code units of its JSON text. */
export const MAX_MESSAGE_LENGTH = 16_384;
/** The longest reason for a charge, in characters. */
export const MAX_REASON_LENGTH = 500;
/** The longest sealed card ciphertext, in base64url characters. */
export const MAX_SEALED_CIPHERTEXT_LENGTH = 4_096;
/** The longest integrator proof that vouches for an agent key, in characters. */
export const MAX_KEY_PROOF_LENGTH = 4_096;
/** The longest time-to-live a request may carry: its `expiresAt` is at most this far after `sentAt`. */
export const MAX_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;
/** The only sealing suite of protocol v1 (HPKE, RFC 9180, base mode). */
export const SEALING_SUITE = 'HPKE-v1/DHKEM-P256-HKDF-SHA256/HKDF-SHA256/AES-128-GCM';

/** The lifecycle phases of a payment request, shared by both sides. */
export const PHASES = [
  'draft',
  'confirming',
  'preparing',
  'sending',
  'sendFailed',
  'waitingForCustomer',
  'customerEntering',
  'cardSubmitted',
  'opening',
  'cardViewing',
  'completed',
  'declined',
  'requestExpired',
  'cardExpired',
  'cardRejected',
  'cancelled',
] as const;
export type Phase = (typeof PHASES)[number];

/** The agent's public key for one request, as the customer's session needs it to seal the card. */
export interface AgentKey {
  readonly suite: typeof SEALING_SUITE;
  /** The uncompressed P-256 public key, base64url. */
  readonly publicKey: string;
  /** Optional evidence from the integrator's server that this key belongs to the requesting agent. */
  readonly proof?: string | undefined;
}

/** The card, sealed in the customer's browser to the requesting agent's key. Opaque to everything in between. */
export interface SealedCard {
  /** The HPKE encapsulated key, base64url. */
  readonly enc: string;
  /** The HPKE ciphertext, base64url. */
  readonly ciphertext: string;
}

/** What the agent asks for. */
export interface RequestTerms {
  readonly amount: Money;
  /** Plain text, shown as text, never as HTML. */
  readonly reason: string;
  /** The instant (ms since the epoch) after which the customer can no longer pay. */
  readonly expiresAt: number;
  readonly agentKey: AgentKey;
}

export type CancelReason = 'agent' | 'card-unreadable';
export type ExpiredStage = 'request' | 'view-window';

/** Message bodies by type. Agent → customer: created, completed, cancelled, expired. Customer → agent: opened, declined, submitted. Either way: sync, state. */
export interface MessageBodies {
  'request.created': RequestTerms;
  'request.opened': Record<string, never>;
  'request.declined': Record<string, never>;
  'request.submitted': { readonly sealed: SealedCard };
  'request.completed': Record<string, never>;
  'request.cancelled': { readonly reason: CancelReason };
  'request.expired': { readonly stage: ExpiredStage };
  'request.sync': Record<string, never>;
  'request.state': { readonly phase: Phase | 'unknown' };
}

export type MessageType = keyof MessageBodies;
export const MESSAGE_TYPES = [
  'request.created',
  'request.opened',
  'request.declined',
  'request.submitted',
  'request.completed',
  'request.cancelled',
  'request.expired',
  'request.sync',
  'request.state',
] as const satisfies readonly MessageType[];

/** The envelope every message shares. */
export interface Envelope<T extends MessageType = MessageType> {
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per message; receivers drop a message whose id they have seen. */
  readonly id: string;
  readonly requestId: string;
  readonly conversationId: string;
  readonly type: T;
  /** When the sender sent it, ms since the epoch by the sender's clock. */
  readonly sentAt: number;
  readonly body: MessageBodies[T];
}

/** Any protocol v1 message, discriminated by `type`. */
export type WireMessage = { [T in MessageType]: Envelope<T> }[MessageType];

/** The message of one type. */
export type MessageOf<T extends MessageType> = Extract<WireMessage, { type: T }>;

/** Message types each side sends. A session refuses a message of the other list from its peer. */
export const AGENT_MESSAGE_TYPES = [
  'request.created',
  'request.completed',
  'request.cancelled',
  'request.expired',
  'request.sync',
  'request.state',
] as const satisfies readonly MessageType[];
export const CUSTOMER_MESSAGE_TYPES = [
  'request.opened',
  'request.declined',
  'request.submitted',
  'request.sync',
  'request.state',
] as const satisfies readonly MessageType[];
