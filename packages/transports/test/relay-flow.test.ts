import { afterEach, describe, expect, it } from 'vitest';
import { createAgentSession, createCustomerSession, type AgentRequest, type CardDetails } from '@chatpay/core';
import WebSocket from 'ws';
import { createWebSocketTransport, type WebSocketLike, type WebSocketTransport } from '@chatpay/transports';
import { createRelay, type Relay, type RelayFrame } from '../src/node/relay.js';
import { waitUntil } from '../../../test-support/check.js';
import { nodeSocket, opened } from './support/sockets.js';

const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};
const until = (done: () => boolean, what: string) => waitUntil(done, what);

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** An agent and a customer, each on its own WebSocket to the relay's room. */
async function overRelay(relay: Relay, options: { sendTimeoutMs?: number } = {}) {
  const sockets: { customer: WebSocketLike[] } = { customer: [] };
  const transport = (side: 'agent' | 'customer'): WebSocketTransport =>
    createWebSocketTransport({
      url: relay.url('conv-1'),
      acknowledgements: true,
      initialDelayMs: 300,
      maxDelayMs: 600,
      sendTimeoutMs: options.sendTimeoutMs ?? 5000,
      createSocket: (url) => {
        const socket = nodeSocket(url);
        if (side === 'customer') sockets.customer.push(socket);
        return socket;
      },
    });
  const agentEnd = transport('agent');
  const customerEnd = transport('customer');
  await opened(agentEnd, customerEnd);
  const agent = createAgentSession({ conversationId: 'conv-1', transport: agentEnd });
  const customer = createCustomerSession({ conversationId: 'conv-1', transport: customerEnd });
  cleanup.push(() => {
    agent.close();
    customer.close();
    agentEnd.close();
    customerEnd.close();
  });
  return { agent, customer, agentEnd, customerEnd, sockets };
}

async function request(agent: ReturnType<typeof createAgentSession>): Promise<AgentRequest> {
  const created = agent.createRequest();
  expect(created.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok).toBe(true);
  expect(created.send().ok).toBe(true);
  return created;
}

async function startRelay(port?: number) {
  const frames: RelayFrame[] = [];
  const relay = await createRelay({ ...(port ? { port } : {}), onFrame: (frame) => frames.push(frame) });
  return { relay, frames };
}

describe('the WebSocket transport with a real server (the relay)', () => {
  it('carries a whole payment, and the server sees ciphertext only', async () => {
    const { relay, frames } = await startRelay();
    cleanup.push(() => relay.close());
    const { agent, customer } = await overRelay(relay);
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
    const wire = frames.map((frame) => frame.text).join('\n');
    expect(frames.length).toBeGreaterThanOrEqual(4);
    for (const secret of [CARD.number, CARD.name, '"737"', '12/30']) expect(wire).not.toContain(secret);
  });

  it('shows TRY AGAIN while the server refuses messages, and the retry goes through once it recovers', async () => {
    const { relay } = await startRelay();
    cleanup.push(() => relay.close());
    const { agent, customer } = await overRelay(relay);
    relay.setFailing(true);
    const sent = await request(agent);
    await until(() => sent.timeline().status === 'try-again', 'TRY AGAIN');
    expect(customer.requests).toHaveLength(0);
    relay.setFailing(false);
    expect(sent.retry().ok).toBe(true);
    await until(() => sent.timeline().status === 'waiting-for-customer', 'WAITING FOR CUSTOMER');
    await until(() => customer.requests.length === 1, 'the request at the customer');
  });

  it('shows TRY AGAIN when the server is gone for longer than the send timeout', async () => {
    const { relay } = await startRelay();
    const { agent, agentEnd } = await overRelay(relay, { sendTimeoutMs: 400 });
    await relay.close();
    await until(() => agentEnd.state === 'reconnecting', 'the loss noticed');
    const sent = await request(agent);
    await until(() => sent.timeline().status === 'try-again', 'TRY AGAIN after the timeout');
  });

  it('survives the server going away mid-flow and coming back: the card waits, then arrives', async () => {
    const first = await startRelay();
    const { agent, customer, agentEnd, customerEnd } = await overRelay(first.relay);
    const sent = await request(agent);
    await until(() => customer.requests.length === 1, 'the request at the customer');
    const port = first.relay.port;
    await first.relay.close();
    await until(() => agentEnd.state !== 'open' && customerEnd.state !== 'open', 'both sides notice');
    const peer = customer.requests[0]!;
    expect(peer.open().ok).toBe(true);
    expect((await peer.pay(CARD)).ok).toBe(true); // sealed; its send waits for the server
    const second = await startRelay(port);
    cleanup.push(() => second.relay.close());
    await until(() => sent.timeline().status === 'view-card', 'the card, once the server is back');
    expect((await sent.viewCard()).ok).toBe(true);
    expect(sent.complete().ok).toBe(true);
    await until(() => peer.timeline().status === 'payment-accepted', 'Payment Accepted');
  });

  it('resynchronises after a reconnection: an outcome lost while one side was away still reaches it', async () => {
    const { relay } = await startRelay();
    cleanup.push(() => relay.close());
    const { agent, customer, sockets } = await overRelay(relay);
    const sent = await request(agent);
    await until(() => customer.requests.length === 1, 'the request at the customer');
    const peer = customer.requests[0]!;
    // The customer's connection drops; the relay has nobody to pass the cancellation to.
    (sockets.customer.at(-1) as unknown as { terminate(): void }).terminate();
    await until(() => relay.connections('conv-1') === 1, 'the customer gone from the room');
    expect(sent.cancel().ok).toBe(true);
    expect(peer.timeline().status).toBe('payment-requested');
    await until(() => peer.timeline().status === 'cancelled', 'the cancellation, after the reconnection');
  });

  it('refuses a malformed room and forged acknowledgements, and keeps serving', async () => {
    const { relay } = await startRelay();
    cleanup.push(() => relay.close());
    const bad = new WebSocket(`ws://127.0.0.1:${relay.port}/%E0%A4%A`);
    const code = await new Promise<number>((resolve) => bad.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(1008);
    const [a, b] = [new WebSocket(relay.url('r')), new WebSocket(relay.url('r'))];
    await Promise.all([a, b].map((socket) => new Promise((resolve) => socket.on('open', resolve))));
    const atB: string[] = [];
    b.on('message', (data) => atB.push(String(data)));
    a.send(JSON.stringify({ ack: 'someone-elses-message' }));
    a.send(JSON.stringify({ hello: 'room' }));
    await until(() => atB.length === 1, 'the ordinary frame');
    expect(atB).toEqual(['{"hello":"room"}']);
    a.close();
    b.close();
  });
});
