import type { AgentRegistry } from '@chatpay/core';
import type { ActivityDotMessages } from './activity-dot.messages.js';

/** What the dot shows: nothing, or the dot with what a screen reader hears. */
export interface DotView {
  readonly shown: boolean;
  readonly text: string;
}

/**
 * Whether the dot of `conversationId` shows, in `words`: while one of its requests has a card waiting
 * to be viewed, as the registry says (`needsAttention`).
 */
export function connectActivityDot(
  registry: Pick<AgentRegistry, 'needsAttention'> | undefined,
  conversationId: string | undefined,
  words: ActivityDotMessages,
): DotView {
  const shown = registry !== undefined && conversationId !== undefined && registry.needsAttention(conversationId);
  return { shown, text: words.cardWaiting };
}
