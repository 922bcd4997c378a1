/** Where the offer is: hidden, offered, asking the agent, the agent asked, or the ask failed. */
export type OfferStage = 'hidden' | 'offered' | 'asking' | 'asked' | 'ask-failed';

/** Where the focus goes after the offer's content changed under it. */
export type OfferFocus =
  /** The status line, after an ask was answered. */
  | 'status'
  /** Back to the chat box, after the offer was dismissed or closed. */
  | 'field';

/** What the offer remembers between renders. Nothing of the card: only that one was masked. */
export interface OfferMemory {
  readonly stage: OfferStage;
  /** Taken by the element after the next render, which then reports `focused`. */
  readonly focus: OfferFocus | null;
}

export const OFFER_HIDDEN: OfferMemory = Object.freeze({ stage: 'hidden', focus: null });

/** What happened to the offer. */
export type OfferEvent =
  /** The masker masked a card in the chat box. */
  | { readonly type: 'card-masked' }
  /** No, thanks, Close or Escape. */
  | { readonly type: 'dismissed' }
  /** The customer asked for the secure form: the ask is on its way. */
  | { readonly type: 'ask-sent' }
  /** The ask reached the transport (or the agent had just been asked), or it failed. */
  | { readonly type: 'ask-answered'; readonly delivered: boolean }
  /** The waiting request's card form was opened: the offer's work is done. */
  | { readonly type: 'form-opened' }
  | { readonly type: 'focused' };

/** The offer's memory after `event`. */
export function nextOfferMemory(memory: OfferMemory, event: OfferEvent): OfferMemory {
  switch (event.type) {
    case 'card-masked':
      // While an ask is on its way, another card changes nothing.
      return memory.stage === 'asking' || memory.stage === 'offered' ? memory : { stage: 'offered', focus: null };
    case 'dismissed':
      return memory.stage === 'hidden' ? memory : { stage: 'hidden', focus: 'field' };
    case 'ask-sent':
      return { stage: 'asking', focus: null };
    case 'ask-answered':
      return memory.stage === 'asking' ? { stage: event.delivered ? 'asked' : 'ask-failed', focus: 'status' } : memory;
    case 'form-opened':
      return OFFER_HIDDEN;
    case 'focused':
      return memory.focus === null ? memory : { ...memory, focus: null };
  }
}
