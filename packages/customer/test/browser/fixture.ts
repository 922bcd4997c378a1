// Sessions for the customer elements' tests: an agent and a customer on one conversation, vouched for
// by the tests' key (test-support/trust.ts), and pages started again on a conversation that keeps its
// history, as the production relay does.
import {
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  createMemoryKeyStore,
  createMemoryTransportPair,
  type AgentRequest,
  type AgentSession,
  type AgentSessionOptions,
  type CustomerRequest,
  type CustomerSession,
  type CustomerSessionOptions,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { check, waitUntil } from '../../../../test-support/check.js';
import { START } from '../../../../test-support/data.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';

/** An agent's and a customer's session over a memory transport pair, vouched for by the tests' key. */
export function pair(
  options: {
    clock?: ManualClock;
    agent?: Partial<AgentSessionOptions>;
    customer?: Partial<CustomerSessionOptions>;
  } = {},
) {
  const clock = options.clock ?? new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({
    ...agentTrust(),
    conversationId: 'c-1',
    transport: agentEnd,
    clock,
    keyStore: createMemoryKeyStore({ clock }),
    ...options.agent,
  });
  const customer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'c-1',
    transport: customerEnd,
    clock,
    keyStore: createMemoryKeyStore({ clock }),
    ...options.customer,
  });
  return { clock, agentEnd, customerEnd, agent, customer };
}

/** Sends a request from `agent` and waits until `customer` has it. */
export async function sendTo(
  agent: AgentSession,
  customer: CustomerSession,
  amount = { minor: 1250, currency: 'USD' },
  reason = 'Replacement charger',
): Promise<{ request: AgentRequest; incoming: CustomerRequest }> {
  const request = agent.createRequest();
  check(request.review({ amount, reason }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.request(request.requestId) !== undefined, 'the request at the customer');
  return { request, incoming: customer.request(request.requestId)! };
}

/**
 * A conversation that keeps its history. Each page is a new session on a new connection; the
 * customer's pages share one key store (one browser), as do the agent's unless a page is given an
 * empty one (another device).
 */
export function keptConversation(clock = new ManualClock(START)) {
  const hub = createMemoryHub({ history: true });
  const agentKeys = createMemoryKeyStore({ clock });
  const customerKeys = createMemoryKeyStore({ clock });
  return {
    clock,
    agentPage: (keys: 'same keys' | 'no keys' = 'same keys') =>
      createAgentSession({
        ...agentTrust(),
        conversationId: 'c-1',
        transport: hub.connect(),
        clock,
        keyStore: keys === 'same keys' ? agentKeys : createMemoryKeyStore({ clock }),
      }),
    customerPage: () =>
      createCustomerSession({
        ...customerTrust(),
        conversationId: 'c-1',
        transport: hub.connect(),
        clock,
        keyStore: customerKeys,
      }),
  };
}

/**
 * The customer's page reloaded while the card was being entered: the new page takes the request up
 * again from the history, `resumed`, with nothing of what was typed.
 */
export async function resumedRequest(clock = new ManualClock(START)) {
  const setup = keptConversation(clock);
  const agent = setup.agentPage();
  const before = setup.customerPage();
  const { request, incoming } = await sendTo(agent, before);
  check(incoming.open().ok, 'Enter Payment');
  await waitUntil(() => request.timeline().phase === 'customerEntering', 'the agent hears of it');
  before.close();
  const customer = setup.customerPage();
  await customer.idle();
  await waitUntil(() => customer.request(request.requestId)?.resumed === true, 'taken up again');
  return { ...setup, agent, customer, request, incoming: customer.request(request.requestId)! };
}

/**
 * A request whose keys the agent no longer has (the agent's console opened on another device), sent
 * again: the customer's old request ends as replaced by the new one.
 */
export async function replacedRequest(clock = new ManualClock(START)) {
  const setup = keptConversation(clock);
  const first = setup.agentPage();
  const customer = setup.customerPage();
  const { request } = await sendTo(first, customer);
  await first.idle();
  first.close();
  const elsewhere = setup.agentPage('no keys');
  await elsewhere.idle();
  const again = elsewhere.request(request.requestId)!.requestAgain();
  check(again.ok, 'sent again');
  await waitUntil(() => customer.requests.length === 2, 'the new request at the customer');
  await waitUntil(() => customer.request(request.requestId)!.timeline().status === 'replaced', 'the old one replaced');
  return { ...setup, customer, old: customer.request(request.requestId)!, replacement: again.value };
}
