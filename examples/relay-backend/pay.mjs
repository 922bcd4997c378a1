// A whole payment through the backend of backend.mjs and its relay, in a terminal: the agent asks,
// the customer pays, the agent views the card and completes, the customer sees it accepted.
//   node examples/relay-backend/pay.mjs        (after `pnpm run build`)
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startBackend } from './backend.mjs';
import { openAgentConsole, openCustomerChat } from './pages.mjs';

/** The page's origin: the relay accepts connections from the backend's `origins` only. */
const ORIGIN = 'http://localhost:4310';

/** Resolves once `read()` is true, checking at each change of `request`. */
const reached = (request, read) =>
  new Promise((resolve) => {
    const check = () => read(request.timeline()) && resolve();
    request.actor.subscribe(check);
    check();
  });

export async function runPayment(print = console.log) {
  const backend = await startBackend({ port: 0, origins: [ORIGIN], logger: () => {} });
  // Node has no WebSocket of its own (before Node 22): the `ws` package's, from the page's origin.
  const createSocket = (url) => new WebSocket(url, { origin: ORIGIN });
  const where = { backendUrl: backend.url, relayUrl: backend.relayUrl, createSocket };
  // #region pay
  const agentConsole = openAgentConsole({
    ...where,
    session: 'agent-session',
    agentId: 'agent-7',
    conversationId: 'conv-1',
  });
  const customerChat = openCustomerChat({ ...where, session: 'customer-session', conversationId: 'conv-1' });
  const arrived = new Promise((resolve) =>
    customerChat.customer.subscribe((event) => event.type === 'request-added' && resolve(event.request)),
  );

  const request = agentConsole.agent.createRequest();
  request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' });
  request.send();
  const incoming = await arrived;
  print(`customer  ${incoming.terms.reason}: ${incoming.timeline().status}`);
  incoming.open();
  await incoming.pay({
    number: '4111111111111111',
    name: 'Ada Lovelace',
    expiry: '12/30',
    securityCode: '737',
    brand: 'visa',
  });
  await reached(request, ({ status }) => status === 'view-card');
  const card = await request.viewCard();
  if (!card.ok) throw card.error;
  print(`agent     viewing a ${card.value.brand} card ending ${card.value.number.slice(-4)}`);
  request.complete();
  await reached(incoming, ({ phase }) => phase === 'completed');
  print(`customer  ${incoming.timeline().status}`);
  // #endregion pay
  const outcome = { agent: request.timeline().phase, customer: incoming.timeline().phase };
  agentConsole.close();
  customerChat.close();
  await backend.close();
  return outcome;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runPayment();
