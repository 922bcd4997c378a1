import { describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDefined, onDemand, onDemandPart, whenIdle } from '../src/on-demand.js';

/** An importer that counts its calls and fails the first `failures` of them. */
function importer(failures = 0) {
  const calls = { count: 0 };
  const load = () => {
    calls.count += 1;
    return calls.count <= failures ? Promise.reject(new Error('offline')) : Promise.resolve({});
  };
  return { calls, load };
}

describe('a part loaded on demand', () => {
  it('imports once, however many ask, while it loads and after', async () => {
    const { calls, load } = importer();
    const loader = onDemand(load, () => false);
    const first = loader.load();
    expect(loader.load()).toBe(first);
    await first;
    await loader.load();
    expect(calls.count).toBe(1);
  });

  it('forgets a failed import, so that the next call imports again', async () => {
    const { calls, load } = importer(1);
    const loader = onDemand(load, () => false);
    await expect(loader.load()).rejects.toThrow('offline');
    await expect(loader.load()).resolves.toBeUndefined();
    expect(calls.count).toBe(2);
  });

  it('answers whether the part is there from what it is given', () => {
    let defined = false;
    const loader = onDemand(importer().load, () => defined);
    expect(loader.loaded()).toBe(false);
    defined = true;
    expect(loader.loaded()).toBe(true);
  });

  it('says no element is defined where there is no custom element registry (a server)', () => {
    expect(isDefined('chatpay-card-form')).toBe(false);
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

/** A host as the controller sees it: it counts its updates, and is in the page unless told. */
function host(connected = true) {
  const calls = { updates: 0 };
  const controllers: ReactiveController[] = [];
  const element = {
    isConnected: connected,
    addController: (controller: ReactiveController) => controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => (calls.updates += 1),
    updateComplete: Promise.resolve(true),
  };
  return { element: element as unknown as ReactiveControllerHost & Element, calls, set: element, controllers };
}

describe("an element's part loaded on demand", () => {
  it('shares one load between a prefetch and the need, and draws the element again once a prefetch loaded it', async () => {
    const { calls, load } = importer();
    const { element, calls: hostCalls } = host();
    const part = onDemandPart(element, () => ({ loader: onDemand(load, () => false), whenIdle }));
    part.prefetch();
    const needed = part.load();
    await needed;
    await Promise.resolve();
    expect(calls.count).toBe(1);
    expect(hostCalls.updates).toBe(1);
  });

  it('says nothing of a failed prefetch, and loads again when the part is needed', async () => {
    const { calls, load } = importer(1);
    const { element, calls: hostCalls } = host();
    const loader = onDemand(load, () => false);
    const part = onDemandPart(element, () => ({ loader, whenIdle }));
    part.prefetch();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hostCalls.updates).toBe(0);
    await expect(part.load()).resolves.toBeUndefined();
    expect(calls.count).toBe(2);
  });

  it('fetches nothing ahead of a part already defined', () => {
    const { calls, load } = importer();
    const part = onDemandPart(host().element, () => ({ loader: onDemand(load, () => true), whenIdle }));
    part.prefetch();
    expect(calls.count).toBe(0);
  });

  it('prefetches on idle once while in the page, not at all out of it, and cancels it on leaving', () => {
    const scheduled: (() => void)[] = [];
    let cancelled = 0;
    const idle = (callback: () => void) => {
      scheduled.push(callback);
      return () => (cancelled += 1);
    };
    const { calls, load } = importer();
    const loader = onDemand(load, () => false);
    const { element, set, controllers } = host();
    const part = onDemandPart(element, () => ({ loader, whenIdle: idle }));
    part.prefetchWhenIdle();
    part.prefetchWhenIdle();
    expect(scheduled).toHaveLength(1);
    // The host leaves the page.
    for (const controller of controllers) controller.hostDisconnected?.();
    expect(cancelled).toBe(1);
    set.isConnected = false;
    part.prefetchWhenIdle();
    expect(scheduled).toHaveLength(1);
    set.isConnected = true;
    part.prefetchWhenIdle();
    expect(scheduled).toHaveLength(2);
    scheduled[1]!();
    expect(calls.count).toBe(1);
  });
});
