import { describe, expect, it, vi } from 'vitest';
import {
  createAgentSession,
  createCustomerSession,
  ConfigError,
  MAX_VIEW_WINDOW_MS,
  createMemoryTransportPair,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { createFlow, expectOk, START, TTL, USD_12_50, VIEW } from './support/flow.js';
import { settle, until, VISA } from './support/scripted-transport.js';
import { agentTrust, customerTrust, testVoucher } from '../../../test-support/trust.js';

describe('a payment request between the two sessions', () => {
  it('goes request → pay → view → complete, and each side passes through its phases', async () => {
    const flow = createFlow();
    const request = flow.agent.createRequest();
    const agentPhases: string[] = [];
    request.actor.subscribe((snapshot) => agentPhases.push(String(snapshot.value)));
    expect(request.timeline()).toMatchObject({ phase: 'draft', status: 'draft' });
    expectOk(request.review(USD_12_50));
    expect(request.timeline().status).toBe('confirming');
    expectOk(request.edit());
    expect(request.timeline().phase).toBe('draft');
    expect(request.actor.getSnapshot().context.draft).toEqual(USD_12_50);
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    expect(request.send().ok).toBe(false); // a double click sends once
    await until(() => request.timeline().phase === 'waitingForCustomer');
    expect(request.timeline()).toMatchObject({ status: 'waiting-for-customer', deadline: START + TTL });
    await flow.exchange();

    const peer = flow.customer.request(request.requestId)!;
    expect(peer.terms.amount).toEqual(USD_12_50.amount);
    expect(peer.timeline()).toMatchObject({ phase: 'waitingForCustomer', status: 'payment-requested' });
    expectOk(peer.open());
    expect(peer.timeline().status).toBe('entering-payment');
    await flow.exchange();
    expect(request.timeline().phase).toBe('customerEntering');

    const paid = peer.pay(VISA);
    expect((await peer.pay(VISA)).ok).toBe(false); // a double click sends once
    expectOk(await paid);
    await until(() => peer.timeline().phase === 'cardSubmitted');
    expect(peer.timeline().status).toBe('waiting-for-agent');
    flow.clock.advance(1000);
    await flow.exchange();
    expect(request.timeline()).toMatchObject({
      phase: 'cardSubmitted',
      status: 'view-card',
      deadline: START + 1000 + VIEW,
    });

    const viewed = await request.viewCard();
    expect(viewed.ok && viewed.value).toEqual(VISA);
    expect(request.timeline().phase).toBe('cardViewing');
    expect(request.card()).toEqual(VISA);
    expectOk(request.complete());
    expect(request.card()).toBeNull();
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['completed', 'completed']);
    expect(peer.timeline().status).toBe('payment-accepted');
    expect(agentPhases).toEqual(
      expect.arrayContaining([
        'draft',
        'confirming',
        'preparing',
        'sending',
        'waitingForCustomer',
        'customerEntering',
        'cardSubmitted',
        'opening',
        'cardViewing',
        'completed',
      ]),
    );
  });

  it('shows TRY AGAIN when the send fails, and a retry resends the same request once', async () => {
    const flow = createFlow();
    const request = await flow.failedSend();
    expect(request.timeline().status).toBe('try-again');
    expect(request.actor.getSnapshot().context.failure?.code).toBe('failed');
    expectOk(request.retry());
    await until(() => request.timeline().phase === 'waitingForCustomer');
    await flow.exchange();
    expect(flow.customer.requests.map((peer) => peer.requestId)).toEqual([request.requestId]);
  });

  it("keeps the customer's sealed card for a retry after a failed send", async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    await flow.exchange();
    flow.wire.failSends('customer', 1);
    expectOk(await peer.pay(VISA));
    await until(() => peer.timeline().phase === 'sendFailed');
    expect(peer.timeline().status).toBe('try-again');
    expectOk(peer.retry());
    await until(() => peer.timeline().phase === 'cardSubmitted');
    await flow.exchange();
    expect(request.timeline().phase).toBe('cardSubmitted');
  });

  it('ends in declined on both sides when the customer declines', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.decline());
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['declined', 'declined']);
    expect(request.timeline().status).toBe('customer-declined');
  });

  it('ends in cancelled on both sides when the agent cancels a waiting request', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(request.cancel());
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['cancelled', 'cancelled']);
    expect(peer.timeline().status).toBe('cancelled');
    expect(peer.open().ok).toBe(false);
  });

  it('cancels a draft without sending anything', async () => {
    const flow = createFlow();
    const request = flow.agent.createRequest();
    expectOk(request.cancel());
    expect(request.timeline().phase).toBe('cancelled');
    expect(flow.wire.log).toEqual([]);
  });

  it('expires the request just at its deadline on both sides, not a millisecond before', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    flow.clock.set(START + TTL - 1);
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['waitingForCustomer', 'waitingForCustomer']);
    flow.clock.set(START + TTL);
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['requestExpired', 'requestExpired']);
    expect(request.timeline().status).toBe('request-expired');
    expect(peer.timeline().status).toBe('request-expired');
  });

  it('ends the view window just at its deadline: the card is gone on both sides', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    const arrived = flow.clock.now();
    expect((await request.viewCard()).ok).toBe(true);
    flow.clock.set(arrived + VIEW - 1);
    expect(request.card()).toEqual(VISA);
    flow.clock.set(arrived + VIEW);
    await flow.exchange();
    expect(request.card()).toBeNull();
    expect(flow.phases(request)).toEqual(['cardExpired', 'cardExpired']);
    expect(request.timeline().status).toBe('card-expired');
    expect(request.complete().ok).toBe(false);
  });

  it('ends the view window for a card never opened, and it can no longer be opened', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    flow.clock.advance(VIEW);
    await flow.exchange();
    expect(request.timeline().phase).toBe('cardExpired');
    const viewed = await request.viewCard();
    expect(viewed.ok).toBe(false);
  });

  it('refuses an invalid amount or reason with a typed error and stays in draft', () => {
    const flow = createFlow();
    const request = flow.agent.createRequest();
    const zero = request.review({ amount: { minor: 0, currency: 'USD' }, reason: 'x' });
    expect(!zero.ok && zero.error.code).toBe('zero');
    const blank = request.review({ amount: { minor: 100, currency: 'USD' }, reason: '   ' });
    expect(!blank.ok && blank.error.code).toBe('invalid-reason');
    const long = request.review({ amount: { minor: 100, currency: 'USD' }, reason: 'x'.repeat(501) });
    expect(!long.ok && long.error.code).toBe('invalid-reason');
    expect(request.timeline().phase).toBe('draft');
  });

  it('refuses commands that make no sense in the current phase, saying which phase', () => {
    const flow = createFlow();
    const request = flow.agent.createRequest();
    const result = request.complete();
    expect(!result.ok && result.error.code).toBe('not-allowed-now');
    expect(!result.ok && result.error.message).toContain('draft');
  });

  it('refuses a view window over 30 minutes, or a non-positive one, with a ConfigError', () => {
    const [transport] = createMemoryTransportPair();
    const make = (viewWindowMs: number) => () =>
      createAgentSession({ ...agentTrust(), conversationId: 'c', transport, clock: new ManualClock(), viewWindowMs });
    expect(make(MAX_VIEW_WINDOW_MS + 1)).toThrow(ConfigError);
    expect(make(0)).toThrow(ConfigError);
    expect(make(Number.NaN)).toThrow(ConfigError);
    expect(make(MAX_VIEW_WINDOW_MS)).not.toThrow();
  });
});

describe('what a session does with what arrives', () => {
  it('reports malformed messages and never throws into the transport', async () => {
    const flow = createFlow();
    flow.wire.inject('agent', '{not json');
    flow.wire.inject('agent', { version: 1 });
    await flow.agent.idle();
    expect(flow.reports.agent.map((report) => report.type)).toEqual(['message-rejected', 'message-rejected']);
  });

  it('drops a duplicate by message id and reports it', async () => {
    const flow = createFlow();
    const request = flow.agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => flow.wire.inFlight.length === 1);
    flow.wire.duplicate();
    await flow.exchange();
    expect(flow.customer.requests).toHaveLength(1);
    expect(flow.reports.customer).toContainEqual({
      type: 'message-duplicate',
      messageType: 'request.created',
      requestId: request.requestId,
    });
  });

  it('ignores and reports a message that makes no sense now', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(peer.decline());
    await until(() => flow.wire.inFlight.length === 2);
    // The customer's genuine "opened" overtaken by its decline.
    flow.wire.deliver(1);
    await flow.agent.idle();
    flow.wire.deliver(0);
    await flow.agent.idle();
    expect(flow.reports.agent).toContainEqual({
      type: 'message-ignored',
      reason: 'not-now',
      messageType: 'request.opened',
      requestId: request.requestId,
      phase: 'declined',
    });
    // An outcome that claims to be the agent's, signed by nobody who holds its key.
    flow.wire.inject('agent', { ...JSON.parse(flow.wire.log.at(-1)!), id: 'wrong-side-1', type: 'request.completed' });
    await flow.agent.idle();
    expect(flow.reports.agent.at(-1)).toMatchObject({ type: 'message-rejected' });
  });

  it('catches up after lost messages with request.sync', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await until(() => flow.wire.inFlight.length === 2);
    flow.wire.drop();
    flow.wire.drop(); // the agent never hears of it
    expect(request.timeline().phase).toBe('waitingForCustomer');
    flow.agent.resync();
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['cardSubmitted', 'cardSubmitted']);
    expect(flow.reports.agent).toContainEqual({
      type: 'peer-state',
      requestId: request.requestId,
      phase: 'cardSubmitted',
    });
  });

  it('keeps several requests of one conversation apart', async () => {
    const flow = createFlow();
    const first = await flow.requested();
    const second = await flow.requested();
    expectOk(second.peer.decline());
    await flow.exchange();
    expect(flow.phases(first.request)).toEqual(['waitingForCustomer', 'waitingForCustomer']);
    expect(flow.phases(second.request)).toEqual(['declined', 'declined']);
  });

  it('ignores messages of other conversations on a shared transport', async () => {
    const flow = createFlow();
    const { request } = await flow.requested();
    const foreign = {
      ...JSON.parse(flow.wire.log[0]!),
      id: 'foreign-msg-1',
      conversationId: 'conv-2',
      type: 'request.declined',
      body: {},
    };
    flow.wire.inject('agent', foreign);
    await flow.agent.idle();
    expect(request.timeline().phase).toBe('waitingForCustomer');
  });

  it('drops keys and opened cards when the session closes', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    expectOk(await request.viewCard());
    expect(request.card()).toEqual(VISA);
    // The key that opens the card is gone; the signing key stays until the request ends.
    expect(flow.agent.secretsHeld).toEqual({ keys: 1, openedCards: 1 });
    flow.agent.close();
    expect(request.card()).toBeNull();
    expect(flow.agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
    expect(() => flow.agent.createRequest()).toThrow(/closed/);
  });

  it('refuses every action on a request of a closed session, with a typed error and nothing sent to its actor', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    flow.agent.close();
    const viewing = await request.viewCard();
    expect(viewing.ok).toBe(false);
    expect(!viewing.ok && viewing.error.code).toBe('session-closed');
    for (const action of [request.cancel(), request.complete(), request.retry()]) {
      expect(!action.ok && action.error.code).toBe('session-closed');
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('answers a pending viewCard when the session closes while the card is opening', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    // Know when the decryption has finished, whatever the machine does meanwhile.
    const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
    let decrypted = false;
    const spy = vi.spyOn(crypto.subtle, 'decrypt').mockImplementation(async (...args) => {
      // The session closes while the card is opening.
      flow.agent.close();
      const plaintext = await decrypt(...args);
      decrypted = true;
      return plaintext;
    });
    const result = await request.viewCard();
    expect(result.ok).toBe(false);
    expect(request.card()).toBeNull();
    await until(() => decrypted, 'the decryption');
    await settle();
    spy.mockRestore();
    expect(flow.agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
  });

  it('acts on messages that arrived too early once they are replayed', async () => {
    const flow = createFlow();
    const request = await flow.failedSend();
    // The customer got the request anyway (a resync replayed it) and paid while the agent showed TRY AGAIN.
    flow.agent.resync();
    await flow.exchange();
    const peer = flow.customer.request(request.requestId)!;
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await flow.exchange();
    expect(request.timeline().phase).toBe('cardSubmitted');
    expect(peer.timeline().phase).toBe('cardSubmitted');
  });

  it("carries on when the integrator's report callback throws, or the transport throws", async () => {
    const clock = new ManualClock(START);
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd, clock });
    const customer = createCustomerSession({
      ...customerTrust(),
      conversationId: 'c-1',
      transport: customerEnd,
      clock,
      onReport: () => {
        throw new Error('integrator bug');
      },
    });
    customerEnd.subscribe(() => undefined);
    agentEnd.send(JSON.parse('{"not":"a message"}')).catch(() => undefined); // reported to a throwing callback
    for (let index = 0; index < 2; index++) {
      const request = agent.createRequest();
      expectOk(request.review(USD_12_50));
      expectOk(request.send());
    }
    await until(() => customer.requests.length === 2, 'both requests');
    const throwing = createAgentSession({
      ...agentTrust(),
      conversationId: 'c-2',
      transport: {
        send: () => {
          throw new Error('sync');
        },
        subscribe: () => () => undefined,
      },
      clock,
    });
    const request = throwing.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => request.timeline().phase === 'sendFailed', 'TRY AGAIN');
  });

  it('drops the key made for a request cancelled while the key was being made', async () => {
    const [agentEnd] = createMemoryTransportPair();
    let proved = () => undefined as void;
    const proving = new Promise<void>((resolve) => (proved = resolve));
    let asked = false;
    const agent = createAgentSession({
      ...agentTrust(),
      conversationId: 'c-1',
      transport: agentEnd,
      clock: new ManualClock(START),
      // The keys exist once the server is asked to vouch; the request is cancelled before it answers.
      vouch: async (claims) => {
        asked = true;
        await proving;
        return testVoucher.vouch(claims);
      },
    });
    const request = agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => asked, 'the key made');
    expectOk(request.cancel());
    proved();
    await settle();
    expect(request.timeline().phase).toBe('cancelled');
    expect(agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
  });

  it('expires a request whose send never settles, at its deadline', async () => {
    const clock = new ManualClock(START);
    const agent = createAgentSession({
      ...agentTrust(),
      conversationId: 'c-1',
      transport: { send: () => new Promise<void>(() => undefined), subscribe: () => () => undefined },
      clock,
      requestTtlMs: TTL,
    });
    const request = agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => request.timeline().phase === 'sending');
    clock.set(START + TTL - 1);
    expect(request.timeline().phase).toBe('sending');
    clock.set(START + TTL);
    expect(request.timeline().phase).toBe('requestExpired');
  });
});

describe('calls made from inside a subscriber', () => {
  it('view the card and pay even though the actor queues the event until the subscriber returns', async () => {
    const flow = createFlow();
    const outcomes: string[] = [];
    flow.customer.subscribe(async ({ type, request }) => {
      if (type !== 'request-added') return;
      request.open();
      const paid = await request.pay(VISA);
      outcomes.push(paid.ok ? 'paid' : paid.error.code);
    });
    flow.agent.subscribe(async ({ request }) => {
      if (request.timeline().phase !== 'cardSubmitted') return;
      const card = await request.viewCard();
      outcomes.push(card.ok ? 'viewed' : card.error.code);
      if (card.ok) request.complete();
    });
    const { request } = await flow.requested();
    // Deliver until the agent has viewed and completed (opening the card takes real WebCrypto time).
    for (let round = 0; round < 400 && !outcomes.includes('viewed'); round++) {
      await flow.exchange();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await flow.exchange();
    expect(outcomes).toContain('paid');
    expect(outcomes).toContain('viewed');
    expect(flow.customer.request(request.requestId)!.timeline().status).toBe('payment-accepted');
  });
});
