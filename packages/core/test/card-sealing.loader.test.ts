import { describe, expect, it, vi } from 'vitest';
import { SealError } from '@chatpay/core';
import { cardSealingLoaderFrom, type CardSealingModule } from '../src/card-sealing.loader.js';
import { createFlow, expectOk, USD_12_50 } from './support/flow.js';
import { until, VISA } from './support/scripted-transport.js';

/** Whether the customer's session finds the sealing code unreachable, as a page gone offline would. */
const network = vi.hoisted(() => ({ offline: false, loads: 0 }));

// The session's own loader, the real one, over an import that fails while `network.offline`.
vi.mock('../src/card-sealing.loader.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/card-sealing.loader.js')>();
  return {
    ...actual,
    loadCardSealing: actual.cardSealingLoaderFrom(() => {
      network.loads += 1;
      return network.offline ? Promise.reject(new Error('offline')) : import('../src/card-sealing.js');
    }),
  };
});

const MODULE = { sealCard: () => Promise.reject(new Error('not called')) } as unknown as CardSealingModule;

describe('loading the sealing code on demand', () => {
  it('loads once, however many cards ask, while it loads and after', async () => {
    const importer = vi.fn(() => Promise.resolve(MODULE));
    const load = cardSealingLoaderFrom(importer);
    const first = load();
    expect(load()).toBe(first);
    expect(await first).toBe(MODULE);
    await load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('rejects a failed load with a SealError coded not-loaded, and loads again on the next call', async () => {
    const importer = vi
      .fn<() => Promise<CardSealingModule>>()
      .mockRejectedValueOnce(new Error('https://cdn.example/chunk-x.js: 503'))
      .mockResolvedValueOnce(MODULE);
    const load = cardSealingLoaderFrom(importer);
    const error = await load().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SealError);
    expect(error).toMatchObject({ code: 'not-loaded' });
    expect((error as Error).message).not.toContain('cdn.example');
    expect(await load()).toBe(MODULE);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it("is a typed error from the customer's pay, with the card kept to pay again once it loads", async () => {
    // Offline from the start: the agent's session, which here shares the loader, fetches the code ahead
    // when its request is out (as it opens the card), and must not load it for the customer.
    network.offline = true;
    const flow = createFlow();
    const request = flow.agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => request.timeline().phase === 'waitingForCustomer');
    await flow.exchange();
    const peer = flow.customer.request(request.requestId)!;
    expectOk(peer.open());

    const failed = await peer.pay(VISA);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toBeInstanceOf(SealError);
    expect(!failed.ok && failed.error.code).toBe('not-loaded');
    expect(JSON.stringify(!failed.ok && failed.error)).not.toContain(VISA.number);
    expect(peer.timeline().phase).toBe('customerEntering');

    network.offline = false;
    const loadsBefore = network.loads;
    expectOk(await peer.pay(VISA));
    expect(network.loads).toBe(loadsBefore + 1);
    await until(() => peer.timeline().phase === 'cardSubmitted');
  });
});
