import {
  createAgentSession,
  createCustomerSession,
  type AgentRequest,
  type CustomerRequest,
  type SessionReport,
  type Phase,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { createScriptedPair, settle, until } from './scripted-transport.js';

export const START = Date.UTC(2026, 10, 24, 12, 0, 0);
export const TTL = 15 * 60 * 1000;
export const VIEW = 10 * 60 * 1000;
export const USD_12_50 = { amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' };

/** An agent and a customer session on one conversation, joined by a scripted transport and a shared manual clock. */
export function createFlow() {
  const clock = new ManualClock(START);
  const wire = createScriptedPair();
  const reports: { agent: SessionReport[]; customer: SessionReport[] } = { agent: [], customer: [] };
  const agent = createAgentSession({
    ...agentTrust(),
    conversationId: 'conv-1',
    transport: wire.agent,
    clock,
    requestTtlMs: TTL,
    viewWindowMs: VIEW,
    onReport: (report) => reports.agent.push(report),
  });
  const customer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'conv-1',
    transport: wire.customer,
    clock,
    onReport: (report) => reports.customer.push(report),
  });
  const flow = {
    clock,
    wire,
    agent,
    customer,
    reports,
    /** Delivers everything in flight, in order. */
    async exchange() {
      await settle();
      await Promise.all([agent.idle(), customer.idle()]);
      await wire.deliverAll(async () => {
        await settle();
        await customer.idle();
        await agent.idle();
      });
      await settle();
    },
    /** The agent drafts, confirms and sends a request whose send fails: it shows TRY AGAIN. */
    async failedSend(): Promise<AgentRequest> {
      wire.failSends('agent', 1);
      const request = agent.createRequest();
      expectOk(request.review(USD_12_50));
      expectOk(request.send());
      await until(() => request.timeline().phase === 'sendFailed', 'sendFailed');
      return request;
    },
    /** The agent drafts, confirms and sends a request; the customer receives it. */
    async requested(): Promise<{ request: AgentRequest; peer: CustomerRequest }> {
      const request = agent.createRequest();
      expectOk(request.review(USD_12_50));
      expectOk(request.send());
      await until(() => request.timeline().phase === 'waitingForCustomer', 'waitingForCustomer');
      await flow.exchange();
      const peer = customer.request(request.requestId);
      if (!peer) throw new Error('the request did not reach the customer');
      return { request, peer };
    },
    phases(request: AgentRequest): [Phase, Phase | undefined] {
      return [request.timeline().phase, customer.request(request.requestId)?.timeline().phase];
    },
  };
  return flow;
}

export function expectOk(result: { ok: boolean; error?: unknown }): void {
  if (!result.ok) throw result.error instanceof Error ? result.error : new Error('expected ok');
}
