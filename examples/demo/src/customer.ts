// The customer's chat: message history, a chat box wrapped by the card masker (with "Pay securely
// instead?" when a card is typed into it), and payment requests as they arrive.
import { createCustomerSession, type JsonWebKeySet } from '@chatpay/core';
import '@chatpay/customer/define';
import { CUSTOMER_MESSAGES_AR } from '@chatpay/customer/locales/ar';
import { CUSTOMER_MESSAGES_DE } from '@chatpay/customer/locales/de';
import { CUSTOMER_MESSAGES_ES } from '@chatpay/customer/locales/es';
import { CUSTOMER_MESSAGES_FR } from '@chatpay/customer/locales/fr';
import { registerMessages } from '@chatpay/ui';
import '@chatpay/masker/define';
import { keepNewestInView } from './newest-in-view.js';
import { chatChannel, chatLine, CONVERSATIONS, HISTORY, paymentTransport } from './wire.js';

// The page's `lang` (the demo's Language switch) picks the catalogue.
for (const [locale, catalogue] of Object.entries({
  es: CUSTOMER_MESSAGES_ES,
  fr: CUSTOMER_MESSAGES_FR,
  de: CUSTOMER_MESSAGES_DE,
  ar: CUSTOMER_MESSAGES_AR,
}))
  registerMessages(locale, catalogue);

const id = new URLSearchParams(location.search).get('conversation') ?? CONVERSATIONS[0]!.id;
const me = CONVERSATIONS.find((conversation) => conversation.id === id)?.customer ?? 'Customer';
document.querySelector('#customer-name')!.textContent = me;
const history = document.querySelector<HTMLOListElement>('#history')!;
const form = document.querySelector<HTMLFormElement>('#customer-chat')!;
// The messages scroll (the chat box stays in view), keeping to the newest.
keepNewestInView(document.querySelector('main')!).follow(history);
for (const line of HISTORY[id] ?? []) {
  history.append(chatLine(line.from === 'agent' ? 'Agent' : me, line.text, line.from !== 'agent'));
}

const say = chatChannel(id, (from, text) => history.append(chatLine(from, text, false)));
// The integrator's published vouching keys, from its own origin (never through the chat backend).
const trustedKeys = async () => (await (await fetch('/.well-known/chatpay-jwks.json')).json()) as JsonWebKeySet;
const customer = createCustomerSession({
  conversationId: id,
  transport: paymentTransport(id, 'customer'),
  trustedKeys,
});
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

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = form.querySelector('input')!;
  // The masker has already masked any card number, before this handler reads the value.
  if (!input.value.trim()) return;
  say(me, input.value);
  history.append(chatLine(me, input.value, true));
  input.value = '';
});
