import {
  formatMoney,
  type AgentRequest,
  type CardDetails,
  type Money,
  type PaymentRequestSnapshot,
  type Phase,
} from '@chatpay/core';
import { groupCardNumber, type CardDefinition } from '@chatpay/cards';
import { formatDuration, isLastMinute } from '../countdown.js';
import type { CardViewerMessages } from './card-viewer.messages.js';

/** A detail of the card, each with its own Copy button. */
export type CardField = 'number' | 'name' | 'expiry' | 'securityCode' | 'brand' | 'postalCode';

/** The details written left to right and kept on one line in every language. */
const DIGITS: ReadonlySet<CardField> = new Set(['number', 'expiry', 'securityCode']);

/** What the session said when the viewer asked it to open the card: another agent's, or it failed. */
export type OpenRefusal = 'not-yours' | 'failed';

/** What the session's refusal to open the card means for the viewer: another agent's card, or a failure. */
export function openRefusalOf(error: { readonly code: string }): OpenRefusal {
  return error.code === 'not-your-request' ? 'not-yours' : 'failed';
}

/** What the viewer needs to know of its request and of itself, read at each render. */
export interface ViewerState {
  /** The request's machine: what it allows now decides what the viewer offers. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can'>;
  readonly phase: Phase;
  readonly observed: boolean;
  /** What the request asks for (its terms, or its draft), or null before there is any. */
  readonly terms: { readonly amount: Money; readonly reason: string } | null;
  /** The opened card while the view window is open, else null: read from the session, never kept. */
  readonly card: CardDetails | null;
  readonly refused: OpenRefusal | null;
  /** The viewer is in the page and the agent's window focused (or the details may show while it is not). */
  readonly visible: boolean;
  /** Time left in the view window, in ms, or null when there is no countdown. */
  readonly left: number | null;
  readonly locale: string | undefined;
  /** Said last after a copy (or its failure); empty when there is nothing new. */
  readonly announcement: string;
  /** The field just copied ("Copied" next to it), or null. */
  readonly copiedField: CardField | null;
  /** The field whose value waits in the clipboard to be cleared, or null. */
  readonly inClipboard: CardField | null;
  /** The browser refused the last clearing of the clipboard. */
  readonly clipboardStuck: boolean;
  /** When a copied value leaves the clipboard, in words (see `clearingNote`). */
  readonly clearingNote: string;
  /** The integrator's extra card definitions, so their cards are grouped as printed. */
  readonly extraCards: readonly CardDefinition[];
}

/** One row of the card's details. `value` is what Copy writes: the number without its spaces. */
export interface CardRow {
  readonly field: CardField;
  readonly label: string;
  readonly shown: string;
  readonly value: string;
  /** Read left to right in every language (a number, an expiry, a code); otherwise in its own direction. */
  readonly digits: boolean;
  /** "Copied", just after a copy of this row; else ''. */
  readonly feedback: string;
  /** When this row's copied value leaves the clipboard, while it waits there; else null. */
  readonly clipboardNote: string | null;
}

/** What the viewer shows: the details, or a message in their place, and what it offers and says. */
export interface ViewerView {
  /** What to charge, next to the card: the amount for the locale and the reason as typed (shown as text). */
  readonly charge: {
    readonly amountLabel: string;
    readonly amount: string;
    readonly reasonLabel: string;
    readonly reason: string;
  } | null;
  /** The countdown to the end of the view window ("Visible for 9:59"), or null. */
  readonly timeLeft: string | null;
  /** The countdown is in its last minute: drawn as urgent. */
  readonly urgent: boolean;
  /** The details to show, or null when a message stands in their place. */
  readonly rows: readonly CardRow[] | null;
  readonly message: { readonly text: string; readonly error: boolean; readonly alert: boolean } | null;
  readonly actions: readonly ('complete' | 'cancel')[];
  /** The browser refused to clear the clipboard: said as an alert, with a Clear the clipboard button. */
  readonly clipboardStuck: boolean;
  /** What the polite live region says: the last copy, else the last-minute warning. */
  readonly announced: string;
}

/** What the viewer itself knows besides its request: the session's refusal, its window, copies and the clipboard. */
export interface ViewerOwn {
  readonly refused: OpenRefusal | null;
  readonly visible: boolean;
  readonly left: number | null;
  readonly locale: string | undefined;
  readonly feedback: { readonly field: CardField | null; readonly announcement: string };
  readonly clipboard: { readonly field: CardField | null; readonly stuck: boolean };
  readonly clearingNote: string;
  readonly extraCards: readonly CardDefinition[];
}

/** Reads what the viewer needs from `request` now, and from what the element itself knows. */
export function viewerStateOf(request: AgentRequest, own: ViewerOwn): ViewerState {
  const { phase } = request.timeline();
  const snapshot = request.actor.getSnapshot();
  const { terms, draft } = snapshot.context;
  const asked = terms ?? draft;
  return {
    snapshot,
    phase,
    observed: request.observed,
    terms: asked && { amount: asked.amount, reason: asked.reason },
    card: request.card(),
    refused: own.refused,
    visible: own.visible,
    left: own.left,
    locale: own.locale,
    announcement: own.feedback.announcement,
    copiedField: own.feedback.field,
    inClipboard: own.clipboard.field,
    clipboardStuck: own.clipboard.stuck,
    clearingNote: own.clearingNote,
    extraCards: own.extraCards,
  };
}

/** Whether the viewer counts down: a card of this agent's in its view window. */
export function isCounting(phase: Phase, observed: boolean): boolean {
  return phase === 'cardViewing' && !observed;
}

/** The rows of the open card in `state`, in `words`: the number grouped as printed on the card, the brand by name. */
export function cardRows(card: CardDetails, state: ViewerState, words: CardViewerMessages): readonly CardRow[] {
  const row = (field: CardField, label: string, shown: string, value = shown): CardRow => ({
    field,
    label,
    shown,
    value,
    digits: DIGITS.has(field),
    feedback: state.copiedField === field ? words.copied : '',
    clipboardNote: state.inClipboard === field && !state.clipboardStuck ? state.clearingNote : null,
  });
  return [
    row('number', words.number, groupCardNumber(card.number, card.brand, state.extraCards), card.number),
    row('name', words.name, card.name),
    row('expiry', words.expiry, card.expiry),
    row('securityCode', words.securityCode, card.securityCode),
    row('brand', words.brand, words.brandName(card.brand)),
    ...(card.postalCode ? [row('postalCode', words.postalCode, card.postalCode)] : []),
  ];
}

/** The message for `state` where no details are shown, or null when the card is open. */
function messageOf(state: ViewerState, words: CardViewerMessages): ViewerView['message'] {
  const plain = (text: string) => ({ text, error: false, alert: false });
  const { phase } = state;
  if (state.observed || state.refused === 'not-yours') return plain(words.notYours);
  if (state.refused === 'failed' && phase !== 'cardViewing' && phase !== 'cardRejected') {
    return { text: words.openFailed, error: true, alert: true };
  }
  switch (phase) {
    case 'cardViewing':
      if (!state.card) return plain(words.ended);
      return state.visible ? null : plain(words.hidden);
    case 'cardSubmitted':
    case 'opening':
      return plain(words.opening);
    case 'completed':
      return plain(words.completed);
    case 'cardExpired':
      return plain(words.expired);
    case 'cancelled':
      return plain(words.cancelled);
    case 'cardRejected':
      return { text: words.unreadable, error: true, alert: false };
    case 'declined':
    case 'requestExpired':
      return plain(words.ended);
    default:
      return plain(words.notYet);
  }
}

/**
 * What the viewer shows for `state`, in `words`. Mark as Completed and Cancel request are offered with
 * an open card, each while the request's machine allows it.
 */
export function connectCardViewer(state: ViewerState, words: CardViewerMessages): ViewerView {
  const message = messageOf(state, words);
  const mine = !state.observed && state.refused !== 'not-yours';
  const card = mine && state.phase === 'cardViewing' ? state.card : null;
  const actions: ('complete' | 'cancel')[] = [];
  if (card && state.snapshot.can({ type: 'request.complete' })) actions.push('complete');
  if (card && state.snapshot.can({ type: 'request.cancel' })) actions.push('cancel');
  const urgent = isLastMinute(state.left);
  const warning = urgent ? words.lastMinute : '';
  const { terms } = state;
  return {
    charge: terms && {
      amountLabel: words.chargeAmount,
      amount: formatMoney(terms.amount, state.locale),
      reasonLabel: words.chargeReason,
      reason: terms.reason,
    },
    timeLeft: state.left === null ? null : words.visibleFor(formatDuration(state.left, state.locale)),
    urgent,
    rows: card && state.visible ? cardRows(card, state, words) : null,
    clipboardStuck: state.clipboardStuck,
    message,
    actions,
    announced: state.announcement || warning,
  };
}

/**
 * The clipboard is cleared this many ms after a copy (0: only when the card closes); a value that is
 * not a number of seconds of 0 or more counts as the viewer's default, `fallbackSeconds`.
 */
export function clearAfterMs(seconds: unknown, fallbackSeconds: number): number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : fallbackSeconds * 1000;
}

/** When a copied value leaves the clipboard, in `words` ("Cleared from the clipboard in 30 seconds."). */
export function clearingNote(afterMs: number, words: CardViewerMessages, locale: string | undefined): string {
  if (afterMs === 0) return words.clipboardClearedAtEnd;
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  return words.clipboardClearedAfter(seconds.format(afterMs / 1000));
}
