import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { Clock } from './clock.js';
import { ChatPayError, type Failure } from './errors.js';
import type { WireMessage } from './protocol.js';
import type {
  Notice,
  PaymentRequestContext,
  PaymentRequestEvent,
  PaymentRequestInput,
} from './payment-request.types.js';

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
 * The machine's types and its named implementations: what each side gives with `machine.provide(...)`
 * (the actors, `notifyPeer`, `forgetSecrets`) fails or does nothing until it is given, and the
 * assignments and guards every side shares. The `deadline` actor fails too: only a session's clock
 * may time a request, never the system clock behind a test's back.
 */
export const paymentRequestSetup = setup({
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
    deadline: fromCallback<{ type: 'deadline.reached' }, { readonly at: number }>(() => {
      throw notProvided('deadline');
    }),
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
    keepCardSent: assign({ cardSent: true }),
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
});
