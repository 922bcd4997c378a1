// Measures @chatpay/server's relay: N conversations, each with an agent and a customer connected
// through the WebSocket transport of @chatpay/transports (join tokens, acknowledgements, the log),
// over one node on the memory store and over two nodes on Redis (agents on one node, customers on
// the other). For each: messages per second, paced and flat out; delivery latency (p50, p99) from
// the sender's send to the receiver's listener; the relay's memory per open connection; and, on two
// nodes, how many messages are lost when the agents' node is killed (SIGKILL) in the middle of a run.
// Relay nodes run in processes of their own; the clients run in this one, on the same machine.
// The TypeScript sources are bundled for Node with esbuild into a temporary directory and imported
// from there. A benchmark, not a test: nothing fails on time.
//   node scripts/bench-relay.mjs [--conversations 500] [--messages 50] [--rate 10]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { sourceAlias } from './lib/source-alias.mjs';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '500' },
    messages: { type: 'string', default: '50' },
    rate: { type: 'string', default: '10' },
  },
});
const CONVERSATIONS = Number(values.conversations);
/** Messages each connection sends in a paced run, at RATE a second: both ends of every conversation send. */
const MESSAGES = Number(values.messages);
const RATE = Number(values.rate);
const ORIGIN = 'https://bench.example';
const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
/** The bench sends faster than the default per-connection rate (20 a second) in its flat-out runs. */
const LIMITS = { messagesPerSecond: 2000, messageBurst: 2000 };

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`,
);
console.log(
  `${CONVERSATIONS} conversations, ${CONVERSATIONS * 2} connections; paced runs: ${MESSAGES} messages per connection at ${RATE}/s each ` +
    `(${CONVERSATIONS * 2 * RATE} messages/s offered)`,
);

// Bundling --------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(os.tmpdir(), 'bench-relay-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const packages = fileURLToPath(new URL('../packages/', import.meta.url));
const bundled = await build({
  stdin: {
    contents: [
      `export * from '${packages}server/src/index.ts';`,
      `export { createWebSocketTransport } from '${packages}transports/src/index.ts';`,
      `export { default as WebSocket } from 'ws';`,
    ].join('\n'),
    resolveDir: `${packages}server`,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  plugins: [sourceAlias],
  external: ['bufferutil', 'utf-8-validate'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'silent',
});
writeFileSync(join(dir, 'lib.mjs'), bundled.outputFiles[0].text);
const lib = await import(pathToFileURL(join(dir, 'lib.mjs')).href);

/** One relay node: its own process, its store from the environment, and a stats endpoint (after a GC). */
writeFileSync(
  join(dir, 'node.mjs'),
  `import { createServer } from 'node:http';
import { createMemoryStore, createRedisStore, createRelay, silentLogger } from './lib.mjs';
const store = process.env.REDIS_URL ? await createRedisStore({ redis: process.env.REDIS_URL }) : createMemoryStore();
const relay = createRelay({
  tokenKeys: JSON.parse(process.env.PUBLIC_JWK),
  allowedOrigins: [process.env.ORIGIN],
  store,
  logger: silentLogger,
  processMetrics: false,
  limits: JSON.parse(process.env.LIMITS),
});
const server = createServer((request, response) => {
  if (request.url !== '/stats') return void (relay.handleRequest(request, response) || response.writeHead(404).end());
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  response.end(JSON.stringify({ rss, heapUsed, cpu: (user + system) / 1e6, connections: relay.connections() }));
});
relay.attach(server, { path: '/' });
server.listen(0, '127.0.0.1', () => process.stdout.write('listening ' + server.address().port + '\\n'));
`,
);

// Processes -------------------------------------------------------------------------------------------

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function started(child, pattern) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

async function startNode(env) {
  const child = spawn(process.execPath, ['--expose-gc', join(dir, 'node.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ORIGIN, LIMITS: JSON.stringify(LIMITS), ...env },
  });
  const [, port] = await started(child, /listening (\d+)/);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    port: Number(port),
    stats: async () => (await fetch(`http://127.0.0.1:${port}/stats`)).json(),
    kill: async () => (
      child.exitCode === null && child.signalCode === null && process.kill(child.pid, 'SIGKILL'),
      exited
    ),
  };
}

async function startRedis() {
  const port = await freePort();
  const data = mkdtempSync(join(os.tmpdir(), 'bench-redis-'));
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', data, '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await started(child, /Ready to accept connections/);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) process.kill(child.pid, 'SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

// Clients ---------------------------------------------------------------------------------------------

const { publicKey, privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
  'sign',
  'verify',
]);
const publicJwk = await crypto.subtle.exportKey('jwk', publicKey);
const issuer = lib.createJoinTokenIssuer({ privateKey, keyId: 'bench', ttlSeconds: 3600 });
const socket = (url) => new lib.WebSocket(url, { origin: ORIGIN });
const AGENT_TYPE = 'request.created';
const CUSTOMER_TYPE = 'request.opened';

/**
 * One conversation's two ends; each counts what it receives and when. `route` decides where each new
 * socket goes, as a load balancer would.
 */
function conversation(index, agentUrl, customerUrl, latencies, route = (target) => target) {
  const id = `bench-${index}-${Math.random().toString(36).slice(2, 8)}`;
  const end = (role, url) => {
    const transport = lib.createWebSocketTransport({
      url,
      history: true,
      token: () => issuer.issue({ conversationId: id, role, subject: `${role}-${index}` }),
      createSocket: (target) => socket(route(target)),
      initialDelayMs: 100,
      maxDelayMs: 500,
      queueLimit: 1000,
      sendTimeoutMs: 30_000,
    });
    const received = new Set();
    transport.subscribe((message) => {
      received.add(message.id);
      latencies?.push(performance.now() - message.body.t);
    });
    return { role, transport, received, sent: [], failed: [] };
  };
  const agent = end('agent', agentUrl);
  const customer = end('customer', customerUrl);
  let serial = 0;
  const message = (side) => ({
    version: 2,
    id: `${id}-${side.role}-${++serial}`,
    requestId: 'bench',
    conversationId: id,
    type: side.role === 'agent' ? AGENT_TYPE : CUSTOMER_TYPE,
    sentAt: Date.now(),
    body: { t: performance.now() },
    signature: 'A'.repeat(86),
  });
  /** Sends one message from `side`, remembering whether the relay took it. */
  const send = (side) => {
    const next = message(side);
    return side.transport.send(next).then(
      () => side.sent.push(next.id),
      () => side.failed.push(next.id),
    );
  };
  return { id, agent, customer, send };
}

const opened = (transport) =>
  new Promise((resolve) => {
    if (transport.state === 'open') return resolve();
    const stop = transport.onStateChange((state) => state === 'open' && (stop(), resolve()));
  });

async function connectAll(conversations) {
  // A few at a time, as real clients arrive.
  for (let index = 0; index < conversations.length; index += 50) {
    const batch = conversations.slice(index, index + 50);
    await Promise.all(batch.flatMap(({ agent, customer }) => [agent, customer].map((side) => opened(side.transport))));
    await Promise.all(
      batch.flatMap(({ agent, customer }) => [agent.transport.history(), customer.transport.history()]),
    );
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (value) => `${value.toFixed(1)} ms`;
const count = (value) => Math.round(value).toLocaleString('en');

/** Every end sends `messages` messages, RATE a second, starting at a random offset within the first interval. */
async function paced(conversations, during, messages = MESSAGES) {
  const interval = 1000 / RATE;
  const started = performance.now();
  const sends = [];
  await Promise.all(
    conversations.flatMap((chat) =>
      [chat.agent, chat.customer].map(
        (side) =>
          new Promise((resolve) => {
            let left = messages;
            const tick = () => {
              sends.push(chat.send(side));
              if (--left === 0) return resolve();
              setTimeout(tick, interval);
            };
            setTimeout(tick, Math.random() * interval);
          }),
      ),
    ),
    during?.(),
  );
  await Promise.all(sends);
  return (performance.now() - started) / 1000;
}

/** Every end keeps `window` messages in flight until it has sent `total`. */
async function flatOut(conversations, total, window = 4) {
  const started = performance.now();
  await Promise.all(
    conversations.flatMap((chat) =>
      [chat.agent, chat.customer].map(async (side) => {
        let left = total;
        await Promise.all(
          Array.from({ length: window }, async () => {
            while (left > 0) {
              left -= 1;
              await chat.send(side);
            }
          }),
        );
      }),
    ),
  );
  return (performance.now() - started) / 1000;
}

async function delivered(conversations) {
  const expected = () =>
    conversations.reduce((sum, { agent, customer }) => sum + agent.sent.length + customer.sent.length, 0);
  const got = () =>
    conversations.reduce((sum, { agent, customer }) => sum + agent.received.size + customer.received.size, 0);
  for (let round = 0; round < 600 && got() < expected(); round++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  let lost = 0;
  let failed = 0;
  for (const { agent, customer } of conversations) {
    lost += agent.sent.filter((id) => !customer.received.has(id)).length;
    lost += customer.sent.filter((id) => !agent.received.has(id)).length;
    failed += agent.failed.length + customer.failed.length;
  }
  return { lost, failed, total: expected() };
}

function closeAll(conversations) {
  for (const { agent, customer } of conversations) {
    agent.transport.close();
    customer.transport.close();
  }
}

/** One setup: memory per connection, a paced run, a flat-out run. */
async function measure(name, nodes, urls) {
  const before = await Promise.all(nodes.map((node) => node.stats()));
  const latencies = [];
  const conversations = Array.from({ length: CONVERSATIONS }, (_, index) =>
    conversation(index, urls.agent, urls.customer, latencies),
  );
  await connectAll(conversations);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await Promise.all(nodes.map((node) => node.stats()));
  const connections = after.reduce((sum, stats) => sum + stats.connections, 0);
  const rss = after.reduce((sum, stats, index) => sum + stats.rss - before[index].rss, 0);
  const heap = after.reduce((sum, stats, index) => sum + stats.heapUsed - before[index].heapUsed, 0);
  console.log(
    `\n${name}: ${connections} connections open (after a warm-up of two seconds at the paced rate, not counted)`,
  );
  console.log(
    `  memory per connection (relay): ${count(rss / connections)} B resident, ${count(heap / connections)} B of heap`,
  );

  const cpu = async () =>
    (await Promise.all(nodes.map((node) => node.stats()))).reduce((sum, stats) => sum + stats.cpu, 0);
  const client = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  // A first run of two seconds warms up (compiles) both sides; it is not counted.
  await paced(conversations, undefined, 2 * RATE);
  await delivered(conversations);
  latencies.length = 0;
  const warmUp = conversations.reduce((sum, { agent, customer }) => sum + agent.sent.length + customer.sent.length, 0);
  const [relayBefore, clientBefore] = [await cpu(), client()];
  const pacedSeconds = await paced(conversations);
  const pacedResult = await delivered(conversations);
  pacedResult.total -= warmUp;
  const [relaySpent, clientSpent] = [(await cpu()) - relayBefore, client() - clientBefore];
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    `  paced: ${count(pacedResult.total)} messages in ${pacedSeconds.toFixed(2)} s = ${count(pacedResult.total / pacedSeconds)} messages/s; ` +
      `delivery p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}; lost ${pacedResult.lost}, failed sends ${pacedResult.failed}`,
  );
  const perMessage = relaySpent / pacedResult.total;
  console.log(
    `  CPU per message: relay ${(perMessage * 1e6).toFixed(0)} µs (summed over its nodes), clients ` +
      `${((clientSpent / pacedResult.total) * 1e6).toFixed(0)} µs` +
      (nodes.length === 1 ? `: at that cost one core carries about ${count(1 / perMessage)} messages/s` : ''),
  );
  const sentBefore = pacedResult.total + warmUp;
  latencies.length = 0;
  const flatSeconds = await flatOut(conversations, MESSAGES);
  const flatResult = await delivered(conversations);
  const flatSorted = latencies.sort((a, b) => a - b);
  console.log(
    `  flat out (4 in flight per connection): ${count(flatResult.total - sentBefore)} messages in ${flatSeconds.toFixed(2)} s = ` +
      `${count((flatResult.total - sentBefore) / flatSeconds)} messages/s; delivery p50 ${ms(quantile(flatSorted, 0.5))}, ` +
      `p99 ${ms(quantile(flatSorted, 0.99))}; lost ${flatResult.lost}, failed sends ${flatResult.failed}`,
  );
  closeAll(conversations);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

// Runs ------------------------------------------------------------------------------------------------

const one = await startNode({ PUBLIC_JWK: JSON.stringify(publicJwk) });
const oneUrl = `ws://127.0.0.1:${one.port}/`;
await measure('one node, memory store', [one], { agent: oneUrl, customer: oneUrl });
await one.kill();

if (!existsSync(REDIS_SERVER)) {
  console.log(`\n${REDIS_SERVER} is not installed: the runs on Redis are skipped.`);
  process.exit(0);
}
const redis = await startRedis();
const env = { PUBLIC_JWK: JSON.stringify(publicJwk), REDIS_URL: redis.url };
let [a, b] = await Promise.all([startNode(env), startNode(env)]);
await measure('two nodes on Redis (agents on one, customers on the other)', [a, b], {
  agent: `ws://127.0.0.1:${a.port}/`,
  customer: `ws://127.0.0.1:${b.port}/`,
});

// The agents' node is killed half way through a paced run; its clients reconnect to the other node
// (as a load balancer would send them) with their cursor and send again what was not acknowledged.
await Promise.all([a.kill(), b.kill()]);
[a, b] = await Promise.all([startNode(env), startNode(env)]);
let aAlive = true;
const toLiving = (target) => (aAlive ? target : target.replace(`:${a.port}/`, `:${b.port}/`));
const conversations = Array.from({ length: CONVERSATIONS }, (_, index) =>
  conversation(index, `ws://127.0.0.1:${a.port}/`, `ws://127.0.0.1:${b.port}/`, undefined, toLiving),
);
await connectAll(conversations);
let reconnected = 0;
for (const { agent } of conversations) agent.transport.onReconnect(() => (reconnected += 1));
const halfway = (MESSAGES / RATE / 2) * 1000;
const seconds = await paced(conversations, async () => {
  await new Promise((resolve) => setTimeout(resolve, halfway));
  aAlive = false;
  await a.kill();
});
const result = await delivered(conversations);
console.log(
  `\ntwo nodes on Redis, the agents' node killed after ${(halfway / 1000).toFixed(1)} s: ${count(result.total)} messages acknowledged ` +
    `in ${seconds.toFixed(2)} s; ${reconnected} agents reconnected to the other node; lost (acknowledged, never delivered): ` +
    `${result.lost}; sends that failed (TRY AGAIN): ${result.failed}`,
);
closeAll(conversations);
await b.kill();
await redis.stop();
process.exit(0);
