/** What `chatpay-view-card` carries. */
export interface ViewCardDetail {
  /** The request whose card to view. */
  readonly requestId: string;
  /** The conversation it is in. */
  readonly conversationId: string;
}

/** What `chatpay-request-replaced` carries. */
export interface RequestReplacedDetail {
  /** The new request, sent in place of the old one. */
  readonly requestId: string;
  /** The conversation both are in. */
  readonly conversationId: string;
  /** The request it replaces (the customer's chat ends that one as replaced). */
  readonly replacedRequestId: string;
}

/** VIEW CARD was chosen: a listener that shows the card its own way calls `preventDefault()`. */
export function viewCardEvent(detail: ViewCardDetail): CustomEvent<ViewCardDetail> {
  return new CustomEvent('chatpay-view-card', { detail, bubbles: true, composed: true, cancelable: true });
}

/** Send new request sent a new request: a listener that gives it a chip of its own calls `preventDefault()`. */
export function requestReplacedEvent(detail: RequestReplacedDetail): CustomEvent<RequestReplacedDetail> {
  return new CustomEvent('chatpay-request-replaced', { detail, bubbles: true, composed: true, cancelable: true });
}

declare global {
  interface HTMLElementEventMap {
    'chatpay-view-card': CustomEvent<ViewCardDetail>;
  }
  // Bubbles out of the chip to the document: typed for every listener, not only the chip's.
  interface GlobalEventHandlersEventMap {
    'chatpay-request-replaced': CustomEvent<RequestReplacedDetail>;
  }
}
