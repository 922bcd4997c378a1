import {
  formatMoney,
  type AgentRequest,
  type AgentStatus,
  type PaymentRequestSnapshot,
  type TimelineView,
} from '@chatpay/core';
import { formatDuration, isLastMinute } from '../countdown.js';
import type { StatusChipMessages } from './status-chip.messages.js';

/** What the chip needs to know of a request, read from it at each render. */
export interface ChipState {
  /** The request's machine: what it allows now decides what the chip offers. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can' | 'context'>;
  readonly view: TimelineView<AgentStatus>;
  /** Another agent's request: followed, never acted on. */
  readonly observed: boolean;
  /** Time left on the running deadline, in ms, or null (or absent) when none runs. */
  readonly left?: number | null;
  /** The locale the amount and the countdown are written for. Default: the runtime's. */
  readonly locale?: string | undefined;
  /** The card viewer's dialog is open (VIEW CARD was chosen). Default: closed. */
  readonly viewerOpen?: boolean;
  /** `<chatpay-card-viewer>` is defined already (loaded, or prefetched): it is drawn with no wait. Default: not. */
  readonly viewerLoaded?: boolean;
}

/** What the chip itself remembers of its request between renders. A new request starts from `CHIP_FRESH`. */
export interface ChipMemory {
  /** Cancel request was pressed: the chip asks whether to cancel. */
  readonly askingCancel: boolean;
  /** Send new request was refused by the session. */
  readonly requestAgainFailed: boolean;
  /** A new request was sent in place of this one (the host kept the chip here): it is not offered twice. */
  readonly sentAgain: boolean;
  /** The agent pressed the terms: the whole reason stays shown, not cut to one line. */
  readonly reasonOpen: boolean;
  /**
   * Where loading the card viewer stands, once the open dialog needed it: `idle` before (a prefetch is
   * silent, and shows nowhere), then `loading`, and `loaded` or `failed`.
   */
  readonly viewerLoad: 'idle' | 'loading' | 'loaded' | 'failed';
}

export const CHIP_FRESH: ChipMemory = {
  askingCancel: false,
  requestAgainFailed: false,
  sentAgain: false,
  reasonOpen: false,
  viewerLoad: 'idle',
};

/**
 * What happened to the chip's memory: the agent asked or answered, Send new request failed or went,
 * the agent pressed the terms to show or cut the reason, or the card viewer the open dialog needs
 * began to load, loaded, failed to load, or is to be loaded again (Try again).
 */
export type ChipMemoryEvent =
  | 'ask-cancel'
  | 'keep'
  | 'acted'
  | 'request-again-failed'
  | 'sent-again'
  | 'toggle-reason'
  | 'viewer-loading'
  | 'viewer-loaded'
  | 'viewer-failed'
  | 'viewer-retried';

/** The chip's memory after `event`. Acting (cancel, complete) ends the question. */
export function nextChipMemory(memory: ChipMemory, event: ChipMemoryEvent): ChipMemory {
  switch (event) {
    case 'ask-cancel':
      return { ...memory, askingCancel: true };
    case 'keep':
    case 'acted':
      return { ...memory, askingCancel: false };
    case 'request-again-failed':
      return { ...memory, requestAgainFailed: true };
    case 'sent-again':
      return { ...memory, sentAgain: true };
    case 'toggle-reason':
      return { ...memory, reasonOpen: !memory.reasonOpen };
    case 'viewer-loading':
      return { ...memory, viewerLoad: 'loading' };
    case 'viewer-loaded':
      return { ...memory, viewerLoad: 'loaded' };
    case 'viewer-failed':
      return { ...memory, viewerLoad: 'failed' };
    case 'viewer-retried':
      return { ...memory, viewerLoad: 'idle' };
  }
}

/** The chip's own actions besides its label: each a button. */
export type ChipAction = 'complete' | 'cancel' | 'request-again';

/** What the chip shows for a request: the element maps it to a template and forwards clicks to the request. */
export interface ChipView {
  readonly label: string;
  /** The label is itself a button: VIEW CARD, TRY AGAIN (a failed send), or TRY AGAIN (a send that was never made ready). */
  readonly labelAction: 'view-card' | 'retry' | 'send' | null;
  /** The label is drawn as a problem. */
  readonly problem: boolean;
  /** The UNVERIFIED badge and what it means, on a request nobody vouched for. */
  readonly badge: { readonly text: string; readonly description: string } | null;
  /** A sentence saying why the card cannot be opened here, or what else to do; `warning` draws it as one. */
  readonly note: { readonly text: string; readonly warning: boolean } | null;
  readonly actions: readonly ChipAction[];
  /** Cancel request was pressed and can still be done: Keep it and Yes, cancel are shown in its place. */
  readonly askingCancel: boolean;
  /** Said as an alert: Send new request was refused. */
  readonly failure: string | null;
  /**
   * What the request asks for, once it has terms (or a draft being confirmed): the amount formatted
   * for the locale and the reason as typed (shown as text, cut to one line unless `open`).
   */
  readonly terms: { readonly amount: string; readonly reason: string; readonly open: boolean } | null;
  /** The countdown ("9:59 left"), or null when no deadline runs. */
  readonly timeLeft: string | null;
  /** The countdown is in its last minute: drawn as urgent, and said once in the live region. */
  readonly urgent: boolean;
  /** The chip's accessible name: the status, then the amount and the whole reason. */
  readonly name: string;
  /** What the polite live region says when it changes: the label, then the note, then the last-minute warning. */
  readonly announced: string;
  /**
   * What the open dialog shows: the card viewer (`ready`), or, until it is defined, that it is
   * `loading` or that it `failed` to load (with Try again); null while the dialog is closed.
   */
  readonly viewer: 'ready' | 'loading' | 'failed' | null;
  /** What the dialog says in the card viewer's place while it loads or after it failed to, else null. */
  readonly viewerLoadText: string | null;
  /** The dialog is open, the viewer is not defined, and no load is under way: the element starts one. */
  readonly loadViewer: boolean;
  /** Worth loading the card viewer ahead (on idle, on pointer or focus over VIEW CARD): it may be opened. */
  readonly prefetchViewer: boolean;
}

const PROBLEMS: ReadonlySet<AgentStatus> = new Set(['try-again', 'card-rejected']);

/** Reads what the chip needs from `request` now, with the countdown's time left and the element's locale. */
export function chipStateOf(
  request: AgentRequest,
  own: Pick<ChipState, 'left' | 'locale' | 'viewerOpen' | 'viewerLoaded'> = {},
): ChipState {
  return {
    snapshot: request.actor.getSnapshot(),
    view: request.timeline(),
    observed: request.observed,
    ...own,
  };
}

/**
 * What the chip shows and offers for `state`, in `words`. Every action is offered only when the
 * request's machine allows it now (`snapshot.can`), and only on this agent's request whose keys are in
 * this tab: another agent's request, or one whose keys are elsewhere, says so instead. VIEW CARD is
 * offered only where the card can be opened.
 */
export function connectStatusChip(
  state: ChipState,
  words: StatusChipMessages,
  memory: ChipMemory = CHIP_FRESH,
): ChipView {
  const { snapshot, view, observed } = state;
  const { status, keys, conflict, settled } = view;
  const can = (type: 'request.cancel' | 'request.complete' | 'request.retry' | 'request.send') =>
    snapshot.can({ type });
  const actsHere = !observed && keys !== 'gone' && keys !== 'other-tab';
  const openable = actsHere && keys === 'here' && !conflict;
  // Back at the confirmation after Send: its keys could not be made, or the server did not vouch for them.
  const notPrepared = actsHere && can('request.send') && snapshot.context.failure !== null;
  const badge =
    view.trust === 'unverified' ? { text: words.unverified, description: words.unverifiedDescription } : null;

  let label = words.status[status];
  if (status === 'view-card' && !openable) {
    label = observed ? words.observedCard : keys === 'opened' && !conflict ? words.cardViewed : words.cardNotOpened;
  }
  let labelAction: ChipView['labelAction'] = null;
  if (openable && status === 'view-card') labelAction = 'view-card';
  if (openable && can('request.retry')) labelAction = 'retry';
  if (notPrepared) {
    label = words.status['try-again'];
    labelAction = 'send';
  }

  let note: ChipView['note'] = null;
  if (observed) note = { text: words.observed, warning: false };
  else if (!settled && keys === 'gone') note = { text: words.keysGone, warning: false };
  else if (!settled && keys === 'other-tab') note = { text: words.otherTab, warning: false };
  else if (!settled && conflict) note = { text: words.conflict, warning: true };
  else if (!settled && keys === 'opened' && status === 'view-card')
    note = { text: words.alreadyViewed, warning: false };

  const actions: ChipAction[] = [];
  // A card opened on this device before a reload: it can still be marked as completed.
  if (actsHere && keys === 'opened' && can('request.complete')) actions.push('complete');
  if (actsHere && can('request.cancel')) actions.push('cancel');
  // Keys not here: the same terms, one step away. Cancelled after two customers answered: likewise.
  const againOffered = !observed && ((!settled && keys === 'gone') || (settled && conflict && status !== 'completed'));
  if (againOffered && !memory.sentAgain) actions.push('request-again');

  const said = note ? `${label}. ${note.text}` : label;
  const { left = null, locale } = state;
  const urgent = isLastMinute(left);
  const lastMinute = status === 'view-card' ? words.lastMinuteToView : words.lastMinuteToPay;
  // A note ends its own sentence; a label does not.
  const announced = !urgent ? said : note ? `${said} ${lastMinute}` : `${said}. ${lastMinute}`;
  const asked = snapshot.context.terms ?? snapshot.context.draft;
  const terms = asked
    ? { amount: formatMoney(asked.amount, locale), reason: asked.reason, open: memory.reasonOpen }
    : null;
  const viewerReady = (state.viewerLoaded ?? false) || memory.viewerLoad === 'loaded';
  const viewerOpen = state.viewerOpen ?? false;
  const viewer = !viewerOpen ? null : viewerReady ? 'ready' : memory.viewerLoad === 'failed' ? 'failed' : 'loading';
  return {
    label,
    labelAction,
    problem: PROBLEMS.has(status) || notPrepared || (note?.warning ?? false),
    badge,
    note,
    actions,
    askingCancel: memory.askingCancel && actions.includes('cancel'),
    failure: memory.requestAgainFailed ? words.requestAgainFailed : null,
    terms,
    timeLeft: left === null ? null : words.timeLeft(formatDuration(left, locale)),
    urgent,
    name: terms ? words.named(label, terms.amount, terms.reason) : label,
    announced,
    viewer,
    viewerLoadText: viewer === 'loading' ? words.viewerLoading : viewer === 'failed' ? words.viewerFailed : null,
    loadViewer: viewerOpen && !viewerReady && memory.viewerLoad === 'idle',
    prefetchViewer: labelAction === 'view-card' && !viewerReady,
  };
}
