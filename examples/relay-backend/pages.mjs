// The agent's console and the customer's chat, wired to the relay of backend.mjs. In a browser,
// `backendUrl` is your own origin, the session is your sign-in's cookie or token, and the socket is
// the browser's own WebSocket; here they are given, so the same code runs in Node (pay.mjs).
import { createAgentSession, createCustomerSession } from '@chatpay/core';
import { createWebSocketTransport } from '@chatpay/transports';

// #region transport
/**
 * A WebSocket transport to the relay with a join token for this person and conversation from the
 * backend's token endpoint (asked again before each connection and before the token expires), and
 * the relay's log: `history()` and resuming after a reconnection.
 */
export function relayTransport({ backendUrl, relayUrl, session, conversationId, createSocket }) {
  return createWebSocketTransport({
    url: relayUrl,
    history: true,
    token: () =>
      fetch(`${backendUrl}/chatpay/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId }),
      })
        .then((response) => response.json())
        .then(({ token }) => token),
    ...(createSocket ? { createSocket } : {}), // in a browser, the default: `new WebSocket(url)`
  });
}
// #endregion transport

// #region agent
/** The agent's side of one conversation: the transport to the relay, and the session. */
export function openAgentConsole({ backendUrl, relayUrl, session, agentId, conversationId, createSocket }) {
  const transport = relayTransport({ backendUrl, relayUrl, session, conversationId, createSocket });
  const agent = createAgentSession({
    conversationId,
    agentId, // as your server knows the agent
    transport,
    // Your server vouches for each request's keys (backend.mjs, POST /chatpay/vouch).
    vouch: (request) =>
      fetch(`${backendUrl}/chatpay/vouch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      })
        .then((response) => response.json())
        .then(({ vouch }) => vouch),
    trustedKeys: () => fetch(`${backendUrl}/.well-known/chatpay-jwks.json`).then((response) => response.json()),
  });
  return { agent, close: () => (agent.close(), transport.close()) };
}
// #endregion agent

// #region customer
/** The customer's side: the transport to the relay, and the session. */
export function openCustomerChat({ backendUrl, relayUrl, session, conversationId, createSocket }) {
  const transport = relayTransport({ backendUrl, relayUrl, session, conversationId, createSocket });
  const customer = createCustomerSession({
    conversationId,
    transport,
    // Your published vouching keys, from your own origin: a request nobody vouched for is never shown.
    trustedKeys: () => fetch(`${backendUrl}/.well-known/chatpay-jwks.json`).then((response) => response.json()),
  });
  return { customer, close: () => (customer.close(), transport.close()) };
}
// #endregion customer
