import { describe, expect, it } from 'vitest';
import type { AgentStatus, KeyPlace, Phase, TimelineView } from '@chatpay/core';
import { connectStatusChip, type ChipState } from '../src/status-chip/status-chip.connect.js';
import { STATUS_CHIP_MESSAGES_EN as words } from '../src/status-chip/status-chip.messages.js';

const STATUS: Partial<Record<Phase, AgentStatus>> = {
  confirming: 'confirming',
  sendFailed: 'try-again',
  waitingForCustomer: 'waiting-for-customer',
  cardSubmitted: 'view-card',
  completed: 'completed',
  cancelled: 'cancelled',
  requestExpired: 'request-expired',
};
const SETTLED: ReadonlySet<Phase> = new Set(['completed', 'cancelled', 'requestExpired']);

interface Case {
  readonly phase: Phase;
  readonly keys?: KeyPlace;
  readonly conflict?: boolean;
  readonly observed?: boolean;
  readonly notPrepared?: boolean;
  readonly canComplete?: boolean;
  readonly unverified?: boolean;
}

function state(given: Case): ChipState {
  const view: TimelineView<AgentStatus> = {
    phase: given.phase,
    status: STATUS[given.phase]!,
    deadline: null,
    settled: SETTLED.has(given.phase),
    trust: given.unverified ? 'unverified' : 'vouched',
    keys: given.keys ?? (given.observed ? 'none' : 'here'),
    conflict: given.conflict ?? false,
  };
  return {
    view,
    observed: given.observed ?? false,
    notPrepared: given.notPrepared ?? false,
    canComplete: given.canComplete ?? false,
  };
}

describe('what the status chip shows and offers', () => {
  it.each<[string, Case, string, string | null, readonly string[], string | null]>([
    [
      'a request waiting for the customer',
      { phase: 'waitingForCustomer' },
      'WAITING FOR CUSTOMER',
      null,
      ['cancel'],
      null,
    ],
    ['a card to view', { phase: 'cardSubmitted' }, 'VIEW CARD', 'view-card', [], null],
    ['a failed send', { phase: 'sendFailed' }, 'TRY AGAIN', 'retry', ['cancel'], null],
    ['a send never made ready', { phase: 'confirming', notPrepared: true }, 'TRY AGAIN', 'send', ['cancel'], null],
    ['a request being confirmed', { phase: 'confirming' }, 'CONFIRM REQUEST', null, [], null],
    [
      "another agent's card",
      { phase: 'cardSubmitted', observed: true },
      'CARD SENT TO ANOTHER AGENT',
      null,
      [],
      words.observed,
    ],
    [
      'keys gone, waiting',
      { phase: 'waitingForCustomer', keys: 'gone' },
      'WAITING FOR CUSTOMER',
      null,
      ['request-again'],
      words.keysGone,
    ],
    [
      'keys gone, card arrived',
      { phase: 'cardSubmitted', keys: 'gone' },
      'CARD ARRIVED',
      null,
      ['request-again'],
      words.keysGone,
    ],
    ['keys gone, ended', { phase: 'cancelled', keys: 'gone' }, 'CANCELLED', null, [], null],
    ['held by the other tab', { phase: 'cardSubmitted', keys: 'other-tab' }, 'CARD ARRIVED', null, [], words.otherTab],
    [
      'held by the other tab, waiting',
      { phase: 'waitingForCustomer', keys: 'other-tab' },
      'WAITING FOR CUSTOMER',
      null,
      [],
      words.otherTab,
    ],
    [
      'already viewed here',
      { phase: 'cardSubmitted', keys: 'opened', canComplete: true },
      'CARD VIEWED',
      null,
      ['complete', 'cancel'],
      words.alreadyViewed,
    ],
    [
      'already viewed, not completable',
      { phase: 'cardSubmitted', keys: 'opened' },
      'CARD VIEWED',
      null,
      ['cancel'],
      words.alreadyViewed,
    ],
    [
      'two customers, card arrived',
      { phase: 'cardSubmitted', conflict: true },
      'CARD ARRIVED',
      null,
      ['cancel'],
      words.conflict,
    ],
    [
      'two customers, waiting',
      { phase: 'waitingForCustomer', conflict: true },
      'WAITING FOR CUSTOMER',
      null,
      ['cancel'],
      words.conflict,
    ],
    ['two customers, cancelled', { phase: 'cancelled', conflict: true }, 'CANCELLED', null, ['request-again'], null],
    ['two customers, completed before', { phase: 'completed', conflict: true }, 'COMPLETED', null, [], null],
    ['an expired request', { phase: 'requestExpired' }, 'REQUEST EXPIRED', null, [], null],
  ])('%s', (_, given, label, labelAction, actions, note) => {
    const view = connectStatusChip(state(given), words);
    expect(view.label).toBe(label);
    expect(view.labelAction).toBe(labelAction);
    expect(view.actions).toEqual(actions);
    expect(view.note?.text ?? null).toBe(note);
    expect(view.announced).toBe(note ? `${label}. ${note}` : label);
  });

  it('draws a conflict as a warning, and the other notes as plain notes', () => {
    expect(connectStatusChip(state({ phase: 'cardSubmitted', conflict: true }), words).note?.warning).toBe(true);
    expect(connectStatusChip(state({ phase: 'cardSubmitted', conflict: true }), words).problem).toBe(true);
    expect(connectStatusChip(state({ phase: 'cardSubmitted', keys: 'gone' }), words).note?.warning).toBe(false);
  });

  it('badges an unverified request in words, whatever its phase', () => {
    for (const phase of ['waitingForCustomer', 'cardSubmitted', 'completed'] as const) {
      expect(connectStatusChip(state({ phase, unverified: true }), words).badge).toEqual({
        text: 'UNVERIFIED · development mode',
        description: words.unverifiedDescription,
      });
      expect(connectStatusChip(state({ phase }), words).badge).toBeNull();
    }
  });
});
