/** @jsxImportSource solid-js */
// Type test of the generated Solid types (`@chatpay/<package>/solid`): every element with the
// properties (`prop:`), attributes (`attr:`, `bool:`) and handlers (`on:`) it takes, and, on each
// `@ts-expect-error` line, what the types must refuse. Checked by ../framework-types.test.ts against
// the built packages, as an application would.
import type {} from '@chatpay/agent/solid';
import type {} from '@chatpay/customer/solid';
import type {} from '@chatpay/masker/solid';
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
      prop:session={agent}
      prop:currency="EUR"
      on:chatpay-request-sent={(event: CustomEvent<RequestSentDetail>) => show(event.detail.requestId)}
    />
    <chatpay-status-chip prop:request={agentRequest} on:chatpay-view-card={(event) => show(event.detail.requestId)} />
    <chatpay-card-viewer prop:request={agentRequest} />
    <chatpay-payment-banner prop:registry={registry} />
    <chatpay-payment-ask prop:session={agent} />
    <chatpay-activity-dot prop:registry={registry} attr:conversation-id="conv-1" />
    <chatpay-payment-request prop:request={customerRequest} bool:postal-code />
    <chatpay-card-form
      prop:request={customerRequest}
      on:chatpay-card-sealed={(event: CustomEvent<CardSealedDetail>) => show(event.detail.brand)}
    />
    <chatpay-pay-securely-offer prop:session={customer} />
    <chatpay-card-masker attr:mask-character="*" on:chatpay-card-detected={(event) => show(event.detail.lastFour)}>
      <textarea aria-label="Message" />
    </chatpay-card-masker>
  </div>
);

export const refused = (
  <div>
    {/* @ts-expect-error a session is an object, not a string */}
    <chatpay-request-composer prop:session="agent-1" />
    {/* @ts-expect-error the handler's detail is a CardSealedDetail, not a number */}
    <chatpay-card-form on:chatpay-card-sealed={(event: CustomEvent<number>) => show(String(event.detail))} />
    {/* @ts-expect-error show-first-six is a boolean attribute */}
    <chatpay-card-masker bool:show-first-six={6} />
    {/* @ts-expect-error no such element */}
    <chatpay-card-drawer />
  </div>
);
