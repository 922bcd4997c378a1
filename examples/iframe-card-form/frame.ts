// The card form's own origin: the customer's session and elements. Nothing of the chat page's can read
// what is typed here; only sealed messages leave, through postMessage to the page that embeds it.
import { createCustomerSession } from '@chatpay/core';
import { createPostMessageTransport } from '@chatpay/transports';
import '@chatpay/customer/define';

const parentOrigin = new URLSearchParams(location.search).get('parent') ?? '';
const transport = createPostMessageTransport({ target: window.parent, targetOrigin: parentOrigin });
const customer = createCustomerSession({ conversationId: 'conv-1', transport });
customer.subscribe(({ type, request }) => {
  if (type !== 'request-added') return;
  const bubble = document.createElement('chatpay-payment-request');
  bubble.request = request;
  document.querySelector('main')!.append(bubble);
});
