import type { RegistryEvent, RequestSummary } from './agent-registry.js';

/** A card that arrived on a conversation the agent was not looking at: what a banner announces. */
export interface Arrival {
  /** The conversation the card arrived in. */
  readonly conversationId: string;
  /** The request it is for. */
  readonly requestId: string;
}

/** What the list of arrivals reads of the registry. */
export interface RegistryReading {
  readonly requests: () => readonly RequestSummary[];
  readonly conversationInView: string | null;
}

/**
 * The arrivals after `event`, in the order their cards arrived (a card announced again moves to the
 * end, as a new arrival). One goes once its conversation is in view or its card no longer waits. Only
 * announced cards (`card-arrived`) are arrivals: a card already waiting when the registry began to
 * follow its session, or one that arrived while its conversation was in view, is not.
 */
export function arrivalsAfter(
  arrivals: readonly Arrival[],
  event: RegistryEvent,
  registry: RegistryReading,
): readonly Arrival[] {
  let next = arrivals;
  if (event.type === 'card-arrived') {
    const { conversationId, requestId } = event;
    next = [...next.filter((arrival) => arrival.requestId !== requestId), { conversationId, requestId }];
  }
  const waiting = new Set(
    registry
      .requests()
      .filter((request) => request.needsAttention)
      .map((request) => request.requestId),
  );
  const kept = next.filter(
    (arrival) => waiting.has(arrival.requestId) && arrival.conversationId !== registry.conversationInView,
  );
  return kept.length === arrivals.length && kept.every((arrival, index) => arrival === arrivals[index])
    ? arrivals
    : kept;
}
