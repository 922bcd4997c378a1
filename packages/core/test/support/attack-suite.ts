import {
  ConfigError,
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  SessionError,
  type MessageOf,
  type SessionReport,
  type WireMessage,
} from '@chatpay/core';
import { createConversation } from './conversation.js';
import { expectOk, USD_12_50 } from './flow.js';
import { until, VISA } from './scripted-transport.js';
import { createTestVoucher } from '../../../../test-support/trust.js';
import type { TestApi } from '../../../../test-support/expect.js';

const refusals = (reports: readonly SessionReport[]) =>
  reports.filter((report) => report.type === 'message-refused').map((report) => report.reason);

/** The genuine message of `type` the adversary read off the wire for `requestId`. */
function read<T extends WireMessage['type']>(seen: readonly WireMessage[], requestId: string, type: T): MessageOf<T> {
  const message = seen.find((candidate) => candidate.requestId === requestId && candidate.type === type);
  if (!message) throw new Error(`no ${type} crossed`);
  return message as MessageOf<T>;
}

/**
 * Every attack of docs/security.md as a test, for vitest in Node (attacks.test.ts) and for the three
 * browser engines (test/browser/attacks.browser.test.ts): the same cases, the same checks.
 */
/** The floods send thousands of messages, each through real signature checks: slow engines on busy machines need time. */
const FLOOD_TIMEOUT_MS = 60_000;

export function attackSuite({ describe, it, expect }: TestApi): void {
  describe('a stranger in the conversation', () => {
    it('cannot ask the customer for a card with a key of its own: an unvouched request is never shown and is reported', async () => {
      const talk = createConversation();
      const customer = talk.customer();
      const { message } = await talk.forgeRequest();
      await talk.inject(message);
      await talk.settled(customer);
      expect(customer.requests).toEqual([]);
      expect(refusals(talk.reports.customer)).toEqual(['unvouched']);
    });

    it('cannot vouch with a key the integrator does not publish', async () => {
      const talk = createConversation();
      const customer = talk.customer();
      const other = createTestVoucher('test-key-1');
      const requestId = 'stranger-request-1';
      const { keys, agentKey } = await (await import('@chatpay/core')).generateAgentKeyPair('agent-1');
      const vouch = await other.vouch({
        agentId: 'agent-1',
        requestId,
        conversationId: 'conv-1',
        encryptionKey: agentKey.publicKey,
        signingKey: agentKey.signingKey,
        expiresAt: talk.clock.now() + 60_000,
      });
      const forged = await talk.forge(
        requestId,
        'request.created',
        { ...USD_12_50, expiresAt: talk.clock.now() + 60_000, agentKey: { ...agentKey, vouch } },
        { signingKey: keys.signing.privateKey },
      );
      await talk.inject(forged);
      await talk.settled(customer);
      expect(customer.requests).toEqual([]);
      expect(refusals(talk.reports.customer)).toEqual(['bad-vouch-signature']);
    });

    it("cannot resend the agent's request with the same id, amount and reason and only its own key, even to a customer who joins late", async () => {
      const talk = createConversation();
      const agent = talk.agent();
      const request = await talk.request(agent);
      await talk.settled(agent);
      const genuine = read(talk.seen, request.requestId, 'request.created');
      const { keys, agentKey } = await (await import('@chatpay/core')).generateAgentKeyPair('agent-1');
      // The genuine vouch, the stranger's own keys, signed by the stranger's own signing key.
      const copy = await talk.forge(
        request.requestId,
        'request.created',
        { ...genuine.body, agentKey: { ...agentKey, vouch: genuine.body.agentKey.vouch } },
        { signingKey: keys.signing.privateKey },
      );
      await talk.inject(copy);
      // Only the public key swapped, the rest as sent.
      await talk.inject({
        ...genuine,
        id: 'swapped-key-1',
        body: { ...genuine.body, agentKey: { ...genuine.body.agentKey, publicKey: agentKey.publicKey } },
      });
      const late = talk.customer();
      await talk.settled(late);
      expect(late.requests.map((peer) => peer.terms.agentKey.publicKey)).toEqual([genuine.body.agentKey.publicKey]);
      expect(refusals(talk.reports.customer).sort()).toEqual(['bad-signature', 'vouch-mismatch']);
    });

    it('cannot forge an outcome: a completed, declined, cancelled or expired signed by anyone else changes nothing', async () => {
      const talk = createConversation();
      const agent = talk.agent();
      const customer = talk.customer();
      const request = await talk.request(agent);
      await talk.settled(agent, customer);
      const peer = customer.request(request.requestId)!;
      expectOk(peer.open());
      await talk.settled(agent, customer);
      await talk.inject(await talk.forge(request.requestId, 'request.completed', {}));
      await talk.inject(await talk.forge(request.requestId, 'request.cancelled', { reason: 'agent' }));
      await talk.inject(await talk.forge(request.requestId, 'request.expired', { stage: 'request' }));
      await talk.inject(await talk.forgeAsCustomer(request.requestId, 'request.declined', {}));
      await talk.settled(agent, customer);
      expect(peer.timeline().phase).toBe('customerEntering');
      expect(request.timeline().phase).toBe('customerEntering');
      expect(refusals(talk.reports.customer)).toEqual(['bad-signature', 'bad-signature', 'bad-signature']);
      // A second customer key for the request is a conflict the agent is shown.
      expect(refusals(talk.reports.agent)).toContain('customer-key-conflict');
      expect(request.timeline().conflict).toBe(true);
    });

    it('cannot slip in a card of its own once the customer has spoken, and the agent never opens it', async () => {
      const talk = createConversation();
      const agent = talk.agent();
      const customer = talk.customer();
      const request = await talk.request(agent);
      await talk.settled(agent, customer);
      expectOk(customer.request(request.requestId)!.open());
      await talk.settled(agent, customer);
      const created = read(talk.seen, request.requestId, 'request.created');
      const { sealCard, generateSigningKeyPair } = await import('@chatpay/core');
      const own = await generateSigningKeyPair();
      const sealed = await sealCard({ ...VISA, name: 'Mallory' }, created.body.agentKey, {
        requestId: request.requestId,
        conversationId: 'conv-1',
        terms: created.body,
        customerKey: own.publicKey,
      });
      await talk.inject(
        await talk.forge(
          request.requestId,
          'request.submitted',
          { sealed },
          { customerKey: own.publicKey, signingKey: own.keyPair.privateKey },
        ),
      );
      await talk.settled(agent, customer);
      expect(request.timeline().phase).toBe('customerEntering');
      expect(refusals(talk.reports.agent)).toEqual(['customer-key-conflict']);
      const viewed = await request.viewCard();
      expect(viewed.ok).toBe(false);
    });

    it('cannot end a request with junk or a sealed card replayed from another request before the customer pays', async () => {
      const talk = createConversation();
      const agent = talk.agent();
      const customer = talk.customer();
      const first = await talk.request(agent);
      const second = await talk.request(agent);
      await talk.settled(agent, customer);
      const firstPeer = customer.request(first.requestId)!;
      expectOk(firstPeer.open());
      expectOk(await firstPeer.pay(VISA));
      await talk.settled(agent, customer);
      const submitted = read(talk.seen, first.requestId, 'request.submitted');
      // The first request's genuine card, moved to the second request: its signature no longer holds.
      await talk.inject({ ...submitted, id: 'replayed-card-1', requestId: second.requestId });
      await talk.inject({
        ...submitted,
        id: 'junk-card-1',
        body: { sealed: { enc: 'A'.repeat(87), ciphertext: 'B'.repeat(400) } },
      });
      await talk.inject('{"version":2,"junk":true}');
      await talk.settled(agent, customer);
      expect(second.timeline().phase).toBe('waitingForCustomer');
      const secondPeer = customer.request(second.requestId)!;
      expectOk(secondPeer.open());
      expectOk(await secondPeer.pay({ ...VISA, name: 'Grace Hopper' }));
      await until(() => second.timeline().phase === 'cardSubmitted');
      const viewed = await second.viewCard();
      expect(viewed.ok && viewed.value.name).toBe('Grace Hopper');
      expect(refusals(talk.reports.agent)).toEqual(['bad-signature', 'bad-signature']);
    });
  });

  describe('a flood', () => {
    it(
      'of 5,000 forged requests makes no request on either side',
      async () => {
        const talk = createConversation();
        const agent = talk.agent();
        const customer = talk.customer();
        const { message } = await talk.forgeRequest('stranger-flood-0');
        for (let index = 0; index < 5_000; index++)
          await talk.inject({ ...message, id: `flood-${index}-xx`, requestId: `stranger-flood-${index}` });
        await talk.settled(agent, customer);
        expect(customer.requests).toHaveLength(0);
        expect(agent.requests).toHaveLength(0);
        expect(talk.reports.customer).toHaveLength(5_000);
      },
      FLOOD_TIMEOUT_MS,
    );

    it('of vouched requests stops at maxLiveRequests, with a typed error for the agent and a report for the customer', async () => {
      const talk = createConversation();
      const agent = talk.agent({ maxLiveRequests: 3 });
      const customer = talk.customer({ maxLiveRequests: 2 });
      for (let index = 0; index < 3; index++) await talk.request(agent);
      expect(() => agent.createRequest()).toThrow(SessionError);
      await talk.settled(agent, customer);
      expect(customer.requests).toHaveLength(2);
      expect(
        talk.reports.customer.some(
          (report) => report.type === 'message-ignored' && report.reason === 'too-many-requests',
        ),
      ).toBe(true);
    });

    it(
      'of 10,001 junk messages cannot bring a forgotten request back',
      async () => {
        const talk = createConversation();
        const agent = talk.agent();
        const customer = talk.customer();
        const request = await talk.request(agent);
        await talk.settled(agent, customer);
        expectOk(request.cancel());
        await talk.settled(agent, customer);
        expectOk(customer.forget(request.requestId));
        for (let index = 0; index < 10_001; index++) await talk.inject({ junk: index });
        // Junk never counts as seen: the genuine request's id is still known as a copy...
        const created = read(talk.seen, request.requestId, 'request.created');
        await talk.inject(created);
        await talk.settled(agent, customer);
        expect(talk.reports.customer.at(-1)).toMatchObject({ type: 'message-duplicate', requestId: request.requestId });
        // ...and a copy under a new id finds the request forgotten.
        await talk.inject({ ...created, id: 'resurrect-1' });
        await talk.settled(agent, customer);
        expect(customer.request(request.requestId)).toBeUndefined();
        expect(talk.reports.customer.at(-1)).toMatchObject({ type: 'message-ignored', reason: 'forgotten' });
      },
      FLOOD_TIMEOUT_MS,
    );

    it('of request.sync is answered at most once per request in each interval, and forged ones not at all', async () => {
      const talk = createConversation();
      // Without history, sessions catch up by request.sync.
      const hub = createMemoryHub();
      const clock = talk.clock;
      const voucher = createTestVoucher();
      const agent = createAgentSession({
        conversationId: 'c',
        transport: hub.connect(),
        clock,
        agentId: 'agent-1',
        vouch: voucher.vouch,
        trustedKeys: voucher.trustedKeys,
      });
      const sent: WireMessage[] = [];
      const customerEnd = hub.connect();
      const customer = createCustomerSession({
        conversationId: 'c',
        transport: customerEnd,
        clock,
        trustedKeys: voucher.trustedKeys,
      });
      const spy = hub.connect();
      spy.subscribe((message) => sent.push(message as WireMessage));
      const request = await talk.request(agent);
      await talk.settled(agent, customer);
      const before = sent.filter((message) => 'customerKey' in message).length;
      for (let index = 0; index < 10; index++) agent.resync();
      await talk.settled(agent, customer);
      const answers = sent.filter((message) => 'customerKey' in message && message.type === 'request.state');
      expect(answers).toHaveLength(1);
      expect(sent.filter((message) => 'customerKey' in message).length - before).toBeLessThanOrEqual(2);
      void request;
    });
  });

  describe('the defaults', () => {
    it("need the integrator's keys on both sides, or the loudly named development opt-out", () => {
      const [transport] = [createMemoryHub().connect()];
      expect(() => createCustomerSession({ conversationId: 'c', transport })).toThrow(ConfigError);
      expect(() => createAgentSession({ conversationId: 'c', transport, agentId: 'a' })).toThrow(ConfigError);
      expect(() =>
        createAgentSession({ conversationId: 'c', transport, agentId: 'a', trustedKeys: { keys: [] } }),
      ).toThrow(ConfigError);
      expect(createCustomerSession({ conversationId: 'c', transport, dangerouslySkipKeyVouching: true }).trust).toBe(
        'unverified',
      );
    });

    it('without vouching, still sign every message; requests show as unverified, and a vouching customer refuses them', async () => {
      const talk = createConversation();
      const agent = createAgentSession({
        conversationId: 'conv-1',
        transport: talk.hub.connect(),
        clock: talk.clock,
        agentId: 'agent-1',
        dangerouslySkipKeyVouching: true,
      });
      const loose = talk.customer({ dangerouslySkipKeyVouching: true });
      const strict = talk.customer();
      const request = await talk.request(agent);
      await talk.settled(agent, loose, strict);
      expect(request.timeline().trust).toBe('unverified');
      expect(loose.request(request.requestId)?.timeline().trust).toBe('unverified');
      expect(strict.requests).toEqual([]);
      expect(refusals(talk.reports.customer)).toEqual(['unvouched']);
    });

    it('refuse a reason that could reorder the amount or hide text', () => {
      const talk = createConversation();
      const request = talk.agent().createRequest();
      for (const reason of ['Refund \u202eUSD 00.01', 'Order\u2066 12\u2069', 'Fee\u200b', 'x\u{e0041}']) {
        const reviewed = request.review({ ...USD_12_50, reason });
        expect(!reviewed.ok && reviewed.error.code).toBe('invalid-reason');
      }
      expectOk(request.review({ ...USD_12_50, reason: 'Thanks ❤️ 👨‍👩‍👧' }));
    });
  });
}
