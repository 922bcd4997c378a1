import { describe, expect, it } from 'vitest';
import { connectActivityDot } from '../src/activity-dot/activity-dot.connect.js';
import { ACTIVITY_DOT_MESSAGES_EN as words } from '../src/activity-dot/activity-dot.messages.js';

const registry = (waiting: readonly string[]) => ({ needsAttention: (id: string) => waiting.includes(id) });

describe('the activity dot', () => {
  it.each([
    ['a card waits on its conversation', registry(['c-1']), 'c-1', true],
    ['a card waits on another conversation', registry(['c-2']), 'c-1', false],
    ['nothing waits', registry([]), 'c-1', false],
    ['no registry', undefined, 'c-1', false],
    ['no conversation', registry(['c-1']), undefined, false],
  ])('%s', (_, given, conversationId, shown) => {
    expect(connectActivityDot(given, conversationId, words)).toEqual({ shown, text: 'Card waiting to be viewed' });
  });
});
