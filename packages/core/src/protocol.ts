import type { Money } from './money.js';
import { PROTOCOL_VERSION } from './wire-limits.js';

// The version and the largest message are in wire-limits.ts, which a transport loads alone.
export { PROTOCOL_VERSION, MAX_MESSAGE_LENGTH } from './wire-limits.js';
/** The longest reason for a charge, in characters. */
export const MAX_REASON_LENGTH = 500;
/** The longest sealed card ciphertext, in base64url characters. */
export const MAX_SEALED_CIPHERTEXT_LENGTH = 4_096;
/** The longest vouch (the integrator's JWS for an agent's keys), in characters. */
export const MAX_VOUCH_LENGTH = 2_048;
/** The longest agent id, in characters. */
export const MAX_AGENT_ID_LENGTH = 128;
/** The longest time-to-live a request may carry: its `expiresAt` is at most this far after `sentAt`. */
export const MAX_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;
/** The only sealing suite of protocol v2 (HPKE, RFC 9180, base mode; the sealed card is signed by the customer's key). */
export const SEALING_SUITE = 'HPKE-v1/DHKEM-P256-HKDF-SHA256/HKDF-SHA256/AES-128-GCM';

/**
 * What a reason (or any text shown to the other side) may not contain: control characters other than
 * line breaks and tabs; bidirectional controls (which can make "10.00" read as "00.01", or move the
 * amount); and invisible characters that hide text. Zero-width joiners stay allowed: scripts and emoji
 * need them, and they cannot reorder or hide anything. The elements also isolate the reason (`<bdi>`).
 */
export const UNSAFE_TEXT =
  // Each is listed on purpose as a single code point, combining ones included.
  // eslint-disable-next-line no-misleading-character-class
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb\u{e0000}-\u{e0fff}]/u;

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
/** Where a request is in its life: one of `PHASES`, the states of the payment-request machine. */
export type Phase = (typeof PHASES)[number];

/**
 * The agent's public keys for one request: the customer's session seals the card to `publicKey` and
 * accepts only what `signingKey` signed about the request.
 */
export interface AgentKey {
  /** The HPKE suite the card is sealed with: always `SEALING_SUITE`. */
  readonly suite: typeof SEALING_SUITE;
  /** The uncompressed P-256 public key (HPKE), base64url. */
  readonly publicKey: string;
  /** The uncompressed P-256 public key (ECDSA) that signs the agent's messages about the request, base64url. */
  readonly signingKey: string;
  /** The requesting agent, as the integrator's server knows them. */
  readonly agentId: string;
  /**
   * The integrator's vouch for these keys (a compact JWS, ES256, see `vouching.ts`): this agent asked,
   * for this request and conversation. Absent only when both sides run with
   * `dangerouslySkipKeyVouching` for local development.
   */
  readonly vouch?: string | undefined;
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
  /** What the customer is asked to pay. */
  readonly amount: Money;
  /** Plain text, shown as text, never as HTML. */
  readonly reason: string;
  /** The instant (ms since the epoch) after which the customer can no longer pay. */
  readonly expiresAt: number;
  /** The keys the card is sealed to and the agent's messages are signed with, and their vouch. */
  readonly agentKey: AgentKey;
  /**
   * The earlier request of the same agent that this one replaces (its card could not be opened where
   * the agent is now). The customer's session ends that one on receipt.
   */
  readonly replaces?: string | undefined;
}

/** Why a request was cancelled: by the agent, because the card could not be opened, or because the agent sent a new one in its place. */
export type CancelReason = 'agent' | 'card-unreadable' | 'replaced';
/** What ran out: the request's time to pay (`request`), or the agent's view window on the card (`view-window`). */
export type ExpiredStage = 'request' | 'view-window';

/** Message bodies by type. Agent → customer: created, completed, cancelled, expired. Customer → agent: opened, declined, submitted. Either way: sync, state. */
export interface MessageBodies {
  /** The agent asks for a payment: its terms. */
  'request.created': RequestTerms;
  /** The customer opened the card form. */
  'request.opened': Record<string, never>;
  /** The customer declined. */
  'request.declined': Record<string, never>;
  /** The customer sent the card, sealed to the request's key. */
  'request.submitted': {
    /** The card, sealed (HPKE) to `agentKey.publicKey`. */
    readonly sealed: SealedCard;
  };
  /** The agent completed the payment. */
  'request.completed': Record<string, never>;
  /** The agent cancelled the request. */
  'request.cancelled': {
    /** Why. */
    readonly reason: CancelReason;
  };
  /** The agent's deadline for the request passed. */
  'request.expired': {
    /** Which deadline. */
    readonly stage: ExpiredStage;
  };
  /** Asks the peer to send again what it sent about the request, and its phase. */
  'request.sync': Record<string, never>;
  /** The sender's phase of the request, after a sync. */
  'request.state': {
    /** The sender's phase, or `unknown` if it has no such request. */
    readonly phase: Phase | 'unknown';
  };
}

/** The type of a signed message about a request (`request.created`…). */
export type MessageType = keyof MessageBodies;
/** Every `MessageType`. */
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
  /** The protocol version: `PROTOCOL_VERSION`. */
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per message; receivers drop a message whose id they have seen. */
  readonly id: string;
  /** The request it is about. */
  readonly requestId: string;
  /** The conversation it belongs to. */
  readonly conversationId: string;
  /** What it says. */
  readonly type: T;
  /** When the sender sent it, ms since the epoch by the sender's clock. */
  readonly sentAt: number;
  /** What it carries, by type (`MessageBodies`). */
  readonly body: MessageBodies[T];
  /** ECDSA P-256 / SHA-256 over every other field (`signedBytes`), IEEE P1363, base64url. */
  readonly signature: string;
}

/** Types only the customer sends: they carry the customer's signing key. */
type CustomerOnly = 'request.opened' | 'request.declined' | 'request.submitted';
/** Types only the agent sends: signed by the key in the request's `agentKey`. */
type AgentOnly = 'request.created' | 'request.completed' | 'request.cancelled' | 'request.expired';

/**
 * The customer's signing key for the request (uncompressed P-256, base64url): on every message the
 * customer sends (sync and state too), on none the agent sends.
 */
type CustomerKeyField<T extends MessageType> = T extends CustomerOnly
  ? { readonly customerKey: string }
  : T extends AgentOnly
    ? unknown
    : { readonly customerKey?: string | undefined };

/** One message of type `T`: the envelope, and the customer's key where the customer signs. */
export type Message<T extends MessageType> = Envelope<T> & CustomerKeyField<T>;

/** Any protocol v2 message, discriminated by `type`. */
export type WireMessage = { [T in MessageType]: Message<T> }[MessageType];

/** A message before it is signed. */
export type UnsignedMessage = { [T in MessageType]: Omit<Message<T>, 'signature'> }[MessageType];

/** The message of one type. */
export type MessageOf<T extends MessageType> = Extract<
  WireMessage,
  {
    /** The type picked. */
    type: T;
  }
>;

/**
 * The customer asks the agent for a card request: the one message about no request, so the one that
 * cannot be signed (the keys are per request, and there is none yet). It carries no card data and no
 * words: its body is empty, it names no request (`requestId` is its own `id`, so relays that route by
 * request id carry it), and everything in it is an id, the conversation or an instant. It only prompts
 * the agent ("The customer would like to pay by card"); it cannot open, pay, decline or end any
 * request. An agent's session shows at most one at a time per conversation, and drops copies and
 * floods (`PAYMENT_ASK_INTERVAL_MS`).
 */
export const PAYMENT_ASKED = 'payment.asked';

/** The customer's unsigned ask for a card request (see `PAYMENT_ASKED`). */
export interface PaymentAsked {
  /** The protocol version: `PROTOCOL_VERSION`. */
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per message; receivers drop a message whose id they have seen. */
  readonly id: string;
  /** Always the message's own `id`: the ask is about no request. */
  readonly requestId: string;
  /** The conversation it belongs to. */
  readonly conversationId: string;
  /** Always `PAYMENT_ASKED`. */
  readonly type: typeof PAYMENT_ASKED;
  /** When the customer's page sent it, ms since the epoch by its clock. */
  readonly sentAt: number;
  /** Always empty: the ask carries no words and no card data. */
  readonly body: Record<string, never>;
}

/** Every message a session may receive: the signed messages about requests, and the customer's unsigned ask. */
export type ReceivedMessage = WireMessage | PaymentAsked;
/** The type of any message a session may receive. */
export type ReceivedType = ReceivedMessage['type'];

/**
 * An agent's session shows a customer's ask at most once in this interval per conversation, and a
 * customer's session sends one at most once in it: a flood of asks prompts the agent once.
 */
export const PAYMENT_ASK_INTERVAL_MS = 60_000;

/** Message types each side sends. A session refuses a message of the other list from its peer. */
export const AGENT_MESSAGE_TYPES = [
  'request.created',
  'request.completed',
  'request.cancelled',
  'request.expired',
  'request.sync',
  'request.state',
] as const satisfies readonly MessageType[];
/** The types the customer's side sends (the ask among them). */
export const CUSTOMER_MESSAGE_TYPES = [
  'request.opened',
  'request.declined',
  'request.submitted',
  'request.sync',
  'request.state',
  PAYMENT_ASKED,
] as const satisfies readonly ReceivedType[];
