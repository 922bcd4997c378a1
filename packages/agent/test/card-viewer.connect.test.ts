import { describe, expect, it } from 'vitest';
import type { CardDetails, Phase } from '@chatpay/core';
import {
  cardRows,
  clearAfterMs,
  clearingNote,
  connectCardViewer,
  isCounting,
  type ViewerState,
} from '../src/card-viewer/card-viewer.connect.js';
import { CARD_VIEWER_MESSAGES_EN as words } from '../src/card-viewer/card-viewer.messages.js';
import { snapshotAt } from './support/request-snapshots.js';

/** A published test card number; it exists only in tests. */
const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};

function state(phase: Phase, given: Partial<ViewerState> = {}): ViewerState {
  return {
    snapshot: snapshotAt(phase, { observed: given.observed ?? false }),
    phase,
    observed: false,
    terms: { amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' },
    card: phase === 'cardViewing' ? CARD : null,
    refused: null,
    visible: true,
    left: null,
    locale: 'en-US',
    announcement: '',
    copiedField: null,
    inClipboard: null,
    clipboardStuck: false,
    clearingNote: 'Cleared from the clipboard in 30 seconds.',
    extraCards: [],
    ...given,
  };
}

describe('what the card viewer shows in each phase', () => {
  it.each<[string, ViewerState, string | null, boolean, readonly string[]]>([
    ['an open card', state('cardViewing'), null, true, ['complete', 'cancel']],
    [
      'an open card while the window is in the background',
      state('cardViewing', { visible: false }),
      words.hidden,
      false,
      ['complete', 'cancel'],
    ],
    ['a card gone from the session', state('cardViewing', { card: null }), words.ended, false, []],
    ['a card arrived', state('cardSubmitted'), words.opening, false, []],
    ['a card being opened', state('opening'), words.opening, false, []],
    ['no card yet', state('waitingForCustomer'), words.notYet, false, []],
    ['completed', state('completed'), words.completed, false, []],
    ['the window ended', state('cardExpired'), words.expired, false, []],
    ['cancelled', state('cancelled'), words.cancelled, false, []],
    ['an unreadable card', state('cardRejected'), words.unreadable, false, []],
    ['declined', state('declined'), words.ended, false, []],
    ['the request expired', state('requestExpired'), words.ended, false, []],
    ["another agent's request", state('cardSubmitted', { observed: true }), words.notYours, false, []],
    ['refused as not this agent’s', state('cardViewing', { refused: 'not-yours' }), words.notYours, false, []],
    ['failed to open', state('cardSubmitted', { refused: 'failed' }), words.openFailed, false, []],
    [
      'failed, then the card opened after all',
      state('cardViewing', { refused: 'failed' }),
      null,
      true,
      ['complete', 'cancel'],
    ],
    ['failed, then found unreadable', state('cardRejected', { refused: 'failed' }), words.unreadable, false, []],
  ])('%s', (_, given, message, details, actions) => {
    const view = connectCardViewer(given, words);
    expect(view.message?.text ?? null).toBe(message);
    expect(view.rows !== null).toBe(details);
    expect(view.actions).toEqual(actions);
  });

  it('draws a failure to open as an alert, and an unreadable card as an error', () => {
    expect(connectCardViewer(state('cardSubmitted', { refused: 'failed' }), words).message).toMatchObject({
      error: true,
      alert: true,
    });
    expect(connectCardViewer(state('cardRejected'), words).message).toMatchObject({ error: true, alert: false });
    expect(connectCardViewer(state('completed'), words).message).toMatchObject({ error: false, alert: false });
  });

  it('offers only what the machine allows', () => {
    const open = state('cardViewing');
    const refusing: ViewerState['snapshot'] = { can: () => false };
    expect(connectCardViewer({ ...open, snapshot: refusing }, words).actions).toEqual([]);
  });

  it('counts down the view window for the locale', () => {
    expect(connectCardViewer(state('cardViewing', { left: 600_000 }), words).timeLeft).toBe('Visible for 10:00');
    expect(connectCardViewer(state('cardViewing', { left: 61_500, locale: 'ar-EG' }), words).timeLeft).toBe(
      'Visible for ١:٠٢',
    );
    expect(connectCardViewer(state('cardViewing'), words).timeLeft).toBeNull();
  });

  it('counts down an open card of this agent only', () => {
    expect(isCounting('cardViewing', false)).toBe(true);
    expect(isCounting('cardViewing', true)).toBe(false);
    expect(isCounting('cardSubmitted', false)).toBe(false);
  });

  it('shows the amount and the reason next to the card, the amount for the locale', () => {
    expect(connectCardViewer(state('cardViewing'), words).charge).toEqual({
      amountLabel: 'Amount to charge',
      amount: '$12.50',
      reasonLabel: 'Reason for charge',
      reason: 'Replacement charger',
    });
    expect(connectCardViewer(state('cardViewing', { locale: 'de-DE' }), words).charge?.amount).toBe('12,50\u00a0$');
    expect(connectCardViewer(state('cardSubmitted'), words).charge?.reason).toBe('Replacement charger');
    expect(connectCardViewer(state('cardViewing', { terms: null }), words).charge).toBeNull();
  });

  it('draws the last minute of the view window as urgent', () => {
    expect(connectCardViewer(state('cardViewing', { left: 60_001 }), words).urgent).toBe(false);
    expect(connectCardViewer(state('cardViewing', { left: 60_000 }), words).urgent).toBe(true);
    expect(connectCardViewer(state('cardViewing', { left: 1 }), words).urgent).toBe(true);
    expect(connectCardViewer(state('cardViewing'), words).urgent).toBe(false);
  });

  it('says the last minute in the same words every second of it, so the live region speaks once', () => {
    const said = [60_000, 30_000, 1_000].map(
      (left) => connectCardViewer(state('cardViewing', { left }), words).announced,
    );
    expect(said).toEqual([words.lastMinute, words.lastMinute, words.lastMinute]);
  });

  it('warns in the last minute, unless a copy has something newer to say', () => {
    expect(connectCardViewer(state('cardViewing', { left: 60_001 }), words).announced).toBe('');
    expect(connectCardViewer(state('cardViewing', { left: 60_000 }), words).announced).toBe(words.lastMinute);
    expect(connectCardViewer(state('cardViewing', { left: 1_000, announcement: 'Copied.' }), words).announced).toBe(
      'Copied.',
    );
  });
});

describe('the rows of a card', () => {
  it('groups the number as printed, copies it without spaces, and names the brand', () => {
    const rows = cardRows(CARD, state('cardViewing'), words);
    expect(rows.map((row) => [row.field, row.shown, row.value, row.digits])).toEqual([
      ['number', '4111 1111 1111 1111', '4111111111111111', true],
      ['name', 'Ada Lovelace', 'Ada Lovelace', false],
      ['expiry', '12/30', '12/30', true],
      ['securityCode', '737', '737', true],
      ['brand', 'Visa', 'Visa', false],
    ]);
  });

  it('shows the postal code when asked for', () => {
    const rows = cardRows({ ...CARD, postalCode: 'SW1A 1AA' }, state('cardViewing'), words);
    expect(rows.at(-1)).toMatchObject({ field: 'postalCode', shown: 'SW1A 1AA', digits: false });
  });

  it('says Copied, and when the clipboard is cleared, next to the row copied', () => {
    const given = state('cardViewing', { copiedField: 'expiry', inClipboard: 'expiry' });
    const rows = cardRows(CARD, given, words);
    expect(rows.map((row) => row.feedback)).toEqual(['', '', 'Copied', '', '']);
    expect(rows.map((row) => row.clipboardNote)).toEqual([null, null, given.clearingNote, null, null]);
    const stuck = cardRows(CARD, { ...given, clipboardStuck: true }, words);
    expect(stuck.map((row) => row.clipboardNote)).toEqual([null, null, null, null, null]);
  });
});

describe('when the clipboard is cleared', () => {
  it.each<[unknown, number]>([
    [30, 30_000],
    [5, 5_000],
    [0, 0],
    [-1, 30_000],
    [Number.NaN, 30_000],
    [Number.POSITIVE_INFINITY, 30_000],
    ['10', 30_000],
    [undefined, 30_000],
  ])('%s seconds', (seconds, ms) => {
    expect(clearAfterMs(seconds, 30)).toBe(ms);
  });

  it('says so in words, for the locale', () => {
    expect(clearingNote(30_000, words, 'en-US')).toBe(words.clipboardClearedAfter('30 seconds'));
    expect(clearingNote(0, words, 'en-US')).toBe(words.clipboardClearedAtEnd);
  });
});
