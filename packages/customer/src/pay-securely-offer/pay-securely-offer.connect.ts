import type { OfferStage } from './pay-securely-offer.memory.js';
import type { PaySecurelyOfferMessages } from './pay-securely-offer.messages.js';

/** What the offer's view is computed from: its stage, and whether a payment request waits for the customer. */
export interface OfferState {
  readonly stage: OfferStage;
  /** A request waits for Enter Payment (`CustomerSession.waitingRequest()`). */
  readonly waiting: boolean;
}

export type OfferActionId = 'open' | 'ask' | 'dismiss';

export interface OfferActionView {
  readonly id: OfferActionId;
  readonly label: string;
  readonly primary: boolean;
}

/** What the offer shows, offers and announces. */
export interface OfferView {
  readonly visible: boolean;
  readonly title: string;
  /** The sentence under the title: why, or where the ask is. */
  readonly text: string;
  /** What the live region says: the title when the offer appears, then each step of an ask. */
  readonly announced: string;
  readonly busy: boolean;
  readonly actions: readonly OfferActionView[];
}

/**
 * What "Pay securely instead?" shows for `state`: accept opens the waiting request's card form when
 * one waits, else asks the agent for one; a request that arrives while the offer is up turns it into
 * an offer to open that request. It carries nothing of the card: the masker hid it, and the offer only
 * knows that one was hidden.
 */
export function connectPaySecurelyOffer(state: OfferState, words: PaySecurelyOfferMessages): OfferView {
  const dismiss = { id: 'dismiss', label: words.dismiss, primary: false } as const;
  const base = { visible: true, title: words.title, busy: false };
  if (state.stage === 'hidden') {
    return { ...base, visible: false, text: '', announced: '', actions: [] };
  }
  if (state.waiting && state.stage !== 'asking') {
    return {
      ...base,
      text: words.explanation,
      announced: words.title,
      actions: [{ id: 'open', label: words.openForm, primary: true }, dismiss],
    };
  }
  switch (state.stage) {
    case 'offered':
      return {
        ...base,
        text: words.explanation,
        announced: words.title,
        actions: [{ id: 'ask', label: words.askForForm, primary: true }, dismiss],
      };
    case 'asking':
      return { ...base, text: words.asking, announced: words.asking, busy: true, actions: [] };
    case 'asked':
      return { ...base, text: words.asked, announced: words.asked, actions: [{ ...dismiss, label: words.close }] };
    case 'ask-failed':
      return {
        ...base,
        text: words.askFailed,
        announced: words.askFailed,
        actions: [{ id: 'ask', label: words.tryAgain, primary: true }, dismiss],
      };
  }
}
