import { AGENT_STATUS_LABELS, type AgentStatus } from '@chatpay/core';

/** Every word the status chip shows. Integrators override any of them through the `messages` property. */
export interface StatusChipMessages {
  readonly status: Readonly<Record<AgentStatus, string>>;
  /** Time left before the request expires (waiting) or the view window ends (card arrived). */
  readonly timeLeft: (time: string) => string;
  readonly cancel: string;
  readonly cancelQuestion: string;
  readonly keep: string;
  readonly confirmCancel: string;
  /** Shown instead of VIEW CARD on a request another agent sent. */
  readonly observedCard: string;
  readonly observed: string;
  readonly close: string;
  readonly viewerTitle: string;
}

export const STATUS_CHIP_MESSAGES_EN: StatusChipMessages = {
  status: AGENT_STATUS_LABELS,
  timeLeft: (time) => `${time} left`,
  cancel: 'Cancel request',
  cancelQuestion: 'Cancel this request?',
  keep: 'Keep it',
  confirmCancel: 'Yes, cancel',
  observedCard: 'CARD SENT TO ANOTHER AGENT',
  observed: 'Sent by another agent: only that agent can act on it or view the card.',
  close: 'Close',
  viewerTitle: 'Card details',
};
