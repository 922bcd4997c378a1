// The card form's own origin: the customer's session and elements. Nothing of the chat page's can read
// what is typed here; only sealed messages leave, through postMessage to the page that embeds it.
import { createCustomerSession } from '@chatpay/core';
import { createPostMessageTransport } from '@chatpay/transports';
import '@chatpay/customer/define';

// The one chat page allowed to talk to this form, fixed by the server that serves the form (never
// taken from the address, which anyone can write).
const chatOrigin = document.documentElement.dataset.chatOrigin!;
const transport = createPostMessageTransport({ target: window.parent, targetOrigin: chatOrigin });
// Development only, like the chat page (docs/security.md shows how a real form trusts the integrator's keys).
const customer = createCustomerSession({ conversationId: 'conv-1', transport, dangerouslySkipKeyVouching: true });
customer.subscribe(({ type, request }) => {
  if (type !== 'request-added') return;
  const bubble = document.createElement('chatpay-payment-request');
  bubble.request = request;
  document.querySelector('main')!.append(bubble);
});
