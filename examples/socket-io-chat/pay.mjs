// A whole payment over the Socket.IO chat of server.mjs, in a terminal: the agent asks, the
// customer pays, the agent views the card and completes, the customer sees it accepted.
//   node examples/socket-io-chat/pay.mjs        (after `pnpm run build`)
import { fileURLToPath } from 'node:url';
import { openAgentConsole, openCustomerChat } from './pages.mjs';
import { startChatServer } from './server.mjs';

/** Resolves once `read()` is true, checking at each change of `request`. */
const reached = (request, read) =>
  new Promise((resolve) => {
    const check = () => read(request.timeline()) && resolve();
    request.actor.subscribe(check);
    check();
  });

export async function runPayment(print = console.log) {
  const server = await startChatServer({ port: 0 });
  const chatUrl = server.url;
  // #region pay
  const agentConsole = openAgentConsole({
    chatUrl,
    session: 'agent-session',
    agentId: 'agent-7',
    conversationId: 'conv-1',
  });
  const customerChat = openCustomerChat({ chatUrl, session: 'customer-session', conversationId: 'conv-1' });
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
  const kept = server.kept('conv-1');
  agentConsole.close();
  customerChat.close();
  await server.close();
  return { ...outcome, kept };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runPayment();
