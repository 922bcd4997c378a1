// Whole payments between an agent's and a customer's sessions over WebSocket transports and
// @chatpay/server's relay: the relay's log, its refusals, its going away and coming back.
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentSession, createCustomerSession, type AgentRequest, type CardDetails } from '@chatpay/core';
import { createMemoryStore, type RelayStore } from '@chatpay/server';
import type { WebSocketLike, WebSocketTransport } from '@chatpay/transports';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { waitUntil } from '../../../test-support/check.js';
import { opened } from './support/sockets.js';
import { startTestRelay, type TestRelay } from './support/relay.js';

const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};
const SECRETS = [CARD.number, CARD.name, '"737"', '12/30'];
const until = (done: () => boolean, what: string) => waitUntil(done, what);

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A memory store whose appends can be made to fail, as a relay whose storage is down. */
function failableStore(): RelayStore & { failing: boolean } {
  const store = createMemoryStore();
  return {
    failing: false,
    append(input) {
      return this.failing ? Promise.reject(new Error('down')) : store.append(input);
    },
    read: (...args) => store.read(...args),
    watch: (...args) => store.watch(...args),
    get available() {
      return store.available;
    },
    close: () => store.close(),
  };
}

/** An agent's and a customer's session, each on its own WebSocket transport to the relay. */
function sessionsOver(relay: TestRelay, options: { sendTimeoutMs?: number; customerLater?: boolean } = {}) {
  const sockets: { customer: WebSocketLike[] } = { customer: [] };
  const transport = (role: 'agent' | 'customer'): WebSocketTransport =>
    relay.transport(role, 'conv-1', {
      initialDelayMs: 100,
      maxDelayMs: 300,
      sendTimeoutMs: options.sendTimeoutMs ?? 5000,
      ...(role === 'customer' ? { sockets: sockets.customer } : {}),
    });
  const agentEnd = transport('agent');
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'conv-1', transport: agentEnd });
  cleanup.push(() => (agent.close(), agentEnd.close()));
  const customerSide = () => {
    const customerEnd = transport('customer');
    const customer = createCustomerSession({ ...customerTrust(), conversationId: 'conv-1', transport: customerEnd });
    cleanup.push(() => (customer.close(), customerEnd.close()));
    return { customer, customerEnd };
  };
  return { agent, agentEnd, customerSide, sockets };
}

async function request(agent: ReturnType<typeof createAgentSession>): Promise<AgentRequest> {
  const created = agent.createRequest();
  expect(created.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok).toBe(true);
  expect(created.send().ok).toBe(true);
  return created;
}

async function relayForTest(options: Parameters<typeof startTestRelay>[0] = {}) {
  const relay = await startTestRelay(options);
  cleanup.push(() => relay.close());
  return relay;
}

/** Everything the relay stored for the conversation: what any backend in between would see. */
async function storedText(store: RelayStore): Promise<string> {
  return (await store.read('conv-1', undefined, 1000)).map((entry) => entry.text).join('\n');
}

describe('sessions over the WebSocket transport and the relay', () => {
  it('carry a whole payment; the relay stores and logs ciphertext only, each message stamped with its sender', async () => {
    const relay = await relayForTest();
    const { agent, customerSide } = sessionsOver(relay);
    const { customer } = customerSide();
    const sent = await request(agent);
    await until(() => customer.requests.length === 1, 'the request at the customer');
    const peer = customer.requests[0]!;
    expect(peer.open().ok).toBe(true);
    expect((await peer.pay(CARD)).ok).toBe(true);
    await until(() => sent.timeline().status === 'view-card', 'VIEW CARD');
    const card = await sent.viewCard();
    expect(card.ok && card.value.number).toBe(CARD.number);
    expect(sent.complete().ok).toBe(true);
    await until(() => peer.timeline().status === 'payment-accepted', 'Payment Accepted');
    const entries = await relay.store.read('conv-1', undefined, 1000);
    expect(
      entries.some((entry) => entry.text.includes('"request.submitted"') && entry.sender.role === 'customer'),
    ).toBe(true);
    expect(entries.some((entry) => entry.text.includes('"request.created"') && entry.sender.role === 'agent')).toBe(
      true,
    );
    const wire = await storedText(relay.store);
    const logs = JSON.stringify(relay.logs);
    for (const secret of SECRETS) {
      expect(wire).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  it('give a customer who joins late the request sent before it connected, from the log', async () => {
    const relay = await relayForTest();
    const { agent, agentEnd, customerSide } = sessionsOver(relay);
    await opened(agentEnd);
    const sent = await request(agent);
    await until(() => sent.timeline().status === 'waiting-for-customer', 'WAITING FOR CUSTOMER');
    expect(relay.relay.connections('conv-1')).toBe(1);
    const { customer } = customerSide();
    await until(() => customer.requests.length === 1, 'the request at the late customer');
    expect(customer.requests[0]!.decline().ok).toBe(true);
    await until(() => sent.timeline().status === 'customer-declined', 'CUSTOMER DECLINED');
  });

  it('show TRY AGAIN while the relay cannot store messages, and the retry goes through once it can', async () => {
    const store = failableStore();
    const relay = await relayForTest({ store });
    const { agent, customerSide } = sessionsOver(relay);
    const { customer } = customerSide();
    store.failing = true;
    const sent = await request(agent);
    await until(() => sent.timeline().status === 'try-again', 'TRY AGAIN');
    expect(customer.requests).toHaveLength(0);
    store.failing = false;
    expect(sent.retry().ok).toBe(true);
    await until(() => sent.timeline().status === 'waiting-for-customer', 'WAITING FOR CUSTOMER');
    await until(() => customer.requests.length === 1, 'the request at the customer');
  });

  it('show TRY AGAIN when the relay is gone for longer than the send timeout', async () => {
    const relay = await startTestRelay();
    const { agent, agentEnd, customerSide } = sessionsOver(relay, { sendTimeoutMs: 400 });
    const { customerEnd } = customerSide();
    await opened(agentEnd, customerEnd);
    await relay.close();
    await until(() => agentEnd.state === 'reconnecting', 'the loss noticed');
    const sent = await request(agent);
    await until(() => sent.timeline().status === 'try-again', 'TRY AGAIN after the timeout');
  });

  it('survive the relay going away mid-flow and coming back on its store: the card waits, then arrives', async () => {
    const store = createMemoryStore();
    cleanup.push(() => store.close());
    const first = await startTestRelay({ store });
    const { agent, agentEnd, customerSide } = sessionsOver(first);
    const { customer, customerEnd } = customerSide();
    const sent = await request(agent);
    await until(() => customer.requests.length === 1, 'the request at the customer');
    await first.relay.close();
    await until(() => agentEnd.state !== 'open' && customerEnd.state !== 'open', 'both sides notice');
    const peer = customer.requests[0]!;
    expect(peer.open().ok).toBe(true);
    expect((await peer.pay(CARD)).ok).toBe(true); // sealed; its send waits for the relay
    const second = await relayForTest({ store, port: first.port });
    void second;
    await until(() => sent.timeline().status === 'view-card', 'the card, once the relay is back');
    expect((await sent.viewCard()).ok).toBe(true);
    expect(sent.complete().ok).toBe(true);
    await until(() => peer.timeline().status === 'payment-accepted', 'Payment Accepted');
  });

  it('catch up after a reconnection from the cursor: an outcome sent while one side was away still reaches it', async () => {
    const relay = await relayForTest();
    const { agent, customerSide, sockets } = sessionsOver(relay);
    const { customer } = customerSide();
    const sent = await request(agent);
    await until(() => customer.requests.length === 1, 'the request at the customer');
    const peer = customer.requests[0]!;
    (sockets.customer.at(-1) as unknown as { terminate(): void }).terminate();
    await until(() => relay.relay.connections('conv-1') === 1, 'the customer gone from the conversation');
    expect(sent.cancel().ok).toBe(true);
    expect(peer.timeline().status).toBe('payment-requested');
    await until(() => peer.timeline().status === 'cancelled', 'the cancellation, after the reconnection');
  });
});
