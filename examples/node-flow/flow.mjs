// The whole flow in a terminal: an agent asks for a payment, a customer pays, the agent views the
// card and completes. Both sessions talk through a relay that prints everything that crosses it:
// the card crosses as ciphertext only.
//   pnpm --filter @chatpay/example-node-flow start   (after `pnpm build`)
import { createAgentSession, createCustomerSession, createMemoryTransportPair, formatMoney } from '@chatpay/core';

/** A transport pair whose traffic is also handed to `print`, as a chat backend would see it. */
function relay(print) {
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  for (const end of [agentEnd, customerEnd]) {
    const send = end.send.bind(end);
    end.send = (message) => {
      print(`relay  ${message.type.padEnd(18)} ${JSON.stringify(message.body)}`);
      return send(message);
    };
  }
  return [agentEnd, customerEnd];
}

const settled = (request, phase) =>
  new Promise((resolve) => {
    const check = () => request.timeline().phase === phase && resolve();
    request.actor.subscribe(check);
    check();
  });

export async function runFlow(print = console.log) {
  const [agentEnd, customerEnd] = relay(print);
  // No server here to vouch for the keys: development only (docs/security.md shows how a real integration vouches).
  const development = { conversationId: 'conv-42', dangerouslySkipKeyVouching: true };
  const agent = createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd });
  const customer = createCustomerSession({ ...development, transport: customerEnd });
  const arrived = new Promise((resolve) =>
    customer.subscribe((event) => event.type === 'request-added' && resolve(event.request)),
  );

  const request = agent.createRequest();
  request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' });
  request.send();
  await settled(request, 'waitingForCustomer');
  print(`agent     ${request.timeline().status}`);

  const incoming = await arrived;
  print(`customer  ${formatMoney(incoming.terms.amount, 'en-US')} for "${incoming.terms.reason}"`);
  incoming.open();
  await incoming.pay({
    number: '4111111111111111',
    name: 'Ada Lovelace',
    expiry: '12/30',
    securityCode: '737',
    brand: 'visa',
  });
  await settled(request, 'cardSubmitted');
  print(`agent     ${request.timeline().status}`);

  const card = await request.viewCard();
  if (!card.ok) throw card.error;
  print(`agent     viewing a ${card.value.brand} card ending ${card.value.number.slice(-4)}`);
  request.complete();
  await settled(incoming, 'completed');
  print(`customer  ${incoming.timeline().status}`);
  agent.close();
  customer.close();
  return { agent: request.timeline().phase, customer: incoming.timeline().phase };
}

if (import.meta.url === `file://${process.argv[1]}`) await runFlow();
