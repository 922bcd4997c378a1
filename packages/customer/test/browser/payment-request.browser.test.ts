import { emulateMedia } from '@web/test-runner-commands';
import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  MAX_VIEW_WINDOW_MS,
  type AgentRequest,
  type CustomerRequest,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
// The card form defined ahead, as a prefetch leaves it: its loading on demand has tests of its own.
import '../../src/card-form/card-form.define.js';
import type { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.element.js';
import { accessible } from '../../../../test-support/axe.js';
import { check, checkEqual, waitUntil as until } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { pair, replacedRequest, sendTo } from './fixture.js';
import { canEmulateMedia } from '../../../../test-support/engine.js';

afterEach(() => document.body.replaceChildren());

const START = Date.UTC(2026, 10, 24, 12);
const TTL = 15 * 60 * 1000;
const CARD = { number: '4111111111111111', name: 'Ada', expiry: '12/30', securityCode: '737', brand: 'visa' };

/** An agent and a customer session over a memory transport whose customer end can be made to fail. */
async function requested(reason = 'Replacement charger <b>now</b>') {
  const clock = new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  let failNext = 0;
  const send = customerEnd.send.bind(customerEnd);
  customerEnd.send = (message) => (failNext-- > 0 ? Promise.reject(new Error('offline')) : send(message));
  const agent = createAgentSession({
    ...agentTrust(),
    conversationId: 'c-1',
    transport: agentEnd,
    clock,
    requestTtlMs: TTL,
  });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd, clock });
  const request: AgentRequest = agent.createRequest();
  check(request.review({ amount: { minor: 123456, currency: 'EUR' }, reason }).ok, 'review');
  check(request.send().ok, 'send');
  await until(() => customer.requests.length === 1, 'the customer');
  const incoming: CustomerRequest = customer.requests[0]!;
  const main = document.createElement('main');
  const element = document.createElement('chatpay-payment-request');
  element.locale = 'de-DE';
  element.now = () => new Date(clock.now());
  element.request = incoming;
  main.append(element);
  document.body.append(main);
  await element.updateComplete;
  return { clock, agent, request, incoming, element, failNextSend: (count: number) => (failNext = count) };
}

const root = (element: ChatPayPaymentRequest) => element.shadowRoot!;

const button = (element: ChatPayPaymentRequest, part: string) =>
  root(element).querySelector<HTMLButtonElement>(`[part="${part}"]`);
/** What the status line says, its outcome and what follows it joined by a space. */
const statusText = (element: ChatPayPaymentRequest) =>
  root(element).querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
const NOT_CHARGED = 'You have not been charged.';
/** Whether the focus is on `target`, inside the bubble's shadow root. */
const focused = (element: ChatPayPaymentRequest, target: Element | null) =>
  target !== null && root(element).activeElement === target;
const statusLine = (element: ChatPayPaymentRequest) => root(element).querySelector<HTMLElement>('[part="status"]')!;

async function settled(element: ChatPayPaymentRequest) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

describe('<chatpay-payment-request>', () => {
  it('shows the amount for the locale and the reason as text, and has no accessibility violations', async () => {
    const { element } = await requested();
    check(/1\.234,56\s€/.test(root(element).textContent!), 'the amount in German');
    const reason = root(element).querySelector('.reason')!;
    check(reason.textContent!.includes('<b>now</b>'), 'the reason as text');
    checkEqual(reason.querySelector('b'), null, 'never as HTML');
    await accessible('the request');
  });

  it('lets a keyboard-only customer decline, after saying yes to the question, and both sides agree', async () => {
    const { element, request } = await requested();
    button(element, 'enter-payment')!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    check(root(element).activeElement === button(element, 'decline'), 'Decline is reachable by keyboard');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const question = root(element).querySelector('[part="decline-question"]')!;
    check(question, 'Decline asks first');
    checkEqual(question.getAttribute('role'), 'group', 'a group');
    checkEqual(
      root(element).getElementById(question.getAttribute('aria-labelledby')!)!.textContent,
      'Decline this payment?',
      'named by the question',
    );
    checkEqual(request.timeline().phase, 'waitingForCustomer', 'nothing declined yet');
    check(focused(element, button(element, 'keep')), 'the focus on Keep');
    checkEqual(button(element, 'enter-payment'), null, 'only the answers are offered');
    await accessible('asking to decline');
    await sendKeys({ press: 'Tab' });
    check(focused(element, button(element, 'confirm-decline')), 'Tab reaches Yes, decline');
    checkEqual(button(element, 'confirm-decline')!.textContent!.trim(), 'Yes, decline', 'its words');
    await sendKeys({ press: 'Enter' });
    await until(() => request.timeline().phase === 'declined', 'declined at the agent');
    await settled(element);
    checkEqual(statusText(element), `You declined this payment ${NOT_CHARGED}`, 'the outcome, and no charge');
    check(focused(element, statusLine(element)), 'the focus on the outcome');
    await accessible('declined');
    checkEqual(button(element, 'enter-payment'), null, 'no more actions');
  });

  it('keeps the request when the customer answers Keep, or presses Escape', async () => {
    const { element, request } = await requested();
    button(element, 'decline')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    check(focused(element, button(element, 'keep')), 'asked, the focus on Keep');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(root(element).querySelector('[part="decline-question"]'), null, 'the question is gone');
    check(focused(element, button(element, 'decline')), 'the focus back on Decline');
    check(button(element, 'enter-payment'), 'Enter Payment is offered again');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    check(root(element).querySelector('[part="decline-question"]'), 'asked again');
    await sendKeys({ press: 'Escape' });
    await settled(element);
    checkEqual(root(element).querySelector('[part="decline-question"]'), null, 'Escape keeps it');
    check(focused(element, button(element, 'decline')), 'the focus back on Decline');
    await new Promise((resolve) => setTimeout(resolve, 0));
    checkEqual(request.timeline().phase, 'waitingForCustomer', 'never declined');
  });

  it('opens the card form in place, and shows Payment Accepted with the card once the agent completes', async () => {
    const { element, request } = await requested();
    button(element, 'enter-payment')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const form = root(element).querySelector('chatpay-card-form')!;
    check(form, 'the form is there');
    await form.updateComplete;
    await until(() => form.shadowRoot!.activeElement?.id === 'number', 'the focus on the first field');
    checkEqual(statusText(element), 'Enter your card details', 'announced politely');
    checkEqual(statusLine(element).getAttribute('role'), 'status', 'in the polite status line');
    const type = async (id: string, text: string) => {
      form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.focus();
      await sendKeys({ type: text });
    };
    await type('number', '4111111111111111');
    await type('name', 'Ada Lovelace');
    await type('expiry', '1230');
    await type('securityCode', '737');
    await sendKeys({ press: 'Enter' });
    await until(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
    await settled(element);
    checkEqual(statusText(element), 'Sent. Waiting for the agent.', 'waiting');
    await until(() => focused(element, statusLine(element)), 'the focus on the status after Pay');
    await accessible('waiting for the agent');
    check((await request.viewCard()).ok, 'viewed');
    check(request.complete().ok, 'completed');
    await until(() => element.request!.timeline().phase === 'completed', 'completion at the customer');
    await settled(element);
    checkEqual(statusText(element), 'Payment Accepted — Visa •••• 1111', 'accepted, with the brand and last four');
    check(!root(element).textContent!.includes('4111'), 'nothing more of the number');
    await accessible('payment accepted');
  });

  it('says Payment Accepted without the card when this page did not seal it', async () => {
    const { element, request, incoming } = await requested();
    check(incoming.open().ok, 'opened');
    check((await incoming.pay(CARD)).ok, 'paid outside the bubble');
    await until(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
    check((await request.viewCard()).ok, 'viewed');
    check(request.complete().ok, 'completed');
    await until(() => incoming.timeline().phase === 'completed', 'completion at the customer');
    await settled(element);
    checkEqual(statusText(element), 'Payment Accepted', 'no card named');
  });

  it('says the request ended when the view window runs out, and not that the customer was not charged: the agent had the card', async () => {
    const { element, request, incoming, clock } = await requested();
    check(incoming.open().ok, 'opened');
    check((await incoming.pay(CARD)).ok, 'paid');
    await until(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
    clock.advance(MAX_VIEW_WINDOW_MS);
    await until(() => incoming.timeline().phase === 'cardExpired', 'the view window over');
    await settled(element);
    checkEqual(statusText(element), 'This request has ended. The agent may send a new one.', 'ended, nothing claimed');
    check(!root(element).textContent!.includes(NOT_CHARGED), 'no "not charged" once a card reached the agent');
    await accessible('card expired');
  });

  it('shows Try Again after a failed send, and the retry goes through', async () => {
    const { element, request, incoming, failNextSend } = await requested();
    incoming.open();
    // The opening is a message of its own: it must be through before the card's send is made to fail.
    await until(() => request.timeline().phase === 'customerEntering', 'the opening at the agent');
    await settled(element);
    failNextSend(1);
    const result = await incoming.pay(CARD);
    check(result.ok, 'sealed');
    await until(() => incoming.timeline().phase === 'sendFailed', 'the failed send');
    await settled(element);
    checkEqual(statusText(element), 'Sending failed. Try again.', 'says so');
    await accessible('try again');
    button(element, 'try-again')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
    await settled(element);
    check(focused(element, statusLine(element)), 'the focus on the status once Try Again is gone');
  });

  it('shows the request expired when its time runs out while the form is open, and removes the form', async () => {
    const { element, clock } = await requested();
    button(element, 'enter-payment')!.click();
    await settled(element);
    check(root(element).querySelector('chatpay-card-form'), 'the form is open');
    await accessible('entering payment');
    clock.advance(TTL);
    await settled(element);
    checkEqual(statusText(element), `This request has expired ${NOT_CHARGED}`, 'expired, and no charge');
    await accessible('expired');
    checkEqual(root(element).querySelector('chatpay-card-form'), null, 'no form any more');
  });

  it('has dark defaults that keep their contrast', async function () {
    if (!(await canEmulateMedia())) this.skip(); // no colour-scheme emulation in this engine
    const { element } = await requested();
    const accent = () => getComputedStyle(button(element, 'enter-payment')!).backgroundColor;
    const light = accent();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      check(accent() !== light, 'the accent changes in the dark');
      await accessible('dark');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('shows that the agent cancelled the request', async () => {
    const { element, request, incoming } = await requested();
    check(request.cancel().ok, 'cancelled');
    await until(() => incoming.timeline().phase === 'cancelled', 'the cancellation at the customer');
    await settled(element);
    checkEqual(statusText(element), `The agent cancelled this request ${NOT_CHARGED}`, 'says so, and no charge');
    checkEqual(button(element, 'enter-payment'), null, 'no more actions');
  });

  it('badges a request nobody vouched for as UNVERIFIED, and tells the customer not to enter a real card', async () => {
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    const development = { conversationId: 'c-1', dangerouslySkipKeyVouching: true } as const;
    const agent = createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd });
    const customer = createCustomerSession({ ...development, transport: customerEnd });
    const { incoming } = await sendTo(agent, customer);
    const element = await show(incoming);
    const badge = root(element).querySelector('[part~="unverified"]');
    check(badge, 'the badge');
    check(badge.textContent!.includes('UNVERIFIED · development mode'), 'in words');
    check(badge.textContent!.includes('Do not enter a real card'), 'and what it means');
    checkEqual(
      root(element).querySelector('h2')!.nextElementSibling,
      badge,
      'right under the title, before the amount',
    );
    await accessible('unverified');
    const vouched = pair();
    const other = await show((await sendTo(vouched.agent, vouched.customer)).incoming);
    checkEqual(root(other).querySelector('[part~="unverified"]'), null, 'no badge on a vouched request');
  });

  it('shows that the agent sent a new request in place of this one, as an outcome with nothing left to do', async () => {
    const { old, customer } = await replacedRequest();
    const element = await show(old);
    const next = await show(customer.requests[1]!);
    checkEqual(
      statusText(element),
      `The agent sent a new request in place of this one ${NOT_CHARGED}`,
      'says so, and no charge',
    );
    checkEqual(root(element).querySelectorAll('button').length, 0, 'no actions on the old one');
    checkEqual(root(element).querySelector('chatpay-card-form'), null, 'no form');
    check(button(next, 'enter-payment'), 'the new one can be paid');
    await accessible('replaced');
    button(next, 'enter-payment')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(next);
    check(root(next).querySelector('chatpay-card-form'), 'a keyboard-only customer opens the new one');
  });
});

/** Shows `request` in a bubble in the page's main landmark. */
async function show(request: CustomerRequest): Promise<ChatPayPaymentRequest> {
  const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  const element = main.appendChild(document.createElement('chatpay-payment-request'));
  element.locale = 'en-US';
  element.request = request;
  await element.updateComplete;
  return element;
}
