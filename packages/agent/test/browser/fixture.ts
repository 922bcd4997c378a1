import {
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  createMemoryKeyStore,
  createMemoryTransportPair,
  type AgentRequest,
  type AgentSession,
  type AgentSessionOptions,
  type CardDetails,
  type KeyStore,
  type Transport,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { check, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';

export const START = Date.UTC(2026, 10, 24, 12);
export const TTL = 15 * 60 * 1000;
export const VIEW = 10 * 60 * 1000;
/** A published test card number; it exists only in tests. */
export const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};

/** A transport whose next `count` sends fail, as a flaky network would. */
export function flaky(transport: Transport) {
  let failing = 0;
  const send = transport.send.bind(transport);
  transport.send = (message) => (failing-- > 0 ? Promise.reject(new Error('offline')) : send(message));
  return (count: number) => (failing = count);
}

/** An agent and a customer on one conversation, on a manual clock, over a memory transport. */
export function conversation(conversationId = 'c-1', clock = new ManualClock(START)) {
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const failAgentSends = flaky(agentEnd);
  const agent = createAgentSession({
    ...agentTrust(),
    conversationId,
    transport: agentEnd,
    clock,
    requestTtlMs: TTL,
    viewWindowMs: VIEW,
  });
  const customer = createCustomerSession({ ...customerTrust(), conversationId, transport: customerEnd, clock });
  return {
    conversationId,
    clock,
    agent,
    customer,
    failAgentSends,
    /** The agent sends a request of 12.50 USD through the session (not the composer). */
    async requested(): Promise<AgentRequest> {
      const request = agent.createRequest();
      check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
      check(request.send().ok, 'send');
      await waitUntil(() => customer.request(request.requestId) !== undefined, 'the request at the customer');
      return request;
    },
    /** The customer pays `card` for `request`, and it reaches the agent. */
    async paid(request: AgentRequest, card = CARD): Promise<void> {
      const peer = customer.request(request.requestId)!;
      check(peer.open().ok, 'open');
      check((await peer.pay(card)).ok, 'pay');
      await waitUntil(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
    },
  };
}

/** Sends a request of 12.50 USD from `agent` through the session (not the composer). */
export function sendRequest(agent: AgentSession): AgentRequest {
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
  check(request.send().ok, 'send');
  return request;
}

/**
 * A conversation over a transport that keeps its history, as the production relay does, so that an
 * agent's page can start again on it (a reload, another device) and find its requests there. Each page
 * is a new session on a new connection; `keyStore` is what that page finds in the browser.
 */
export function keptConversation(clock = new ManualClock(START)) {
  const hub = createMemoryHub({ history: true });
  return {
    clock,
    hub,
    agentPage(
      keyStore: KeyStore = createMemoryKeyStore({ clock }),
      options: Partial<AgentSessionOptions> = {},
    ): AgentSession {
      return createAgentSession({
        ...agentTrust(),
        conversationId: 'c-1',
        transport: hub.connect(),
        clock,
        requestTtlMs: TTL,
        viewWindowMs: VIEW,
        keyStore,
        ...options,
      });
    },
    /** A customer's page; each has a key store of its own, so two pages speak with two different keys. */
    customerPage() {
      return createCustomerSession({
        ...customerTrust(),
        conversationId: 'c-1',
        transport: hub.connect(),
        clock,
        keyStore: createMemoryKeyStore({ clock }),
      });
    },
  };
}

/**
 * A request of this agent's, sent (and paid, or paid and viewed, as `what` says), and then the agent's
 * page loaded again on the conversation's history: with the same key store (`same keys`, a reload) or
 * an empty one (`no keys`: another device, or the browser's storage cleared).
 */
export async function reloaded(
  what: 'sent' | 'paid' | 'viewed',
  keys: 'same keys' | 'no keys',
  options: Partial<AgentSessionOptions> = {},
) {
  const setup = keptConversation();
  const store = createMemoryKeyStore({ clock: setup.clock });
  const first = setup.agentPage(store);
  const customer = setup.customerPage();
  const sent = sendRequest(first);
  await waitUntil(() => customer.request(sent.requestId) !== undefined, 'the request at the customer');
  if (what !== 'sent') {
    const peer = customer.request(sent.requestId)!;
    check(peer.open().ok, 'open');
    check((await peer.pay(CARD)).ok, 'pay');
    await waitUntil(() => sent.timeline().phase === 'cardSubmitted', 'the card at the agent');
  }
  if (what === 'viewed') check((await sent.viewCard()).ok, 'viewed before the reload');
  await first.idle();
  first.close();
  const again = setup.agentPage(keys === 'same keys' ? store : createMemoryKeyStore({ clock: setup.clock }), options);
  await again.idle();
  const request = again.request(sent.requestId);
  check(request, 'the request comes back from the history');
  return { ...setup, customer, again, request, oldId: sent.requestId };
}

/** Lets sessions and elements finish what they started. */
export async function settled(...elements: { updateComplete: Promise<unknown> }[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const element of elements) await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const element of elements) await element.updateComplete;
}

export { accessible } from '../../../../test-support/axe.js';

/** Every character of `root`'s shadow DOM and light DOM, with attribute values and form values. */
export function everythingIn(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('\n');
}

export { mount } from '../../../../test-support/mount.js';
