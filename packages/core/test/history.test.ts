import { describe, expect, it } from 'vitest';
import { createAgentRegistry, createMemoryKeyStore, createTabLocks } from '@chatpay/core';
import { FakeLockManager } from './support/fake-locks.js';
import { createConversation } from './support/conversation.js';
import { expectOk, TTL, USD_12_50 } from './support/flow.js';
import { until, VISA } from './support/scripted-transport.js';

/** Sessions rebuild every request from the conversation's history: a reload, a second device, a late join. */
describe('a session that starts on a conversation with history', () => {
  it('agent reloads after the customer paid: the request is back in VIEW CARD with its true remaining time, and the card opens', async () => {
    const talk = createConversation();
    const first = talk.agent();
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => request.timeline().phase === 'cardSubmitted');
    const deadline = request.timeline().deadline;
    talk.clock.advance(60_000);
    first.close();

    const reloaded = talk.agent();
    await talk.settled(reloaded);
    const again = reloaded.request(request.requestId)!;
    expect(again.timeline()).toMatchObject({ phase: 'cardSubmitted', status: 'view-card', keys: 'here', deadline });
    const viewed = await again.viewCard();
    expect(viewed.ok && viewed.value).toEqual(VISA);
    expectOk(again.complete());
    await talk.settled(reloaded, customer);
    expect(peer.timeline().status).toBe('payment-accepted');
  });

  it('agent reloads after viewing: the card does not open again, but the request can still be completed', async () => {
    const talk = createConversation();
    const first = talk.agent();
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => request.timeline().phase === 'cardSubmitted');
    expectOk(await request.viewCard());
    await talk.settled(first);
    first.close();

    const reloaded = talk.agent();
    await talk.settled(reloaded);
    const again = reloaded.request(request.requestId)!;
    expect(again.timeline()).toMatchObject({ phase: 'cardSubmitted', keys: 'opened' });
    expect((await again.viewCard()).ok).toBe(false);
    expectOk(again.complete());
    await talk.settled(reloaded, customer);
    expect(peer.timeline().status).toBe('payment-accepted');
  });

  it("agent on a device without the keys: can't be opened here, and Send new request replaces it for the customer", async () => {
    const talk = createConversation();
    const first = talk.agent();
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    first.close();

    const elsewhere = talk.agent({ keyStore: createMemoryKeyStore() });
    await talk.settled(elsewhere);
    const seen = elsewhere.request(request.requestId)!;
    expect(seen.observed).toBe(false);
    expect(seen.timeline()).toMatchObject({ phase: 'waitingForCustomer', keys: 'gone' });
    const refused = await seen.viewCard();
    expect(!refused.ok && refused.error.code).toBe('key-gone');
    const fresh = seen.requestAgain();
    expectOk(fresh);
    await until(() => customer.requests.length === 2);
    await talk.settled(elsewhere, customer);
    expect(customer.request(request.requestId)!.timeline().status).toBe('replaced');
    expect(seen.timeline().phase).toBe('cancelled');
    const next = customer.requests.at(-1)!;
    expect(next.terms.replaces).toBe(request.requestId);
    expect(next.terms.amount).toEqual(USD_12_50.amount);
    expect(next.open().ok).toBe(true);
    // Never offered Pay on the old one.
    expect(customer.request(request.requestId)!.open().ok).toBe(false);
  });

  it('customer reloads while typing the card: the request is back, the form empty with a notice, and paying works', async () => {
    const talk = createConversation();
    const agent = talk.agent();
    const first = talk.customer();
    const request = await talk.request(agent);
    await talk.settled(agent, first);
    expectOk(first.request(request.requestId)!.open());
    await talk.settled(agent, first);
    first.close();

    const reloaded = talk.customer();
    await talk.settled(reloaded);
    const peer = reloaded.request(request.requestId)!;
    expect(peer.timeline().phase).toBe('customerEntering');
    expect(peer.resumed).toBe(true);
    expectOk(await peer.pay(VISA));
    await until(() => request.timeline().phase === 'cardSubmitted');
    expect(request.timeline().conflict).toBe(false);
    expect((await request.viewCard()).ok).toBe(true);
  });

  it('customer reloads before opening: the request is there with the same time left', async () => {
    const talk = createConversation();
    const agent = talk.agent();
    const request = await talk.request(agent);
    talk.clock.advance(5 * 60_000);
    const late = talk.customer();
    await talk.settled(agent, late);
    const peer = late.request(request.requestId)!;
    expect(peer.timeline()).toMatchObject({ phase: 'waitingForCustomer', deadline: request.timeline().deadline });
    expect(peer.resumed).toBe(false);
  });

  it('a request that expired while nobody was there comes back expired, and its keys are swept', async () => {
    const talk = createConversation();
    const first = talk.agent();
    const request = await talk.request(first);
    await talk.settled(first);
    first.close();
    talk.clock.advance(TTL + 30 * 60_000 + 1);
    const reloaded = talk.agent();
    await talk.settled(reloaded);
    expect(reloaded.request(request.requestId)!.timeline()).toMatchObject({ keys: 'gone' });
    expect(
      await talk.agentKeys.get({ agentId: 'agent-1', conversationId: 'conv-1' }, request.requestId),
    ).toBeUndefined();
    const customer = talk.customer();
    await talk.settled(customer);
    // A manual clock fires what fell due when it is next read moving.
    talk.clock.advance(0);
    expect(customer.request(request.requestId)!.timeline().phase).toBe('requestExpired');
    expect(reloaded.request(request.requestId)!.timeline().phase).toBe('requestExpired');
  });

  it('keys are deleted at every ending', async () => {
    const talk = createConversation();
    const agent = talk.agent();
    const customer = talk.customer();
    const scope = { agentId: 'agent-1', conversationId: 'conv-1' };
    const cancelled = await talk.request(agent);
    const declined = await talk.request(agent);
    const completed = await talk.request(agent);
    await talk.settled(agent, customer);
    for (const request of [cancelled, declined, completed]) {
      expect(await talk.agentKeys.get(scope, request.requestId)).toBeDefined();
    }
    expectOk(cancelled.cancel());
    expectOk(customer.request(declined.requestId)!.decline());
    const peer = customer.request(completed.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => completed.timeline().phase === 'cardSubmitted');
    expectOk(await completed.viewCard());
    expectOk(completed.complete());
    await talk.settled(agent, customer);
    await until(() => declined.timeline().phase === 'declined');
    await talk.settled(agent);
    for (const request of [cancelled, declined, completed]) {
      expect(await talk.agentKeys.get(scope, request.requestId)).toBeUndefined();
    }
    expect(agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
  });
});

describe('two tabs of one agent', () => {
  it('do not fight over a request: one holds the keys and opens the card, the other says where, and takes over when it closes', async () => {
    const talk = createConversation();
    const locks = new FakeLockManager();
    const firstTab = locks.tab();
    const first = talk.agent({ tabLocks: createTabLocks({ locks: firstTab }) });
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const second = talk.agent({ tabLocks: createTabLocks({ locks: locks.tab() }) });
    await talk.settled(second);
    const mirrored = second.request(request.requestId)!;
    await until(() => mirrored.timeline().keys === 'other-tab', 'the other tab');
    expect(request.timeline().keys).toBe('here');

    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => mirrored.timeline().phase === 'cardSubmitted' && request.timeline().phase === 'cardSubmitted');
    expect((await mirrored.viewCard()).ok).toBe(false);

    // The first tab closes without opening the card: the second takes over and opens it.
    first.close();
    locks.close(firstTab.id);
    await until(() => mirrored.timeline().keys === 'here', 'the take-over');
    const viewed = await mirrored.viewCard();
    expect(viewed.ok && viewed.value).toEqual(VISA);
  });
});

describe("the agent's registry", () => {
  it('raises no banner or dot for a card this tab cannot open (keys elsewhere), and does for the tab that can', async () => {
    const talk = createConversation();
    const locks = new FakeLockManager();
    const first = talk.agent({ tabLocks: createTabLocks({ locks: locks.tab() }) });
    const customer = talk.customer();
    const request = await talk.request(first);
    await talk.settled(first, customer);
    const second = talk.agent({ tabLocks: createTabLocks({ locks: locks.tab() }) });
    const device = talk.agent({ keyStore: createMemoryKeyStore() });
    const registries = [first, second, device].map((session) => {
      const registry = createAgentRegistry();
      registry.add(session);
      return registry;
    });
    await talk.settled(second, device);
    await until(() => second.request(request.requestId)?.timeline().keys === 'other-tab');
    const peer = customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() =>
      [first, second, device].every(
        (session) => session.request(request.requestId)?.timeline().phase === 'cardSubmitted',
      ),
    );
    expect(registries.map((registry) => registry.needsAttention('conv-1'))).toEqual([true, false, false]);
  });
});

describe('a customer page rebuilt from the history', () => {
  it("takes back only its own words: a decline someone else signed does not come back as the customer's", async () => {
    const talk = createConversation();
    const agent = talk.agent();
    const first = talk.customer();
    const request = await talk.request(agent);
    await talk.settled(agent, first);
    expectOk(first.request(request.requestId)!.open());
    await talk.settled(agent, first);
    await talk.inject(await talk.forgeAsCustomer(request.requestId, 'request.declined', {}));
    await talk.settled(agent, first);
    first.close();
    const reloaded = talk.customer();
    await talk.settled(reloaded);
    expect(reloaded.request(request.requestId)!.timeline().phase).toBe('customerEntering');
    expect(talk.reports.customer.at(-1)).toMatchObject({ type: 'message-refused', reason: 'customer-key-conflict' });
  });
});
