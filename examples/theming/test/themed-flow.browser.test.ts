// The worked example of docs/theming.md, proven: theme.css restyles every element of the flow, on
// both sides, in light and dark, and the result stays accessible.
import '@chatpay/agent/define';
// The page places its own card viewer: defined up front.
import '@chatpay/agent/card-viewer/define';
import '@chatpay/customer/define';
import {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type AgentSession,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { accessible } from '../../../test-support/axe.js';
import { check, checkEqual, waitUntil } from '../../../test-support/check.js';
import { START, TEST_CARD } from '../../../test-support/data.js';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { painted } from '../../../test-support/screenshots.js';
import { canEmulateMedia, canTakeElementScreenshots } from '../../../test-support/engine.js';

afterEach(async () => {
  document.body.replaceChildren();
  document.head.querySelector('#theme')?.remove();
  if (await canEmulateMedia()) await emulateMedia({ colorScheme: 'light' });
});

async function requestFrom(agent: AgentSession, minor: number, reason: string) {
  const request = agent.createRequest();
  check(request.review({ amount: { minor, currency: 'USD' }, reason }).ok, 'review');
  check(request.send().ok, 'send');
  return request;
}

/** Lets sessions and elements finish what they started. */
async function settled(root: ParentNode) {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const elements = [...root.querySelectorAll('*')].flatMap((element) => [
      element,
      ...(element.shadowRoot?.querySelectorAll('*') ?? []),
    ]);
    await Promise.all(
      elements.map((element) => (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete),
    );
  }
}

/**
 * The whole flow in a host chat of fixed width, `themed` or not: the agent's console (a banner and a
 * green dot for another conversation, the composer, a request waiting, a card open in the viewer)
 * beside the customer's chat (a request with the card form open).
 */
async function flow(themed: boolean) {
  if (themed) {
    const style = document.head.appendChild(document.createElement('style'));
    style.id = 'theme';
    style.textContent = await (await fetch(new URL('../theme.css', import.meta.url))).text();
  }
  const clock = new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd, clock });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd, clock });
  const [otherAgentEnd, otherCustomerEnd] = createMemoryTransportPair();
  const otherAgent = createAgentSession({ ...agentTrust(), conversationId: 'c-2', transport: otherAgentEnd, clock });
  const otherCustomer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'c-2',
    transport: otherCustomerEnd,
    clock,
  });
  const registry = createAgentRegistry();
  registry.add(agent);
  registry.add(otherAgent);
  registry.setConversationInView('c-1');

  const chat = document.body.appendChild(document.createElement('main'));
  if (themed) chat.className = 'acme-chat';
  chat.style.cssText = 'display: grid; grid-template-columns: 1fr 1fr; gap: 16px; inline-size: 48rem; padding: 16px';
  chat.innerHTML = `
    <section aria-label="Agent console" style="display: grid; gap: 12px; align-content: start">
      <chatpay-payment-banner></chatpay-payment-banner>
      <p>Grace Hopper <chatpay-activity-dot conversation-id="c-2"></chatpay-activity-dot></p>
      <chatpay-request-composer currency="USD"></chatpay-request-composer>
      <chatpay-status-chip id="waiting"></chatpay-status-chip>
      <chatpay-status-chip id="paid"></chatpay-status-chip>
      <chatpay-card-viewer visible-when-unfocused></chatpay-card-viewer>
    </section>
    <section aria-label="Customer chat"><chatpay-payment-request></chatpay-payment-request></section>`;
  chat.querySelector('chatpay-payment-banner')!.registry = registry;
  chat.querySelector('chatpay-payment-banner')!.nameOf = () => 'Grace Hopper';
  chat.querySelector('chatpay-activity-dot')!.registry = registry;
  chat.querySelector('chatpay-request-composer')!.session = agent;

  const paid = await requestFrom(agent, 1250, 'Replacement charger');
  await waitUntil(() => customer.request(paid.requestId) !== undefined, 'the first request');
  check(customer.request(paid.requestId)!.open().ok, 'open');
  check((await customer.request(paid.requestId)!.pay(TEST_CARD)).ok, 'pay');
  await waitUntil(() => paid.timeline().phase === 'cardSubmitted', 'the card');
  chat.querySelector<HTMLElementTagNameMap['chatpay-status-chip']>('#paid')!.request = paid;
  chat.querySelector('chatpay-card-viewer')!.request = paid;
  await waitUntil(() => paid.timeline().phase === 'cardViewing', 'the card open');

  const waiting = await requestFrom(agent, 4999, 'Annual plan upgrade');
  await waitUntil(() => customer.request(waiting.requestId) !== undefined, 'the second request');
  chat.querySelector<HTMLElementTagNameMap['chatpay-status-chip']>('#waiting')!.request = waiting;
  const bubble = chat.querySelector('chatpay-payment-request')!;
  bubble.now = () => new Date(clock.now());
  bubble.request = customer.request(waiting.requestId)!;
  check(bubble.request.open().ok, 'the customer opens the card form');
  // The card form is defined when first needed: wait for its code and its Pay button.
  await waitUntil(
    () => Boolean(bubble.shadowRoot?.querySelector('chatpay-card-form')?.shadowRoot?.querySelector('[part~="pay"]')),
    'the card form drawn',
  );

  const elsewhere = await requestFrom(otherAgent, 800, 'Shipping');
  await waitUntil(() => otherCustomer.request(elsewhere.requestId) !== undefined, 'the other request');
  check(otherCustomer.request(elsewhere.requestId)!.open().ok, 'open elsewhere');
  check((await otherCustomer.request(elsewhere.requestId)!.pay(TEST_CARD)).ok, 'pay elsewhere');
  await waitUntil(() => elsewhere.timeline().phase === 'cardSubmitted', 'a card elsewhere');
  await settled(chat);
  return chat;
}

/** Every piece drawn inside ChatPay's shadow roots under `root`, with its host. */
function piecesIn(root: Element): { host: string; element: Element }[] {
  const found: { host: string; element: Element }[] = [];
  const walk = (node: ParentNode, host: string) => {
    for (const element of node.querySelectorAll('*')) {
      if (host && element.getBoundingClientRect().width > 0) found.push({ host, element });
      if (element.shadowRoot) walk(element.shadowRoot, element.localName);
    }
  };
  walk(root, '');
  return found;
}

/** A colour as the browser computes it (`rgb(…)`), for comparing with computed styles. */
function computed(colour: string): string {
  const probe = document.body.appendChild(document.createElement('i'));
  probe.style.color = colour;
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const DRAWN_WITH = ['color', 'background-color', 'border-top-color', 'border-bottom-color', 'outline-color'];

/**
 * The default tokens' brand colours (accent, border, success), read from an element's own defaults
 * (`--_chatpay-…`). White text on the accent and system colours may rightly stay.
 */
function defaultColours(host: Element): Set<string> {
  const style = getComputedStyle(host.shadowRoot!.firstElementChild ?? host);
  return new Set(
    ['accent', 'border', 'success'].map((name) => computed(style.getPropertyValue(`--_chatpay-${name}`).trim())),
  );
}

async function expectThemed(chat: Element, scheme: string) {
  const pieces = piecesIn(chat);
  const hosts = new Set(pieces.map((piece) => piece.host));
  for (const tag of [
    'chatpay-payment-banner',
    'chatpay-activity-dot',
    'chatpay-request-composer',
    'chatpay-status-chip',
    'chatpay-card-viewer',
    'chatpay-payment-request',
    'chatpay-card-form',
  ])
    check(hosts.has(tag), `the flow shows ${tag}`);
  const defaults = defaultColours(chat.querySelector('chatpay-card-form, chatpay-payment-request')!);
  const untouched = pieces.flatMap(({ host, element }) => {
    const style = getComputedStyle(element);
    return DRAWN_WITH.filter((property) => defaults.has(style.getPropertyValue(property))).map(
      (property) => `${host} ${element.localName}[${element.getAttribute('part') ?? ''}] ${property}`,
    );
  });
  checkEqual(untouched, [], `pieces still drawn with a default token, ${scheme}`);
  const accent = computed(getComputedStyle(chat).getPropertyValue('--chatpay-color-accent').trim());
  const form = chat.querySelector('chatpay-payment-request')!.shadowRoot!.querySelector('chatpay-card-form')!;
  checkEqual(
    getComputedStyle(form.shadowRoot!.querySelector('[part~="pay"]')!).backgroundColor,
    accent,
    `the Pay button in the theme's accent, ${scheme}`,
  );
  await accessible(`themed, ${scheme}`);
}

describe('the worked theming example (examples/theming/theme.css)', () => {
  it('restyles every element of the flow, with no default colour left, and stays accessible', async () => {
    const plain = await flow(false);
    const defaults = defaultColours(plain.querySelector('chatpay-card-form, chatpay-payment-request')!);
    check(
      piecesIn(plain).some(({ element }) =>
        DRAWN_WITH.some((property) => defaults.has(getComputedStyle(element).getPropertyValue(property))),
      ),
      'without the theme, the defaults show (so the check below can fail)',
    );
    document.body.replaceChildren();
    await expectThemed(await flow(true), 'light');
  });

  it('restyles it in dark too', async function () {
    if (!(await canEmulateMedia())) this.skip(); // colour-scheme emulation needs the DevTools Protocol
    await emulateMedia({ colorScheme: 'dark' });
    await expectThemed(await flow(true), 'dark');
  });

  it('matches its screenshot (shown in docs/theming.md)', async function () {
    if (!canTakeElementScreenshots()) this.skip(); // WebKitGTK's element screenshots are offset
    const chat = await flow(true);
    // The theme's system-ui is whatever font the machine has; the comparison pins the one the
    // bootstrap installs.
    chat.style.fontFamily = "'DejaVu Sans', sans-serif";
    await painted();
    await visualDiff(chat, 'themed-flow');
  });
});
