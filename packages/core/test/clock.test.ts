import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';

const DAY = 24 * 60 * 60 * 1000;
/** The longest delay the platforms' timers keep (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

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

  it('keeps a deadline 30 days ahead until its instant, like the system clock', () => {
    const start = Date.UTC(2026, 0, 1);
    const clock = new ManualClock(start);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 30 * DAY);
    clock.advance(LONGEST_TIMER_MS + 1);
    clock.advance(5 * DAY - 2);
    expect(fired).toEqual([]);
    clock.set(start + 30 * DAY);
    expect(fired).toEqual([start + 30 * DAY]);
  });

  it('never fires a timer infinitely far ahead, and takes a delay that is not a number as none', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('never'), Infinity);
    clock.setTimeout(() => fired.push('at once'), Number.NaN);
    clock.advance(0);
    expect(fired).toEqual(['at once']);
    clock.advance(Number.MAX_SAFE_INTEGER);
    expect(fired).toEqual(['at once']);
    expect(clock.pending).toBe(1);
  });
});

describe('systemClock', () => {
  beforeEach(() => {
    // The fake timers, like Node's and the browsers', fire at once a delay above 2^31-1 ms.
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a deadline 30 days ahead: not fired after 24.8 days, fired at 30 days', () => {
    const start = Date.now();
    const fired: number[] = [];
    systemClock.setTimeout(() => fired.push(Date.now()), 30 * DAY);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(LONGEST_TIMER_MS);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(30 * DAY - LONGEST_TIMER_MS - 2);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([start + 30 * DAY]);
    vi.advanceTimersByTime(60 * DAY);
    expect(fired).toHaveLength(1);
  });

  it('clears a far deadline midway, after it has moved on to its next step', () => {
    const fired: string[] = [];
    const handle = systemClock.setTimeout(() => fired.push('far'), 30 * DAY);
    vi.advanceTimersByTime(LONGEST_TIMER_MS + DAY);
    systemClock.clearTimeout(handle);
    vi.advanceTimersByTime(60 * DAY);
    expect(fired).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears a far deadline before its first step ends', () => {
    const fired: string[] = [];
    const handle = systemClock.setTimeout(() => fired.push('far'), 40 * DAY);
    vi.advanceTimersByTime(DAY);
    systemClock.clearTimeout(handle);
    vi.advanceTimersByTime(60 * DAY);
    expect(fired).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fires a near deadline once, at its time, and clears it as before', () => {
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push('near'), 1000);
    const cleared = systemClock.setTimeout(() => fired.push('cleared'), 1000);
    systemClock.clearTimeout(cleared);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['near']);
    vi.advanceTimersByTime(DAY);
    expect(fired).toEqual(['near']);
  });

  it('never fires a deadline infinitely far ahead, and holds no timer for it', () => {
    const fired: string[] = [];
    const handle = systemClock.setTimeout(() => fired.push('never'), Infinity);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(365 * DAY);
    expect(fired).toEqual([]);
    systemClock.clearTimeout(handle);
  });
});
