import { err, ok, type Result } from './errors.js';
import type { LocalEvent, PaymentRequestActor, PaymentRequestSnapshot } from './payment-request.machine.js';
import { SessionError } from './conversation-link.js';
import { phaseOf } from './status.js';

/** Sends a local event to the actor if its current phase allows it; otherwise says why not. */
export function command(actor: PaymentRequestActor, event: LocalEvent): Result<void, SessionError> {
  const snapshot = actor.getSnapshot();
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

/** Resolves with the first snapshot, now or later, that `done` accepts. */
export function settle(
  actor: PaymentRequestActor,
  done: (snapshot: PaymentRequestSnapshot) => boolean,
): Promise<PaymentRequestSnapshot> {
  return new Promise((resolve) => {
    const now = actor.getSnapshot();
    if (done(now)) return resolve(now);
    const subscription = actor.subscribe((snapshot) => {
      if (!done(snapshot)) return;
      subscription.unsubscribe();
      resolve(snapshot);
    });
  });
}
