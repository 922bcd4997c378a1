// Type test of the generated React types (`@chatpay/<package>/react`): every element with the props and
// handlers it takes, and, on each `@ts-expect-error` line, what the types must refuse. Checked by
// ../framework-types.test.ts against the built packages, as an application would.
import type {} from '@chatpay/agent/react';
import type {} from '@chatpay/customer/react';
import type {} from '@chatpay/masker/react';
import type {
  CardRequestChosenDetail,
  RequestReplacedDetail,
  RequestSentDetail,
  ViewCardDetail,
  ViewConversationDetail,
} from '@chatpay/agent';
import type { AgentRegistry, AgentRequest, AgentSession, CustomerRequest, CustomerSession } from '@chatpay/core';
import type { CardSealedDetail, OfferAcceptedDetail } from '@chatpay/customer';
import type { CardDetectedDetail } from '@chatpay/masker';

declare const agent: AgentSession;
declare const registry: AgentRegistry;
declare const agentRequest: AgentRequest;
declare const customer: CustomerSession;
declare const customerRequest: CustomerRequest;
declare function show(text: string): void;

export const agentSide = (
  <>
    <chatpay-request-composer
      session={agent}
      currency="EUR"
      currencies={['EUR', 'USD']}
      locale="de"
      onchatpay-request-sent={(event: CustomEvent<RequestSentDetail>) => show(event.detail.requestId)}
    />
    <chatpay-status-chip
      request={agentRequest}
      onchatpay-view-card={(event: CustomEvent<ViewCardDetail>) => show(event.detail.conversationId)}
      onchatpay-request-replaced={(event: CustomEvent<RequestReplacedDetail>) => show(event.detail.replacedRequestId)}
    />
    <chatpay-card-viewer request={agentRequest} clipboard-clear-after={30} visibleWhenUnfocused />
    <chatpay-payment-banner
      registry={registry}
      nameOf={(conversationId) => conversationId.toUpperCase()}
      onchatpay-view-conversation={(event: CustomEvent<ViewConversationDetail>) => show(event.detail.conversationId)}
    />
    <chatpay-payment-ask
      session={agent}
      onchatpay-card-request-chosen={(event: CustomEvent<CardRequestChosenDetail>) => show(event.detail.conversationId)}
    />
    <chatpay-activity-dot registry={registry} conversation-id="conv-1" />
    {/* A handler's event is the element's own: its target is the chip. */}
    <chatpay-status-chip onchatpay-view-card={(event) => show(event.target.request?.requestId ?? '')} />
  </>
);

export const customerSide = (
  <>
    <chatpay-payment-request request={customerRequest} postal-code locale="fr" />
    <chatpay-card-form
      request={customerRequest}
      postalCode
      acceptedBrands={['visa']}
      onchatpay-card-sealed={(event: CustomEvent<CardSealedDetail>) => show(event.detail.lastFour)}
    />
    <chatpay-pay-securely-offer
      session={customer}
      for="chat-box"
      onchatpay-offer-accepted={(event: CustomEvent<OfferAcceptedDetail>) => show(event.detail.requestId ?? 'none')}
      onchatpay-offer-dismissed={(event) => show(event.type)}
    />
    <chatpay-card-masker
      mask-character="*"
      show-first-six
      options={{ neverMask: [/^ORDER-\d+$/] }}
      onchatpay-card-detected={(event: CustomEvent<CardDetectedDetail>) => show(event.detail.brand)}
    >
      <textarea aria-label="Message" />
    </chatpay-card-masker>
  </>
);

export const refused = (
  <>
    {/* @ts-expect-error a session is an object, not a string */}
    <chatpay-request-composer session="agent-1" />
    {/* @ts-expect-error currencies is a list of codes */}
    <chatpay-request-composer currencies="EUR" />
    {/* @ts-expect-error the handler's detail is RequestSentDetail, not a number */}
    <chatpay-request-composer onchatpay-request-sent={(event: CustomEvent<number>) => show(String(event.detail))} />
    {/* @ts-expect-error the chip shows an agent's request, not a customer's */}
    <chatpay-status-chip request={customerRequest} />
    {/* @ts-expect-error the detail has no card number */}
    <chatpay-status-chip onchatpay-view-card={(event) => show(event.detail.cardNumber)} />
    {/* @ts-expect-error clipboard-clear-after is a number of seconds */}
    <chatpay-card-viewer clipboard-clear-after="30" />
    {/* @ts-expect-error nameOf maps a conversation id to a name */}
    <chatpay-payment-banner nameOf="Ada" />
    {/* @ts-expect-error the detail is a CardRequestChosenDetail */}
    <chatpay-payment-ask onchatpay-card-request-chosen={(event: CustomEvent<{ amount: number }>) => event} />
    {/* @ts-expect-error the dot reads a registry, not a session */}
    <chatpay-activity-dot registry={agent} />
    {/* @ts-expect-error the payment request takes a customer's request */}
    <chatpay-payment-request request={agentRequest} />
    {/* @ts-expect-error postalCode is a boolean */}
    <chatpay-card-form postalCode="yes" />
    {/* @ts-expect-error the sealed detail has no card number */}
    <chatpay-card-form onchatpay-card-sealed={(event) => show(event.detail.number)} />
    {/* @ts-expect-error the offer's requestId may be null */}
    <chatpay-pay-securely-offer onchatpay-offer-accepted={(event) => show(event.detail.requestId)} />
    {/* @ts-expect-error show-first-six is a boolean attribute */}
    <chatpay-card-masker show-first-six={6} />
    {/* @ts-expect-error the masker's options are MaskOptions */}
    <chatpay-card-masker options={{ maskCharacter: 1 }} />
    {/* @ts-expect-error the detected detail has no card number */}
    <chatpay-card-masker onchatpay-card-detected={(event) => show(event.detail.number)} />
    {/* @ts-expect-error no such element */}
    <chatpay-card-drawer />
  </>
);
