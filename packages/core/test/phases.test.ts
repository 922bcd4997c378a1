import { describe, expect, it } from 'vitest';
import { PHASES, type MessageOf, type Phase } from '@chatpay/core';
import { createFlow, expectOk, TTL, USD_12_50, VIEW } from './support/flow.js';
import { until, VISA } from './support/scripted-transport.js';

type Flow = ReturnType<typeof createFlow>;

/** Runs `scenario` on a fresh flow and collects every phase each side's actors pass through. */
async function visited(scenario: (flow: Flow) => Promise<void>) {
  const flow = createFlow();
  const seen = { agent: new Set<Phase>(), customer: new Set<Phase>() };
  flow.agent.subscribe(({ request }) => seen.agent.add(request.timeline().phase));
  flow.customer.subscribe(({ request }) => seen.customer.add(request.timeline().phase));
  await scenario(flow);
  return seen;
}

async function paid(flow: Flow) {
  const { request, peer } = await flow.requested();
  expectOk(peer.open());
  expectOk(await peer.pay(VISA));
  await flow.exchange();
  return { request, peer };
}

const scenarios: Record<string, (flow: Flow) => Promise<void>> = {
  'pay, view, complete': async (flow) => {
    const { request } = await paid(flow);
    expectOk(await request.viewCard());
    expectOk(request.complete());
    await flow.exchange();
  },
  'edit, then a failed send on each side, retried': async (flow) => {
    const request = flow.agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.edit());
    expectOk(request.review(USD_12_50));
    flow.wire.failSends('agent', 1);
    expectOk(request.send());
    await until(() => request.timeline().phase === 'sendFailed');
    expectOk(request.retry());
    await until(() => request.timeline().phase === 'waitingForCustomer');
    await flow.exchange();
    const peer = flow.customer.request(request.requestId)!;
    expectOk(peer.open());
    await flow.exchange();
    flow.wire.failSends('customer', 1);
    expectOk(await peer.pay(VISA));
    await until(() => peer.timeline().phase === 'sendFailed');
    expectOk(peer.retry());
    await until(() => peer.timeline().phase === 'cardSubmitted');
  },
  decline: async (flow) => {
    const { peer } = await flow.requested();
    expectOk(peer.decline());
    await flow.exchange();
  },
  'request expires': async (flow) => {
    await flow.requested();
    flow.clock.advance(TTL);
    await flow.exchange();
  },
  'view window ends': async (flow) => {
    await paid(flow);
    flow.clock.advance(VIEW);
    await flow.exchange();
  },
  'agent cancels': async (flow) => {
    const { request } = await flow.requested();
    expectOk(request.cancel());
    await flow.exchange();
  },
  'a backend changes the amount on the way: the request is refused, then the genuine one arrives': async (flow) => {
    const request = flow.agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => flow.wire.inFlight.length === 1);
    const created = flow.wire.inFlight[0]!.message as MessageOf<'request.created'>;
    const altered = { ...created, body: { ...created.body, amount: { minor: 999_999, currency: 'USD' } } };
    flow.wire.inject('customer', altered);
    await flow.customer.idle();
    expect(flow.customer.request(request.requestId)).toBeUndefined();
    expect(flow.reports.customer.at(-1)).toMatchObject({ type: 'message-refused', reason: 'bad-signature' });
    await flow.exchange();
    expect(flow.customer.request(request.requestId)?.terms.amount.minor).toBe(1250);
  },
};

describe('every phase is reached', () => {
  it('on both sides, across the scenarios', async () => {
    const agent = new Set<Phase>();
    const customer = new Set<Phase>();
    for (const scenario of Object.values(scenarios)) {
      const seen = await visited(scenario);
      seen.agent.forEach((phase) => agent.add(phase));
      seen.customer.forEach((phase) => customer.add(phase));
    }
    // A card that does not open is refused as it arrives (it cannot end the request), so `cardRejected`
    // is reached only when opening fails at the agent's click for a reason of the agent's own browser.
    expect([...agent].sort()).toEqual(PHASES.filter((phase) => phase !== 'cardRejected').sort());
    const customerPhases = PHASES.filter(
      (phase) => !['draft', 'confirming', 'opening', 'cardViewing', 'cardRejected'].includes(phase),
    );
    expect([...customer].sort()).toEqual([...customerPhases].sort());
  });
});
