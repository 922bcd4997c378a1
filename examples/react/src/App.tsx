import { useEffect, useMemo, useState } from 'react';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type AgentRequest,
  type CustomerRequest,
} from '@chatpay/core';
import type { RequestSentDetail } from '@chatpay/agent';
// The elements' JSX types (props, attributes, `on<event-name>` handlers), generated from the packages'
// custom-elements manifests.
import type {} from '@chatpay/agent/react';
import type {} from '@chatpay/customer/react';
import '@chatpay/agent/define';
import '@chatpay/customer/define';

/** Both sides in one app for the example; in production each side has its own app and transport. */
function useConversation() {
  return useMemo(() => {
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    // No server here to vouch for the keys: development only (docs/security.md shows how a real integration vouches).
    const development = { conversationId: 'conv-1', dangerouslySkipKeyVouching: true } as const;
    return {
      agent: createAgentSession({ ...development, agentId: 'agent-1', transport: agentEnd }),
      customer: createCustomerSession({ ...development, transport: customerEnd }),
    };
  }, []);
}

export function App() {
  const { agent, customer } = useConversation();
  const [sent, setSent] = useState<AgentRequest[]>([]);
  const [incoming, setIncoming] = useState<CustomerRequest[]>([]);

  useEffect(
    () =>
      customer.subscribe(({ type, request }) => {
        if (type === 'request-added') setIncoming((list) => [...list, request]);
      }),
    [customer],
  );

  return (
    <main style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '2rem' }}>
      <section aria-label="Agent">
        <h1>Agent</h1>
        <chatpay-request-composer
          session={agent}
          currency="USD"
          onchatpay-request-sent={(event: CustomEvent<RequestSentDetail>) =>
            setSent((list) => [...list, agent.request(event.detail.requestId)!])
          }
        />
        <ol>
          {sent.map((request) => (
            <li key={request.requestId}>
              <chatpay-status-chip request={request} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Customer">
        <h1>Customer</h1>
        {incoming.map((request) => (
          <chatpay-payment-request key={request.requestId} request={request} />
        ))}
      </section>
    </main>
  );
}
