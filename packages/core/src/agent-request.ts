import { agentTimeline, phaseOf, type AgentStatus, type TimelineView } from './status.js';
import type { CardDetails } from './card-sealing.js';
import { loadCardSealing } from './card-sealing.loader.js';
import { SealError } from './seal-error.js';
import type { Clock } from './clock.js';
import { err, ok, SessionError, type Result } from './errors.js';
import type { Money, MoneyError } from './money.js';
import type { PaymentRequestActor, PaymentRequestSnapshot } from './payment-request.machine.js';
import type { Phase } from './protocol.js';
import { command, settle } from './request-handle.js';
import { checkTerms } from './terms.js';
import type { AgentSide } from './agent-side.js';

/** The card fields the viewer lets an agent copy. */
export type CardField = 'number' | 'name' | 'expiry' | 'securityCode' | 'postalCode';

/**
 * One thing an agent did with a request's card, for the integrator's audit trail: which request,
 * which agent, when (by the session's clock), and what was done. Never any part of the card.
 */
export type AuditFact = {
  /** The request whose card it was. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The agent who did it. */
  readonly agentId: string;
  /** When, ms since the epoch by the session's clock. */
  readonly at: number;
} & (
  | {
      /** The agent opened the card. */
      readonly type: 'card-viewed';
    }
  | {
      /** The agent copied one field of the card. */
      readonly type: 'card-copied';
      /** Which field. */
      readonly field: CardField;
    }
  | {
      /** The agent marked the payment completed. */
      readonly type: 'request-completed';
    }
);

type AuditWhat = { type: 'card-viewed' } | { type: 'card-copied'; field: CardField } | { type: 'request-completed' };

/** What the agent types in the composer. */
export interface RequestInput {
  /** What the customer will be asked to pay. */
  readonly amount: Money;
  /** Why, as plain text (see `reasonProblem`). */
  readonly reason: string;
}

/** One payment request as the agent's elements drive it. */
export interface AgentRequest {
  /** The request's id. */
  readonly requestId: string;
  /** The conversation the request is in. */
  readonly conversationId: string;
  /** The request's actor of the machine, to read its snapshot or subscribe to it (send it nothing: use the methods). */
  readonly actor: PaymentRequestActor;
  /**
   * A request another agent sent on this conversation. This session follows its status but acts on
   * none of it: every command is refused with `not-your-request`, and its card can never be opened here.
   */
  readonly observed: boolean;
  /** The clock the request's deadlines run on (the session's): countdowns read it. */
  readonly clock: Clock;
  /** What the agent's timeline shows for the request now: its phase and status. */
  timeline(): TimelineView<AgentStatus>;
  /** Checks the amount and reason, then shows the confirmation. */
  review(input: RequestInput): Result<void, SessionError | MoneyError>;
  /** Back from the confirmation to editing, with nothing lost. */
  edit(): Result<void, SessionError>;
  /** Sends the confirmed request. A second call while it is on its way is refused. */
  send(): Result<void, SessionError>;
  /** Sends the same request (same id) again after a failed send. */
  retry(): Result<void, SessionError>;
  /** Cancels the request and tells the customer; refused once it has ended. */
  cancel(): Result<void, SessionError>;
  /** Opens the sealed card; resolves with its details, held only until the view window ends. */
  viewCard(): Promise<Result<CardDetails, SessionError | SealError>>;
  /** The opened card while the view window is open, else null. */
  card(): CardDetails | null;
  /** Marks the payment completed (once the card has been opened) and tells the customer; the card is wiped. */
  complete(): Result<void, SessionError>;
  /** The viewer copied `field` of the open card: recorded as an audit fact. Refused unless the card is open. */
  recordCopy(field: CardField): Result<void, SessionError>;
  /**
   * This agent's request whose card cannot be opened here (its keys are on another device or were
   * lost), or one that ended without a card: sends a fresh request for the same amount and reason.
   * The customer's chat ends the old one ("the agent sent a new request") when the new one arrives.
   */
  requestAgain(): Result<AgentRequest, SessionError>;
}

/** One of this agent's own requests, with its keys here: every command goes to its actor if its phase allows it. */
export function ownRequest(side: AgentSide, requestId: string, actor: PaymentRequestActor): AgentRequest {
  const maximum = side.options.maximumAmount;
  return {
    requestId,
    conversationId: side.conversationId,
    actor,
    observed: false,
    clock: side.clock,
    timeline: () => agentTimeline(actor.getSnapshot()),
    review: (input) => {
      const terms = checkTerms(input, maximum);
      return terms.ok ? command(actor, { type: 'request.review', draft: terms.value }) : terms;
    },
    edit: () => command(actor, { type: 'request.edit' }),
    send: () => command(actor, { type: 'request.send' }),
    retry: () => command(actor, { type: 'request.retry' }),
    cancel: () => command(actor, { type: 'request.cancel' }),
    complete: () => {
      const done = command(actor, { type: 'request.complete' });
      if (done.ok) audit(side, requestId, { type: 'request-completed' });
      return done;
    },
    recordCopy: (field) => {
      if (!side.cards.has(requestId) || actor.getSnapshot().value !== 'cardViewing') {
        return err(new SessionError('not-allowed-now', 'Only a field of an open card can be copied.'));
      }
      audit(side, requestId, { type: 'card-copied', field });
      return ok(undefined);
    },
    requestAgain: () => {
      const phase = agentTimeline(actor.getSnapshot()).phase;
      const ended: readonly Phase[] = ['cardExpired', 'cardRejected', 'requestExpired', 'declined', 'cancelled'];
      return ended.includes(phase)
        ? requestAgain(side, requestId, actor)
        : err(
            new SessionError(
              'not-allowed-now',
              'This request is still under way: cancel it first, or wait for its outcome.',
            ),
          );
    },
    card: () => (actor.getSnapshot().value === 'cardViewing' ? (side.cards.get(requestId) ?? null) : null),
    viewCard: async () => {
      if (actor.getSnapshot().context.conflict) {
        return err(
          new SessionError(
            'customer-key-conflict',
            'Two different customer keys spoke for this request: its card is not opened. Cancel it and send a new request.',
          ),
        );
      }
      // The code that opens it first: a failed load leaves the request as it was, to View Card again.
      if (actor.getSnapshot().can({ type: 'card.view' })) {
        const failed = await loadCardSealing().then(
          () => null,
          (error: unknown) => error as SealError,
        );
        if (failed) return err(failed);
      }
      const before = actor.getSnapshot();
      const started = command(actor, { type: 'card.view' });
      if (!started.ok) return started;
      const snapshot: PaymentRequestSnapshot = await settle(actor, (next) => next.value !== 'opening', before);
      const card = side.cards.get(requestId);
      if (snapshot.value === 'cardViewing' && card) {
        audit(side, requestId, { type: 'card-viewed' });
        return ok(card);
      }
      const failure = snapshot.context.failure;
      return err(
        snapshot.value === 'cardRejected' && failure
          ? new SealError(failure.code as SealError['code'], failure.message)
          : new SessionError(
              'not-allowed-now',
              `The card can no longer be viewed: the request is in phase "${phaseOf(snapshot)}".`,
            ),
      );
    },
  };
}

/** Another agent's request (`mine` false), or this agent's whose keys are not here (`mine` true): followed, never acted on. */
export function followedRequest(
  side: AgentSide,
  requestId: string,
  actor: PaymentRequestActor,
  mine: boolean,
): AgentRequest {
  const refuse = () =>
    err(
      mine
        ? new SessionError(
            'key-gone',
            "This request's keys are not in this browser (it was sent from another device, or the browser's storage was cleared): send a new request.",
          )
        : new SessionError(
            'not-your-request',
            'Another agent sent this request: only that agent can act on it or view its card.',
          ),
    );
  return {
    requestId,
    conversationId: side.conversationId,
    actor,
    observed: !mine,
    clock: side.clock,
    timeline: () => agentTimeline(actor.getSnapshot()),
    review: refuse,
    edit: refuse,
    send: refuse,
    retry: refuse,
    cancel: refuse,
    complete: refuse,
    recordCopy: refuse,
    card: () => null,
    viewCard: () => Promise.resolve(refuse()),
    requestAgain: () => (mine ? requestAgain(side, requestId, actor) : refuse()),
  };
}

/** A fresh request with the old one's amount and reason; it replaces the old one if that is still under way. */
function requestAgain(side: AgentSide, oldId: string, old: PaymentRequestActor): Result<AgentRequest, SessionError> {
  const snapshot = old.getSnapshot();
  const terms = snapshot.context.terms;
  const draft = terms ?? snapshot.context.draft;
  if (!draft || phaseOf(snapshot) === 'completed') {
    return err(
      new SessionError('not-allowed-now', 'Only a request that was sent and not completed can be sent again.'),
    );
  }
  let request: AgentRequest;
  try {
    request = side.createRequest();
  } catch (error) {
    return err(error as SessionError);
  }
  if (!agentTimeline(snapshot).settled) side.replacing.set(request.requestId, oldId);
  const reviewed = request.review({ amount: draft.amount, reason: draft.reason });
  if (!reviewed.ok) return err(reviewed.error as SessionError);
  const sent = request.send();
  return sent.ok ? ok(request) : sent;
}

/** Hands the integrator's audit trail one fact; what its callback throws does not undo the agent's action. */
function audit(side: AgentSide, requestId: string, what: AuditWhat): void {
  const fact = {
    requestId,
    conversationId: side.conversationId,
    agentId: side.agentId,
    at: side.clock.now(),
    ...what,
  } as AuditFact;
  try {
    side.options.onAudit?.(fact);
  } catch {
    // The integrator's own fault: the agent's action stands.
  }
}
