import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { paymentRequestSetup } from './payment-request.setup.js';
import {
  agentOutcomes,
  customerDecisions,
  customerReplies,
  failureOf,
  notify,
  requestDeadline,
  requestExpiry,
  viewDeadline,
  viewExpiry,
} from './payment-request.transitions.js';

export type {
  Failure,
  KeyPlace,
  LocalEvent,
  Notice,
  PaymentRequestContext,
  PaymentRequestEvent,
  PaymentRequestInput,
  PeerEvent,
  RequestDraft,
  SessionFact,
  Side,
  Trust,
} from './payment-request.types.js';
export { deadlineActor } from './payment-request.setup.js';

/** The longest view window an integrator may configure: 30 minutes. */
export const MAX_VIEW_WINDOW_MS = 30 * 60 * 1000;

/**
 * The lifecycle of one payment request, one definition for both sides. The agent's actor starts in
 * `draft`; the customer's starts in `waitingForCustomer` from the terms it received. Effects are named
 * in `paymentRequestSetup` and implemented per side with `machine.provide(...)`: `prepareMessage` (the
 * agent makes its key pair and the request; the customer seals the card), `deliver` (the transport),
 * `openCard` (the agent decrypts), `deadline` (the session's clock, `deadlineActor`), `notifyPeer`,
 * `forgetSecrets`. The machine reads no clock of its own: without a `deadline` given, a state that
 * waits on one fails the actor rather than read the system's time.
 *
 * The card is opened once: the ciphertext is dropped as soon as it is open, and the decrypted fields
 * (held by the agent's session, never in this context) go at the first of completion, cancellation or
 * the end of the view window.
 *
 * When the two sides decide at once (a decline crossing a cancellation, a card crossing the expiry),
 * the agent's outcome stands: the customer's `declined` and `requestExpired` still accept the agent's
 * outcome, so both sides end in the same phase.
 */
export const paymentRequestMachine = paymentRequestSetup.createMachine({
  id: 'paymentRequest',
  context: ({ input }) => ({
    side: input.side,
    requestId: input.requestId,
    conversationId: input.conversationId,
    viewWindowMs: input.viewWindowMs ?? MAX_VIEW_WINDOW_MS,
    draft: null,
    terms: input.terms ?? null,
    outgoing: null,
    sealed: null,
    viewDeadline: null,
    failure: null,
    trust: input.trust ?? 'vouched',
    keys: input.keys ?? (input.side === 'agent' ? 'here' : 'none'),
    conflict: false,
    cancelReason: null,
    cardSent: false,
  }),
  on: {
    'customer.conflict': { actions: 'keepConflict' },
    'keys.changed': { actions: 'keepKeyPlace' },
  },
  initial: 'start',
  states: {
    start: {
      always: [{ guard: 'startsFromTerms', target: 'waitingForCustomer' }, { target: 'draft' }],
    },

    // Agent: composing the request.
    draft: {
      on: {
        'request.review': { target: 'confirming', actions: 'keepDraft' },
        'request.cancel': 'cancelled',
      },
    },
    confirming: {
      on: {
        'request.edit': 'draft',
        'request.send': 'preparing',
        'request.cancel': 'cancelled',
      },
    },

    // Agent: making the key pair and the request. Customer: sealing the card.
    preparing: {
      invoke: {
        src: 'prepareMessage',
        input: ({ context }) => ({ context }),
        onDone: { target: 'sending', actions: { type: 'keepOutgoing', params: ({ event }) => event.output } },
        onError: [
          { guard: 'isAgent', target: 'confirming', actions: { type: 'keepFailure', params: failureOf } },
          { target: 'customerEntering', actions: { type: 'keepFailure', params: failureOf } },
        ],
      },
      on: {
        'request.cancel': 'cancelled',
        ...agentOutcomes(),
      },
    },

    // Either side: delivering `outgoing` through the transport.
    sending: {
      invoke: [
        {
          src: 'deliver',
          input: ({ context }) => ({ message: context.outgoing! }),
          onDone: [{ guard: 'isAgent', target: 'waitingForCustomer' }, { target: 'cardSubmitted' }],
          onError: { target: 'sendFailed', actions: { type: 'keepFailure', params: failureOf } },
        },
        requestDeadline(),
      ],
      on: {
        // A send that never settles cannot outlive the request on the agent's side. The customer's card
        // may still be on its way, so the customer waits for the agent's word instead.
        'deadline.reached': {
          guard: 'isAgent',
          target: 'requestExpired',
          actions: notify({ type: 'request.expired', body: { stage: 'request' } }),
        },
        'request.cancel': {
          target: 'cancelled',
          actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
        },
        ...customerReplies(),
        ...agentOutcomes(),
      },
    },
    sendFailed: {
      invoke: requestDeadline(),
      on: {
        'request.retry': { guard: 'hasOutgoing', target: 'sending' },
        'request.cancel': {
          target: 'cancelled',
          actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
        },
        'deadline.reached': requestExpiry(),
        ...customerReplies(),
        ...agentOutcomes(),
      },
    },

    // Both: the request is with the customer.
    waitingForCustomer: {
      invoke: requestDeadline(),
      on: {
        'request.open': { target: 'customerEntering', actions: notify({ type: 'request.opened', body: {} }) },
        'request.opened': 'customerEntering',
        ...customerDecisions(),
      },
    },
    customerEntering: {
      invoke: requestDeadline(),
      on: {
        'card.submit': 'preparing',
        ...customerDecisions(),
      },
    },

    // Both: the sealed card has reached (agent) or left for (customer) the agent.
    cardSubmitted: {
      entry: 'keepCardSent',
      invoke: viewDeadline(),
      on: {
        'card.view': { guard: 'canOpenHere', target: 'opening' },
        'request.complete': {
          guard: 'wasOpenedBefore',
          target: 'completed',
          actions: notify({ type: 'request.completed', body: {} }),
        },
        'request.cancel': {
          target: 'cancelled',
          actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
        },
        'deadline.reached': viewExpiry(),
        ...agentOutcomes(),
      },
    },
    // Agent: decrypting the card for the viewer.
    opening: {
      invoke: [
        viewDeadline(),
        {
          src: 'openCard',
          input: ({ context }) => ({ context }),
          onDone: { target: 'cardViewing', actions: 'dropCiphertext' },
          onError: {
            target: 'cardRejected',
            actions: [
              { type: 'keepFailure', params: failureOf },
              notify({ type: 'request.cancelled', body: { reason: 'card-unreadable' } }),
            ],
          },
        },
      ],
      on: {
        'request.cancel': {
          target: 'cancelled',
          actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
        },
        'deadline.reached': viewExpiry(),
      },
    },
    cardViewing: {
      invoke: viewDeadline(),
      on: {
        'request.complete': { target: 'completed', actions: notify({ type: 'request.completed', body: {} }) },
        'request.cancel': {
          target: 'cancelled',
          actions: notify({ type: 'request.cancelled', body: { reason: 'agent' } }),
        },
        'deadline.reached': viewExpiry(),
      },
    },

    // Outcomes. The customer's own decisions stay open to the agent's outcome (see above).
    declined: {
      entry: ['forgetSecrets', 'dropCiphertext'],
      on: agentOutcomes(),
    },
    requestExpired: {
      entry: ['forgetSecrets', 'dropCiphertext'],
      on: {
        'request.completed': 'completed',
        'request.cancelled': 'cancelled',
        'request.expired': { guard: 'isViewWindowStage', target: 'cardExpired' },
      },
    },
    completed: { type: 'final', entry: ['forgetSecrets', 'dropCiphertext'] },
    cardExpired: { type: 'final', entry: ['forgetSecrets', 'dropCiphertext'] },
    cardRejected: { type: 'final', entry: ['forgetSecrets', 'dropCiphertext'] },
    cancelled: { type: 'final', entry: ['forgetSecrets', 'dropCiphertext', 'keepCancelReason'] },
  },
});

/** The type of `paymentRequestMachine`. */
export type PaymentRequestMachine = typeof paymentRequestMachine;
/** A running actor of the machine: one request on one side. */
export type PaymentRequestActor = ActorRefFrom<PaymentRequestMachine>;
/** What an actor of the machine is now: its phase (`value`) and context. */
export type PaymentRequestSnapshot = SnapshotFrom<PaymentRequestMachine>;
