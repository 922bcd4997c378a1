import type { Failure } from './errors.js';
import type { ProtocolError } from './parse-message.js';
import type { MessageType, Phase, ReceivedType } from './protocol.js';
import type { TrustErrorCode } from './vouching.js';

/** Why a session did not act on a well-formed message. */
export type IgnoredReason =
  | 'wrong-direction'
  | 'other-conversation'
  | 'unknown-request'
  | 'not-now'
  | 'forgotten'
  | 'too-many-requests'
  | 'sync-rate-limited'
  /** A card arrived, but the code that checks it (by opening it) did not load: asked for again in `OPENING_RETRY_MS`. */
  | 'opening-not-loaded'
  /** A customer's ask for a card request while one is shown, within `PAYMENT_ASK_INTERVAL_MS` of the last, or stale in the history. */
  | 'ask-rate-limited';

/**
 * What a session tells its integrator about traffic it did not act on. Reports name message types,
 * ids, phases and the check that failed, never message bodies.
 */
export type SessionReport =
  | { readonly type: 'message-rejected'; readonly error: ProtocolError }
  | {
      /** The message failed an authenticity check (signature, vouch, customer key): it changed nothing. */
      readonly type: 'message-refused';
      readonly reason: TrustErrorCode;
      readonly messageType: MessageType;
      readonly requestId: string;
    }
  | {
      readonly type: 'message-ignored';
      readonly reason: IgnoredReason;
      readonly messageType: ReceivedType;
      readonly requestId: string;
      readonly phase?: Phase | undefined;
    }
  | { readonly type: 'message-duplicate'; readonly messageType: ReceivedType; readonly requestId: string }
  | {
      /** It came before its request: held (bounded) and checked when the request arrives. */
      readonly type: 'message-held';
      readonly messageType: MessageType;
      readonly requestId: string;
    }
  | {
      readonly type: 'send-failed';
      readonly messageType: ReceivedType;
      readonly requestId: string;
      readonly failure: Failure;
    }
  | { readonly type: 'peer-state'; readonly requestId: string; readonly phase: Phase | 'unknown' }
  | { readonly type: 'history-failed'; readonly failure: Failure }
  | { readonly type: 'handler-failed'; readonly requestId: string; readonly failure: Failure }
  | { readonly type: 'listener-failed'; readonly failure: Failure };

/** The integrator's report callback, made safe: a callback that throws must not break the session or the transport. */
export function safeReporter(onReport: ((report: SessionReport) => void) | undefined): (report: SessionReport) => void {
  return (report) => {
    try {
      onReport?.(report);
    } catch {
      // The integrator's own fault; ChatPay carries on.
    }
  };
}
