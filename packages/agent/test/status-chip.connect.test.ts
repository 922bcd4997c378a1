import { describe, expect, it } from 'vitest';
import type { KeyPlace, Phase } from '@chatpay/core';
import {
  CHIP_FRESH,
  connectStatusChip,
  nextChipMemory,
  type ChipMemory,
  type ChipState,
} from '../src/status-chip/status-chip.connect.js';
import { STATUS_CHIP_MESSAGES_EN as words } from '../src/status-chip/status-chip.messages.js';
import { requestAt } from './support/request-snapshots.js';

interface Case {
  readonly phase: Phase;
  readonly keys?: KeyPlace;
  readonly conflict?: boolean;
  readonly observed?: boolean;
  /** Back at the confirmation after a send whose keys were never made ready. */
  readonly notPrepared?: boolean;
  readonly unverified?: boolean;
  /** Events the machine is made to refuse, to see the chip follow it. */
  readonly refuses?: readonly string[];
}

/** The chip's state for a request of the real machine resting in `given.phase`. */
function state(given: Case): ChipState {
  const { snapshot, view } = requestAt(given.phase, { ...given, failed: given.notPrepared ?? false });
  const refused = new Set(given.refuses ?? []);
  const can: typeof snapshot.can = (event) => !refused.has(event.type) && snapshot.can(event);
  return { snapshot: { context: snapshot.context, can }, view, observed: given.observed ?? false };
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
    // The machine allows cancelling a card not yet opened: Cancel is offered (it was hidden before).
    ['a card to view', { phase: 'cardSubmitted' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a card being opened', { phase: 'opening' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a card open in the viewer', { phase: 'cardViewing' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a request being sent', { phase: 'sending' }, 'SENDING', null, ['cancel'], null],
    ['a request whose keys are being made', { phase: 'preparing' }, 'SENDING', null, ['cancel'], null],
    ['a declined request', { phase: 'declined' }, 'CUSTOMER DECLINED PAYMENT', null, [], null],
    ['an expired card', { phase: 'cardExpired' }, 'CARD EXPIRED', null, [], null],
    ['an unreadable card', { phase: 'cardRejected' }, 'CARD UNREADABLE', null, [], null],
    ['a completed request', { phase: 'completed' }, 'COMPLETED', null, [], null],
    ['a failed send', { phase: 'sendFailed' }, 'TRY AGAIN', 'retry', ['cancel'], null],
    ['a send never made ready', { phase: 'confirming', notPrepared: true }, 'TRY AGAIN', 'send', ['cancel'], null],
    ['a request being confirmed', { phase: 'confirming' }, 'CONFIRM REQUEST', null, ['cancel'], null],
    [
      'a request being confirmed, the machine refusing Cancel',
      { phase: 'confirming', refuses: ['request.cancel'] },
      'CONFIRM REQUEST',
      null,
      [],
      null,
    ],
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
      "another agent's request, waiting",
      { phase: 'waitingForCustomer', observed: true },
      'WAITING FOR CUSTOMER',
      null,
      [],
      words.observed,
    ],
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
      { phase: 'cardSubmitted', keys: 'opened' },
      'CARD VIEWED',
      null,
      ['complete', 'cancel'],
      words.alreadyViewed,
    ],
    [
      'already viewed, not completable',
      { phase: 'cardSubmitted', keys: 'opened', refuses: ['request.complete'] },
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

describe('what the chip remembers between renders', () => {
  const view = (given: Case, memory: ChipMemory) => connectStatusChip(state(given), words, memory);

  it('asks whether to cancel only while Cancel is offered', () => {
    const asking = nextChipMemory(CHIP_FRESH, 'ask-cancel');
    expect(view({ phase: 'waitingForCustomer' }, asking).askingCancel).toBe(true);
    expect(view({ phase: 'cancelled' }, asking).askingCancel).toBe(false);
    expect(nextChipMemory(asking, 'keep').askingCancel).toBe(false);
    expect(nextChipMemory(asking, 'acted').askingCancel).toBe(false);
  });

  it('offers Send new request once: not again after a new request went in its place', () => {
    const gone: Case = { phase: 'waitingForCustomer', keys: 'gone' };
    expect(view(gone, CHIP_FRESH).actions).toEqual(['request-again']);
    expect(view(gone, nextChipMemory(CHIP_FRESH, 'sent-again')).actions).toEqual([]);
  });

  it('says so when Send new request was refused', () => {
    const failed = nextChipMemory(CHIP_FRESH, 'request-again-failed');
    expect(view({ phase: 'cancelled', conflict: true }, failed).failure).toBe(words.requestAgainFailed);
    expect(view({ phase: 'cancelled', conflict: true }, CHIP_FRESH).failure).toBeNull();
  });
});
