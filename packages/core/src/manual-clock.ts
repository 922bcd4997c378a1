import { delayOf, type Clock } from './clock.js';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock that only moves when told to. Timers fire in order of their due time (then of creation)
 * during `advance`/`set`, with `now()` reading each timer's due time while it runs. Due times are
 * instants, so a timer any distance ahead fires when time reaches it, as on the system clock, and
 * one infinitely far never fires.
 */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers: Timer[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Calls `callback` once the clock has been moved `ms` on (by `advance` or `set`); returns its handle. */
  setTimeout(callback: () => void, ms: number): number {
    const timer: Timer = { id: this.#nextId++, at: this.#now + delayOf(ms), callback };
    this.#timers.push(timer);
    return timer.id;
  }

  /** Cancels the call `setTimeout` returned `handle` for, if it has not happened yet. */
  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.set(this.#now + ms);
  }

  /** Moves time forward to the instant `time`, firing every timer that falls due on the way. */
  set(time: number): void {
    if (time < this.#now) throw new RangeError('ManualClock cannot go backwards');
    for (;;) {
      const due = this.#timers
        .filter((timer) => timer.at <= time && Number.isFinite(timer.at))
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.#now = due.at;
      due.callback();
    }
    this.#now = time;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.#timers.length;
  }
}
