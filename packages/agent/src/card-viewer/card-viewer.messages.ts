/** Every word the card viewer shows. Integrators override any of them through the `messages` property. */
export interface CardViewerMessages {
  readonly title: string;
  /** The label of the amount the request asks for, shown next to the card. */
  readonly chargeAmount: string;
  /** The label of the reason for the charge, shown next to the card. */
  readonly chargeReason: string;
  readonly number: string;
  readonly name: string;
  readonly expiry: string;
  readonly securityCode: string;
  readonly brand: string;
  readonly postalCode: string;
  /** The copy button's accessible name, for the field labelled `field`. */
  readonly copy: (field: string) => string;
  readonly copyButton: string;
  readonly copied: string;
  /** Announced after a copy. */
  readonly copiedField: (field: string) => string;
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
  readonly lastMinute: string;
  readonly complete: string;
  readonly cancel: string;
  readonly opening: string;
  readonly hidden: string;
  readonly notYet: string;
  readonly completed: string;
  readonly expired: string;
  readonly cancelled: string;
  readonly ended: string;
  readonly notYours: string;
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
