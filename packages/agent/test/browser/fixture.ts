import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  ManualClock,
  type AgentRequest,
  type CardDetails,
  type Transport,
} from '@chatpay/core';
import { check, waitUntil } from '../../../../test-support/check.js';

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
    conversationId,
    transport: agentEnd,
    clock,
    requestTtlMs: TTL,
    viewWindowMs: VIEW,
  });
  const customer = createCustomerSession({ conversationId, transport: customerEnd, clock });
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
