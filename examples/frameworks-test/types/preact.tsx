/** @jsxImportSource preact */
// Type test of the generated Preact types (`@chatpay/<package>/preact`): every element with the props
// and handlers it takes, and, on each `@ts-expect-error` line, what the types must refuse. Checked by
// ../framework-types.test.ts against the built packages, as an application would.
import type {} from '@chatpay/agent/preact';
import type {} from '@chatpay/customer/preact';
import type {} from '@chatpay/masker/preact';
import type { RequestSentDetail } from '@chatpay/agent';
import type { AgentRegistry, AgentRequest, AgentSession, CustomerRequest, CustomerSession } from '@chatpay/core';
import type { CardSealedDetail } from '@chatpay/customer';

declare const agent: AgentSession;
declare const registry: AgentRegistry;
declare const agentRequest: AgentRequest;
declare const customer: CustomerSession;
declare const customerRequest: CustomerRequest;
declare function show(text: string): void;

export const used = (
  <div>
    <chatpay-request-composer
      session={agent}
      currency="EUR"
      onchatpay-request-sent={(event: CustomEvent<RequestSentDetail>) => show(event.detail.requestId)}
    />
    <chatpay-status-chip request={agentRequest} onchatpay-view-card={(event) => show(event.detail.requestId)} />
    <chatpay-card-viewer request={agentRequest} />
    <chatpay-payment-banner registry={registry} />
    <chatpay-payment-ask session={agent} />
    <chatpay-activity-dot registry={registry} conversation-id="conv-1" />
    <chatpay-payment-request request={customerRequest} />
    <chatpay-card-form
      request={customerRequest}
      onchatpay-card-sealed={(event: CustomEvent<CardSealedDetail>) => show(event.detail.brand)}
    />
    <chatpay-pay-securely-offer session={customer} />
    <chatpay-card-masker mask-character="*" onchatpay-card-detected={(event) => show(event.detail.lastFour)}>
      <textarea aria-label="Message" />
    </chatpay-card-masker>
  </div>
);

export const refused = (
  <div>
    {/* @ts-expect-error a session is an object, not a string */}
    <chatpay-request-composer session="agent-1" />
    {/* @ts-expect-error the handler's detail is a CardSealedDetail, not a number */}
    <chatpay-card-form onchatpay-card-sealed={(event: CustomEvent<number>) => show(String(event.detail))} />
    {/* @ts-expect-error show-first-six is a boolean attribute */}
    <chatpay-card-masker show-first-six={6} />
    {/* @ts-expect-error no such element */}
    <chatpay-card-drawer />
  </div>
);
