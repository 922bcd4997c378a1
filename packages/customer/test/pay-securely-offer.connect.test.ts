import { describe, expect, it } from 'vitest';
import { connectPaySecurelyOffer, type OfferState } from '../src/pay-securely-offer/pay-securely-offer.connect.js';
import {
  nextOfferMemory,
  OFFER_HIDDEN,
  type OfferEvent,
  type OfferMemory,
  type OfferStage,
} from '../src/pay-securely-offer/pay-securely-offer.memory.js';
import { PAY_SECURELY_OFFER_MESSAGES_EN as EN } from '../src/pay-securely-offer/pay-securely-offer.messages.js';
import { CUSTOMER_MESSAGES_AR } from '../src/locales/ar.js';
import { CUSTOMER_MESSAGES_DE } from '../src/locales/de.js';
import { CUSTOMER_MESSAGES_ES } from '../src/locales/es.js';
import { CUSTOMER_MESSAGES_FR } from '../src/locales/fr.js';

const rows: readonly {
  state: OfferState;
  visible: boolean;
  text: string;
  announced: string;
  actions: readonly string[];
  busy?: boolean;
}[] = [
  { state: { stage: 'hidden', waiting: false }, visible: false, text: '', announced: '', actions: [] },
  { state: { stage: 'hidden', waiting: true }, visible: false, text: '', announced: '', actions: [] },
  {
    state: { stage: 'offered', waiting: true },
    visible: true,
    text: EN.explanation,
    announced: EN.title,
    actions: [`open:${EN.openForm}`, `dismiss:${EN.dismiss}`],
  },
  {
    state: { stage: 'offered', waiting: false },
    visible: true,
    text: EN.explanation,
    announced: EN.title,
    actions: [`ask:${EN.askForForm}`, `dismiss:${EN.dismiss}`],
  },
  {
    state: { stage: 'asking', waiting: false },
    visible: true,
    text: EN.asking,
    announced: EN.asking,
    actions: [],
    busy: true,
  },
  // A request that arrives while the ask is on its way does not cut it short.
  {
    state: { stage: 'asking', waiting: true },
    visible: true,
    text: EN.asking,
    announced: EN.asking,
    actions: [],
    busy: true,
  },
  {
    state: { stage: 'asked', waiting: false },
    visible: true,
    text: EN.asked,
    announced: EN.asked,
    actions: [`dismiss:${EN.close}`],
  },
  // The agent answered the ask with a request: the offer now opens it.
  {
    state: { stage: 'asked', waiting: true },
    visible: true,
    text: EN.explanation,
    announced: EN.title,
    actions: [`open:${EN.openForm}`, `dismiss:${EN.dismiss}`],
  },
  {
    state: { stage: 'ask-failed', waiting: false },
    visible: true,
    text: EN.askFailed,
    announced: EN.askFailed,
    actions: [`ask:${EN.tryAgain}`, `dismiss:${EN.dismiss}`],
  },
  {
    state: { stage: 'ask-failed', waiting: true },
    visible: true,
    text: EN.explanation,
    announced: EN.title,
    actions: [`open:${EN.openForm}`, `dismiss:${EN.dismiss}`],
  },
];

describe('connectPaySecurelyOffer', () => {
  it.each(rows)(
    '$state.stage, a request waiting: $state.waiting',
    ({ state, visible, text, announced, actions, busy }) => {
      const view = connectPaySecurelyOffer(state, EN);
      expect(view.visible).toBe(visible);
      expect(view.text).toBe(text);
      expect(view.announced).toBe(announced);
      expect(view.busy).toBe(busy ?? false);
      expect(view.actions.map((action) => `${action.id}:${action.label}`)).toEqual(actions);
      // One primary action at most, and it comes first.
      expect(view.actions.filter((action) => action.primary).length).toBeLessThanOrEqual(1);
      if (view.actions.some((action) => action.primary)) expect(view.actions[0]!.primary).toBe(true);
    },
  );

  it('shows no digit in any stage, in any language: it knows nothing of the card', () => {
    const catalogues = [
      EN,
      CUSTOMER_MESSAGES_ES['chatpay-pay-securely-offer'],
      CUSTOMER_MESSAGES_FR['chatpay-pay-securely-offer'],
      CUSTOMER_MESSAGES_DE['chatpay-pay-securely-offer'],
      CUSTOMER_MESSAGES_AR['chatpay-pay-securely-offer'],
    ];
    for (const words of catalogues) {
      for (const { state } of rows)
        expect(JSON.stringify(connectPaySecurelyOffer(state, words))).not.toMatch(/\p{Nd}/u);
    }
  });

  it('every catalogue has every word, and none is the English one', () => {
    for (const catalogue of [CUSTOMER_MESSAGES_ES, CUSTOMER_MESSAGES_FR, CUSTOMER_MESSAGES_DE, CUSTOMER_MESSAGES_AR]) {
      const words = catalogue['chatpay-pay-securely-offer'];
      expect(Object.keys(words).sort()).toEqual(Object.keys(EN).sort());
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) expect(words[key]).not.toBe(EN[key]);
    }
  });
});

const memory = (stage: OfferStage, focus: OfferMemory['focus'] = null): OfferMemory => ({ stage, focus });

describe('nextOfferMemory', () => {
  const transitions: readonly { from: OfferMemory; event: OfferEvent; to: OfferMemory }[] = [
    { from: OFFER_HIDDEN, event: { type: 'card-masked' }, to: memory('offered') },
    { from: memory('offered'), event: { type: 'card-masked' }, to: memory('offered') },
    { from: memory('asking'), event: { type: 'card-masked' }, to: memory('asking') },
    { from: memory('asked'), event: { type: 'card-masked' }, to: memory('offered') },
    { from: memory('ask-failed'), event: { type: 'card-masked' }, to: memory('offered') },
    { from: memory('offered'), event: { type: 'dismissed' }, to: memory('hidden', 'field') },
    { from: memory('asked'), event: { type: 'dismissed' }, to: memory('hidden', 'field') },
    { from: OFFER_HIDDEN, event: { type: 'dismissed' }, to: OFFER_HIDDEN },
    { from: memory('offered'), event: { type: 'ask-sent' }, to: memory('asking') },
    { from: memory('asking'), event: { type: 'ask-answered', delivered: true }, to: memory('asked', 'status') },
    { from: memory('asking'), event: { type: 'ask-answered', delivered: false }, to: memory('ask-failed', 'status') },
    // Dismissed while asking: the answer does not bring the offer back.
    { from: memory('hidden'), event: { type: 'ask-answered', delivered: true }, to: memory('hidden') },
    { from: memory('offered'), event: { type: 'form-opened' }, to: OFFER_HIDDEN },
    { from: memory('asked', 'status'), event: { type: 'focused' }, to: memory('asked') },
  ];
  it.each(transitions)('$from.stage + $event.type → $to.stage', ({ from, event, to }) => {
    expect(nextOfferMemory(from, event)).toEqual(to);
  });
});
