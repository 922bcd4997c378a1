// The agent's console and the customer's chat, wired to the Socket.IO chat server of server.mjs.
// In a browser, `chatUrl` is your chat's origin and the session is your sign-in's cookie or token;
// here they are given, so the same code runs in Node (pay.mjs) and in a page.
import { createAgentSession, createCustomerSession } from '@chatpay/core';
import { createSocketIoTransport } from '@chatpay/transports/socket-io';
import { io } from 'socket.io-client';

// #region agent
/** The agent's side of one conversation: the chat's socket, ChatPay's transport on it, and the session. */
export function openAgentConsole({ chatUrl, session, agentId, conversationId }) {
  const socket = io(chatUrl, { auth: { session } });
  const transport = createSocketIoTransport({ socket, conversationId });
  const agent = createAgentSession({
    conversationId,
    agentId, // as your server knows the agent
    transport,
    // Your server vouches for each request's keys (server.mjs, POST /chatpay/vouch).
    vouch: (request) =>
      fetch(`${chatUrl}/chatpay/vouch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      })
        .then((response) => response.json())
        .then(({ vouch }) => vouch),
    trustedKeys: () => fetch(`${chatUrl}/.well-known/chatpay-jwks.json`).then((response) => response.json()),
  });
  return { agent, close: () => (agent.close(), transport.close(), socket.disconnect()) };
}
// #endregion agent

// #region customer
/** The customer's side: the chat's socket, ChatPay's transport on it, and the session. */
export function openCustomerChat({ chatUrl, session, conversationId }) {
  const socket = io(chatUrl, { auth: { session } });
  const transport = createSocketIoTransport({ socket, conversationId });
  const customer = createCustomerSession({
    conversationId,
    transport,
    // Your published vouching keys, from your own origin: a request nobody vouched for is never shown.
    trustedKeys: () => fetch(`${chatUrl}/.well-known/chatpay-jwks.json`).then((response) => response.json()),
  });
  return { customer, close: () => (customer.close(), transport.close(), socket.disconnect()) };
}
// #endregion customer
