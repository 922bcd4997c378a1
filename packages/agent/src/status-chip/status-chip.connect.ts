import type { AgentRequest, AgentStatus, PaymentRequestSnapshot, TimelineView } from '@chatpay/core';
import type { StatusChipMessages } from './status-chip.messages.js';

/** What the chip needs to know of a request, read from it at each render. */
export interface ChipState {
  /** The request's machine: what it allows now decides what the chip offers. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can' | 'context'>;
  readonly view: TimelineView<AgentStatus>;
  /** Another agent's request: followed, never acted on. */
  readonly observed: boolean;
}

/** What the chip itself remembers of its request between renders. A new request starts from `CHIP_FRESH`. */
export interface ChipMemory {
  /** Cancel request was pressed: the chip asks whether to cancel. */
  readonly askingCancel: boolean;
  /** Send new request was refused by the session. */
  readonly requestAgainFailed: boolean;
  /** A new request was sent in place of this one (the host kept the chip here): it is not offered twice. */
  readonly sentAgain: boolean;
}

export const CHIP_FRESH: ChipMemory = { askingCancel: false, requestAgainFailed: false, sentAgain: false };

/** What happened to the chip's memory: the agent asked or answered, or Send new request failed or went. */
export type ChipMemoryEvent = 'ask-cancel' | 'keep' | 'acted' | 'request-again-failed' | 'sent-again';

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
  /** What the polite live region says when it changes: the label, then the note. */
  readonly announced: string;
}

const PROBLEMS: ReadonlySet<AgentStatus> = new Set(['try-again', 'card-rejected']);

/** Reads what the chip needs from `request` now. */
export function chipStateOf(request: AgentRequest): ChipState {
  return { snapshot: request.actor.getSnapshot(), view: request.timeline(), observed: request.observed };
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

  const announced = note ? `${label}. ${note.text}` : label;
  return {
    label,
    labelAction,
    problem: PROBLEMS.has(status) || notPrepared || (note?.warning ?? false),
    badge,
    note,
    actions,
    askingCancel: memory.askingCancel && actions.includes('cancel'),
    failure: memory.requestAgainFailed ? words.requestAgainFailed : null,
    announced,
  };
}
