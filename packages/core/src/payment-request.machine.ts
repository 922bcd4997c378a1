import { assign, fromCallback, fromPromise, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { systemClock, type Clock } from './clock.js';
import { ChatPayError, toFailure, type Failure } from './errors.js';
import type { Money } from './money.js';
import type { CancelReason, ExpiredStage, MessageBodies, RequestTerms, SealedCard, WireMessage } from './protocol.js';

/**
 * Which browser an actor of the machine runs in, and in what role. An `observer` is another agent's
 * session on the same conversation: it follows a request it did not send, from the terms, and acts on
 * nothing (it sends no notices and holds no key).
 */
export type Side = 'agent' | 'customer' | 'observer';
export type { Failure };

/** The longest view window an integrator may configure: 30 minutes. */
export const MAX_VIEW_WINDOW_MS = 30 * 60 * 1000;

/** What the agent has typed and validated, before the request is sent. */
export interface RequestDraft {
  readonly amount: Money;
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

export interface PaymentRequestInput {
  readonly side: Side;
  readonly requestId: string;
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

export interface PaymentRequestContext {
  readonly side: Side;
  readonly requestId: string;
  readonly conversationId: string;
  readonly viewWindowMs: number;
  readonly draft: RequestDraft | null;
  readonly terms: RequestTerms | null;
  /** The message being delivered (the request on the agent side, the sealed card on the customer side), kept for retries. */
  readonly outgoing: WireMessage | null;
  /** The sealed card as received (ciphertext only). Agent side. */
  readonly sealed: SealedCard | null;
  /** When the agent's view window ends: set when the card arrives. */
  readonly viewDeadline: number | null;
  readonly failure: Failure | null;
  readonly trust: Trust;
  readonly keys: KeyPlace;
  /** Agent side: a second, different customer key spoke for this request. The card is not opened; the agent is shown why. */
  readonly conflict: boolean;
  /** Why the request was cancelled, once it is. */
  readonly cancelReason: CancelReason | null;
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

export type PaymentRequestEvent = PeerEvent | LocalEvent | SessionFact | { readonly type: 'deadline.reached' };

/** A fire-and-forget message to the peer; its delivery is the session's concern (outbox, replay on sync). */
export type Notice = {
  [T in 'request.opened' | 'request.declined' | 'request.completed' | 'request.cancelled' | 'request.expired']: {
    readonly type: T;
    readonly body: MessageBodies[T];
  };
}['request.opened' | 'request.declined' | 'request.completed' | 'request.cancelled' | 'request.expired'];

/** The `deadline` actor on `clock`: sends `deadline.reached` at the instant `at` (at once if it has passed; never if it is not finite). */
export function deadlineActor(clock: Clock) {
  return fromCallback<{ type: 'deadline.reached' }, { readonly at: number }>(({ sendBack, input }) => {
    if (!Number.isFinite(input.at)) return undefined;
    const handle = clock.setTimeout(() => sendBack({ type: 'deadline.reached' }), input.at - clock.now());
    return () => clock.clearTimeout(handle);
  });
}

const notProvided = (name: string) =>
  new ChatPayError('not-provided', `The payment-request machine needs "${name}" provided by a session.`);

/**
 * The lifecycle of one payment request, one definition for both sides. The agent's actor starts in
 * `draft`; the customer's starts in `waitingForCustomer` from the terms it received. Effects are named
 * here and implemented per side with `machine.provide(...)`: `prepareMessage` (the agent makes its key
 * pair and the request; the customer seals the card), `deliver` (the transport), `openCard` (the agent
 * decrypts), `deadline` (the clock), `notifyPeer`, `forgetSecrets`.
 *
 * The card is opened once: the ciphertext is dropped as soon as it is open, and the decrypted fields
 * (held by the agent's session, never in this context) go at the first of completion, cancellation or
 * the end of the view window.
 *
 * When the two sides decide at once (a decline crossing a cancellation, a card crossing the expiry),
 * the agent's outcome stands: the customer's `declined` and `requestExpired` still accept the agent's
 * outcome, so both sides end in the same phase.
 */
export const paymentRequestMachine = setup({
  types: {
    context: {} as PaymentRequestContext,
    events: {} as PaymentRequestEvent,
    input: {} as PaymentRequestInput,
  },
  actors: {
    prepareMessage: fromPromise<WireMessage, { readonly context: PaymentRequestContext }>(() =>
      Promise.reject(notProvided('prepareMessage')),
    ),
    deliver: fromPromise<void, { readonly message: WireMessage }>(() => Promise.reject(notProvided('deliver'))),
    openCard: fromPromise<void, { readonly context: PaymentRequestContext }>(() =>
      Promise.reject(notProvided('openCard')),
    ),
    deadline: deadlineActor(systemClock),
  },
  actions: {
    notifyPeer: (_, _notice: Notice) => {},
    forgetSecrets: () => {},
    keepDraft: assign({
      draft: ({ event }) => (event.type === 'request.review' ? event.draft : null),
      failure: null,
    }),
    keepOutgoing: assign(({ context }, message: WireMessage) => ({
      outgoing: message,
      terms: message.type === 'request.created' ? message.body : context.terms,
      failure: null,
    })),
    keepFailure: assign((_, failure: Failure) => ({ failure })),
    keepSealedCard: assign(({ context, event }) =>
      event.type === 'request.submitted'
        ? {
            sealed: event.sealed,
            // Only the agent has a view window: the customer waits for the agent's word.
            viewDeadline: context.side === 'customer' ? null : event.receivedAt + context.viewWindowMs,
          }
        : {},
    ),
    keepConflict: assign({ conflict: true }),
    keepKeyPlace: assign({ keys: ({ context, event }) => (event.type === 'keys.changed' ? event.keys : context.keys) }),
    keepCancelReason: assign({
      cancelReason: ({ context, event }) =>
        event.type === 'request.cancelled'
          ? event.reason
          : event.type === 'request.cancel'
            ? 'agent'
            : context.cancelReason,
    }),
    dropCiphertext: assign({ sealed: null, outgoing: null }),
  },
  guards: {
    startsFromTerms: ({ context }) => context.side !== 'agent' || context.terms !== null,
    canOpenHere: ({ context }) => context.keys === 'here' && !context.conflict,
    wasOpenedBefore: ({ context }) => context.keys === 'opened' && !context.conflict,
    isAgent: ({ context }) => context.side === 'agent',
    hasOutgoing: ({ context }) => context.outgoing !== null,
    isRequestStage: ({ event }) => event.type === 'request.expired' && event.stage === 'request',
    isViewWindowStage: ({ event }) => event.type === 'request.expired' && event.stage === 'view-window',
  },
}).createMachine({
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

function failureOf({ event }: { event: { error?: unknown } }): Failure {
  return toFailure(event.error);
}

function notify(notice: Notice) {
  return { type: 'notifyPeer' as const, params: notice };
}

function requestDeadline() {
  return {
    src: 'deadline' as const,
    input: ({ context }: { context: PaymentRequestContext }) => ({ at: context.terms!.expiresAt }),
  };
}

function viewDeadline() {
  return {
    src: 'deadline' as const,
    // The customer has no view window: its actor waits on the agent's outcome instead.
    input: ({ context }: { context: PaymentRequestContext }) => ({ at: context.viewDeadline ?? Infinity }),
  };
}

/** The request's time-to-live ran out: the agent says so to the customer; the customer just knows. */
function requestExpiry() {
  return [
    {
      guard: 'isAgent' as const,
      target: 'requestExpired' as const,
      actions: notify({ type: 'request.expired', body: { stage: 'request' } }),
    },
    { target: 'requestExpired' as const },
  ];
}

function viewExpiry() {
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
function customerDecisions() {
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
function customerReplies() {
  return {
    'request.opened': 'customerEntering' as const,
    'request.declined': 'declined' as const,
    'request.submitted': { target: 'cardSubmitted' as const, actions: 'keepSealedCard' as const },
  };
}

/** The agent's outcomes as the customer receives them. They only ever reach a customer's actor. */
function agentOutcomes() {
  return {
    'request.completed': 'completed' as const,
    'request.cancelled': 'cancelled' as const,
    'request.expired': [
      { guard: 'isRequestStage' as const, target: 'requestExpired' as const },
      { target: 'cardExpired' as const },
    ],
  };
}

export type PaymentRequestMachine = typeof paymentRequestMachine;
export type PaymentRequestActor = ActorRefFrom<PaymentRequestMachine>;
export type PaymentRequestSnapshot = SnapshotFrom<PaymentRequestMachine>;
