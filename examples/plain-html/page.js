/* global document */
// The page's own script, a file of its own rather than inline, so that the page runs under a strict
// Content-Security-Policy (`script-src 'self'`: no inline script, no eval).
import { createAgentSession, createCustomerSession, createMemoryTransportPair } from './chatpay.js';

// Both sides in one page for the example; in production each side has its own page and transport.
const [agentEnd, customerEnd] = createMemoryTransportPair();
// No server here to vouch for the keys: development only (docs/security.md shows how a real integration vouches).
const development = { conversationId: 'conv-1', dangerouslySkipKeyVouching: true };
const agent = createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd });
const customer = createCustomerSession({ ...development, transport: customerEnd });

// #region agent-elements
const composer = document.querySelector('chatpay-request-composer');
composer.session = agent; // objects are properties, never attributes
composer.addEventListener('chatpay-request-sent', (event) => {
  const chip = document.createElement('chatpay-status-chip');
  chip.request = agent.request(event.detail.requestId);
  const item = document.createElement('li');
  item.append(chip);
  document.querySelector('#timeline').append(item);
});
// #endregion agent-elements

// A card typed into the chat box: "Pay securely instead?" opens the waiting request, or asks the agent.
document.querySelector('chatpay-pay-securely-offer').session = customer;
const ask = document.querySelector('chatpay-payment-ask');
ask.session = agent;
ask.addEventListener('chatpay-card-request-chosen', () => composer.focus());

// #region customer-elements
customer.subscribe(({ type, request }) => {
  if (type !== 'request-added') return;
  const bubble = document.createElement('chatpay-payment-request');
  bubble.request = request;
  bubble.locale = 'en-IE';
  document.querySelector('#messages').append(bubble);
});
// #endregion customer-elements
