import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  type AgentRequest,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import type { ChatPayActivityDot } from '../../src/activity-dot/activity-dot.element.js';
import type { ChatPayPaymentBanner } from '../../src/payment-banner/payment-banner.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { accessible, CARD, conversation, everythingIn, mount, settled, START, TTL } from './fixture.js';

afterEach(() => document.body.replaceChildren());

const NAMES: Record<string, string> = { 'c-1': 'Grace Hopper', 'c-2': 'Alan Turing', 'c-3': 'Katherine Johnson' };

/** An agent console with three conversations, a banner and a list with a dot per conversation. */
function agentConsole() {
  const clock = new ManualClock(START);
  const registry = createAgentRegistry();
  const conversations = ['c-1', 'c-2', 'c-3'].map((id) => conversation(id, clock));
  for (const { agent } of conversations) registry.add(agent);
  const banner = mount(document.createElement('chatpay-payment-banner'));
  banner.locale = 'en-US';
  banner.registry = registry;
  banner.nameOf = (id) => NAMES[id] ?? id;
  const list = mount(document.createElement('ul'));
  list.setAttribute('aria-label', 'Conversations');
  const dots = new Map<string, ChatPayActivityDot>();
  for (const { conversationId } of conversations) {
    const item = document.createElement('li');
    item.textContent = NAMES[conversationId]!;
    const dot = document.createElement('chatpay-activity-dot');
    dot.registry = registry;
    dot.conversationId = conversationId;
    item.append(dot);
    list.append(item);
    dots.set(conversationId, dot);
  }
  const lit = () => [...dots.values(), banner];
  return { clock, registry, conversations, banner, dots, lit };
}

const banners = (banner: ChatPayPaymentBanner) =>
  [...banner.shadowRoot!.querySelectorAll('[part~="banner"] .text')].map((node) => node.textContent);
const dotted = (dots: Map<string, ChatPayActivityDot>) =>
  [...dots].filter(([, dot]) => dot.shadowRoot!.querySelector('[part~="dot"]')).map(([id]) => id);

describe('the agent console: banner and activity dots', () => {
  it('follow cards and the conversation in view across three conversations', async () => {
    const { registry, conversations, banner, dots, lit } = agentConsole();
    const [one, two, three] = conversations as [
      ReturnType<typeof conversation>,
      ReturnType<typeof conversation>,
      ReturnType<typeof conversation>,
    ];
    registry.setConversationInView('c-1');
    const requests: AgentRequest[] = [];
    for (const side of [one, two, three]) requests.push(await side.requested());
    await settled(...lit());
    checkEqual(banners(banner), [], 'no banner while nobody has paid');
    checkEqual(dotted(dots), [], 'no dot');
    await accessible('quiet console');

    await one.paid(requests[0]!);
    await settled(...lit());
    checkEqual(banners(banner), [], 'no banner for the conversation in view');
    checkEqual(dotted(dots), ['c-1'], 'but its dot');

    await two.paid(requests[1]!);
    await three.paid(requests[2]!);
    await settled(...lit());
    checkEqual(
      banners(banner),
      ['Alan Turing sent their card for $12.50.', 'Katherine Johnson sent their card for $12.50.'],
      'two banners, each naming the amount',
    );
    checkEqual(dotted(dots), ['c-1', 'c-2', 'c-3'], 'three dots');
    check(dots.get('c-2')!.shadowRoot!.textContent!.includes('Card waiting to be viewed'), 'the dot speaks');
    await accessible('banners and dots');

    const views: unknown[] = [];
    banner.addEventListener('chatpay-view-conversation', (event) => {
      views.push(event.detail);
      registry.setConversationInView(event.detail.conversationId);
    });
    banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="view"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(...lit());
    checkEqual(views, [{ conversationId: 'c-2', requestId: requests[1]!.requestId }], 'View names the conversation');
    checkEqual(
      banners(banner),
      ['Katherine Johnson sent their card for $12.50.'],
      "c-2's banner goes once it is in view",
    );
    checkEqual(dotted(dots), ['c-1', 'c-2', 'c-3'], 'the dots stay until the cards are viewed');

    check((await requests[1]!.viewCard()).ok, 'c-2 viewed');
    await settled(...lit());
    checkEqual(dotted(dots), ['c-1', 'c-3'], "c-2's dot goes once viewed");

    banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(...lit());
    checkEqual(banners(banner), [], 'dismissed');
    check(
      banner.shadowRoot!.activeElement === banner.shadowRoot!.querySelector('section'),
      'focus stays in the region',
    );
    checkEqual(dotted(dots), ['c-1', 'c-3'], 'dismissing leaves the dot');

    requests[2]!.cancel();
    await settled(...lit());
    checkEqual(dotted(dots), ['c-1'], 'a cancelled request needs no attention');
  });
});

describe("a second agent's console on the same conversation", () => {
  it('sees the status, never the card, and says so', async () => {
    const clock = new ManualClock(START);
    const hub = createMemoryHub();
    const options = { conversationId: 'c-1', clock, requestTtlMs: TTL };
    const first = createAgentSession({ ...agentTrust(), ...options, transport: hub.connect() });
    const second = createAgentSession({ ...agentTrust('agent-2'), ...options, transport: hub.connect() });
    const customer = createCustomerSession({
      ...customerTrust(),
      conversationId: 'c-1',
      clock,
      transport: hub.connect(),
    });
    const request = first.createRequest();
    check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
    check(request.send().ok, 'send');
    await waitUntil(() => customer.requests.length === 1 && second.requests.length === 1, 'both have it');
    const observed = second.requests[0]!;
    const chip = mount(document.createElement('chatpay-status-chip'));
    chip.request = observed;
    await settled(chip);
    check(chip.shadowRoot!.textContent!.includes('WAITING FOR CUSTOMER'), 'the status');
    checkEqual(chip.shadowRoot!.querySelector('[part~="cancel"]'), null, 'nothing to cancel');
    const peer = customer.requests[0]!;
    check(peer.open().ok, 'open');
    check((await peer.pay(CARD)).ok, 'pay');
    await waitUntil(() => observed.timeline().phase === 'cardSubmitted', 'the card, seen from afar');
    await settled(chip);
    checkEqual(chip.shadowRoot!.querySelector('button[part~="label"]'), null, 'no VIEW CARD button');
    check(chip.shadowRoot!.textContent!.includes('CARD SENT TO ANOTHER AGENT'), 'says whose card it is');
    check(chip.shadowRoot!.textContent!.includes('only that agent can act on it or view the card'), 'and why');
    const viewer = mount(document.createElement('chatpay-card-viewer'));
    viewer.request = observed;
    await settled(viewer);
    check(viewer.shadowRoot!.textContent!.includes('only that agent can view the card'), 'the viewer says so');
    await accessible('second agent');
    const own = mount(document.createElement('chatpay-card-viewer'));
    own.request = request;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the first agent opens it');
    await settled(own);
    check(own.shadowRoot!.textContent!.includes('4111 1111 1111 1111'), "the first agent's viewer shows it");
    check(!everythingIn(viewer).includes('4111'), "the second agent's viewer never does");
    check(request.complete().ok, 'and completes it');
    await waitUntil(() => observed.timeline().status === 'completed', 'completed, seen from afar');
    await settled(chip, viewer);
    check(chip.shadowRoot!.textContent!.includes('COMPLETED'), 'the second agent sees it completed');
    const page = everythingIn(document.body);
    check(!page.includes(CARD.number) && !page.includes('4111 1111'), 'no card number anywhere in the page');
    checkEqual(second.secretsHeld, { keys: 0, openedCards: 0 }, 'the second session never held anything');
  });
});
