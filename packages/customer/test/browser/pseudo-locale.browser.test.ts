import { registerMessages } from '@chatpay/ui';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  ManualClock,
  type AgentRequest,
} from '@chatpay/core';
import '../../src/define.js';
import { CARD_FORM_MESSAGES_EN, PAYMENT_REQUEST_MESSAGES_EN } from '../../src/index.js';
import type { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { pseudo, shownText, unlocalised } from '../../../../test-support/pseudo-locale.js';

const LOCALE = 'qps-ploc';
registerMessages(LOCALE, {
  'chatpay-payment-request': pseudo(PAYMENT_REQUEST_MESSAGES_EN),
  'chatpay-card-form': pseudo(CARD_FORM_MESSAGES_EN),
});
const DATA = ['Replacement charger', 'USD', 'US', 'Visa'];

afterEach(() => document.body.replaceChildren());

function expectAllLocalised(state: string): void {
  const texts = shownText(document.body);
  check(
    texts.some((text) => text.includes('⟦')),
    `the pseudo-locale is in use, ${state}`,
  );
  checkEqual(unlocalised(texts, DATA), [], `words not from the catalogue, ${state}`);
}

async function requested(): Promise<{ request: AgentRequest; element: ChatPayPaymentRequest; clock: ManualClock }> {
  const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({ conversationId: 'c-1', transport: agentEnd, clock });
  const customer = createCustomerSession({ conversationId: 'c-1', transport: customerEnd, clock });
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.requests.length === 1, 'the request');
  const element = document.createElement('chatpay-payment-request');
  element.locale = LOCALE;
  element.now = () => new Date(clock.now());
  element.request = customer.requests[0]!;
  document.body.append(element);
  await element.updateComplete;
  return { request, element, clock };
}

const settle = async (element: ChatPayPaymentRequest) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
  const form = element.shadowRoot!.querySelector('chatpay-card-form');
  if (form) await form.updateComplete;
};

describe('every word of the customer elements comes from the catalogue of their locale', () => {
  it('the request, the card form with its errors, and the outcomes', async () => {
    const { element, request } = await requested();
    expectAllLocalised('requested');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
    await settle(element);
    const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
    form.locale = LOCALE;
    form.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(element);
    check(form.shadowRoot!.querySelector('.error'), 'errors are shown');
    expectAllLocalised('the form with errors');
    element.request!.decline();
    await waitUntil(() => request.timeline().status === 'customer-declined', 'declined');
    await settle(element);
    expectAllLocalised('declined');
  });

  it('waiting, accepted and expired', async () => {
    const first = await requested();
    first.element.request!.open();
    check(
      (
        await first.element.request!.pay({
          number: '4111111111111111',
          name: 'Ada',
          expiry: '12/30',
          securityCode: '737',
          brand: 'visa',
        })
      ).ok,
      'paid',
    );
    await waitUntil(() => first.request.timeline().phase === 'cardSubmitted', 'the card');
    await settle(first.element);
    expectAllLocalised('waiting for the agent');
    check((await first.request.viewCard()).ok, 'viewed');
    check(first.request.complete().ok, 'completed');
    await waitUntil(() => first.element.request!.timeline().status === 'payment-accepted', 'accepted');
    const second = await requested();
    second.clock.advance(16 * 60 * 1000);
    await waitUntil(() => second.element.request!.timeline().status === 'request-expired', 'expired');
    await settle(first.element);
    await settle(second.element);
    expectAllLocalised('accepted, expired');
  });
});
