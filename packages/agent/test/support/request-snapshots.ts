import {
  agentTimeline,
  paymentRequestMachine,
  type AgentStatus,
  type KeyPlace,
  type PaymentRequestContext,
  type PaymentRequestSnapshot,
  type Phase,
  type TimelineView,
  type WireMessage,
} from '@chatpay/core';

/** What a table row may set of a request besides its phase. */
export interface RequestAt {
  readonly keys?: KeyPlace;
  readonly conflict?: boolean;
  readonly unverified?: boolean;
  readonly observed?: boolean;
  /** The last attempt failed (a send that was never made ready, a card that did not open). */
  readonly failed?: boolean;
}

/**
 * A snapshot of the real machine resting in `phase`, for connect tables: what each phase allows comes
 * from the statechart itself, never from a copy of it in the test.
 */
export function snapshotAt(phase: Phase, at: RequestAt = {}): PaymentRequestSnapshot {
  const context: PaymentRequestContext = {
    side: at.observed ? 'observer' : 'agent',
    requestId: 'r-1',
    conversationId: 'c-1',
    viewWindowMs: 600_000,
    draft: { amount: { minor: 1250, currency: 'USD' }, reason: 'Postage' },
    terms: null,
    // A request that was prepared carries its message, kept for a retry.
    outgoing: phase === 'draft' || phase === 'confirming' ? null : ({ type: 'request.created' } as WireMessage),
    sealed: null,
    viewDeadline: null,
    failure: at.failed ? { code: 'vouch-refused', message: 'The server did not vouch for the keys.' } : null,
    trust: at.unverified ? 'unverified' : 'vouched',
    keys: at.keys ?? (at.observed ? 'none' : 'here'),
    conflict: at.conflict ?? false,
    cancelReason: null,
    cardSent: false,
  };
  return paymentRequestMachine.resolveState({ value: phase, context });
}

/** The snapshot and the timeline the agent sees for it, as a request would give them. */
export function requestAt(
  phase: Phase,
  at: RequestAt = {},
): { readonly snapshot: PaymentRequestSnapshot; readonly view: TimelineView<AgentStatus> } {
  const snapshot = snapshotAt(phase, at);
  return { snapshot, view: agentTimeline(snapshot) };
}
