/** Every word the card viewer shows. Integrators override any of them through the `messages` property. */
export interface CardViewerMessages {
  /** The viewer's heading ("Card details"). */
  readonly title: string;
  /** The label of the amount the request asks for, shown next to the card. */
  readonly chargeAmount: string;
  /** The label of the reason for the charge, shown next to the card. */
  readonly chargeReason: string;
  /** The card number's label. */
  readonly number: string;
  /** The name on card's label. */
  readonly name: string;
  /** The expiry date's label. */
  readonly expiry: string;
  /** The security code's label. */
  readonly securityCode: string;
  /** The card brand's label ("Card type"). */
  readonly brand: string;
  /** The postal code's label. */
  readonly postalCode: string;
  /** The copy button's accessible name, for the field labelled `field`. */
  readonly copy: (field: string) => string;
  /** The copy buttons' visible text. */
  readonly copyButton: string;
  /** A copy button's text just after it copied. */
  readonly copied: string;
  /** Announced after a copy. */
  readonly copiedField: (field: string) => string;
  /** Shown when the browser refused to copy. */
  readonly copyFailed: string;
  /** Next to a copied value: when it leaves the clipboard, `duration` formatted for the locale ("30 seconds"). */
  readonly clipboardClearedAfter: (duration: string) => string;
  /** The same, when the viewer waits for the card to close (`clipboard-clear-after` 0). */
  readonly clipboardClearedAtEnd: string;
  /** The browser refused to clear the clipboard by itself. */
  readonly clipboardNotCleared: string;
  /** The button that clears it, a press the browser allows. */
  readonly clearClipboard: string;
  /** The countdown to the end of the view window. */
  readonly visibleFor: (time: string) => string;
  /** Announced when less than a minute of the view window is left. */
  readonly lastMinute: string;
  /** The Mark as Completed button. */
  readonly complete: string;
  /** The Cancel request button. */
  readonly cancel: string;
  /** Shown while the card is being opened. */
  readonly opening: string;
  /** Shown instead of the card while the window is in the background. */
  readonly hidden: string;
  /** Shown when no card has arrived for the request. */
  readonly notYet: string;
  /** Shown once the request is completed (the card is gone). */
  readonly completed: string;
  /** Shown once the view window has ended (the card is gone). */
  readonly expired: string;
  /** Shown once the request is cancelled (the card is gone). */
  readonly cancelled: string;
  /** Shown for a request that ended otherwise. */
  readonly ended: string;
  /** Shown for another agent's request: only that agent can view its card. */
  readonly notYours: string;
  /** Shown when the card could not be opened here and was refused. */
  readonly unreadable: string;
  /** The session could not open the card (it was closed, or the request moved on meanwhile). */
  readonly openFailed: string;
  /** A brand's name, from its id (`visa`, `american-express`…); unknown ids are shown as they are. */
  readonly brandName: (brand: string) => string;
}

const BRAND_NAMES: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  'american-express': 'American Express',
  'diners-club': 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
  mir: 'Mir',
  elo: 'Elo',
  hiper: 'Hiper',
  hipercard: 'Hipercard',
  verve: 'Verve',
};

/** The card viewer's words in English, the default. */
export const CARD_VIEWER_MESSAGES_EN: CardViewerMessages = {
  title: 'Card details',
  chargeAmount: 'Amount to charge',
  chargeReason: 'Reason for charge',
  number: 'Card number',
  name: 'Name on card',
  expiry: 'Expiry',
  securityCode: 'Security code',
  brand: 'Card type',
  postalCode: 'Postal code',
  copy: (field) => `Copy ${field.toLowerCase()}`,
  copyButton: 'Copy',
  copied: 'Copied',
  copiedField: (field) => `${field} copied.`,
  copyFailed: 'Could not copy: select the text and copy it by hand.',
  clipboardClearedAfter: (duration) => `Cleared from the clipboard in ${duration}.`,
  clipboardClearedAtEnd: 'Cleared from the clipboard when the card closes.',
  clipboardNotCleared: 'The browser did not allow the card detail to be cleared from the clipboard automatically.',
  clearClipboard: 'Clear the clipboard',
  visibleFor: (time) => `Visible for ${time}`,
  lastMinute: 'Less than a minute left to view the card.',
  complete: 'Mark as Completed',
  cancel: 'Cancel request',
  opening: 'Opening the card…',
  hidden: 'Hidden while this window is in the background. Come back to it to see the card.',
  notYet: 'No card has arrived for this request.',
  completed: 'Completed. The customer sees Payment Accepted. The card details are gone.',
  expired: 'The view window ended and the card details are gone. Send a new request to collect the card again.',
  cancelled: 'The request was cancelled. The card details are gone.',
  ended: 'This request has ended.',
  notYours: 'Another agent sent this request: only that agent can view the card.',
  unreadable: 'The card could not be opened here, so it was refused. Send a new request.',
  openFailed: 'The card could not be opened. If the request is still open, close this and try View Card again.',
  brandName: (brand) => BRAND_NAMES[brand] ?? brand,
};
