// ChatPay's elements in React's JSX: React 19 sets a custom element's properties (objects included)
// and listens to its events with `on` + the event's name.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AgentRequest, AgentSession, CustomerRequest } from '@chatpay/core';
import type { RequestSentDetail } from '@chatpay/agent';

type Element<Props> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Props;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'chatpay-request-composer': Element<{
        session?: AgentSession;
        currency?: string;
        currencies?: readonly string[];
        locale?: string;
        'onchatpay-request-sent'?: (event: CustomEvent<RequestSentDetail>) => void;
      }>;
      'chatpay-status-chip': Element<{ request?: AgentRequest; locale?: string }>;
      'chatpay-payment-request': Element<{ request?: CustomerRequest; locale?: string }>;
    }
  }
}
