import type { AgentRequest, AgentStatus, TimelineView } from '@chatpay/core';
import type { StatusChipMessages } from './status-chip.messages.js';

/** What the chip needs to know of a request, read from it at each render. */
export interface ChipState {
  readonly view: TimelineView<AgentStatus>;
  /** Another agent's request: followed, never acted on. */
  readonly observed: boolean;
  /** Back at the confirmation after Send: its keys could not be made, or the integrator's server did not vouch for them. */
  readonly notPrepared: boolean;
  /** Whether Mark as Completed is allowed now (a card already viewed on this device). */
  readonly canComplete: boolean;
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
  /** What the polite live region says when it changes: the label, then the note. */
  readonly announced: string;
}

const PROBLEMS: ReadonlySet<AgentStatus> = new Set(['try-again', 'card-rejected']);

/** Reads what the chip needs from `request` now. */
export function chipStateOf(request: AgentRequest): ChipState {
  const snapshot = request.actor.getSnapshot();
  const view = request.timeline();
  return {
    view,
    observed: request.observed,
    notPrepared: view.phase === 'confirming' && snapshot.context.failure !== null,
    canComplete: view.keys === 'opened' && snapshot.can({ type: 'request.complete' }),
  };
}

/**
 * What the chip shows and offers for `state`, in `words`. Only this agent's request whose keys are in
 * this tab offers VIEW CARD; one whose keys are elsewhere says where, and offers only what can be
 * done from here.
 */
export function connectStatusChip(state: ChipState, words: StatusChipMessages): ChipView {
  const { view, observed, notPrepared, canComplete } = state;
  const { status, keys, conflict, settled } = view;
  const openable = !observed && keys === 'here' && !conflict;
  const badge =
    view.trust === 'unverified' ? { text: words.unverified, description: words.unverifiedDescription } : null;

  let label = words.status[status];
  if (status === 'view-card' && !openable) {
    label = observed ? words.observedCard : keys === 'opened' && !conflict ? words.cardViewed : words.cardNotOpened;
  }
  let labelAction: ChipView['labelAction'] = null;
  if (openable && status === 'view-card') labelAction = 'view-card';
  if (openable && status === 'try-again') labelAction = 'retry';
  if (!observed && notPrepared) {
    label = words.status['try-again'];
    labelAction = 'send';
  }

  let note: ChipView['note'] = null;
  const actions: ChipAction[] = [];
  if (observed) {
    note = { text: words.observed, warning: false };
  } else if (!settled && keys === 'gone') {
    note = { text: words.keysGone, warning: false };
    actions.push('request-again');
  } else if (!settled && keys === 'other-tab') {
    note = { text: words.otherTab, warning: false };
  } else if (!settled && conflict) {
    note = { text: words.conflict, warning: true };
    actions.push('cancel');
  } else if (!settled && keys === 'opened' && status === 'view-card') {
    note = { text: words.alreadyViewed, warning: false };
    if (canComplete) actions.push('complete');
    actions.push('cancel');
  } else if (!settled && (status === 'waiting-for-customer' || status === 'try-again' || notPrepared)) {
    actions.push('cancel');
  } else if (settled && conflict && status !== 'completed') {
    // Cancelled as the warning said: the new request is one step away.
    actions.push('request-again');
  }

  const announced = note ? `${label}. ${note.text}` : label;
  return {
    label,
    labelAction,
    problem: PROBLEMS.has(status) || notPrepared || (note?.warning ?? false),
    badge,
    note,
    actions,
    announced,
  };
}
