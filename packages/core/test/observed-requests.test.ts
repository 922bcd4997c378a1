import { describe, expect, it } from 'vitest';
import {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  type RegistryEvent,
  type SessionReport,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { until, VISA } from './support/scripted-transport.js';
import { expectOk, START, TTL, USD_12_50 } from './support/flow.js';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';

/** Two agents' consoles and a customer on one conversation, every message reaching every other party. */
function sharedConversation() {
  const clock = new ManualClock(START);
  const hub = createMemoryHub();
  const reports: SessionReport[] = [];
  const options = { conversationId: 'conv-1', clock, requestTtlMs: TTL };
  const first = createAgentSession({ ...agentTrust(), ...options, transport: hub.connect() });
  const second = createAgentSession({
    ...agentTrust('agent-2'),
    ...options,
    transport: hub.connect(),
    onReport: (r) => reports.push(r),
  });
  const customer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'conv-1',
    clock,
    transport: hub.connect(),
  });
  return { clock, hub, first, second, customer, reports };
}

async function requested(setup: ReturnType<typeof sharedConversation>) {
  const request = setup.first.createRequest();
  expectOk(request.review(USD_12_50));
  expectOk(request.send());
  await until(() => setup.customer.requests.length === 1 && setup.second.requests.length === 1);
  return { request, peer: setup.customer.requests[0]!, observed: setup.second.requests[0]! };
}

describe("another agent's session on the same conversation", () => {
  it('follows the status of a request it did not send, through to completion', async () => {
    const setup = sharedConversation();
    const { request, peer, observed } = await requested(setup);
    expect(observed.requestId).toBe(request.requestId);
    expect(observed.observed).toBe(true);
    expect(request.observed).toBe(false);
    expect(observed.timeline().status).toBe('waiting-for-customer');
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => observed.timeline().status === 'view-card' && request.timeline().status === 'view-card');
    expectOk(await request.viewCard());
    expectOk(request.complete());
    await until(() => observed.timeline().status === 'completed');
    expect(setup.second.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
  });

  it('can never open the card, and says why', async () => {
    const setup = sharedConversation();
    const { peer, observed, request } = await requested(setup);
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => observed.timeline().phase === 'cardSubmitted' && request.timeline().phase === 'cardSubmitted');
    const viewed = await observed.viewCard();
    expect(viewed.ok).toBe(false);
    if (!viewed.ok) {
      expect(viewed.error.code).toBe('not-your-request');
      expect(viewed.error.message).toMatch(/only that agent/);
    }
    expect(observed.card()).toBeNull();
    for (const act of [observed.cancel, observed.complete, observed.retry, observed.edit, observed.send]) {
      const result = act();
      expect(result.ok ? 'ok' : result.error.code).toBe('not-your-request');
    }
    // The refusals changed nothing: the requesting agent still opens it.
    expect(request.timeline().phase).toBe('cardSubmitted');
    expectOk(await request.viewCard());
  });

  it('follows a decline, a cancellation and the expiry', async () => {
    const setup = sharedConversation();
    const declined = await requested(setup);
    expectOk(declined.peer.decline());
    await until(() => declined.observed.timeline().status === 'customer-declined');

    const second = setup.first.createRequest();
    expectOk(second.review(USD_12_50));
    expectOk(second.send());
    await until(() => setup.second.requests.length === 2);
    const watched = setup.second.request(second.requestId)!;
    expectOk(second.cancel());
    await until(() => watched.timeline().status === 'cancelled');

    const third = setup.first.createRequest();
    expectOk(third.review(USD_12_50));
    expectOk(third.send());
    await until(() => setup.second.requests.length === 3);
    setup.clock.advance(TTL);
    await until(() => setup.second.request(third.requestId)!.timeline().status === 'request-expired');
    expect(third.timeline().status).toBe('request-expired');
  });

  it("never raises the banner or the dot for another agent's card", async () => {
    const setup = sharedConversation();
    const registry = createAgentRegistry();
    const events: RegistryEvent[] = [];
    registry.subscribe((event) => events.push(event));
    registry.add(setup.second);
    registry.setConversationInView('elsewhere');
    const { peer, observed } = await requested(setup);
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => observed.timeline().phase === 'cardSubmitted');
    expect(events.some((event) => event.type === 'card-arrived')).toBe(false);
    expect(registry.needsAttention('conv-1')).toBe(false);
    expect(registry.requests()).toEqual([
      expect.objectContaining({ requestId: observed.requestId, status: 'view-card', observed: true }),
    ]);
  });

  it("waits for the sender's word rather than its own view window", async () => {
    const clock = new ManualClock(START);
    const hub = createMemoryHub();
    const base = { conversationId: 'conv-1', clock, requestTtlMs: TTL };
    const first = createAgentSession({ ...agentTrust(), ...base, viewWindowMs: 20 * 60_000, transport: hub.connect() });
    const second = createAgentSession({
      ...agentTrust('agent-2'),
      ...base,
      viewWindowMs: 5 * 60_000,
      transport: hub.connect(),
    });
    const customer = createCustomerSession({
      ...customerTrust(),
      conversationId: 'conv-1',
      clock,
      transport: hub.connect(),
    });
    const { request, peer, observed } = await requested({ first, second, customer, clock, hub, reports: [] });
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => observed.timeline().phase === 'cardSubmitted' && request.timeline().phase === 'cardSubmitted');
    expect(observed.timeline().deadline).toBeNull();
    clock.advance(6 * 60_000);
    expect(observed.timeline().status).toBe('view-card');
    expectOk(await request.viewCard());
    expectOk(request.complete());
    await until(() => observed.timeline().status === 'completed');
  });

  it("stays silent when asked to sync another agent's request: only its sender answers", async () => {
    const clock = new ManualClock(START);
    const hub = createMemoryHub();
    const sentBy = { first: [] as string[], second: [] as string[] };
    const end = (who: 'first' | 'second') => {
      const transport = hub.connect();
      const send = transport.send.bind(transport);
      transport.send = (message) => (sentBy[who].push(message.type), send(message));
      return transport;
    };
    const first = createAgentSession({ ...agentTrust(), conversationId: 'conv-1', clock, transport: end('first') });
    const second = createAgentSession({
      ...agentTrust('agent-2'),
      conversationId: 'conv-1',
      clock,
      transport: end('second'),
    });
    const customer = createCustomerSession({
      ...customerTrust(),
      conversationId: 'conv-1',
      clock,
      transport: hub.connect(),
    });
    await requested({ first, second, customer, clock, hub, reports: [] });
    customer.resync();
    await until(() => sentBy.first.includes('request.state'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sentBy.second).toEqual([]);
    expect(sentBy.first).toContain('request.state');
  });

  it('does not answer for the other agent, and reports outcomes of requests it never saw', async () => {
    const setup = sharedConversation();
    const { request } = await requested(setup);
    // A third agent joins late: it missed the request and hears only the cancellation.
    const late: SessionReport[] = [];
    createAgentSession({
      ...agentTrust('agent-3'),
      conversationId: 'conv-1',
      clock: setup.clock,
      transport: setup.hub.connect(),
      onReport: (r) => late.push(r),
    });
    expectOk(request.cancel());
    await until(() => late.length === 1);
    expect(late[0]).toMatchObject({
      type: 'message-ignored',
      reason: 'unknown-request',
      messageType: 'request.cancelled',
    });
  });
});

describe('the memory hub', () => {
  it('delivers to every other end, and a closed end neither sends nor receives', async () => {
    const hub = createMemoryHub();
    const [a, b, c] = [hub.connect(), hub.connect(), hub.connect()];
    const got: Record<string, unknown[]> = { a: [], b: [], c: [] };
    a.subscribe((m) => got.a!.push(m));
    b.subscribe((m) => got.b!.push(m));
    c.subscribe((m) => got.c!.push(m));
    const message = { hello: 1 } as never;
    await a.send(message);
    await until(() => got.b!.length === 1 && got.c!.length === 1);
    expect(got.a).toEqual([]);
    c.close();
    await expect(c.send(message)).rejects.toThrow(/closed/);
    await b.send(message);
    await until(() => got.a!.length === 1);
    expect(got.c).toHaveLength(1);
    hub.close();
    await expect(a.send(message)).rejects.toThrow(/closed/);
  });
});
