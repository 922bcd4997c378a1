// Only the payment request's own define module: what it renders must be defined by it too.
import { sendKeys } from '../../../../test-support/keys.js';
import '../../src/payment-request/payment-request.define.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { pair, sendTo } from './fixture.js';

afterEach(() => document.body.replaceChildren());

describe("<chatpay-payment-request>'s define module", () => {
  it('defines the payment request and the card form it opens', async () => {
    check(customElements.get('chatpay-payment-request'), 'the payment request is defined');
    check(customElements.get('chatpay-card-form'), 'so is the card form');
    const { agent, customer } = pair();
    const { incoming } = await sendTo(agent, customer);
    const main = document.body.appendChild(document.createElement('main'));
    const element = main.appendChild(document.createElement('chatpay-payment-request'));
    element.locale = 'en-US';
    element.request = incoming;
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="enter-payment"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('chatpay-card-form') !== null, 'the form in place');
    const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
    await form.updateComplete;
    check(form.shadowRoot?.querySelector('#number'), 'the form is drawn, not an unknown element');
    agent.close();
    customer.close();
  });

  it('can be imported again, with the package-wide one, without redefining anything', async () => {
    const before = customElements.get('chatpay-card-form');
    const all = await import('../../src/define.js');
    checkEqual(customElements.get('chatpay-card-form'), before, 'the same definition');
    checkEqual(all.ChatPayPaymentRequest, customElements.get('chatpay-payment-request'), 'the same class');
  });
});
