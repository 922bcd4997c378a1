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
  /** Cancels the call `setTimeout` returned `handle` for, if it has not happened yet. */
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
export function delayOf(ms: number): number {
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
