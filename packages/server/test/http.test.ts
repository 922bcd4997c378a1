import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLOSE_CODES, createRelay, type RelayStore } from '../src/index.js';
import { createMemoryStore } from '../src/memory-store.js';
import { AGENT_ONLY, ORIGIN, TestClient, tokenKit, until, upgradeAnswer, wireMessage } from './support/relay-kit.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function appServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((_request, response) => response.end('the application'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  return { server, base: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the relay on an existing server', () => {
  it('takes upgrades on its path only, and leaves the server’s own requests alone', async () => {
    const kit = await tokenKit();
    const { server, base } = await appServer();
    const relay = createRelay({
      tokenKeys: kit.publicKey,
      allowedOrigins: [ORIGIN],
      logger: () => {},
      processMetrics: false,
    });
    cleanup.push(() => relay.close());
    relay.attach(server, { path: '/chatpay' });
    const token = await kit.token('agent');
    expect(await upgradeAnswer(`ws://${base}/chatpay?token=${token}`)).toEqual({ status: 101, body: '' });
    expect(await upgradeAnswer(`ws://${base}/elsewhere?token=${token}`)).toEqual({
      status: 404,
      body: '{"error":"not-found"}',
    });
    expect(await (await fetch(`http://${base}/`)).text()).toBe('the application');
  });

  it('serves health and Prometheus metrics through the server’s handler, on a registry of its own', async () => {
    const kit = await tokenKit();
    let down = false;
    const memory = createMemoryStore();
    const store: RelayStore = {
      ...memory,
      append: (input) => memory.append(input),
      read: (...args) => memory.read(...args),
      watch: (...args) => memory.watch(...args),
      get available() {
        return !down;
      },
    };
    const relay = createRelay({ tokenKeys: kit.publicKey, allowedOrigins: [ORIGIN], store, logger: () => {} });
    cleanup.push(() => relay.close());
    const server = createServer((request, response) => {
      if (!relay.handleRequest(request, response)) response.end('app');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
    const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    relay.attach(server, { path: '/chatpay' });
    const agent = await TestClient.open(`ws://${base}/chatpay?token=${await kit.token('agent')}`);
    cleanup.push(() => agent.close());
    const message = wireMessage(AGENT_ONLY);
    agent.send(message);
    await agent.waitFor('ack', message.id);
    const health = await fetch(`http://${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', connections: 1, conversations: 1 });
    const metrics = await fetch(`http://${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^chatpay_relay_connections 1$/m);
    expect(text).toMatch(/^chatpay_relay_messages_accepted_total\{role="agent"\} 1$/m);
    expect(text).toMatch(/^chatpay_relay_store_available 1$/m);
    expect(text).toMatch(/^chatpay_relay_process_resident_memory_bytes /m);
    expect(text).not.toContain(message.id);
    down = true;
    expect((await fetch(`http://${base}/healthz`)).status).toBe(503);
    expect(await upgradeAnswer(`ws://${base}/chatpay?token=${await kit.token('customer')}`)).toEqual({
      status: 503,
      body: '{"error":"store-unavailable"}',
    });
    // The default registry is not the relay's.
    const { register } = await import('prom-client');
    expect(await register.getSingleMetric('chatpay_relay_connections')).toBeUndefined();
  });
});

describe('graceful shutdown', () => {
  it('stops taking upgrades, answers the appends under way, then closes every connection with 1001', async () => {
    const kit = await tokenKit();
    const memory = createMemoryStore();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const store: RelayStore = {
      ...memory,
      read: (...args) => memory.read(...args),
      watch: (...args) => memory.watch(...args),
      get available() {
        return memory.available;
      },
      async append(input) {
        if (holding) await held;
        return memory.append(input);
      },
    };
    const relay = createRelay({
      tokenKeys: kit.publicKey,
      allowedOrigins: [ORIGIN],
      store,
      logger: () => {},
      processMetrics: false,
    });
    const { url } = await relay.listen();
    const agent = await TestClient.open(`${url}?token=${await kit.token('agent')}`);
    const customer = await TestClient.open(`${url}?token=${await kit.token('customer')}`);
    await Promise.all([agent.waitFor('caughtUp'), customer.waitFor('caughtUp')]);
    holding = true;
    const inFlight = wireMessage(AGENT_ONLY);
    agent.send(inFlight);
    await until(() => relay.health().connections === 2, 'both connected');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = relay.close();
    expect(relay.health().status).toBe('draining');
    // Not yet closed: the append under way is waited for.
    expect(agent.closeCode).toBeUndefined();
    release();
    await closing;
    expect((await agent.closed).code).toBe(CLOSE_CODES.goingAway);
    expect((await customer.closed).code).toBe(CLOSE_CODES.goingAway);
    expect(agent.has('ack', inFlight.id)).toBe(true);
    expect(customer.entries.map((entry) => entry.message.id)).toEqual([inFlight.id]);
    await expect(upgradeAnswer(`${url}?token=${await kit.token('agent')}`)).rejects.toThrow();
  });
});
