import { describe, expect, it } from 'vitest';
import { ManualClock } from '@chatpay/core';

describe('ManualClock', () => {
  it('fires timers in due order, each seeing its own due time, and only when time reaches them', () => {
    const clock = new ManualClock(1000);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['late', clock.now()]), 50);
    clock.setTimeout(() => fired.push(['early', clock.now()]), 10);
    const cancelled = clock.setTimeout(() => fired.push(['cancelled', clock.now()]), 20);
    clock.clearTimeout(cancelled);
    clock.advance(9);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([['early', 1010]]);
    clock.set(2000);
    expect(fired).toEqual([
      ['early', 1010],
      ['late', 1050],
    ]);
    expect(clock.now()).toBe(2000);
    expect(clock.pending).toBe(0);
  });

  it('refuses to go backwards', () => {
    const clock = new ManualClock(10);
    expect(() => clock.set(9)).toThrow(RangeError);
  });
});
