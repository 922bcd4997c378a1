import type { Failure } from './errors.js';
import type { Money } from './money.js';
import type { CancelReason, ExpiredStage, MessageBodies, RequestTerms, SealedCard, WireMessage } from './protocol.js';

/**
 * Which browser an actor of the machine runs in, and in what role. An `observer` is another agent's
 * session on the same conversation: it follows a request it did not send, from the terms, and acts on
 * nothing (it sends no notices and holds no key).
 */
export type Side = 'agent' | 'customer' | 'observer';
export type { Failure };

/** What the agent has typed and validated, before the request is sent. */
export interface RequestDraft {
  /** What the customer will be asked to pay. */
  readonly amount: Money;
  /** Why, as plain text (see `reasonProblem`). */
  readonly reason: string;
}

/** Whether the integrator vouched for the request's keys, or both sides run without vouching (development only). */
export type Trust = 'vouched' | 'unverified';

/**
 * Where the agent's private keys for the request are, as the agent's session sees it: `here` (this
 * session can open the card and sign), `other-tab` (another tab of the same agent holds them), `gone`
 * (not on this device: sent from elsewhere, or lost with the browser's storage), `opened` (the card was
 * opened here before this page was loaded, and opens once: the agent can still complete or cancel).
 * The customer's and an observer's actors have `none`.
 */
export type KeyPlace = 'here' | 'other-tab' | 'gone' | 'opened' | 'none';

/** What an actor of `paymentRequestMachine` starts from; sessions make it, integrators seldom need to. */
export interface PaymentRequestInput {
  /** Which side the actor runs for. */
  readonly side: Side;
  /** The request's id. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The agent's view window, in ms (at most `MAX_VIEW_WINDOW_MS`). Agent side; an observer's is `Infinity`. */
  readonly viewWindowMs?: number;
  /**
   * The terms as received. Customer and observer: their actors start from the agent's request. An
   * agent's actor given terms is its own request rebuilt from the conversation's history.
   */
  readonly terms?: RequestTerms;
  /** Default `vouched`. */
  readonly trust?: Trust;
  /** Agent side. Default `here` for the agent, `none` otherwise. */
  readonly keys?: KeyPlace;
}

/** What an actor of the machine knows about its request (never card data: ciphertext at most). */
export interface PaymentRequestContext {
  /** Which side the actor runs for. */
  readonly side: Side;
  /** The request's id. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** How long the agent may view the card once it arrives, ms (`Infinity` for an observer). */
  readonly viewWindowMs: number;
  /** What the agent has typed and validated, before it is sent; `null` on the other sides. */
  readonly draft: RequestDraft | null;
  /** The request's terms once it is made (agent) or received (customer, observer). */
  readonly terms: RequestTerms | null;
  /** The message being delivered (the request on the agent side, the sealed card on the customer side), kept for retries. */
  readonly outgoing: WireMessage | null;
  /** The sealed card as received (ciphertext only). Agent side. */
  readonly sealed: SealedCard | null;
  /** When the agent's view window ends: set when the card arrives. */
  readonly viewDeadline: number | null;
  /** Why the last attempt (to prepare, send or open) failed; `null` if none did. */
  readonly failure: Failure | null;
  /** Whether the request's keys were vouched for. */
  readonly trust: Trust;
  /** Where the agent's private keys for the request are (`none` on the other sides). */
  readonly keys: KeyPlace;
  /** Agent side: a second, different customer key spoke for this request. The card is not opened; the agent is shown why. */
  readonly conflict: boolean;
  /** Why the request was cancelled, once it is. */
  readonly cancelReason: CancelReason | null;
  /** A card reached the agent for this request (it was in `cardSubmitted`): from then on it may have been charged. */
  readonly cardSent: boolean;
}

/** Events from the peer: validated wire messages, with the local time they were received. */
export type PeerEvent =
  | { readonly type: 'request.opened' }
  | { readonly type: 'request.declined' }
  | { readonly type: 'request.submitted'; readonly sealed: SealedCard; readonly receivedAt: number }
  | { readonly type: 'request.completed' }
  | { readonly type: 'request.cancelled'; readonly reason: CancelReason }
  | { readonly type: 'request.expired'; readonly stage: ExpiredStage };

/** Events from the person using this side. */
export type LocalEvent =
  | { readonly type: 'request.review'; readonly draft: RequestDraft }
  | { readonly type: 'request.edit' }
  | { readonly type: 'request.send' }
  | { readonly type: 'request.retry' }
  | { readonly type: 'request.cancel' }
  | { readonly type: 'request.open' }
  | { readonly type: 'request.decline' }
  | { readonly type: 'card.submit' }
  | { readonly type: 'card.view' }
  | { readonly type: 'request.complete' };

/** Facts the session learns about the request outside the wire's messages. */
export type SessionFact =
  { readonly type: 'customer.conflict' } | { readonly type: 'keys.changed'; readonly keys: KeyPlace };

/** Every event the machine takes: the peer's, the person's, the session's facts, and the clock's `deadline.reached`. */
export type PaymentRequestEvent = PeerEvent | LocalEvent | SessionFact | { readonly type: 'deadline.reached' };

/** A fire-and-forget message to the peer; its delivery is the session's concern (outbox, replay on sync). */
export type Notice = {
  [T in 'request.opened' | 'request.declined' | 'request.completed' | 'request.cancelled' | 'request.expired']: {
    /** The message's type. */
    readonly type: T;
    /** Its body. */
    readonly body: MessageBodies[T];
  };
}['request.opened' | 'request.declined' | 'request.completed' | 'request.cancelled' | 'request.expired'];
