// Only the chip's define module: whatever else is defined here, the chip defined it.
import '../../src/status-chip/status-chip.define.js';
import { check, checkEqual } from '../../../../test-support/check.js';

describe('defining the status chip alone', () => {
  it('defines the card viewer it opens too, and no other element', () => {
    check(customElements.get('chatpay-status-chip'), 'the chip');
    check(customElements.get('chatpay-card-viewer'), 'the card viewer it renders in its dialog');
    checkEqual(customElements.get('chatpay-payment-banner'), undefined, 'not the banner');
    checkEqual(customElements.get('chatpay-request-composer'), undefined, 'not the composer');
  });

  it('leaves the definitions made alone when every element is defined afterwards', async () => {
    const chip = customElements.get('chatpay-status-chip');
    await import('../../src/define.js');
    checkEqual(customElements.get('chatpay-status-chip'), chip, 'the same chip');
    for (const tag of ['chatpay-request-composer', 'chatpay-payment-banner', 'chatpay-activity-dot'])
      check(customElements.get(tag), `${tag} defined`);
  });
});
