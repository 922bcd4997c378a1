import { err, ok, SessionError, type Result } from './errors.js';
import type {
  LocalEvent,
  PaymentRequestActor,
  PaymentRequestEvent,
  PaymentRequestSnapshot,
} from './payment-request.machine.js';
import type { SessionReport } from './session-report.js';
import type { WireMessage } from './protocol.js';
import { phaseOf } from './status.js';

/** Sends a local event to the actor if its current phase allows it; otherwise says why not. */
export function command(actor: PaymentRequestActor, event: LocalEvent): Result<void, SessionError> {
  const snapshot = actor.getSnapshot();
  // Closing a session, or forgetting a request, stops the actor: nothing more may be sent to it.
  if (snapshot.status === 'stopped') {
    return err(
      new SessionError(
        'session-closed',
        `"${event.type}" is not possible: the request is no longer followed (its session was closed, or it was forgotten).`,
      ),
    );
  }
  if (!snapshot.can(event)) {
    return err(
      new SessionError(
        'not-allowed-now',
        `"${event.type}" is not possible while the request is in phase "${phaseOf(snapshot)}".`,
      ),
    );
  }
  actor.send(event);
  return ok(undefined);
}

/**
 * Resolves with the first snapshot, now or later, that `done` accepts, or with the last one if the
 * actor stops first. With `since` (the snapshot before an event was sent), that snapshot itself does
 * not count: an event sent from inside a subscriber is queued, and the actor has not moved yet.
 */
export function settle(
  actor: PaymentRequestActor,
  done: (snapshot: PaymentRequestSnapshot) => boolean,
  since?: PaymentRequestSnapshot,
): Promise<PaymentRequestSnapshot> {
  return new Promise((resolve) => {
    const now = actor.getSnapshot();
    if (now.status !== 'active' || (now !== since && done(now))) return resolve(now);
    const subscription = actor.subscribe({
      next: (snapshot) => {
        // A subscription made while the actor notifies hears that same snapshot first: not a change.
        if (snapshot === since || !done(snapshot)) return;
        subscription.unsubscribe();
        resolve(snapshot);
      },
      complete: () => resolve(actor.getSnapshot()),
      // An actor that fails while this waits answers with where it stopped, rather than never.
      error: () => resolve(actor.getSnapshot()),
    });
  });
}

/**
 * Hands a validated peer message to its request's actor and says so, or reports it as making no sense
 * in the current phase and says it was not acted on.
 */
export function route(
  actor: PaymentRequestActor,
  message: WireMessage,
  receivedAt: number,
  report: (report: SessionReport) => void,
): boolean {
  const event = eventOf(message, receivedAt);
  const snapshot = actor.getSnapshot();
  if (event && snapshot.can(event)) {
    actor.send(event);
    return true;
  }
  const { type: messageType, requestId } = message;
  report({ type: 'message-ignored', reason: 'not-now', messageType, requestId, phase: phaseOf(snapshot) });
  return false;
}

/** A validated peer message as the event its request's actor receives. */
export function eventOf(message: WireMessage, receivedAt: number): PaymentRequestEvent | undefined {
  switch (message.type) {
    case 'request.opened':
    case 'request.declined':
    case 'request.completed':
      return { type: message.type };
    case 'request.submitted':
      return { type: message.type, sealed: message.body.sealed, receivedAt };
    case 'request.cancelled':
      return { type: message.type, reason: message.body.reason };
    case 'request.expired':
      return { type: message.type, stage: message.body.stage };
    default:
      return undefined;
  }
}
