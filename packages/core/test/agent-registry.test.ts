import { describe, expect, it } from 'vitest';
import { createAgentRegistry, createAgentSession, createCustomerSession, type RegistryEvent } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { createScriptedPair, until, VISA } from './support/scripted-transport.js';
import { expectOk, USD_12_50 } from './support/flow.js';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';

/** Two conversations on one agent console, each with its own customer. */
function console2() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const registry = createAgentRegistry();
  const events: RegistryEvent[] = [];
  registry.subscribe((event) => events.push(event));
  const conversations = ['conv-a', 'conv-b'].map((conversationId) => {
    const wire = createScriptedPair();
    const agent = createAgentSession({ ...agentTrust(), conversationId, transport: wire.agent, clock });
    const customer = createCustomerSession({ ...customerTrust(), conversationId, transport: wire.customer, clock });
    registry.add(agent);
    const exchange = async () => {
      await wire.deliverAll(() => customer.idle());
    };
    return { conversationId, wire, agent, customer, exchange };
  });
  return { registry, events, conversations };
}

async function cardArrives(conversation: ReturnType<typeof console2>['conversations'][number]) {
  const request = conversation.agent.createRequest();
  expectOk(request.review(USD_12_50));
  expectOk(request.send());
  await until(() => conversation.wire.inFlight.length === 1);
  await conversation.exchange();
  const peer = conversation.customer.request(request.requestId)!;
  expectOk(peer.open());
  expectOk(await peer.pay(VISA));
  await conversation.exchange();
  await until(() => request.timeline().phase === 'cardSubmitted');
  return request;
}

describe('the agent registry', () => {
  it('announces a card arriving on a conversation out of view, and dots that conversation until the card is viewed', async () => {
    const { registry, events, conversations } = console2();
    const [a, b] = conversations as [(typeof conversations)[number], (typeof conversations)[number]];
    registry.setConversationInView(a.conversationId);
    const request = await cardArrives(b);
    expect(events).toContainEqual({ type: 'card-arrived', conversationId: 'conv-b', requestId: request.requestId });
    expect(registry.needsAttention('conv-b')).toBe(true);
    expect(registry.needsAttention('conv-a')).toBe(false);
    expect(registry.requests()).toContainEqual({
      conversationId: 'conv-b',
      requestId: request.requestId,
      status: 'view-card',
      needsAttention: true,
      observed: false,
      amount: USD_12_50.amount,
    });
    expect(registry.arrivals()).toEqual([{ conversationId: 'conv-b', requestId: request.requestId }]);
    expectOk(await request.viewCard());
    expect(registry.needsAttention('conv-b')).toBe(false);
    expect(registry.arrivals()).toEqual([]);
  });

  it('lists each request with its amount once there is one: none in a blank draft, then the draft, then the terms', async () => {
    const { registry, conversations } = console2();
    const [a] = conversations as [(typeof conversations)[number]];
    const request = a.agent.createRequest();
    const summary = () => registry.requests().find((each) => each.requestId === request.requestId)!;
    expect(summary().amount).toBeNull();
    expectOk(request.review(USD_12_50));
    expect(summary().amount).toEqual({ minor: 1250, currency: 'USD' });
    expectOk(request.send());
    await until(() => request.timeline().phase === 'waitingForCustomer' || a.wire.inFlight.length === 1);
    expect(summary().amount).toEqual({ minor: 1250, currency: 'USD' });
  });

  it('lists the cards that arrived out of view, in order, until their conversation comes into view', async () => {
    const { registry, conversations } = console2();
    const [a, b] = conversations as [(typeof conversations)[number], (typeof conversations)[number]];
    registry.setConversationInView('elsewhere');
    const first = await cardArrives(b);
    const second = await cardArrives(a);
    expect(registry.arrivals().map((arrival) => arrival.requestId)).toEqual([first.requestId, second.requestId]);
    registry.setConversationInView('conv-b');
    expect(registry.arrivals()).toEqual([{ conversationId: 'conv-a', requestId: second.requestId }]);
    registry.remove(a.agent);
    expect(registry.arrivals()).toEqual([]);
  });

  it('does not announce a card arriving on the conversation in view, but still marks it', async () => {
    const { registry, events, conversations } = console2();
    const a = conversations[0]!;
    registry.setConversationInView(a.conversationId);
    await cardArrives(a);
    expect(events.some((event) => event.type === 'card-arrived')).toBe(false);
    expect(registry.arrivals()).toEqual([]);
    expect(registry.needsAttention('conv-a')).toBe(true);
  });

  it('forgets a removed conversation', async () => {
    const { registry, conversations } = console2();
    const b = conversations[1]!;
    await cardArrives(b);
    registry.remove(b.agent);
    expect(registry.needsAttention('conv-b')).toBe(false);
    expect(registry.requests().some((summary) => summary.conversationId === 'conv-b')).toBe(false);
  });
});
