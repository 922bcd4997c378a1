import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAgentRegistry, type AgentRequest } from '@chatpay/core';
import { createFlow } from './support/flow.js';
import { VISA } from './support/scripted-transport.js';
import { expectOk } from './support/flow.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** One whole lifecycle: requested, paid, viewed, completed. */
async function lifecycle(flow: ReturnType<typeof createFlow>): Promise<AgentRequest> {
  const { request, peer } = await flow.requested();
  expectOk(peer.open());
  expectOk(await peer.pay(VISA));
  await flow.exchange();
  expectOk(await request.viewCard());
  expectOk(request.complete());
  await flow.exchange();
  expect(peer.timeline().status).toBe('payment-accepted');
  return request;
}

/** Runs `count` lifecycles, forgetting each request on both sides; returns weak references to what each left. */
async function lifecycles(flow: ReturnType<typeof createFlow>, count: number): Promise<WeakRef<object>[]> {
  const gone: WeakRef<object>[] = [];
  for (let round = 0; round < count; round++) {
    const request = await lifecycle(flow);
    const peer = flow.customer.request(request.requestId)!;
    gone.push(new WeakRef(request), new WeakRef(request.actor), new WeakRef(peer), new WeakRef(peer.actor));
    expectOk(flow.agent.forget(request.requestId));
    expectOk(flow.customer.forget(request.requestId));
  }
  return gone;
}

describe('forgetting requests that have ended', () => {
  it('refuses a request still under way, and lets go of one that has ended on both sides', async () => {
    const flow = createFlow();
    const registry = createAgentRegistry();
    registry.add(flow.agent);
    const { request, peer } = await flow.requested();
    const refused = flow.agent.forget(request.requestId);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('not-allowed-now');
    expect(flow.agent.forget('nope').ok).toBe(false);
    expectOk(request.cancel());
    await flow.exchange();
    expectOk(flow.agent.forget(request.requestId));
    expectOk(flow.customer.forget(peer.requestId));
    expect(flow.agent.requests).toEqual([]);
    expect(flow.customer.requests).toEqual([]);
    expect(registry.requests()).toEqual([]);
    expect(request.actor.getSnapshot().status).not.toBe('active');
    // Its handle refuses every action with a typed error: the request has ended.
    const late = request.retry();
    expect(late.ok ? 'ok' : late.error.code).toBe('not-allowed-now');
    // A late copy of its messages does not bring it back.
    flow.agent.resync();
    await flow.exchange();
    expect(flow.customer.requests).toEqual([]);
  });

  it('leaves nothing behind after many lifecycles: every forgotten request can be collected', async () => {
    const flow = createFlow();
    const registry = createAgentRegistry();
    registry.add(flow.agent);
    // In a function of its own, so no variable of this test keeps the last request alive.
    const gone = await lifecycles(flow, 1000);
    expect(flow.agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });
    // WeakRefs are cleared only after the job that made them: let it end, then collect.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const kept = gone.filter((ref) => ref.deref() !== undefined).length;
    expect(kept).toBe(0);
  }, 60_000);
});
