import { describe, expect, it } from 'vitest';
import { connectPaymentAsk } from '../src/payment-ask/payment-ask.connect.js';
import { PAYMENT_ASK_MESSAGES_EN as EN } from '../src/payment-ask/payment-ask.messages.js';
import { AGENT_MESSAGES_AR } from '../src/locales/ar.js';
import { AGENT_MESSAGES_DE } from '../src/locales/de.js';
import { AGENT_MESSAGES_ES } from '../src/locales/es.js';
import { AGENT_MESSAGES_FR } from '../src/locales/fr.js';

const ASK = { conversationId: 'c-1', askedAt: Date.UTC(2026, 10, 24, 12) };

describe('connectPaymentAsk', () => {
  it.each([
    { ask: null, visible: false, text: '', hint: '' },
    { ask: ASK, visible: true, text: EN.asked, hint: EN.hint },
  ])('an ask: $visible', ({ ask, visible, text, hint }) => {
    const view = connectPaymentAsk(ask, EN);
    expect(view).toEqual({ label: EN.label, visible, text, hint, start: EN.start, dismiss: EN.dismiss });
  });

  it('says the same in every catalogue, translated, and with no digit', () => {
    for (const catalogue of [AGENT_MESSAGES_ES, AGENT_MESSAGES_FR, AGENT_MESSAGES_DE, AGENT_MESSAGES_AR]) {
      const words = catalogue['chatpay-payment-ask'];
      expect(Object.keys(words).sort()).toEqual(Object.keys(EN).sort());
      const view = connectPaymentAsk(ASK, words);
      expect(view.text).toBe(words.asked);
      expect(view.text).not.toBe(EN.asked);
      expect(JSON.stringify(view)).not.toMatch(/\p{Nd}/u);
    }
  });
});
