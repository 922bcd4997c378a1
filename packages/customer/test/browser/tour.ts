// Every customer element in every state the tests reach, with a stop at each for the checks of the
// caller: the words (pseudo-locale), target sizes, motion and forced colours all take the same tour.
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type AgentRequest,
  type CustomerRequest,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
// The card form defined ahead, as a prefetch leaves it: its loading on demand has tests of its own.
import '../../src/card-form/card-form.define.js';
import { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.element.js';
import { check, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import type { Tour } from '../../../../test-support/tour.js';
import { START, TEST_CARD } from '../../../../test-support/data.js';
import { mount } from '../../../../test-support/mount.js';
import { replacedRequest, resumedRequest, sendTo } from './fixture.js';

/** What people typed or named, shown as it is: never a word of ChatPay's. */
export const TOUR_DATA = ['Replacement charger', 'USD', 'US', 'Visa'];

async function requested(): Promise<{ request: AgentRequest; element: ChatPayPaymentRequest; clock: ManualClock }> {
  const clock = new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd, clock });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd, clock });
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.requests.length === 1, 'the request');
  const element = document.createElement('chatpay-payment-request');
  element.now = () => new Date(clock.now());
  element.request = customer.requests[0]!;
  mount(element);
  await element.updateComplete;
  return { request, element, clock };
}

const settle = async (element: ChatPayPaymentRequest) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
  const form = element.shadowRoot!.querySelector('chatpay-card-form');
  if (form) await form.updateComplete;
};

export const CUSTOMER_TOURS: Tour[] = [
  {
    name: 'the request, the card form with its errors, and the outcomes',
    states: ['requested', 'the empty form', 'the form with errors', 'asking to decline', 'declined'],
    async run(stop) {
      const { element, request } = await requested();
      await stop('requested');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
      await settle(element);
      await stop('the empty form');
      const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
      form.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(element);
      check(form.shadowRoot!.querySelector('.error'), 'errors are shown');
      await stop('the form with errors');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
      await settle(element);
      check(element.shadowRoot!.querySelector('[part~="decline-question"]'), 'the question is asked');
      await stop('asking to decline');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-decline"]')!.click();
      await waitUntil(() => request.timeline().status === 'customer-declined', 'declined');
      await settle(element);
      await stop('declined');
    },
  },
  {
    name: 'the card form loading, and not loaded',
    states: ['loading the form', 'the form did not load'],
    async run(stop) {
      // Loads that the tour holds, then fails: the form itself is defined in this page already.
      let fail = (): void => undefined;
      const loader = ChatPayPaymentRequest.cardFormLoader;
      ChatPayPaymentRequest.cardFormLoader = {
        loaded: () => false,
        load: () => new Promise<void>((_, reject) => (fail = () => reject(new Error('offline')))),
      };
      try {
        const { element } = await requested();
        element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
        await settle(element);
        check(!element.shadowRoot!.querySelector('chatpay-card-form'), 'no form while it loads');
        await stop('loading the form');
        fail();
        await waitUntil(() => element.shadowRoot!.querySelector('[part~="form-retry"]') !== null, 'Try again');
        await settle(element);
        await stop('the form did not load');
      } finally {
        ChatPayPaymentRequest.cardFormLoader = loader;
      }
    },
  },
  {
    name: 'waiting, accepted and expired',
    states: ['waiting for the agent', 'accepted, expired'],
    async run(stop) {
      const first = await requested();
      // Paid through the form, so that the bubble knows the brand and last four it names once accepted.
      first.element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
      await settle(first.element);
      const form = first.element.shadowRoot!.querySelector('chatpay-card-form')!;
      for (const [id, value] of Object.entries(TEST_CARD)) {
        const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
        if (!input) continue;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }
      await form.updateComplete;
      form.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await waitUntil(() => first.request.timeline().phase === 'cardSubmitted', 'the card');
      await settle(first.element);
      await stop('waiting for the agent');
      check((await first.request.viewCard()).ok, 'viewed');
      check(first.request.complete().ok, 'completed');
      await waitUntil(() => first.element.request!.timeline().status === 'payment-accepted', 'accepted');
      const second = await requested();
      second.clock.advance(16 * 60 * 1000);
      await waitUntil(() => second.element.request!.timeline().status === 'request-expired', 'expired');
      await settle(first.element);
      await settle(second.element);
      check(first.element.shadowRoot!.textContent!.includes('•••• 1111'), 'the card paid with');
      await stop('accepted, expired');
    },
  },
  {
    name: 'unverified, replaced, and the form after a reload',
    states: ['unverified', 'replaced', 'resumed'],
    async run(stop) {
      const clock = new ManualClock(START);
      const [agentEnd, customerEnd] = createMemoryTransportPair();
      const development = { conversationId: 'c-1', clock, dangerouslySkipKeyVouching: true } as const;
      const agent = createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd });
      const customer = createCustomerSession({ ...development, transport: customerEnd });
      const show = async (request: CustomerRequest) => {
        const element = document.createElement('chatpay-payment-request');
        element.now = () => new Date(clock.now());
        element.request = request;
        mount(element);
        await settle(element);
        return element;
      };
      const unverified = await show((await sendTo(agent, customer)).incoming);
      check(unverified.shadowRoot!.querySelector('[part~="unverified"]'), 'the badge');
      await stop('unverified');
      const { old } = await replacedRequest(clock);
      await show(old);
      await stop('replaced');
      const { incoming } = await resumedRequest(clock);
      const resumed = await show(incoming);
      const form = resumed.shadowRoot!.querySelector('chatpay-card-form')!;
      check(form.shadowRoot!.querySelector('[part~="resumed"]')!.textContent, 'the notice');
      await stop('resumed');
    },
  },
  {
    name: 'the offer to pay securely, before a request and with one waiting',
    states: ['offered, no request', 'asked the agent', 'offered, a request waiting'],
    async run(stop) {
      const clock = new ManualClock(START);
      const [agentEnd, customerEnd] = createMemoryTransportPair();
      const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd, clock });
      const customer = createCustomerSession({
        ...customerTrust(),
        conversationId: 'c-1',
        transport: customerEnd,
        clock,
      });
      const box = document.createElement('div');
      box.id = 'chat-box';
      const offer = document.createElement('chatpay-pay-securely-offer');
      offer.htmlFor = 'chat-box';
      offer.session = customer;
      mount(offer);
      mount(box);
      await offer.updateComplete;
      // What the card masker fires once it has masked a card in the chat box.
      const cardMasked = async () => {
        box.dispatchEvent(
          new CustomEvent('chatpay-card-detected', {
            detail: { brand: 'visa', lastFour: '' },
            bubbles: true,
            composed: true,
          }),
        );
        await offer.updateComplete;
      };
      await cardMasked();
      check(offer.shadowRoot!.querySelector('[part~="ask"]'), 'the offer to ask');
      await stop('offered, no request');
      offer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="ask"]')!.click();
      await waitUntil(() => agent.paymentAsk !== null, 'the agent asked');
      await waitUntil(() => !offer.shadowRoot!.querySelector('[aria-busy="true"]'), 'the answer');
      await offer.updateComplete;
      await stop('asked the agent');
      await sendTo(agent, customer);
      await cardMasked();
      check(offer.shadowRoot!.querySelector('[part~="open"]'), 'the offer to open the form');
      await stop('offered, a request waiting');
    },
  },
];
