// Only the chip's define module: whatever else is defined here, the chip defined it.
import '../../src/status-chip/status-chip.define.js';
import { check, checkEqual } from '../../../../test-support/check.js';

describe('defining the status chip alone', () => {
  it('defines the chip and no other element: the card viewer it opens comes on demand', () => {
    check(customElements.get('chatpay-status-chip'), 'the chip');
    checkEqual(customElements.get('chatpay-card-viewer'), undefined, 'not the card viewer, until needed');
    checkEqual(customElements.get('chatpay-payment-banner'), undefined, 'not the banner');
    checkEqual(customElements.get('chatpay-request-composer'), undefined, 'not the composer');
  });

  it('leaves the definitions made alone when every element is defined afterwards', async () => {
    const chip = customElements.get('chatpay-status-chip');
    const defined = await import('../../src/define.js');
    checkEqual(customElements.get('chatpay-status-chip'), chip, 'the same chip');
    for (const tag of ['chatpay-request-composer', 'chatpay-payment-banner', 'chatpay-activity-dot'])
      check(customElements.get(tag), `${tag} defined`);
    checkEqual(customElements.get('chatpay-card-viewer'), undefined, 'the card viewer still on demand');
    await defined.loadCardViewer();
    check(customElements.get('chatpay-card-viewer'), 'loadCardViewer() defines the card viewer');
  });
});
