// The one ES module bundle a plain page loads: every element registered, and what a page needs to
// start sessions. Build it with `node examples/plain-html/build.mjs`.
import '@chatpay/agent/define';
import '@chatpay/customer/define';
import '@chatpay/masker/define';

export {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
} from '@chatpay/core';
