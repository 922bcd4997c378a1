// Only the payment request's own define module: what it renders must be defined by it too.
import { sendKeys } from '../../../../test-support/keys.js';
import { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.define.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { pair, sendTo } from './fixture.js';

afterEach(() => document.body.replaceChildren());

describe("<chatpay-payment-request>'s define module", () => {
  it('defines the payment request, and the card form it opens when it is to be shown', async () => {
    check(customElements.get('chatpay-payment-request'), 'the payment request is defined');
    checkEqual(customElements.get('chatpay-card-form'), undefined, 'the card form is not loaded up front');
    const { agent, customer } = pair();
    const { incoming } = await sendTo(agent, customer);
    const main = document.body.appendChild(document.createElement('main'));
    const element = main.appendChild(document.createElement('chatpay-payment-request'));
    element.locale = 'en-US';
    // No prefetch on idle here: the form is loaded by Enter Payment itself (or by its focus).
    const whenIdle = ChatPayPaymentRequest.whenIdle;
    ChatPayPaymentRequest.whenIdle = () => () => undefined;
    element.request = incoming;
    await element.updateComplete;
    ChatPayPaymentRequest.whenIdle = whenIdle;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="enter-payment"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('chatpay-card-form') !== null, 'the form in place');
    const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
    await form.updateComplete;
    check(form.shadowRoot?.querySelector('#number'), 'the form is drawn, not an unknown element');
    check(customElements.get('chatpay-card-form'), 'the card form is defined now');
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'number', 'the focus on the card number');
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
