// Several relay nodes on one real redis-server: what one accepts reaches clients on every node; a node
// that dies loses nothing acknowledged; a Redis restart does what docs/relay.md says.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK } from 'jose';
import { createRedisStore, createRelay, type RelayStore } from '../src/index.js';
import {
  AGENT_ONLY,
  CUSTOMER_ONLY,
  ORIGIN,
  TestClient,
  tokenKit,
  until,
  wireMessage,
  type TokenKit,
} from './support/relay-kit.js';
import { startRelayProcess } from './support/relay-process.js';
import { redisAvailability, startRedisServer, type RedisServer } from './support/redis-server.js';

const redis = redisAvailability();
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let prefixes = 0;

async function node(server: RedisServer, kit: TokenKit, prefix: string, name: string, limits = {}) {
  const store: RelayStore = await createRedisStore({ redis: server.url, prefix });
  const relay = createRelay({
    tokenKeys: kit.publicKey,
    allowedOrigins: [ORIGIN],
    store,
    nodeId: name,
    limits,
    logger: () => {},
    processMetrics: false,
  });
  const { url } = await relay.listen();
  cleanup.push(async () => {
    await relay.close();
    await store.close();
  });
  const join = async (role: 'agent' | 'customer', extra: Record<string, string> = {}, conversationId = 'conv-1') => {
    const target = new URL(url);
    target.searchParams.set('token', await kit.token(role, conversationId));
    for (const [key, value] of Object.entries(extra)) target.searchParams.set(key, value);
    const client = await TestClient.open(target.toString());
    cleanup.push(() => client.close());
    await client.waitFor('caughtUp');
    return client;
  };
  return { relay, store, url, join };
}

describe.skipIf(!redis.run)(`relay nodes on one Redis${redis.run ? '' : ` (skipped: ${redis.why})`}`, () => {
  let server: RedisServer;
  let kit: TokenKit;
  beforeAll(async () => {
    server = await startRedisServer();
    kit = await tokenKit();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('hands what one node accepts to clients on the other, and gives a late joiner on either the whole history', async () => {
    const prefix = `nodes${++prefixes}:`;
    const a = await node(server, kit, prefix, 'a');
    const b = await node(server, kit, prefix, 'b');
    const agent = await a.join('agent');
    const customer = await b.join('customer');
    const toCustomer = wireMessage(AGENT_ONLY);
    agent.send(toCustomer);
    await agent.waitFor('ack', toCustomer.id);
    await until(() => customer.entries.length === 1, 'the agent’s message on the other node');
    const toAgent = wireMessage(CUSTOMER_ONLY);
    customer.send(toAgent);
    await until(() => agent.entries.length === 1, 'the customer’s message on the other node');
    expect(agent.entries[0]!.sender).toEqual({ role: 'customer', subject: 'customer-1' });
    const late = await b.join('agent');
    expect(late.entries.map((entry) => entry.message.id)).toEqual([toCustomer.id, toAgent.id]);
    expect(customer.entries.map((entry) => entry.message.id)).toEqual([toCustomer.id]);
  });

  it('drops a duplicate sent to the other node (a resend after a reconnection) but acknowledges it', async () => {
    const prefix = `nodes${++prefixes}:`;
    const a = await node(server, kit, prefix, 'a');
    const b = await node(server, kit, prefix, 'b');
    const customer = await a.join('customer');
    const first = await a.join('agent');
    const message = wireMessage(AGENT_ONLY);
    first.send(message);
    await first.waitFor('ack', message.id);
    const second = await b.join('agent');
    second.send(message);
    await second.waitFor('ack', message.id);
    const after = wireMessage(AGENT_ONLY);
    second.send(after);
    await until(() => customer.entries.length === 2, 'both distinct messages');
    expect(customer.entries.map((entry) => entry.message.id)).toEqual([message.id, after.id]);
  });

  it('loses nothing when a node is killed mid-stream: its clients resume on another with their cursor', async () => {
    const limits = { messagesPerSecond: 100_000, messageBurst: 100_000 };
    const b = await node(server, kit, 'chatpay:', 'b', limits);
    // The node to kill runs in a process of its own, on the same Redis.
    const killed = await startRelayProcess({
      redisUrl: server.url,
      publicJwk: await exportJWK(kit.publicKey),
      origin: ORIGIN,
      nodeId: 'a',
      limits,
    });
    cleanup.push(() => killed.kill());
    const conversation = `killed-${Date.now()}`;
    const onA = async (role: 'agent' | 'customer') => {
      const client = await TestClient.open(
        `ws://127.0.0.1:${killed.port}/?token=${await kit.token(role, conversation)}`,
      );
      await client.waitFor('caughtUp');
      return client;
    };
    const agentOnA = await onA('agent');
    const customerOnA = await onA('customer');
    const watcher = await b.join('customer', {}, conversation);
    const sent = Array.from({ length: 200 }, () => wireMessage(AGENT_ONLY, conversation));
    for (const [index, message] of sent.entries()) {
      agentOnA.send(message);
      if (index === 100) await killed.kill();
    }
    await Promise.all([agentOnA.closed, customerOnA.closed]);
    // The agent resends, on the living node, what was not acknowledged; the customer resumes after its cursor.
    const unacknowledged = sent.filter((message) => !agentOnA.has('ack', message.id));
    expect(unacknowledged.length).toBeGreaterThan(0);
    const agentOnB = await b.join('agent', { cursor: '0-0' }, conversation);
    for (const message of unacknowledged) agentOnB.send(message);
    await until(() => unacknowledged.every((message) => agentOnB.has('ack', message.id)), 'every resend acknowledged');
    const cursor = customerOnA.entries.at(-1)?.cursor ?? '0-0';
    const customerOnB = await b.join('customer', { cursor }, conversation);
    const ids = sent.map((message) => message.id);
    expect([...customerOnA.entries, ...customerOnB.entries].map((entry) => entry.message.id)).toEqual(ids);
    await until(() => watcher.entries.length === ids.length, 'everything, once, at the customer on the other node');
    expect(watcher.entries.map((entry) => entry.message.id)).toEqual(ids);
  });
});

describe.skipIf(!redis.run)(`a Redis restart${redis.run ? '' : ` (skipped: ${redis.why})`}`, () => {
  it('with AOF: clients stay connected, messages sent meanwhile wait or are refused as unavailable, and nothing acknowledged is lost', async () => {
    const server = await startRedisServer({ persistence: 'aof' });
    cleanup.push(() => server.dispose());
    const kit = await tokenKit();
    const a = await node(server, kit, 'restart:', 'a');
    const b = await node(server, kit, 'restart:', 'b');
    const agent = await a.join('agent');
    const customer = await b.join('customer');
    const before = wireMessage(AGENT_ONLY);
    agent.send(before);
    await agent.waitFor('ack', before.id);
    await server.stop('SIGKILL');
    await until(() => !a.store.available && !b.store.available, 'both nodes see Redis gone');
    expect(a.relay.health().status).toBe('store-unavailable');
    const during = wireMessage(AGENT_ONLY);
    agent.send(during);
    await server.restart();
    await until(() => a.store.available && b.store.available, 'both nodes back');
    // Sent while Redis was down: either it waited for the reconnection and was appended, or it was
    // refused as unavailable, and a second send (what the transport does) is appended once.
    await until(
      () => agent.has('ack', during.id) || agent.has('nack', during.id),
      'an answer for the message sent meanwhile',
    );
    if (agent.has('nack', during.id)) agent.send(during);
    await agent.waitFor('ack', during.id);
    const after = wireMessage(AGENT_ONLY);
    agent.send(after);
    await agent.waitFor('ack', after.id);
    await until(() => customer.entries.length === 3, 'all three at the customer on the other node');
    expect(customer.entries.map((entry) => entry.message.id)).toEqual([before.id, during.id, after.id]);
    const late = await b.join('customer');
    expect(late.entries.map((entry) => entry.message.id)).toEqual([before.id, during.id, after.id]);
    expect(agent.socket.readyState).toBe(1);
  }, 30_000);

  it('without persistence: the history before the restart is gone, and the conversation carries on', async () => {
    const server = await startRedisServer({ persistence: 'none' });
    cleanup.push(() => server.dispose());
    const kit = await tokenKit();
    const a = await node(server, kit, 'volatile:', 'a');
    const b = await node(server, kit, 'volatile:', 'b');
    const agent = await a.join('agent');
    const customer = await b.join('customer');
    const before = wireMessage(AGENT_ONLY);
    agent.send(before);
    await until(() => customer.entries.length === 1, 'the first message');
    await server.restart();
    await until(() => a.store.available && b.store.available, 'both nodes back');
    const after = wireMessage(AGENT_ONLY);
    agent.send(after);
    await agent.waitFor('ack', after.id);
    await until(() => customer.entries.length === 2, 'the message after the restart');
    const late = await b.join('customer');
    expect(late.entries.map((entry) => entry.message.id)).toEqual([after.id]);
  }, 30_000);
});
