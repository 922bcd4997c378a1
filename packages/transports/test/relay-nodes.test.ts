// A payment across two relay nodes on one real Redis: the agent on one node, the customer on the
// other, and the agent's node killed mid-flow.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgentSession, createCustomerSession, type CardDetails } from '@chatpay/core';
import { createRedisStore } from '@chatpay/server';
import { createWebSocketTransport } from '@chatpay/transports';
import { exportJWK } from 'jose';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { waitUntil } from '../../../test-support/check.js';
import { startRelayProcess } from '../../server/test/support/relay-process.js';
import { redisAvailability, startRedisServer, type RedisServer } from '../../server/test/support/redis-server.js';
import { ORIGIN, pageSocket, startTestRelay } from './support/relay.js';

const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};
const redis = redisAvailability();
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.skipIf(!redis.run)(`a payment across two relay nodes${redis.run ? '' : ` (skipped: ${redis.why})`}`, () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('completes when the agent’s node is killed mid-flow: the agent resumes on the other node and nothing is lost', async () => {
    const conversationId = `across-${Date.now()}`;
    // Node B here; node A, the agent's, in a process of its own. Both on Redis's default prefix.
    const store = await createRedisStore({ redis: server.url });
    const nodeB = await startTestRelay({ store });
    cleanup.push(async () => (await nodeB.close(), await store.close()));
    const token = (role: 'agent' | 'customer') => nodeB.token(role, conversationId);
    const nodeA = await startRelayProcess({
      redisUrl: server.url,
      publicJwk: await exportJWK(nodeB.publicKey),
      origin: ORIGIN,
      nodeId: 'a',
    });
    cleanup.push(() => nodeA.kill());
    // What a load balancer does: new connections go to a node that is up.
    let aUp = true;
    const agentEnd = createWebSocketTransport({
      url: `ws://127.0.0.1:${nodeA.port}/`,
      history: true,
      token: () => token('agent'),
      initialDelayMs: 50,
      maxDelayMs: 200,
      createSocket: (url) => pageSocket(aUp ? url : url.replace(`:${nodeA.port}/`, `:${nodeB.port}/`)),
    });
    const customerEnd = createWebSocketTransport({
      url: nodeB.url,
      history: true,
      token: () => token('customer'),
      createSocket: pageSocket,
    });
    const agent = createAgentSession({ ...agentTrust(), conversationId, transport: agentEnd });
    const customer = createCustomerSession({ ...customerTrust(), conversationId, transport: customerEnd });
    cleanup.push(() => (agent.close(), customer.close(), agentEnd.close(), customerEnd.close()));
    const sent = agent.createRequest();
    expect(sent.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok).toBe(true);
    expect(sent.send().ok).toBe(true);
    await waitUntil(() => customer.requests.length === 1, 'the request, across nodes, at the customer');
    const peer = customer.requests[0]!;
    expect(peer.open().ok).toBe(true);
    await waitUntil(() => agentEnd.cursor !== undefined, 'the agent has heard the customer open it');
    aUp = false;
    await nodeA.kill();
    expect((await peer.pay(CARD)).ok).toBe(true); // reaches node B while the agent has no node
    await waitUntil(() => sent.timeline().status === 'view-card', 'the card, once the agent is on node B');
    expect((await sent.viewCard()).ok).toBe(true);
    expect(sent.complete().ok).toBe(true);
    await waitUntil(() => peer.timeline().status === 'payment-accepted', 'Payment Accepted');
    const log = await store.read(conversationId, undefined, 1000);
    const ids = log.map((entry) => (JSON.parse(entry.text) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(log.map((entry) => (JSON.parse(entry.text) as { type: string }).type)).toEqual(
      expect.arrayContaining(['request.created', 'request.opened', 'request.submitted', 'request.completed']),
    );
  }, 30_000);
});
