import type { AgentStatus } from '@chatpay/core';

/** Every word the status chip shows. Integrators override any of them through the `messages` property. */
export interface StatusChipMessages {
  /** The chip's label for each status ("WAITING FOR CUSTOMER", "VIEW CARD"…). */
  readonly status: Readonly<Record<AgentStatus, string>>;
  /** Time left before the request expires (waiting) or the view window ends (card arrived). */
  readonly timeLeft: (time: string) => string;
  /** Said once as the last minute before the request expires begins. */
  readonly lastMinuteToPay: string;
  /** Said once as the last minute of the view window begins. */
  readonly lastMinuteToView: string;
  /** The chip's accessible name: its status, the amount formatted for the locale, and the whole reason. */
  readonly named: (status: string, amount: string, reason: string) => string;
  /** The Cancel request button. */
  readonly cancel: string;
  /** The question asked before cancelling. */
  readonly cancelQuestion: string;
  /** The answer that keeps the request. */
  readonly keep: string;
  /** The answer that cancels it. */
  readonly confirmCancel: string;
  /** Shown instead of VIEW CARD on a request another agent sent. */
  readonly observedCard: string;
  /** Next to a request another agent sent: this agent can only follow it. */
  readonly observed: string;
  /** The card viewer dialog's Close button. */
  readonly close: string;
  /** The card viewer dialog's title. */
  readonly viewerTitle: string;
  /** The badge on a request nobody vouched for (both sides run without key vouching). */
  readonly unverified: string;
  /** What the badge means, next to it. */
  readonly unverifiedDescription: string;
  /** Shown instead of VIEW CARD when the card has arrived but cannot be opened in this tab. */
  readonly cardNotOpened: string;
  /** Shown instead of VIEW CARD when the card was already opened on this device (it opens once). */
  readonly cardViewed: string;
  /** This agent's request whose keys are not in this browser. */
  readonly keysGone: string;
  /** Sends a fresh request for the same amount and reason. */
  readonly requestAgain: string;
  /** The fresh request could not be made. */
  readonly requestAgainFailed: string;
  /** Another tab of the same agent holds the request. */
  readonly otherTab: string;
  /** The card was opened on this device before the page was loaded. */
  readonly alreadyViewed: string;
  /** The Mark as Completed button. */
  readonly complete: string;
  /** Two different customer keys answered the request: its card is not opened. */
  readonly conflict: string;
  /** In the dialog, while the card viewer loads. */
  readonly viewerLoading: string;
  /** In the dialog, when the card viewer did not load. */
  readonly viewerFailed: string;
  /** The button that loads the card viewer again after it did not load. */
  readonly retryViewer: string;
}

/** The timeline's label for each status, in English: the words the chip shows for a request's phase. */
const STATUS_LABELS_EN: Readonly<Record<AgentStatus, string>> = {
  draft: 'DRAFT',
  confirming: 'CONFIRM REQUEST',
  sending: 'SENDING',
  'try-again': 'TRY AGAIN',
  'waiting-for-customer': 'WAITING FOR CUSTOMER',
  'view-card': 'VIEW CARD',
  completed: 'COMPLETED',
  'customer-declined': 'CUSTOMER DECLINED PAYMENT',
  'request-expired': 'REQUEST EXPIRED',
  'card-expired': 'VIEW TIME ENDED',
  'card-rejected': 'CARD UNREADABLE',
  cancelled: 'CANCELLED',
};

/** The status chip's words in English, the default. */
export const STATUS_CHIP_MESSAGES_EN: StatusChipMessages = {
  status: STATUS_LABELS_EN,
  timeLeft: (time) => `${time} left`,
  lastMinuteToPay: 'Less than a minute left for the customer to pay.',
  lastMinuteToView: 'Less than a minute left to view the card.',
  named: (status, amount, reason) => `${status}: ${amount}, ${reason}`,
  cancel: 'Cancel request',
  cancelQuestion: 'Cancel this request?',
  keep: 'Keep it',
  confirmCancel: 'Yes, cancel',
  observedCard: 'CARD SENT TO ANOTHER AGENT',
  observed: 'Sent by another agent: only that agent can act on it or view the card.',
  close: 'Close',
  viewerTitle: 'Card details',
  unverified: 'UNVERIFIED · development mode',
  unverifiedDescription:
    "Nobody vouched for this request's keys: key vouching is off, which is for development only. Never take a real card this way.",
  cardNotOpened: 'CARD ARRIVED',
  cardViewed: 'CARD VIEWED',
  keysGone:
    "Can't be opened here: this request was sent from another device, or this browser's storage was cleared. Send a new request for the same amount.",
  requestAgain: 'Send new request',
  requestAgainFailed: 'The new request could not be sent. Try again.',
  otherTab: 'Open in your other tab: another tab of yours holds this request.',
  alreadyViewed:
    'Card already viewed on this device: it opens only once. You can still mark the request as completed, or cancel it.',
  complete: 'Mark as Completed',
  conflict:
    'Two different customers answered this request, so its card is not opened. Cancel it and send a new request.',
  viewerLoading: 'Loading the card viewer…',
  viewerFailed: 'The card viewer did not load. Check your connection and try again.',
  retryViewer: 'Try again',
};
