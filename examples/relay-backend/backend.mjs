// An integrator's backend for ChatPay's relay, in one file: it signs people in (here, a stand-in),
// issues join tokens to them for the conversations they may join, publishes the tokens' public key,
// vouches for the keys of each request an agent makes and publishes the vouching keys, and runs the
// relay on its own HTTP or HTTPS server at /chatpay, with health and metrics.
//   node examples/relay-backend/backend.mjs        (after `pnpm run build`)
// Environment, all optional:
//   PORT              default 4320
//   CHATPAY_ORIGINS   the pages that may connect, comma-separated; default http://localhost:4310
//   CHATPAY_JOIN_KEY  the private signing key, a JWK (JSON) with its "kid"; default: one made at start
//   CHATPAY_REDIS_URL redis://… to run several relay nodes on one Redis; default: the memory store
//   TLS_CERT, TLS_KEY PEM files: serve HTTPS and WSS itself; default: plain HTTP behind your TLS proxy
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import { fileURLToPath } from 'node:url';

// In your backend: `import { … } from '@chatpay/server'`. Here, it is the workspace's build.
const { createJoinTokenIssuer, createKeyVoucher, createRedisStore, createRelay, generateVoucherKey, jsonLogger } =
  await import('@chatpay/server').catch(() => import('../../packages/server/dist/index.js'));

/**
 * Who is asking, from your own sign-in (a session cookie, a bearer token…). This stand-in knows two
 * bearer tokens; replace it with your authentication. A customer may join their own conversations,
 * an agent the ones your routing gave them.
 */
const PEOPLE = {
  'agent-session': { subject: 'agent-7', role: 'agent', conversations: ['conv-1', 'conv-2'] },
  'customer-session': { subject: 'customer-42', role: 'customer', conversations: ['conv-1'] },
};
const defaultAuthenticate = (request) => PEOPLE[/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]];

/** A P-256 signing key for join tokens, with its key id, as a private JWK. */
async function makeJoinKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  return { ...(await crypto.subtle.exportKey('jwk', pair.privateKey)), kid: `join-${Date.now()}`, alg: 'ES256' };
}

function readJson(request) {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 4096) request.destroy();
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

export async function startBackend({
  port = 4320,
  host = '127.0.0.1',
  origins = ['http://localhost:4310'],
  joinKey,
  redisUrl,
  tls,
  authenticate = defaultAuthenticate,
  logger = jsonLogger(),
} = {}) {
  const privateJwk = joinKey ?? (await makeJoinKey());
  // The public half: no private part, and no key_ops (a verifying key does not sign).
  const { d: _private, key_ops: _ops, ext: _ext, ...publicJwk } = privateJwk;
  const issuer = createJoinTokenIssuer({ privateKey: privateJwk, keyId: privateJwk.kid, ttlSeconds: 300 });
  const store = redisUrl ? await createRedisStore({ redis: redisUrl, logger }) : undefined;
  // #region vouching
  // A vouching key made at start; in production, made once (`generateVoucherKey()`) and kept as a secret.
  const vouchingKey = await generateVoucherKey();
  const voucher = createKeyVoucher({
    current: { kid: vouchingKey.kid, privateJwk: vouchingKey.privateJwk },
    // Which agents may ask for a card in which conversation: yours to answer.
    mayRequest: (agentId, conversationId) =>
      Object.values(PEOPLE).some(
        (person) =>
          person.role === 'agent' && person.subject === agentId && person.conversations.includes(conversationId),
      ),
  });
  // #endregion vouching
  const relay = createRelay({
    tokenKeys: { keys: [publicJwk] },
    allowedOrigins: origins,
    logger,
    ...(store ? { store } : {}),
  });

  const answer = (response, status, value) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(value));
  };
  const handler = async (request, response) => {
    if (relay.handleRequest(request, response)) return; // /healthz, /metrics
    const { pathname } = new URL(request.url ?? '/', 'http://backend');
    if (pathname === '/.well-known/chatpay-join-keys.json') return answer(response, 200, { keys: [publicJwk] });
    if (pathname === '/.well-known/chatpay-jwks.json') return answer(response, 200, await voucher.jwks());
    if (pathname === '/chatpay/vouch' && request.method === 'POST') {
      const person = authenticate(request);
      if (person?.role !== 'agent') return answer(response, 401, { error: 'sign in as an agent first' });
      try {
        return answer(response, 200, { vouch: await voucher.vouchFor(person.subject, await readJson(request)) });
      } catch {
        return answer(response, 400, { error: 'no vouch for that request' });
      }
    }
    // #region token
    if (pathname === '/chatpay/token' && request.method === 'POST') {
      // Same-origin pages only: a page elsewhere must not get tokens with your visitors' cookies.
      if (request.headers.origin && !origins.includes(request.headers.origin))
        return answer(response, 403, { error: 'origin' });
      const person = authenticate(request);
      if (!person) return answer(response, 401, { error: 'sign in first' });
      const asked = await readJson(request);
      const conversationId = asked?.conversationId;
      if (typeof conversationId !== 'string' || !person.conversations.includes(conversationId)) {
        return answer(response, 403, { error: 'not your conversation' });
      }
      const token = await issuer.issue({ conversationId, role: person.role, subject: person.subject });
      return answer(response, 200, { token });
    }
    // #endregion token
    answer(response, 404, { error: 'not found' });
  };
  const server = tls ? createSecureServer({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
  relay.attach(server, { path: '/chatpay' });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const base = `${tls ? 'https' : 'http'}://${host}:${address.port}`;
  return {
    url: base,
    relayUrl: `${tls ? 'wss' : 'ws'}://${host}:${address.port}/chatpay`,
    relay,
    /** Drains the relay (clients reconnect elsewhere with their cursor), then stops. */
    async close() {
      await relay.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await store?.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const backend = await startBackend({
    port: Number(env.PORT ?? 4320),
    host: env.HOST ?? '127.0.0.1',
    ...(env.CHATPAY_ORIGINS ? { origins: env.CHATPAY_ORIGINS.split(',') } : {}),
    ...(env.CHATPAY_JOIN_KEY ? { joinKey: JSON.parse(env.CHATPAY_JOIN_KEY) } : {}),
    ...(env.CHATPAY_REDIS_URL ? { redisUrl: env.CHATPAY_REDIS_URL } : {}),
    ...(env.TLS_CERT && env.TLS_KEY
      ? { tls: { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } }
      : {}),
  });
  console.log(`ChatPay backend: ${backend.url}  relay: ${backend.relayUrl}`);
  console.log(
    `  a token: curl -X POST -H 'Authorization: Bearer agent-session' -d '{"conversationId":"conv-1"}' ${backend.url}/chatpay/token`,
  );
  process.once('SIGTERM', () => void backend.close().then(() => process.exit(0)));
  process.once('SIGINT', () => void backend.close().then(() => process.exit(0)));
}
