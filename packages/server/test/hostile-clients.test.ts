// What a stranger who reaches the relay, and a broken or malicious client holding a real
// token, can try. Each attack must change nothing for the others: the sender is always the token's,
// a stored message cannot be swapped, a cursor is the relay's form or refused, and junk refreshes cost
// a bounded amount and never reach the logs.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../src/index.js';
import {
  AGENT_ONLY,
  CUSTOMER_ONLY,
  startRelay,
  TestClient,
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

async function client(started: StartedRelay, role: 'agent' | 'customer', conversationId = 'conv-1') {
  const opened = await TestClient.open(await started.urlFor(role, conversationId));
  cleanup.push(() => opened.close());
  await opened.waitFor('caughtUp');
  return opened;
}

const CARD = '4242424242424242';

describe('a stranger at the relay', () => {
  it.each([
    ['a cursor of three parts', '1-2-3'],
    ['a cursor of 16 digits', '1234567890123456-0'],
    ['a negative cursor', '-1-0'],
    ['an exponent', '1e3-0'],
    ['a cursor with a line break', '1-0\n'],
  ])('with a valid token but %s is refused with 400 before any WebSocket', async (_name, cursor) => {
    const started = await relayForTest();
    const url = new URL(await started.urlFor('agent'));
    url.searchParams.set('cursor', cursor);
    const answer = await upgradeAnswer(url.toString());
    expect(answer).toEqual({ status: 400, body: JSON.stringify({ error: 'cursor-invalid' }) });
    expect(started.relay.connections()).toBe(0);
  });

  it('with a token for another conversation sees nothing of this one, and cannot write into it', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const before = wireMessage(AGENT_ONLY);
    agent.send(before);
    await agent.waitFor('ack', before.id);
    const stranger = await client(started, 'customer', 'conv-2');
    const forged = wireMessage(CUSTOMER_ONLY, 'conv-1');
    stranger.send(forged);
    expect((await stranger.waitFor('nack', forged.id)).code).toBe('wrong-conversation');
    const after = wireMessage(AGENT_ONLY);
    agent.send(after);
    await agent.waitFor('ack', after.id);
    expect(stranger.entries).toEqual([]);
    expect(agent.entries).toEqual([]);
  });
});

describe('a malicious client with a real token', () => {
  it('cannot pass as the agent by writing sender or entry fields into its message: the entry says its token', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    const message = wireMessage(CUSTOMER_ONLY, 'conv-1', {
      sender: { role: 'agent', subject: 'agent-1' },
      entry: { cursor: '9-9', sender: { role: 'agent', subject: 'agent-1' } },
      cursor: '999999999999999-0',
      acceptedAt: 0,
    });
    customer.send(message);
    await until(() => agent.entries.some((entry) => entry.message.id === message.id), 'the message');
    const got = agent.entries.find((entry) => entry.message.id === message.id)!;
    expect(got.sender).toEqual({ role: 'customer', subject: 'customer-1' });
    expect(got.cursor).not.toBe('999999999999999-0');
    expect(got.cursor).not.toBe('9-9');
    expect(got.acceptedAt).toBeGreaterThan(0);
  });

  it('cannot swap a stored message: the same id with other content is acknowledged and not appended', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    const original = wireMessage(AGENT_ONLY, 'conv-1', { body: { amount: 1250 } });
    agent.send(original);
    await agent.waitFor('ack', original.id);
    agent.send({ ...original, body: { amount: 999_999 } });
    await until(() => agent.frames.filter((frame) => frame.ack === original.id).length === 2, 'a second ack');
    const late = await client(started, 'customer');
    for (const reader of [customer, late]) {
      expect(reader.entries.map((entry) => entry.message)).toEqual([original]);
    }
  });

  it('junk refresh tokens are refused in-band, never logged, and the connection carries on', async () => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    const junk = [
      `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ card: CARD })).toString('base64url')}.`,
      `card-${CARD}`,
      'x'.repeat(5000),
    ];
    for (const token of junk) agent.send({ refresh: token });
    await until(() => agent.frames.filter((frame) => 'refreshFailed' in frame).length === 3, 'three refusals');
    expect(agent.frames.filter((frame) => 'refreshFailed' in frame).map((frame) => frame.refreshFailed)).toEqual([
      'token-invalid',
      'token-invalid',
      'token-invalid',
    ]);
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    await agent.waitFor('ack', message.id);
    await until(() => customer.entries.some((entry) => entry.message.id === message.id), 'delivery');
    const logs = JSON.stringify(started.logs);
    expect(logs).not.toContain(CARD);
    expect(logs).not.toContain('xxxxxxxxxx');
    expect(logs).not.toContain(Buffer.from(JSON.stringify({ card: CARD })).toString('base64url'));
  });

  it('a flood of refresh frames (each a signature check) is held to the rate, then closed with 4429', async () => {
    const started = await relayForTest();
    const agent = await TestClient.open(await started.urlFor('agent'));
    cleanup.push(() => agent.close());
    await agent.waitFor('caughtUp');
    for (let index = 0; index < 500; index++) agent.send({ refresh: `junk-${index}` });
    const closed = await agent.closed;
    expect(closed.code).toBe(CLOSE_CODES.rateLimited);
    // At most the burst (60) plus what the rate refilled meanwhile was ever checked.
    expect(agent.frames.filter((frame) => 'refreshFailed' in frame).length).toBeLessThan(120);
  });

  it.each([
    ['an id that is a number', { id: 5 }],
    ['an empty id', { id: '' }],
    ['an id that is an object', { id: { toString: 'x' } }],
  ])('a message with %s closes only its own socket with 1007', async (_name, extra) => {
    const started = await relayForTest();
    const agent = await client(started, 'agent');
    const customer = await client(started, 'customer');
    customer.send({ ...wireMessage(CUSTOMER_ONLY), ...extra });
    expect((await customer.closed).code).toBe(CLOSE_CODES.invalidPayload);
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    await agent.waitFor('ack', message.id);
  });
});
