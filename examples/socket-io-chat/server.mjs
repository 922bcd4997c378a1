// A small Socket.IO chat server with ChatPay in it: a sign-in stand-in, the chat's own text
// messages, @chatpay/server's ChatPay piece (joins, catch-up, a bounded log, checks on every
// message), the endpoint that vouches for each request's keys, and the published vouching keys.
//   node examples/socket-io-chat/server.mjs        (after `pnpm run build`)
// Environment, all optional:
//   PORT             default 4330
//   CHATPAY_ORIGINS  the pages that may connect, comma-separated; default http://localhost:4310
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import {
  createChatPayLog,
  createKeyVoucher,
  createSocketIoChatPay,
  generateVoucherKey,
  isChatPayPayload,
} from '@chatpay/server';

// #region people
/**
 * Who is connecting, from your own sign-in (a session cookie, a bearer token…). This stand-in knows
 * two session tokens; replace it with your authentication. A customer may join their own
 * conversations, an agent the ones your routing gave them.
 */
const PEOPLE = {
  'agent-session': { subject: 'agent-7', role: 'agent', conversations: ['conv-1'] },
  'customer-session': { subject: 'customer-42', role: 'customer', conversations: ['conv-1'] },
};
const personOf = (token) => (typeof token === 'string' && Object.hasOwn(PEOPLE, token) ? PEOPLE[token] : undefined);
// #endregion people

export async function startChatServer({ port = 4330, host = '127.0.0.1', origins = ['http://localhost:4310'] } = {}) {
  // #region vouching
  // A vouching key made at start; in production, made once (`generateVoucherKey()`) and kept as a secret.
  const key = await generateVoucherKey();
  const voucher = createKeyVoucher({
    current: { kid: key.kid, privateJwk: key.privateJwk },
    // Which agents may ask for a card in which conversation: yours to answer.
    mayRequest: (agentId, conversationId) =>
      Object.values(PEOPLE).some(
        (person) =>
          person.role === 'agent' && person.subject === agentId && person.conversations.includes(conversationId),
      ),
  });
  // #endregion vouching

  const answer = (response, status, value) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(value));
  };
  const readJson = (request) =>
    new Promise((resolve) => {
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
  const http = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://chat');
    if (pathname === '/.well-known/chatpay-jwks.json') return answer(response, 200, await voucher.jwks());
    if (pathname === '/chatpay/vouch' && request.method === 'POST') {
      const person = personOf(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]);
      if (person?.role !== 'agent') return answer(response, 401, { error: 'sign in as an agent first' });
      try {
        return answer(response, 200, { vouch: await voucher.vouchFor(person.subject, await readJson(request)) });
      } catch {
        return answer(response, 400, { error: 'no vouch for that request' });
      }
    }
    if (pathname.startsWith('/socket.io/')) return; // socket.io answers its own requests
    answer(response, 404, { error: 'not found' });
  });

  // #region socket-io
  // Smaller packets than socket.io's default of 1 MB: a ChatPay message is at most 64 KiB of JSON.
  const io = new Server(http, { maxHttpBufferSize: 100_000, cors: { origin: origins } });
  const chatpay = createSocketIoChatPay({
    // Who this socket is in this conversation, or undefined if it may not join it.
    authorize: (socket, conversationId) => {
      const person = personOf(socket.handshake.auth?.session);
      if (!person?.conversations.includes(conversationId)) return undefined;
      return { role: person.role, subject: person.subject };
    },
    // At most 500 ChatPay messages per conversation, 10,000 conversations, in this process's memory.
    log: createChatPayLog({ maxMessagesPerConversation: 500, maxConversations: 10_000 }),
  });
  io.on('connection', (socket) => {
    const person = personOf(socket.handshake.auth?.session);
    if (!person) return void socket.disconnect(true);
    chatpay.attach(socket);
    // The chat's own messages, in the same event: ChatPay's are the piece's.
    for (const conversationId of person.conversations) void socket.join(`chat:${conversationId}`);
    socket.on('chat:message', (payload) => {
      if (isChatPayPayload(payload)) return;
      const { conversationId, text } = payload ?? {};
      if (!person.conversations.includes(conversationId) || typeof text !== 'string' || text.length > 4000) return;
      socket.to(`chat:${conversationId}`).emit('chat:message', { conversationId, text, from: person.subject });
    });
  });
  // #endregion socket-io

  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, resolve);
  });
  const url = `http://${host}:${http.address().port}`;
  return {
    url,
    /** The conversation's ChatPay messages as the server keeps them: what the chat backend sees. */
    kept: (conversationId) => chatpay.log.after(conversationId, 0),
    async close() {
      io.disconnectSockets(true);
      await io.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const server = await startChatServer({
    port: Number(env.PORT ?? 4330),
    host: env.HOST ?? '127.0.0.1',
    ...(env.CHATPAY_ORIGINS ? { origins: env.CHATPAY_ORIGINS.split(',') } : {}),
  });
  console.log(`Chat server with ChatPay: ${server.url}`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
