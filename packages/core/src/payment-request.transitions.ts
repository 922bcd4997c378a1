import { toFailure, type Failure } from './errors.js';
import type { Notice, PaymentRequestContext } from './payment-request.types.js';

/*
 * The transitions several states of the payment-request machine share, by name. They name guards,
 * actions and actors of `paymentRequestSetup`; the states that use them are in the machine.
 */

/** The failure an actor's error event carries, in words that never echo data. */
export function failureOf({ event }: { event: { error?: unknown } }): Failure {
  return toFailure(event.error);
}

/** The `notifyPeer` action with `notice`: a fire-and-forget message to the peer. */
export function notify(notice: Notice) {
  return { type: 'notifyPeer' as const, params: notice };
}

/** The `deadline` actor timing the request's time-to-live (`terms.expiresAt`). */
export function requestDeadline() {
  return {
    src: 'deadline' as const,
    input: ({ context }: { context: PaymentRequestContext }) => ({ at: context.terms!.expiresAt }),
  };
}

/** The `deadline` actor timing the agent's view window (`context.viewDeadline`). */
export function viewDeadline() {
  return {
    src: 'deadline' as const,
    // The customer has no view window: its actor waits on the agent's outcome instead.
    input: ({ context }: { context: PaymentRequestContext }) => ({ at: context.viewDeadline ?? Infinity }),
  };
}

/** The request's time-to-live ran out: the agent says so to the customer; the customer just knows. */
export function requestExpiry() {
  return [
    {
      guard: 'isAgent' as const,
      target: 'requestExpired' as const,
      actions: notify({ type: 'request.expired', body: { stage: 'request' } }),
    },
    { target: 'requestExpired' as const },
  ];
}

/** The view window ran out: the agent says so to the customer; the customer just knows. */
export function viewExpiry() {
  return [
    {
      guard: 'isAgent' as const,
      target: 'cardExpired' as const,
      actions: notify({ type: 'request.expired', body: { stage: 'view-window' } }),
    },
    { target: 'cardExpired' as const },
  ];
}

/** While the request waits on the customer: the customer's choices, the agent's receipt of them, the deadline. */
export function customerDecisions() {
  return {
    'request.decline': { target: 'declined' as const, actions: notify({ type: 'request.declined', body: {} }) },
    'request.declined': 'declined' as const,
    'request.submitted': { target: 'cardSubmitted' as const, actions: 'keepSealedCard' as const },
    'request.cancel': {
      target: 'cancelled' as const,
      actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
    },
    'deadline.reached': requestExpiry(),
    ...agentOutcomes(),
  };
}

/**
 * The customer's replies as the agent receives them while its own send is unsettled or failed: a reply
 * proves the request arrived (a send can fail after delivering), so it counts.
 */
export function customerReplies() {
  return {
    'request.opened': 'customerEntering' as const,
    'request.declined': 'declined' as const,
    'request.submitted': { target: 'cardSubmitted' as const, actions: 'keepSealedCard' as const },
  };
}

/** The agent's outcomes as the customer receives them. They only ever reach a customer's actor. */
export function agentOutcomes() {
  return {
    'request.completed': 'completed' as const,
    'request.cancelled': 'cancelled' as const,
    'request.expired': [
      { guard: 'isRequestStage' as const, target: 'requestExpired' as const },
      { target: 'cardExpired' as const },
    ],
  };
}
