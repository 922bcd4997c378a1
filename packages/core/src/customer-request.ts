import type { CardDetails } from './card-sealing.js';
import { SealError } from './seal-error.js';
import { err, ok, SessionError, type Result } from './errors.js';
import type { PaymentRequestActor } from './payment-request.machine.js';
import type { RequestTerms } from './protocol.js';
import { command, settle } from './request-handle.js';
import { customerTimeline, phaseOf, type CustomerStatus, type TimelineView } from './status.js';

/** One payment request as the customer's elements drive it. */
export interface CustomerRequest {
  /** The request's id. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** What the agent asks for: the amount, the reason, the deadline. */
  readonly terms: RequestTerms;
  /** The request's actor of the machine, to read its snapshot or subscribe to it (send it nothing: use the methods). */
  readonly actor: PaymentRequestActor;
  /**
   * Whether this page took the request up again from the conversation's history (a reload, a late
   * join) while the customer was entering the card: the form comes back empty, and says why.
   */
  readonly resumed: boolean;
  /** What the customer's chat shows for the request now: its phase and status. */
  timeline(): TimelineView<CustomerStatus>;
  /** Enter Payment: opens the card form and tells the agent. */
  open(): Result<void, SessionError>;
  /** Declines the request and tells the agent. */
  decline(): Result<void, SessionError>;
  /**
   * Seals `card` to the agent's key and sends it. Resolves once sealed (the form may then clear its
   * fields); the send itself goes on, and a failed one shows as `try-again`. A second call while one
   * is on its way is refused.
   */
  pay(card: CardDetails): Promise<Result<void, SessionError | SealError>>;
  /** Sends the same sealed card again after a failed send. */
  retry(): Result<void, SessionError>;
}

/** What a customer's request handle shares with its session. */
export interface CustomerHolds {
  readonly conversationId: string;
  /** Cards being sealed, between `pay()` and the end of sealing. */
  readonly cards: Map<string, CardDetails>;
  /** Requests whose form the customer had opened before this page loaded. */
  readonly resumed: ReadonlySet<string>;
}

/** One request as the customer's elements drive it: every command goes to its actor if its phase allows it. */
export function customerRequest(
  holds: CustomerHolds,
  requestId: string,
  terms: RequestTerms,
  actor: PaymentRequestActor,
): CustomerRequest {
  const { resumed } = holds;
  return {
    requestId,
    conversationId: holds.conversationId,
    terms,
    actor,
    get resumed() {
      return resumed.has(requestId) && actor.getSnapshot().value === 'customerEntering';
    },
    timeline: () => customerTimeline(actor.getSnapshot()),
    open: () => command(actor, { type: 'request.open' }),
    decline: () => command(actor, { type: 'request.decline' }),
    retry: () => command(actor, { type: 'request.retry' }),
    pay: async (card) => {
      if (!actor.getSnapshot().can({ type: 'card.submit' })) return command(actor, { type: 'card.submit' });
      holds.cards.set(requestId, card);
      const before = actor.getSnapshot();
      actor.send({ type: 'card.submit' });
      const snapshot = await settle(actor, (next) => next.value !== 'preparing', before);
      const failure = snapshot.context.failure;
      if (snapshot.value === 'customerEntering' && failure) {
        return err(
          failure.code === 'not-allowed-now'
            ? new SessionError('not-allowed-now', failure.message)
            : new SealError(failure.code as SealError['code'], failure.message),
        );
      }
      if (snapshot.value !== 'sending' && snapshot.value !== 'sendFailed' && snapshot.value !== 'cardSubmitted') {
        return err(
          new SessionError('not-allowed-now', `The card was not sent: the request is in phase "${phaseOf(snapshot)}".`),
        );
      }
      return ok(undefined);
    },
  };
}
