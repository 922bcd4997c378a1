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
  /** Time left on the running deadline, in ms. */
  readonly left?: number;
  readonly locale?: string;
  /** The card viewer's dialog is open. */
  readonly viewerOpen?: boolean;
  /** `<chatpay-card-viewer>` is defined. */
  readonly viewerLoaded?: boolean;
}

/** The chip's state for a request of the real machine resting in `given.phase`. */
function state(given: Case): ChipState {
  const { snapshot, view } = requestAt(given.phase, { ...given, failed: given.notPrepared ?? false });
  const refused = new Set(given.refuses ?? []);
  const can: typeof snapshot.can = (event) => !refused.has(event.type) && snapshot.can(event);
  return {
    snapshot: { context: snapshot.context, can },
    view,
    observed: given.observed ?? false,
    left: given.left ?? null,
    locale: given.locale ?? 'en-US',
    viewerOpen: given.viewerOpen ?? false,
    viewerLoaded: given.viewerLoaded ?? false,
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
    // The machine allows cancelling a card not yet opened: Cancel is offered (it was hidden before).
    ['a card to view', { phase: 'cardSubmitted' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a card being opened', { phase: 'opening' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a card open in the viewer', { phase: 'cardViewing' }, 'VIEW CARD', 'view-card', ['cancel'], null],
    ['a request being sent', { phase: 'sending' }, 'SENDING', null, ['cancel'], null],
    ['a request whose keys are being made', { phase: 'preparing' }, 'SENDING', null, ['cancel'], null],
    ['a declined request', { phase: 'declined' }, 'CUSTOMER DECLINED PAYMENT', null, [], null],
    // The view window ended: said so, rather than as if the customer's card had expired.
    ['the view window ended', { phase: 'cardExpired' }, 'VIEW TIME ENDED', null, [], null],
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
    // Every request names what it asks for, so that several in one conversation can be told apart.
    expect(view.terms).toEqual({ amount: '$12.50', reason: 'Postage', open: false });
    expect(view.name).toBe(`${label}: $12.50, Postage`);
    expect(view.timeLeft).toBeNull();
    expect(view.urgent).toBe(false);
  });

  it('shows the terms sent once there are some, else the draft, else nothing', () => {
    const { snapshot, view } = requestAt('waitingForCustomer');
    const terms = { ...snapshot.context.draft!, amount: { minor: 990, currency: 'EUR' }, reason: 'Shipping' };
    const sent: ChipState = {
      snapshot: {
        context: { ...snapshot.context, draft: null, terms: terms as never },
        can: snapshot.can.bind(snapshot),
      },
      view,
      observed: true,
      locale: 'de-DE',
    };
    expect(connectStatusChip(sent, words).terms).toEqual({ amount: '9,90\u00a0€', reason: 'Shipping', open: false });
    expect(connectStatusChip(sent, words).name).toBe('WAITING FOR CUSTOMER: 9,90\u00a0€, Shipping');
    const blank = requestAt('draft');
    const none: ChipState = {
      snapshot: { context: { ...blank.snapshot.context, draft: null }, can: blank.snapshot.can.bind(blank.snapshot) },
      view: blank.view,
      observed: false,
    };
    expect(connectStatusChip(none, words).terms).toBeNull();
    expect(connectStatusChip(none, words).name).toBe('DRAFT');
  });

  it('shows the reason as typed, markup and all, for the element to render as text', () => {
    const { snapshot, view } = requestAt('waitingForCustomer');
    const reason = '<b>Charger</b> & cable';
    const given: ChipState = {
      snapshot: { context: { ...snapshot.context, draft: { ...snapshot.context.draft!, reason } }, can: () => false },
      view,
      observed: false,
      locale: 'en-US',
    };
    expect(connectStatusChip(given, words).terms?.reason).toBe(reason);
  });

  it.each<[string, Case, string, boolean, string]>([
    [
      'a minute and a bit to pay',
      { phase: 'waitingForCustomer', left: 60_001 },
      '1:01 left',
      false,
      'WAITING FOR CUSTOMER',
    ],
    [
      'the last minute to pay',
      { phase: 'waitingForCustomer', left: 60_000 },
      '1:00 left',
      true,
      `WAITING FOR CUSTOMER. ${words.lastMinuteToPay}`,
    ],
    [
      'the last second to pay',
      { phase: 'waitingForCustomer', left: 1 },
      '0:01 left',
      true,
      `WAITING FOR CUSTOMER. ${words.lastMinuteToPay}`,
    ],
    ['the view window, early', { phase: 'cardViewing', left: 600_000 }, '10:00 left', false, 'VIEW CARD'],
    [
      'the last minute to view',
      { phase: 'cardViewing', left: 59_000 },
      '0:59 left',
      true,
      `VIEW CARD. ${words.lastMinuteToView}`,
    ],
    [
      'the last minute, after a note',
      { phase: 'cardSubmitted', keys: 'opened', left: 30_000 },
      '0:30 left',
      true,
      `CARD VIEWED. ${words.alreadyViewed} ${words.lastMinuteToView}`,
    ],
    [
      'a countdown in Arabic digits',
      { phase: 'cardViewing', left: 61_500, locale: 'ar-EG' },
      '١:٠٢ left',
      false,
      'VIEW CARD',
    ],
  ])('counts down: %s', (_, given, timeLeft, urgent, announced) => {
    const view = connectStatusChip(state(given), words);
    expect(view.timeLeft).toBe(timeLeft);
    expect(view.urgent).toBe(urgent);
    expect(view.announced).toBe(announced);
  });

  it('says the last minute in the same words every second of it, so the live region speaks once', () => {
    const said = [60_000, 45_000, 1_000].map(
      (left) => connectStatusChip(state({ phase: 'cardViewing', left }), words).announced,
    );
    expect(new Set(said).size).toBe(1);
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

  it('keeps the whole reason shown once the terms are pressed, until they are pressed again', () => {
    const open = nextChipMemory(CHIP_FRESH, 'toggle-reason');
    expect(view({ phase: 'waitingForCustomer' }, open).terms?.open).toBe(true);
    expect(view({ phase: 'waitingForCustomer' }, nextChipMemory(open, 'toggle-reason')).terms?.open).toBe(false);
  });

  it('says so when Send new request was refused', () => {
    const failed = nextChipMemory(CHIP_FRESH, 'request-again-failed');
    expect(view({ phase: 'cancelled', conflict: true }, failed).failure).toBe(words.requestAgainFailed);
    expect(view({ phase: 'cancelled', conflict: true }, CHIP_FRESH).failure).toBeNull();
  });

  it('loads the card viewer once the open dialog needs it, says it loads, then that it failed, and loads again on Try again', () => {
    const open: Case = { phase: 'cardViewing', viewerOpen: true };
    const needed = view(open, CHIP_FRESH);
    expect([needed.viewer, needed.viewerLoadText, needed.loadViewer]).toEqual(['loading', words.viewerLoading, true]);
    const loading = nextChipMemory(CHIP_FRESH, 'viewer-loading');
    expect(view(open, loading).loadViewer).toBe(false);
    const failed = view(open, nextChipMemory(loading, 'viewer-failed'));
    expect([failed.viewer, failed.viewerLoadText, failed.loadViewer]).toEqual(['failed', words.viewerFailed, false]);
    const retried = nextChipMemory(nextChipMemory(loading, 'viewer-failed'), 'viewer-retried');
    expect(view(open, retried).loadViewer).toBe(true);
    const loaded = view(open, nextChipMemory(loading, 'viewer-loaded'));
    expect([loaded.viewer, loaded.viewerLoadText, loaded.loadViewer]).toEqual(['ready', null, false]);
    // Defined already (prefetched, or by the host): drawn at once, nothing loaded.
    const defined = view({ ...open, viewerLoaded: true }, CHIP_FRESH);
    expect([defined.viewer, defined.loadViewer]).toEqual(['ready', false]);
  });

  it('shows no viewer and loads nothing while its dialog is closed', () => {
    const closed = view({ phase: 'cardViewing' }, CHIP_FRESH);
    expect([closed.viewer, closed.viewerLoadText, closed.loadViewer]).toEqual([null, null, false]);
  });

  it.each<[string, Case, boolean]>([
    ['a card to view', { phase: 'cardSubmitted' }, true],
    ['a card to view, the viewer defined already', { phase: 'cardSubmitted', viewerLoaded: true }, false],
    ['a request waiting for the customer', { phase: 'waitingForCustomer' }, false],
    ["another agent's card", { phase: 'cardSubmitted', observed: true }, false],
    ['a card whose keys are not here', { phase: 'cardSubmitted', keys: 'gone' }, false],
    ['a card two customers answered', { phase: 'cardSubmitted', conflict: true }, false],
    ['a completed request', { phase: 'completed' }, false],
  ])('fetches the viewer ahead only where VIEW CARD is offered: %s', (_, given, prefetch) => {
    expect(view(given, CHIP_FRESH).prefetchViewer).toBe(prefetch);
  });
});
