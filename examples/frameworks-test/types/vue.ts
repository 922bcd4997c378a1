// Type test of the generated Vue types (`@chatpay/<package>/vue`): each element is a global component
// whose props are checked, and, on each `@ts-expect-error` line, what the types must refuse. Checked by
// ../framework-types.test.ts against the built packages, as an application would.
import type {} from '@chatpay/agent/vue';
import type {} from '@chatpay/customer/vue';
import type {} from '@chatpay/masker/vue';
import type { RequestSentDetail } from '@chatpay/agent';
import type { AgentRegistry, AgentRequest, AgentSession, CustomerRequest, CustomerSession } from '@chatpay/core';
import type { CardSealedDetail } from '@chatpay/customer';
import type { CardDetectedDetail } from '@chatpay/masker';
import type { GlobalComponents } from 'vue';

/** The props a template may give the global component `Tag`. */
type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

declare const agent: AgentSession;
declare const registry: AgentRegistry;
declare const agentRequest: AgentRequest;
declare const customer: CustomerSession;
declare const customerRequest: CustomerRequest;

export const composer: PropsOf<'chatpay-request-composer'> = {
  session: agent,
  currency: 'EUR',
  onChatpayRequestSent: (event: CustomEvent<RequestSentDetail>) => event.detail.requestId,
};
export const chip: PropsOf<'chatpay-status-chip'> = { request: agentRequest, locale: 'de' };
export const viewer: PropsOf<'chatpay-card-viewer'> = { request: agentRequest, 'clipboard-clear-after': 30 };
export const banner: PropsOf<'chatpay-payment-banner'> = { registry, nameOf: (id: string) => id };
export const ask: PropsOf<'chatpay-payment-ask'> = { session: agent };
export const dot: PropsOf<'chatpay-activity-dot'> = { registry, 'conversation-id': 'conv-1' };
export const bubble: PropsOf<'chatpay-payment-request'> = { request: customerRequest, 'postal-code': true };
export const form: PropsOf<'chatpay-card-form'> = {
  request: customerRequest,
  onChatpayCardSealed: (event: CustomEvent<CardSealedDetail>) => event.detail.lastFour,
};
export const offer: PropsOf<'chatpay-pay-securely-offer'> = { session: customer, for: 'chat-box' };
export const masker: PropsOf<'chatpay-card-masker'> = {
  'mask-character': '*',
  onChatpayCardDetected: (event: CustomEvent<CardDetectedDetail>) => event.detail.brand,
};

// @ts-expect-error a session is an object, not a string
export const badComposer: PropsOf<'chatpay-request-composer'> = { session: 'agent-1' };
// @ts-expect-error the chip shows an agent's request
export const badChip: PropsOf<'chatpay-status-chip'> = { request: customerRequest };
// @ts-expect-error clipboard-clear-after is a number of seconds
export const badViewer: PropsOf<'chatpay-card-viewer'> = { 'clipboard-clear-after': '30' };
export const badForm: PropsOf<'chatpay-card-form'> = {
  // @ts-expect-error the handler's detail is a CardSealedDetail, not a number
  onChatpayCardSealed: (event: CustomEvent<number>) => event.detail,
};
// @ts-expect-error show-first-six is a boolean attribute
export const badMasker: PropsOf<'chatpay-card-masker'> = { 'show-first-six': 6 };
// @ts-expect-error no such element
export type Unknown = PropsOf<'chatpay-card-drawer'>;
