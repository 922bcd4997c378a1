import { describe, expect, it, vi } from 'vitest';
import { cardFormLoader, cardFormLoaderFrom, whenIdle } from '../src/card-form/card-form.loader.js';

/** An importer that counts its calls and fails the first `failures` of them. */
function importer(failures = 0) {
  const calls = { count: 0 };
  const load = () => {
    calls.count += 1;
    return calls.count <= failures ? Promise.reject(new Error('offline')) : Promise.resolve({});
  };
  return { calls, load };
}

describe('the card form loader', () => {
  it('imports once, however many ask, while it loads and after', async () => {
    const { calls, load } = importer();
    const loader = cardFormLoaderFrom(load, () => false);
    const first = loader.load();
    expect(loader.load()).toBe(first);
    await first;
    await loader.load();
    expect(calls.count).toBe(1);
  });

  it('forgets a failed import, so that the next call imports again', async () => {
    const { calls, load } = importer(1);
    const loader = cardFormLoaderFrom(load, () => false);
    await expect(loader.load()).rejects.toThrow('offline');
    await expect(loader.load()).resolves.toBeUndefined();
    expect(calls.count).toBe(2);
  });

  it('answers whether the form is there from what it is given', () => {
    let defined = false;
    const loader = cardFormLoaderFrom(importer().load, () => defined);
    expect(loader.loaded()).toBe(false);
    defined = true;
    expect(loader.loaded()).toBe(true);
  });

  it('says the form is not there where there is no custom element registry (a server)', () => {
    expect(cardFormLoader.loaded()).toBe(false);
  });

  it('runs a callback later where there is no requestIdleCallback, and can cancel it', () => {
    vi.useFakeTimers();
    try {
      let ran = 0;
      whenIdle(() => (ran += 1));
      const cancel = whenIdle(() => (ran += 10));
      cancel();
      expect(ran).toBe(0);
      vi.runAllTimers();
      expect(ran).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
