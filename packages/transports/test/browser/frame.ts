// The customer's side in a frame on another origin, as an integrator would host the card form: it
// talks to the chat page only through the postMessage transport, and pays the first request it gets.
// It trusts the vouching keys the page names in its address (`keys`, a JWKS), as a real form trusts
// the keys its integrator publishes.
import { createCustomerSession, type JsonWebKeySet } from '@chatpay/core';
import { createPostMessageTransport } from '../../src/index.js';

const query = new URLSearchParams(location.search);
const parentOrigin = query.get('parent')!;
const trustedKeys = JSON.parse(query.get('keys') ?? '{}') as JsonWebKeySet;
const transport = createPostMessageTransport({ target: window.parent, targetOrigin: parentOrigin });
const customer = createCustomerSession({ conversationId: 'c-1', transport, trustedKeys });
customer.subscribe(({ type, request }) => {
  if (type !== 'request-added') return;
  request.open();
  void request.pay({
    number: '4111111111111111',
    name: 'Ada Lovelace',
    expiry: '12/30',
    securityCode: '737',
    brand: 'visa',
  });
});
