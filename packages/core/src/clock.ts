/**
 * Time as ChatPay sees it. Every deadline (a request's time-to-live, the agent's view window) is an
 * absolute instant in milliseconds since the epoch, checked against a `Clock`, so tests and
 * simulations can move time by hand instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now. Returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The longest delay the platforms' timers keep: a longer one (more than 24.8 days) fires at once.
 * The system clock waits in steps of at most this long.
 */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** What `systemClock.setTimeout` returns: the step now waiting, replaced at each step. */
interface ChainedTimer {
  step: ReturnType<typeof globalThis.setTimeout> | undefined;
}

/** A delay as the clocks take it: not a number counts as 0, and a negative one as 0. */
function delayOf(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.max(0, ms);
}

/**
 * The real clock: `Date.now()` and the global timers. A deadline further ahead than the timers can
 * wait is reached in steps, each measured again from `Date.now()`, so it never fires early; one that
 * is infinitely far never fires.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const delay = delayOf(ms);
    const timer: ChainedTimer = { step: undefined };
    if (delay === Infinity) return timer;
    const at = Date.now() + delay;
    const wait = (left: number): void => {
      if (left <= LONGEST_TIMER_MS) {
        timer.step = globalThis.setTimeout(() => {
          timer.step = undefined;
          callback();
        }, left);
        return;
      }
      timer.step = globalThis.setTimeout(() => wait(Math.max(0, at - Date.now())), LONGEST_TIMER_MS);
    };
    wait(delay);
    return timer;
  },
  clearTimeout: (handle) => {
    const timer = handle as ChainedTimer | undefined;
    if (timer?.step === undefined) return;
    globalThis.clearTimeout(timer.step);
    timer.step = undefined;
  },
};

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

  setTimeout(callback: () => void, ms: number): number {
    const timer: Timer = { id: this.#nextId++, at: this.#now + delayOf(ms), callback };
    this.#timers.push(timer);
    return timer.id;
  }

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
