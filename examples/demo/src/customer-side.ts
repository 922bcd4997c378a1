// What the customer's chat loads once a payment request arrives (or a card is typed into the chat
// box): the session, the request bubble and "Pay securely instead?", with their words in every
// language the demo offers. A chunk of its own, so that a chat that never sees a request never loads it.
import { createCustomerSession, type JsonWebKeySet, type Transport } from '@chatpay/core';
import '@chatpay/customer/define';
import { CUSTOMER_MESSAGES_AR } from '@chatpay/customer/locales/ar';
import { CUSTOMER_MESSAGES_DE } from '@chatpay/customer/locales/de';
import { CUSTOMER_MESSAGES_ES } from '@chatpay/customer/locales/es';
import { CUSTOMER_MESSAGES_FR } from '@chatpay/customer/locales/fr';
import { registerMessages } from '@chatpay/ui';

// The page's `lang` (the demo's Language switch) picks the catalogue.
for (const [locale, catalogue] of Object.entries({
  es: CUSTOMER_MESSAGES_ES,
  fr: CUSTOMER_MESSAGES_FR,
  de: CUSTOMER_MESSAGES_DE,
  ar: CUSTOMER_MESSAGES_AR,
}))
  registerMessages(locale, catalogue);

// The integrator's published vouching keys, from its own origin (never through the chat backend).
const trustedKeys = async () => (await (await fetch('/.well-known/chatpay-jwks.json')).json()) as JsonWebKeySet;

/** Starts the customer's session on `transport` (the watch's), and shows each request in `history`. */
export function startCustomerSide(conversationId: string, transport: Transport, history: HTMLElement): void {
  const customer = createCustomerSession({ conversationId, transport, trustedKeys });
  // A card typed into the chat box is masked before it is sent, and the customer is offered the secure form.
  document.querySelector('chatpay-pay-securely-offer')!.session = customer;
  customer.subscribe(({ type, request }) => {
    if (type !== 'request-added') return;
    const item = document.createElement('li');
    item.className = 'line request';
    const bubble = document.createElement('chatpay-payment-request');
    bubble.request = request;
    item.append(bubble);
    history.append(item);
  });
}
