// ChatPay's elements in Vue 3. Vue sets a custom element's DOM properties when the element has them
// (objects included), and `onChatpay-request-sent` listens to `chatpay-request-sent`.
import { createApp, defineComponent, h, onUnmounted, shallowRef } from 'vue';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type AgentRequest,
  type CustomerRequest,
} from '@chatpay/core';
import type { RequestSentDetail } from '@chatpay/agent';
// The elements as typed global components, for templates checked by vue-tsc (render functions with a
// tag name, as here, are not checked against them).
import type {} from '@chatpay/agent/vue';
import type {} from '@chatpay/customer/vue';
import '@chatpay/agent/define';
import '@chatpay/customer/define';

const App = defineComponent({
  setup() {
    // Both sides in one app for the example; in production each side has its own app and transport.
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    // No server here to vouch for the keys: development only (docs/security.md shows how a real integration vouches).
    const development = { conversationId: 'conv-1', dangerouslySkipKeyVouching: true } as const;
    const agent = createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd });
    const customer = createCustomerSession({ ...development, transport: customerEnd });
    const sent = shallowRef<AgentRequest[]>([]);
    const incoming = shallowRef<CustomerRequest[]>([]);
    const stop = customer.subscribe(({ type, request }) => {
      if (type === 'request-added') incoming.value = [...incoming.value, request];
    });
    onUnmounted(() => {
      stop();
      agent.close();
      customer.close();
    });
    const onSent = (event: CustomEvent<RequestSentDetail>) => {
      sent.value = [...sent.value, agent.request(event.detail.requestId)!];
    };
    return () =>
      h('main', { style: 'display: grid; grid-template-columns: 1fr 1fr; gap: 2rem' }, [
        h('section', { 'aria-label': 'Agent' }, [
          h('h1', 'Agent'),
          h('chatpay-request-composer', { session: agent, currency: 'USD', 'onChatpay-request-sent': onSent }),
          h(
            'ol',
            sent.value.map((request) => h('li', { key: request.requestId }, [h('chatpay-status-chip', { request })])),
          ),
        ]),
        h('section', { 'aria-label': 'Customer' }, [
          h('h1', 'Customer'),
          ...incoming.value.map((request) => h('chatpay-payment-request', { key: request.requestId, request })),
        ]),
      ]);
  },
});

createApp(App).mount('#app');
