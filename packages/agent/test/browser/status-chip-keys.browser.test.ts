// The status chip where the card cannot simply be opened: a request nobody vouched for, one whose keys
// are not in this browser, one held by the agent's other tab, one whose card was viewed before a
// reload, and one that two different customers answered.
import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryKeyStore,
  createMemoryTransportPair,
  type AgentRequest,
  type CustomerSession,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
import type { ChatPayStatusChip, RequestReplacedDetail } from '../../src/status-chip/status-chip.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, testVoucher } from '../../../../test-support/trust.js';
import {
  accessible,
  CARD,
  conversation,
  keptConversation,
  mount,
  reloaded,
  sendRequest,
  settled,
  START,
  TTL,
} from './fixture.js';

afterEach(() => document.body.replaceChildren());

function chip(request: AgentRequest): ChatPayStatusChip {
  const element = document.createElement('chatpay-status-chip');
  element.locale = 'en-US';
  element.request = request;
  return mount(element);
}

const shadow = (element: ChatPayStatusChip) => element.shadowRoot!;
const label = (element: ChatPayStatusChip) => shadow(element).querySelector('[part~="label"]')!;
const labelText = (element: ChatPayStatusChip) => label(element).textContent!.trim();
const note = (element: ChatPayStatusChip) =>
  shadow(element).querySelector('[part~="note"]')?.textContent?.trim() ?? null;
const announced = (element: ChatPayStatusChip) => shadow(element).querySelector('[role="status"]')!.textContent;
const part = (element: ChatPayStatusChip, name: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="${name}"]`);
/**
 * The parts of every button the chip shows, besides its terms: every request with terms shows them
 * (request-terms.browser.test.ts), so what tells the phases apart is the rest.
 */
const buttons = (element: ChatPayStatusChip) =>
  [...shadow(element).querySelectorAll('button:not([part~="terms"])')].map((button) => button.getAttribute('part'));

/** What the customer's chat shows for each request of the conversation, oldest first. */
const customerStatuses = (customer: CustomerSession) => customer.requests.map((request) => request.timeline().status);

describe('<chatpay-status-chip> where the card cannot simply be opened', () => {
  it('badges a request nobody vouched for as UNVERIFIED, in words, and a vouched one not at all', async () => {
    const clock = new ManualClock(START);
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    const agent = createAgentSession({
      agentId: 'agent-1',
      dangerouslySkipKeyVouching: true,
      conversationId: 'c-1',
      transport: agentEnd,
      clock,
      keyStore: createMemoryKeyStore({ clock }),
    });
    const customer = createCustomerSession({
      dangerouslySkipKeyVouching: true,
      conversationId: 'c-1',
      transport: customerEnd,
      clock,
    });
    const request = sendRequest(agent);
    await waitUntil(() => customer.requests.length === 1, 'the request at the customer');
    const element = chip(request);
    await settled(element);
    checkEqual(request.timeline().trust, 'unverified', 'unverified');
    checkEqual(part(element, 'unverified')?.textContent?.trim(), 'UNVERIFIED · development mode', 'the badge');
    check(shadow(element).textContent!.includes('key vouching is off'), 'and what it means, in words');
    checkEqual(labelText(element), 'WAITING FOR CUSTOMER', 'the status as usual');
    checkEqual(buttons(element), ['cancel'], 'the usual actions');
    await accessible('unverified');

    const vouched = conversation();
    const element2 = chip(await vouched.requested());
    await settled(element2);
    checkEqual(part(element2, 'unverified'), null, 'no badge on a vouched request');
  });

  it("says a request whose keys are gone can't be opened here, and a keyboard-only agent sends a new one in its place", async () => {
    const { request, customer, oldId } = await reloaded('sent', 'no keys');
    checkEqual(request.timeline().keys, 'gone', 'the keys are not in this browser');
    const element = chip(request);
    await settled(element);
    check(note(element)!.startsWith("Can't be opened here"), 'says why');
    check(announced(element)!.includes("Can't be opened here"), 'announced with the status');
    checkEqual(labelText(element), 'WAITING FOR CUSTOMER', 'the status');
    checkEqual(buttons(element), ['request-again'], 'one action: Send new request');
    checkEqual(part(element, 'request-again')!.textContent!.trim(), 'Send new request', 'labelled');
    await accessible('keys gone');

    const replaced: RequestReplacedDetail[] = [];
    document.addEventListener('chatpay-request-replaced', (event) => replaced.push(event.detail), { once: true });
    part(element, 'request-again')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(replaced.length, 1, 'the host is told, through the document');
    const [detail] = replaced as [RequestReplacedDetail];
    checkEqual(detail.replacedRequestId, oldId, 'which request was replaced');
    check(detail.requestId !== oldId, 'by a new one');
    checkEqual(element.request!.requestId, detail.requestId, 'the chip follows the new request');
    await waitUntil(() => element.request!.timeline().status === 'waiting-for-customer', 'the new request sent');
    await settled(element);
    checkEqual(labelText(element), 'WAITING FOR CUSTOMER', 'waiting on the new request');
    checkEqual(buttons(element), ['cancel'], 'which can be acted on here');
    check(shadow(element).activeElement !== null, 'focus stays in the chip');
    await waitUntil(() => customer.requests.length === 2, 'the new request at the customer');
    checkEqual(customerStatuses(customer), ['replaced', 'payment-requested'], "the customer's old request is replaced");
    await waitUntil(() => request.timeline().status === 'cancelled', 'the old one ends here too');
    await accessible('replaced');
  });

  it('stays on the old request when the host gives the new one a chip of its own', async () => {
    const { request, again } = await reloaded('sent', 'no keys');
    const element = chip(request);
    await settled(element);
    const handover = (event: Event) => event.preventDefault();
    element.addEventListener('chatpay-request-replaced', handover);
    part(element, 'request-again')!.click();
    await settled(element);
    checkEqual(part(element, 'request-again'), null, 'not offered twice');
    await waitUntil(() => request.timeline().status === 'cancelled', 'replaced');
    await settled(element);
    checkEqual(element.request, request, 'still the old request');
    checkEqual(labelText(element), 'CANCELLED', 'which shows its outcome');
    checkEqual(buttons(element), [], 'and offers nothing more');
    checkEqual(again.requests.length, 2, 'the new request is in the session for the host to show');
  });

  it('says so when the new request cannot be sent', async () => {
    const { request } = await reloaded('sent', 'no keys', { maxLiveRequests: 1 });
    const element = chip(request);
    await settled(element);
    part(element, 'request-again')!.click();
    await settled(element);
    checkEqual(
      shadow(element).querySelector('[role="alert"]')?.textContent?.trim(),
      'The new request could not be sent. Try again.',
      'a visible refusal',
    );
    checkEqual(element.request, request, 'still on the old request');
    await accessible('new request refused');
  });

  it("says a card whose keys are gone can't be opened here, without VIEW CARD", async () => {
    const { request } = await reloaded('paid', 'no keys');
    const element = chip(request);
    await settled(element);
    checkEqual(request.timeline().status, 'view-card', 'the card has arrived');
    checkEqual(labelText(element), 'CARD ARRIVED', 'not VIEW CARD');
    checkEqual(label(element).tagName, 'SPAN', 'and not a button');
    checkEqual(buttons(element), ['request-again'], 'only Send new request');
    await accessible('card, keys gone');
  });

  it('sends the agent to the other tab that holds the request, with no VIEW CARD', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const element = chip(request);
    request.actor.send({ type: 'keys.changed', keys: 'other-tab' });
    await settled(element);
    checkEqual(labelText(element), 'CARD ARRIVED', 'not VIEW CARD');
    checkEqual(buttons(element), [], 'nothing to do here');
    check(note(element)!.startsWith('Open in your other tab'), 'says where');
    await accessible('other tab');
    request.actor.send({ type: 'keys.changed', keys: 'here' });
    await settled(element);
    checkEqual(buttons(element), ['label', 'cancel'], 'VIEW CARD, and Cancel, once the keys are back in this tab');
    checkEqual(labelText(element), 'VIEW CARD', 'labelled');
  });

  it('offers Mark as Completed and Cancel for a card already viewed on this device before a reload', async () => {
    const { request, customer, oldId } = await reloaded('viewed', 'same keys');
    await waitUntil(() => request.timeline().keys === 'opened', 'this tab holds the spent keys');
    const element = chip(request);
    await settled(element);
    checkEqual(labelText(element), 'CARD VIEWED', 'not VIEW CARD');
    check(note(element)!.startsWith('Card already viewed on this device'), 'says why');
    checkEqual(buttons(element), ['complete', 'cancel'], 'Mark as Completed and Cancel');
    checkEqual(part(element, 'complete')!.textContent!.trim(), 'Mark as Completed', 'labelled');
    await accessible('already viewed');
    part(element, 'complete')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => request.timeline().status === 'completed', 'completed');
    await settled(element);
    checkEqual(labelText(element), 'COMPLETED', 'shown');
    check(shadow(element).activeElement === part(element, 'base'), 'focus stays in the chip');
    await waitUntil(() => customer.request(oldId)!.timeline().status === 'payment-accepted', 'the customer is told');
  });

  it('warns that two different customers answered, offers Cancel, then Send new request', async () => {
    const setup = keptConversation();
    const agent = setup.agentPage();
    const [first, second] = [setup.customerPage(), setup.customerPage()];
    const request = sendRequest(agent);
    await waitUntil(() => !!first.request(request.requestId) && !!second.request(request.requestId), 'both have it');
    for (const customer of [first, second]) {
      const peer = customer.request(request.requestId)!;
      check(peer.open().ok, 'open');
      check((await peer.pay(CARD)).ok, 'pay');
    }
    await waitUntil(() => request.timeline().conflict, 'the second key is noticed');
    const element = chip(request);
    await settled(element);
    checkEqual(request.timeline().status, 'view-card', 'a card has arrived');
    checkEqual(labelText(element), 'CARD ARRIVED', 'not VIEW CARD');
    check(note(element)!.startsWith('Two different customers answered this request'), 'the warning');
    check(part(element, 'note')!.classList.contains('warning'), 'drawn as one');
    checkEqual(buttons(element), ['cancel'], 'only Cancel');
    await accessible('conflict');

    part(element, 'cancel')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    part(element, 'confirm-cancel')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => request.timeline().status === 'cancelled', 'cancelled');
    await settled(element);
    checkEqual(buttons(element), ['request-again'], 'then Send new request');
    part(element, 'request-again')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    check(element.request !== request, 'following the new request');
    await waitUntil(() => first.requests.length === 2, 'the new request at the customer');
    await accessible('after the conflict');
  });

  it('shows TRY AGAIN when the server did not vouch for the request, and it goes once the server does', async () => {
    const clock = new ManualClock(START);
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    let serverDown = true;
    const agent = createAgentSession({
      ...agentTrust(),
      vouch: (asked) => (serverDown ? Promise.reject(new Error('503')) : testVoucher.vouch(asked)),
      conversationId: 'c-1',
      transport: agentEnd,
      clock,
      requestTtlMs: TTL,
      keyStore: createMemoryKeyStore({ clock }),
    });
    const customer = createCustomerSession({
      trustedKeys: testVoucher.trustedKeys,
      conversationId: 'c-1',
      transport: customerEnd,
      clock,
    });
    const request = sendRequest(agent);
    const element = chip(request);
    await waitUntil(() => request.actor.getSnapshot().context.failure !== null, 'the vouch refused');
    await settled(element);
    checkEqual(labelText(element), 'TRY AGAIN', 'says it was not sent');
    checkEqual(buttons(element), ['label', 'cancel'], 'TRY AGAIN and Cancel');
    await accessible('not vouched');
    serverDown = false;
    (label(element) as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => request.timeline().status === 'waiting-for-customer', 'sent');
    await waitUntil(() => customer.requests.length === 1, 'the request at the customer');
  });
});
