import { describe, expect, it, vi } from 'vitest';
import { SealError } from '@chatpay/core';
import { OPENING_RETRY_MS } from '../src/agent-arrivals.js';
import { createFlow, expectOk } from './support/flow.js';
import { until, VISA } from './support/scripted-transport.js';

/** Whether the agent's page finds the opening code unreachable, as a page gone offline would. */
const network = vi.hoisted(() => ({ offline: false, loads: 0 }));

// Each call loads afresh (no cache), so that the code can be missing at any step: when the card
// arrives, or when the agent views it.
vi.mock('../src/card-sealing.loader.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/card-sealing.loader.js')>();
  const { SealError: Refusal } = await import('../src/seal-error.js');
  return {
    ...actual,
    loadCardSealing: () => {
      network.loads += 1;
      return network.offline
        ? Promise.reject(new Refusal('not-loaded', 'The code that seals and opens cards did not load.'))
        : import('../src/card-sealing.js');
    },
  };
});

/** A request the customer has paid, the card on its way to the agent. */
async function paid() {
  network.offline = false;
  const flow = createFlow();
  const request = flow.agent.createRequest();
  expectOk(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }));
  expectOk(request.send());
  await until(() => request.timeline().phase === 'waitingForCustomer');
  await flow.exchange();
  const peer = flow.customer.request(request.requestId)!;
  expectOk(peer.open());
  expectOk(await peer.pay(VISA));
  await until(() => peer.timeline().phase === 'cardSubmitted');
  return { flow, request };
}

describe("the agent's opening code, loaded on demand", () => {
  it('is fetched ahead once a request is out, before any card arrives', async () => {
    network.offline = false;
    const flow = createFlow();
    const request = flow.agent.createRequest();
    expectOk(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }));
    const before = network.loads;
    expectOk(request.send());
    await until(() => request.timeline().phase === 'waitingForCustomer');
    await until(() => network.loads > before, 'the opening code fetched');
  });

  it('neither takes nor refuses a card it cannot check, and asks for it again until it can', async () => {
    const { flow, request } = await paid();
    network.offline = true;
    await flow.exchange();
    expect(request.timeline().phase).toBe('customerEntering');
    expect(flow.reports.agent).toContainEqual(
      expect.objectContaining({ type: 'message-ignored', reason: 'opening-not-loaded', requestId: request.requestId }),
    );
    expect(flow.reports.agent).not.toContainEqual(expect.objectContaining({ type: 'message-refused' }));
    expect(JSON.stringify(flow.reports.agent)).not.toContain(VISA.number);

    // Still offline when the time comes: asked again, still not taken, asked again later.
    flow.clock.advance(OPENING_RETRY_MS);
    await flow.exchange();
    expect(request.timeline().phase).toBe('customerEntering');
    const misses = flow.reports.agent.filter((report) => 'reason' in report && report.reason === 'opening-not-loaded');
    expect(misses.length).toBe(2);

    network.offline = false;
    flow.clock.advance(OPENING_RETRY_MS);
    await flow.exchange();
    expect(request.timeline().phase).toBe('cardSubmitted');
    expect((await request.viewCard()).ok).toBe(true);
  });

  it('asks once per wait, however many copies of the card arrive meanwhile', async () => {
    const { flow } = await paid();
    network.offline = true;
    const submitted = flow.wire.log.find((text) => text.includes('"request.submitted"'))!;
    await flow.exchange();
    for (let copy = 0; copy < 3; copy++) flow.wire.inFlight.push({ to: 'agent', message: JSON.parse(submitted) });
    await flow.exchange();
    const misses = flow.reports.agent.filter((report) => 'reason' in report && report.reason === 'opening-not-loaded');
    expect(misses.length).toBe(4);
    const sent = flow.wire.log.length;
    flow.clock.advance(OPENING_RETRY_MS);
    await flow.exchange();
    const syncs = flow.wire.log.slice(sent).filter((text) => text.includes('"request.sync"'));
    expect(syncs).toHaveLength(1);
  });

  it('asks for nothing once the request has ended meanwhile', async () => {
    const { flow, request } = await paid();
    network.offline = true;
    await flow.exchange();
    expectOk(request.cancel());
    await flow.exchange();
    const sent = flow.wire.log.length;
    flow.clock.advance(OPENING_RETRY_MS);
    await flow.exchange();
    const types = flow.wire.log.slice(sent).map((text) => (JSON.parse(text) as { type: string }).type);
    expect(types).not.toContain('request.sync');
  });

  it('View Card is a typed error when the code does not load, and works once it does', async () => {
    const { flow, request } = await paid();
    await flow.exchange();
    expect(request.timeline().phase).toBe('cardSubmitted');
    network.offline = true;
    const failed = await request.viewCard();
    expect(!failed.ok && failed.error).toBeInstanceOf(SealError);
    expect(!failed.ok && failed.error.code).toBe('not-loaded');
    expect(request.timeline().phase).toBe('cardSubmitted');
    expect(request.card()).toBeNull();

    network.offline = false;
    const opened = await request.viewCard();
    expect(opened.ok && opened.value.number).toBe(VISA.number);
    expect(request.timeline().phase).toBe('cardViewing');
  });
});
