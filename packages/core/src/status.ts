import type { KeyPlace, PaymentRequestSnapshot, Trust } from './payment-request.machine.js';
import type { Phase } from './protocol.js';

/** What the agent's conversation timeline shows for a request. */
export type AgentStatus =
  | 'draft'
  | 'confirming'
  | 'sending'
  | 'try-again'
  | 'waiting-for-customer'
  | 'view-card'
  | 'completed'
  | 'customer-declined'
  | 'request-expired'
  | 'card-expired'
  | 'card-rejected'
  | 'cancelled';

/** What the customer's chat shows for a request. */
export type CustomerStatus =
  | 'payment-requested'
  | 'entering-payment'
  | 'sending'
  | 'try-again'
  | 'waiting-for-agent'
  | 'payment-accepted'
  | 'declined'
  | 'request-expired'
  | 'card-expired'
  | 'cancelled'
  | 'replaced';

type PhaseMap<S> = Readonly<Record<Exclude<Phase, never>, S>>;

const AGENT_STATUS: PhaseMap<AgentStatus> = {
  draft: 'draft',
  confirming: 'confirming',
  preparing: 'sending',
  sending: 'sending',
  sendFailed: 'try-again',
  waitingForCustomer: 'waiting-for-customer',
  customerEntering: 'waiting-for-customer',
  cardSubmitted: 'view-card',
  opening: 'view-card',
  cardViewing: 'view-card',
  completed: 'completed',
  declined: 'customer-declined',
  requestExpired: 'request-expired',
  cardExpired: 'card-expired',
  cardRejected: 'card-rejected',
  cancelled: 'cancelled',
};

const CUSTOMER_STATUS: PhaseMap<CustomerStatus> = {
  draft: 'payment-requested',
  confirming: 'payment-requested',
  preparing: 'sending',
  sending: 'sending',
  sendFailed: 'try-again',
  waitingForCustomer: 'payment-requested',
  customerEntering: 'entering-payment',
  cardSubmitted: 'waiting-for-agent',
  opening: 'waiting-for-agent',
  cardViewing: 'waiting-for-agent',
  completed: 'payment-accepted',
  declined: 'declined',
  requestExpired: 'request-expired',
  cardExpired: 'card-expired',
  cardRejected: 'cancelled',
  cancelled: 'cancelled',
};

/** The phases after which nothing more happens on the agent's side. */
const AGENT_SETTLED: ReadonlySet<Phase> = new Set([
  'completed',
  'declined',
  'requestExpired',
  'cardExpired',
  'cardRejected',
  'cancelled',
]);

/** What a side shows of one request: its phase, the status it shows for it, and the facts around it. */
export interface TimelineView<S> {
  /** The request's phase on this side. */
  readonly phase: Phase;
  /** The status shown for that phase (`agentTimeline`, `customerTimeline`). */
  readonly status: S;
  /** The instant the current deadline falls due (request time-to-live or view window), if one is running. */
  readonly deadline: number | null;
  /** Whether nothing more will happen to this request on this side. */
  readonly settled: boolean;
  /** `unverified` when both sides run without key vouching (development only): elements say so visibly. */
  readonly trust: Trust;
  /** Agent side: where the request's private keys are (`here` for a request this session can act on). */
  readonly keys: KeyPlace;
  /** Agent side: a second, different customer key spoke for the request; its card is not opened. */
  readonly conflict: boolean;
}

/** The phase (top-level state) of a snapshot. */
export function phaseOf(snapshot: PaymentRequestSnapshot): Phase {
  const value = snapshot.value;
  if (value === 'start') return snapshot.context.side === 'agent' ? 'draft' : 'waitingForCustomer';
  return value;
}

function deadlineOf(snapshot: PaymentRequestSnapshot, phase: Phase): number | null {
  const { context } = snapshot;
  if (phase === 'cardSubmitted' || phase === 'opening' || phase === 'cardViewing') {
    // An observer has no view window of its own (its deadline never falls due).
    return context.viewDeadline !== null && Number.isFinite(context.viewDeadline) ? context.viewDeadline : null;
  }
  if (phase === 'sendFailed' || phase === 'waitingForCustomer' || phase === 'customerEntering') {
    return context.terms?.expiresAt ?? null;
  }
  return null;
}

/** What the agent's timeline shows for the request in `snapshot`. */
export function agentTimeline(snapshot: PaymentRequestSnapshot): TimelineView<AgentStatus> {
  const phase = phaseOf(snapshot);
  const { trust, keys, conflict } = snapshot.context;
  return {
    phase,
    status: AGENT_STATUS[phase],
    deadline: deadlineOf(snapshot, phase),
    settled: AGENT_SETTLED.has(phase),
    trust,
    keys,
    conflict,
  };
}

/** What the customer's chat shows for the request in `snapshot`. */
export function customerTimeline(snapshot: PaymentRequestSnapshot): TimelineView<CustomerStatus> {
  const phase = phaseOf(snapshot);
  const settled = AGENT_SETTLED.has(phase);
  const { trust, keys, conflict, cancelReason } = snapshot.context;
  const status = phase === 'cancelled' && cancelReason === 'replaced' ? 'replaced' : CUSTOMER_STATUS[phase];
  return { phase, status, deadline: settled ? null : deadlineOf(snapshot, phase), settled, trust, keys, conflict };
}
