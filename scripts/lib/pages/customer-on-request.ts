// The customer's side of a chat page, loaded in one chunk with the page's first request, as a page's
// own module would be (examples/demo/src/customer-side.ts): measured as the later part of the page
// "chat page before any request" in scripts/lib/bundles.mjs.
import { createCustomerSession, type Transport } from '@chatpay/core';
import '@chatpay/customer/define';

/** The customer's session on the watch's transport. */
export const startCustomerSide = (transport: Transport) => createCustomerSession({ conversationId: 'c', transport });
