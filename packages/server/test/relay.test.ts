import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { generateKeyPair } from 'jose';
import { createJoinTokenIssuer, createMemoryStore, CLOSE_CODES } from '../src/index.js';
import {
  AGENT_ONLY,
  CUSTOMER_ONLY,
  ORIGIN,
  startRelay,
  TestClient,
  tokenKit,
  until,
  upgradeAnswer,
  wireMessage,
  type StartedRelay,
} from './support/relay-kit.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function relayForTest(options: Parameters<typeof startRelay>[0] = {}): Promise<StartedRelay> {
  const started = await startRelay(options);
  cleanup.push(() => started.close());
  return started;
}

async function client(started: StartedRelay, role: 'agent' | 'customer', conversationId = 'conv-1', extra = {}) {
  const opened = await TestClient.open(await started.urlFor(role, conversationId, extra));
  cleanup.push(() => opened.close());
  await opened.waitFor('caughtUp');
  return opened;
}

describe('the relay refuses an upgrade before it happens', () => {
  it('answers 401 without a token, with an expired one and with a forged one', async () => {
    const clock = new ManualClock(Date.now());
    const started = await relayForTest({ clock });
    expect(await upgradeAnswer(started.url)).toEqual({ status: 401, body: '{"error":"token-missing"}' });
    const expired = await started.kit.token('agent', 'conv-1', { ttlSeconds: 60 });
    clock.advance(61_000 + 5_000);
    expect(await upgradeAnswer(`${started.url}?token=${expired}`)).toEqual({
      status: 401,
      body: '{"error":"token-expired"}',
    });
    const { privateKey } = await generateKeyPair('ES256');
    const forger = createJoinTokenIssuer({ privateKey, keyId: 'test-key', clock });
    const forged = await forger.issue({ conversationId: 'conv-1', role: 'agent', subject: 'agent-1' });
    expect(await upgradeAnswer(`${started.url}?token=${forged}`)).toEqual({
      status: 401,
      body: '{"error":"token-invalid"}',
    });
    expect(await upgradeAnswer(`${started.url}?token=not.a.token`)).toMatchObject({ status: 401 });
    expect(started.relay.connections()).toBe(0);
  });

  it('answers 403 to a foreign Origin, to no Origin, and to a conversation other than the token’s', async () => {
    const started = await relayForTest();
    const url = await started.urlFor('customer');
    expect(await upgradeAnswer(url, { origin: 'https://evil.example' })).toEqual({
      status: 403,
      body: '{"error":"origin-refused"}',
    });
    expect(await upgradeAnswer(url, {})).toMatchObject({ status: 403 });
    expect(await upgradeAnswer(`${url}&conversation=conv-2`)).toEqual({
      status: 403,
      body: '{"error":"wrong-conversation"}',
    });
    expect(await upgradeAnswer(`${url}&cursor=yesterday`)).toEqual({ status: 400, body: '{"error":"cursor-invalid"}' });
    expect(await upgradeAnswer(url)).toEqual({ status: 101, body: '' });
  });

  it('accepts a missing Origin only when told to (servers send none)', async () => {
    const started = await relayForTest({ allowMissingOrigin: true });
    expect(await upgradeAnswer(await started.urlFor('agent'), {})).toEqual({ status: 101, body: '' });
  });

  it('answers 429 once a conversation has as many connections as allowed, and 503 when the node is full', async () => {
    const started = await relayForTest({ limits: { maxConnectionsPerConversation: 2, maxConnections: 3 } });
    await client(started, 'agent');
    await client(started, 'customer');
    expect(await upgradeAnswer(await started.urlFor('customer'))).toEqual({
      status: 429,
      body: '{"error":"conversation-full"}',
    });
    await client(started, 'agent', 'conv-2');
    expect(await upgradeAnswer(await started.urlFor('agent', 'conv-3'))).toEqual({
      status: 503,
      body: '{"error":"relay-full"}',
    });
  });
});

describe('the relay carries a conversation', () => {
  it('stamps each message with its sender, hands it to the others (not back), and acknowledges it', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    await agent.waitFor('ack', message.id);
    await until(() => customer.entries.length === 1, 'the entry at the customer');
    const [entry] = customer.entries;
    expect(entry!.message).toEqual(message);
    expect(entry!.sender).toEqual({ role: 'agent', subject: 'agent-1' });
    expect(entry!.cursor).toMatch(/^\d+-\d+$/);
    expect(typeof entry!.acceptedAt).toBe('number');
    expect(agent.entries).toEqual([]);
  });

  it('keeps the message exactly as its sender wrote it, unknown fields and all', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    const text = `{ "version": ${PROTOCOL_VERSION}, "id": "spaced", "requestId": "r", "conversationId": "conv-1", "type": "${AGENT_ONLY}", "future": [1, 2] }`;
    agent.send(text);
    await agent.waitFor('ack', 'spaced');
    await until(() => customer.entries.length === 1, 'the entry');
    expect((customer.entries[0]!.message as unknown as { future: number[] }).future).toEqual([1, 2]);
  });

  it('refuses what the sender’s role may not send, another conversation’s messages, other versions and oversized ones', async () => {
    const started = await relayForTest();
    const customer = await client(started, 'customer');
    const agent = await client(started, 'agent');
    const cases = [
      [wireMessage(AGENT_ONLY), 'forbidden-type'],
      [wireMessage(CUSTOMER_ONLY, 'conv-2'), 'wrong-conversation'],
      [{ ...wireMessage(CUSTOMER_ONLY), version: PROTOCOL_VERSION + 1 }, 'unsupported-version'],
      [{ ...wireMessage(CUSTOMER_ONLY), type: 'request.unknown' }, 'forbidden-type'],
      [{ ...wireMessage(CUSTOMER_ONLY), requestId: 7 }, 'malformed'],
      [{ ...wireMessage(CUSTOMER_ONLY), body: { pad: 'x'.repeat(MAX_MESSAGE_LENGTH) } }, 'too-large'],
    ] as const;
    for (const [message, code] of cases) {
      customer.send(message);
      const nack = await customer.waitFor('nack', message.id);
      expect(nack.code).toBe(code);
    }
    // The agent may not send the customer's types either.
    const reversed = wireMessage(CUSTOMER_ONLY);
    agent.send(reversed);
    expect((await agent.waitFor('nack', reversed.id)).code).toBe('forbidden-type');
    const fine = wireMessage(CUSTOMER_ONLY);
    customer.send(fine);
    await customer.waitFor('ack', fine.id);
    await until(() => agent.entries.length === 1, 'the one good message');
    expect(agent.entries.map((entry) => entry.message.id)).toEqual([fine.id]);
    expect(customer.socket.readyState).toBe(1);
  });

  it('acknowledges a duplicate id without appending it again', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    agent.send(message);
    await until(() => agent.frames.filter((frame) => frame.ack === message.id).length === 2, 'two acks');
    const late = await client(started, 'customer');
    expect(late.entries.map((entry) => entry.message.id)).toEqual([message.id]);
    expect(
      await started.relay.metrics.registry.getSingleMetricAsString('chatpay_relay_messages_duplicate_total'),
    ).toMatch(/ 1$/m);
  });

  it('gives a new client the retained history, then says it caught up; a returning one only what came after its cursor', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const sent = [wireMessage(AGENT_ONLY), wireMessage(AGENT_ONLY), wireMessage(AGENT_ONLY)];
    for (const message of sent) agent.send(message);
    await until(() => sent.every((message) => agent.has('ack', message.id)), 'three acks');
    const first = await client(started, 'customer');
    expect(first.entries.map((entry) => entry.message.id)).toEqual(sent.map((message) => message.id));
    const cursors = first.entries.map((entry) => entry.cursor);
    expect(first.frames.at(-1)).toEqual({ caughtUp: cursors[2] });
    first.close();
    const more = [wireMessage(AGENT_ONLY), wireMessage(AGENT_ONLY)];
    for (const message of more) agent.send(message);
    await until(() => more.every((message) => agent.has('ack', message.id)), 'two more acks');
    const back = await client(started, 'customer', 'conv-1', { cursor: cursors[1]! });
    expect(back.entries.map((entry) => entry.message.id)).toEqual([sent[2]!.id, ...more.map((message) => message.id)]);
    // Its own messages are in the history of a new connection of the same person (a reloaded page).
    const reloaded = await client(started, 'agent');
    expect(reloaded.entries).toHaveLength(5);
  });

  it('trims the log by count and by age: what expired is gone', async () => {
    const clock = new ManualClock(1_000_000);
    const store = createMemoryStore({ clock, retention: { maxCount: 3, maxAgeMs: 60_000 } });
    const started = await relayForTest({ clock, store });
    const agent = await client(started, 'agent');
    const sent = Array.from({ length: 5 }, () => wireMessage(AGENT_ONLY));
    for (const message of sent) agent.send(message);
    await until(() => sent.every((message) => agent.has('ack', message.id)), 'five acks');
    const byCount = await client(started, 'customer');
    expect(byCount.entries.map((entry) => entry.message.id)).toEqual(sent.slice(2).map((message) => message.id));
    clock.advance(30_000);
    const fresh = wireMessage(AGENT_ONLY);
    agent.send(fresh);
    await agent.waitFor('ack', fresh.id);
    clock.advance(31_000);
    const byAge = await client(started, 'customer');
    expect(byAge.entries.map((entry) => entry.message.id)).toEqual([fresh.id]);
  });

  it('answers heartbeats, and drops a client that stops answering its pings', async () => {
    const clock = new ManualClock(Date.now());
    const started = await relayForTest({ clock, limits: { heartbeatIntervalMs: 1000 } });
    const agent = await client(started, 'agent');
    agent.send({ heartbeat: 'ping' });
    await agent.waitFor('heartbeat', 'pong');
    // The ws client answers protocol pings by itself: it stays.
    clock.advance(1000);
    await new Promise((resolve) => agent.socket.once('ping', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.advance(1000);
    expect(agent.socket.readyState).toBe(1);
    // One whose pongs never come is dropped at the next beat.
    (agent.socket as unknown as { pong: () => void }).pong = () => {};
    agent.socket.removeAllListeners('ping');
    const raw = agent.socket as unknown as { _receiver: { removeAllListeners(name: string): void } };
    raw._receiver.removeAllListeners('ping');
    clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.advance(1000);
    await agent.closed;
    expect(started.relay.connections()).toBe(0);
  });
});

describe('join tokens on an open connection', () => {
  it('refreshes in-band without dropping the connection or a message, and closes with 4401 when a token runs out', async () => {
    const clock = new ManualClock(Date.now());
    const kit = await tokenKit(clock);
    const started = await relayForTest({ clock, kit });
    const url = new URL(started.url);
    url.searchParams.set('token', await kit.token('agent', 'conv-1', { ttlSeconds: 60 }));
    const agent = await TestClient.open(url.toString());
    cleanup.push(() => agent.close());
    const customer = await client(started, 'customer');
    clock.advance(50_000);
    agent.send({ refresh: await kit.token('agent', 'conv-1', { ttlSeconds: 60 }) });
    const refreshed = await agent.waitFor('refreshed');
    expect(refreshed.refreshed).toBe(Math.floor((clock.now() + 60_000) / 1000) * 1000);
    clock.advance(30_000); // past the first token's expiry
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    await agent.waitFor('ack', message.id);
    await until(() => customer.entries.length === 1, 'the message after the refresh');
    // A token for someone else is refused, and the connection keeps its own.
    agent.send({ refresh: await kit.token('agent', 'conv-2', { ttlSeconds: 60 }) });
    expect((await agent.waitFor('refreshFailed')).refreshFailed).toBe('token-mismatch');
    agent.send({ refresh: 'forged' });
    await until(() => agent.frames.filter((frame) => 'refreshFailed' in frame).length === 2, 'a second refusal');
    clock.advance(31_000);
    expect((await agent.closed).code).toBe(CLOSE_CODES.tokenExpired);
  });
});

describe('rate limits', () => {
  it('refuses messages past the rate with a nack, then closes with 4429 a client that ignores them', async () => {
    const clock = new ManualClock(Date.now());
    const started = await relayForTest({ clock, limits: { messagesPerSecond: 1, messageBurst: 3 } });
    const agent = await client(started, 'agent');
    const sent = Array.from({ length: 5 }, () => wireMessage(AGENT_ONLY));
    for (const message of sent) agent.send(message);
    await until(
      () => sent.every((message) => agent.has('ack', message.id) || agent.has('nack', message.id)),
      'answers',
    );
    expect(sent.map((message) => (agent.has('ack', message.id) ? 'ack' : 'nack'))).toEqual([
      'ack',
      'ack',
      'ack',
      'nack',
      'nack',
    ]);
    expect(agent.frames.find((frame) => frame.nack === sent[3]!.id)!.code).toBe('rate-limited');
    clock.advance(1000);
    const later = wireMessage(AGENT_ONLY);
    agent.send(later);
    await agent.waitFor('ack', later.id);
    for (let index = 0; index < 6; index++) agent.send(wireMessage(AGENT_ONLY));
    expect((await agent.closed).code).toBe(CLOSE_CODES.rateLimited);
  });
});

describe('logs', () => {
  it('never hold a message body, a token or a URL', async () => {
    const started = await relayForTest();
    const token = await started.kit.token('agent');
    const agent = await TestClient.open(`${started.url}?token=${token}`);
    cleanup.push(() => agent.close());
    await agent.waitFor('caughtUp');
    const secret = wireMessage(AGENT_ONLY, 'conv-1', { body: { note: 'SECRET-BODY' } });
    agent.send(secret);
    agent.send(wireMessage(CUSTOMER_ONLY, 'conv-1', { body: { note: 'SECRET-REFUSED' } }));
    await agent.waitFor('ack', secret.id);
    await upgradeAnswer(`${started.url}?token=${token}x`);
    agent.close();
    await until(() => started.logs.some((record) => record.event === 'connection-closed'), 'the close logged');
    const written = JSON.stringify(started.logs);
    expect(started.logs.map((record) => record.event)).toEqual(
      expect.arrayContaining(['connection-opened', 'upgrade-refused', 'connection-closed']),
    );
    for (const secretText of ['SECRET', token, 'token=', ORIGIN]) expect(written).not.toContain(secretText);
  });
});
