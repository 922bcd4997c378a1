// The ChatPay demo server: builds the two pages from the sources, serves them on localhost, plays the
// integrator's backend (join tokens for the relay, the agent's sign-in, vouches for each request's
// keys and the published vouching keys), runs the relay (`@chatpay/server`, with its memory store) and
// a plain chat channel. Every message the relay stores is printed: ciphertext only for the card.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';
import { sourceAlias } from '../../scripts/lib/source-alias.mjs';
import { agentPage, customerPage, LANGUAGES, sideBySidePage } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const CONVERSATIONS = ['c-1', 'c-2', 'c-3'];
const AGENT_ID = 'demo-agent';

async function bundles() {
  const result = await build({
    entryPoints: { agent: `${here}src/agent.ts`, customer: `${here}src/customer.ts` },
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: 'inline',
    // Split as an application's bundler splits: the customer's card form and sealing, and the agent's
    // shared code, are chunks of their own, fetched when first needed.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    outdir: '/',
    plugins: [sourceAlias],
    logLevel: 'silent',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.replace(/^\//, ''), file.text]));
}

/**
 * `@chatpay/server` from its sources: imported directly where the package resolves (the tests), or
 * else bundled for Node with esbuild into a temporary file, as the demo needs no build first.
 */
async function serverPackage() {
  try {
    return await import('@chatpay/server');
  } catch {
    const dir = mkdtempSync(join(tmpdir(), 'chatpay-demo-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'server.mjs');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../packages/server/src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      plugins: [sourceAlias],
      // Redis is not used here; ws does without its optional native add-ons.
      external: ['ioredis', 'bufferutil', 'utf-8-validate'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    writeFileSync(outfile, result.outputFiles[0].text);
    return import(pathToFileURL(outfile).href);
  }
}

/** Shortens a frame for the log: enough to see what kind of message it is and that the card is ciphertext. */
const short = (text) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/** Reads a small JSON request body; undefined if it is not JSON or is too long. */
function jsonBody(request) {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 16_384) request.destroy();
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/**
 * Starts the demo. `port` 0 and `relayPort` 0 pick free ports. `log` receives each line the relay
 * prints; the returned `frames` keeps every message the relay stored and every chat line, for tests.
 */
export async function startDemo({ port = 4310, relayPort = 4311, host = '127.0.0.1', log = console.log } = {}) {
  const { createJoinTokenIssuer, createKeyVoucher, createMemoryStore, createRelay, generateVoucherKey, silentLogger } =
    await serverPackage();
  const frames = [];
  let failing = false;

  // The demo's own keys: one signs join tokens for the relay, one vouches for agents' request keys.
  const tokenKeys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const vouchKey = await generateVoucherKey('demo-vouch-1');
  const voucher = createKeyVoucher({
    current: { kid: vouchKey.kid, privateJwk: vouchKey.privateJwk },
    // The demo's one agent serves every conversation of the demo.
    mayRequest: (agentId, conversationId) => agentId === AGENT_ID && CONVERSATIONS.includes(conversationId),
  });
  const tokens = createJoinTokenIssuer({ privateKey: tokenKeys.privateKey, keyId: 'demo-join-1', ttlSeconds: 120 });

  // What the relay stores passes through here, so the demo can show it and its switch can refuse it.
  const memory = createMemoryStore();
  const store = {
    get available() {
      return memory.available;
    },
    async append(input) {
      frames.push({ room: `pay-${input.conversationId}`, text: input.text, passed: !failing });
      log(`relay ${failing ? '✗' : '→'} pay-${input.conversationId}: ${short(input.text)}`);
      if (failing) throw new Error('The demo relay is failing every send.');
      return memory.append(input);
    },
    read: (...args) => memory.read(...args),
    watch: (...args) => memory.watch(...args),
    close: () => memory.close(),
  };

  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const pagePort = server.address().port;
  const pageOrigins = [`http://localhost:${pagePort}`, `http://127.0.0.1:${pagePort}`, `http://${host}:${pagePort}`];

  const relay = createRelay({
    tokenKeys: tokenKeys.publicKey,
    allowedOrigins: pageOrigins,
    store,
    logger: silentLogger,
    processMetrics: false,
  });
  const relayAddress = await relay.listen({ port: relayPort, host });
  const relayUrl = relayAddress.url;
  // The pages that handle cards run under a strict policy, as a production page should: scripts from
  // this origin only (the bundles and their chunks; no inline script, no eval), connections to this
  // server and the relay only. Styles may be inline: the pages' own <style> and the elements' styles.
  const strictPolicy = {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `connect-src 'self' ${new URL(relayUrl).origin}`,
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'self'",
    ].join('; '),
  };

  // The ordinary chat, as a chat product would carry it: text between the conversation's sockets.
  const chat = new WebSocketServer({ noServer: true, maxPayload: 16_384 });
  const rooms = new Map();
  chat.on('connection', (socket, room) => {
    socket.on('error', () => socket.terminate());
    if (!rooms.has(room)) rooms.set(room, new Set());
    rooms.get(room).add(socket);
    socket.on('close', () => rooms.get(room)?.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = String(data);
      frames.push({ room, text, passed: true });
      log(`chat → ${room}: ${short(text)}`);
      for (const other of rooms.get(room) ?? [])
        if (other !== socket && other.readyState === other.OPEN) other.send(text);
    });
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const match = /^\/chat\/(c-\d)$/.exec(new URL(request.url ?? '/', 'http://demo').pathname);
    if (!match || !CONVERSATIONS.includes(match[1]) || !pageOrigins.includes(request.headers.origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    chat.handleUpgrade(request, socket, head, (ws) => chat.emit('connection', ws, `chat-${match[1]}`));
  });

  const code = await bundles();
  const theme = await readFile(new URL('../theming/theme.css', import.meta.url), 'utf8');
  const sessions = new Set();
  server.on('request', async (request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://demo');
    const asked = searchParams.get('lang') ?? 'en';
    const look = { lang: Object.hasOwn(LANGUAGES, asked) ? asked : 'en', themed: searchParams.get('theme') === 'acme' };
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(body);
    };
    const json = (status, value, headers) => send(status, 'application/json', JSON.stringify(value), headers);
    // The backend's endpoints answer the demo's own pages only.
    const sameOrigin = () =>
      pageOrigins.includes(request.headers.origin) &&
      (request.headers['sec-fetch-site'] ?? 'same-origin') === 'same-origin';
    const signedIn = () => sessions.has(/(?:^|;\s*)demo-agent=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1]);

    if (request.method === 'GET' && pathname === '/control/failing')
      return send(200, 'text/plain', failing ? 'on' : 'off');
    if (request.method === 'POST' && pathname === '/control/failing') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        failing = body.trim() === 'on';
        log(`relay: ${failing ? 'failing every send (TRY AGAIN)' : 'passing messages on again'}`);
        send(204, 'text/plain', '');
      });
      return;
    }
    if (request.method === 'POST' && pathname === '/demo/token') {
      // The integrator's backend issues a join token to a person it knows; the demo knows everyone.
      if (!sameOrigin()) return json(403, { error: 'same-origin only' });
      const asked = await jsonBody(request);
      const role = asked?.role;
      const conversation = asked?.conversation;
      if (!CONVERSATIONS.includes(conversation) || (role !== 'agent' && role !== 'customer')) {
        return json(400, { error: 'Give a demo conversation and a role (agent or customer).' });
      }
      const subject = role === 'agent' ? AGENT_ID : `customer-${conversation}`;
      return json(200, { token: await tokens.issue({ conversationId: conversation, role, subject }) });
    }
    if (pathname === '/demo/session') {
      // Signing the agent in: a session cookie, as the integrator's own sign-in would set.
      const id = randomBytes(16).toString('base64url');
      sessions.add(id);
      return json(200, { agentId: AGENT_ID }, { 'set-cookie': `demo-agent=${id}; Path=/; HttpOnly; SameSite=Strict` });
    }
    if (request.method === 'POST' && pathname === '/demo/vouch') {
      // Vouching for a request's keys, only for the signed-in agent (`vouchFor` checks the body names them).
      if (!sameOrigin() || !signedIn()) return json(403, { error: 'Sign in first.' });
      const asked = await jsonBody(request);
      if (!CONVERSATIONS.includes(asked?.conversationId)) return json(400, { error: 'Not a demo conversation.' });
      try {
        return json(200, { vouch: await voucher.vouchFor(AGENT_ID, asked) });
      } catch (error) {
        return json(400, { error: error?.code ?? 'invalid-request' });
      }
    }
    if (pathname === '/.well-known/chatpay-jwks.json') return json(200, await voucher.jwks());
    if (pathname === '/') return send(200, 'text/html', sideBySidePage());
    if (pathname === '/agent.html') return send(200, 'text/html', agentPage(relayUrl, look), strictPolicy);
    if (pathname === '/customer.html') return send(200, 'text/html', customerPage(relayUrl, look), strictPolicy);
    if (pathname === '/theme.css') return send(200, 'text/css', theme);
    // The two pages' bundles and their chunks: names from the build, looked up, never paths on disk.
    if (pathname.endsWith('.js') && Object.hasOwn(code, pathname.slice(1))) {
      return send(200, 'text/javascript', code[pathname.slice(1)]);
    }
    send(404, 'text/plain', 'Not found');
  });
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${pagePort}`;
  return {
    url,
    relay: { port: relayAddress.port, url: relayUrl },
    frames,
    async close() {
      await relay.close();
      for (const socket of chat.clients) socket.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await memory.close();
    },
  };
}
