import type { Clock } from '@chatpay/core';

/**
 * A token bucket: `perSecond` tokens a second, at most `burst` saved up. `take()` spends one if there
 * is one; `debt` counts the takes refused since the last one granted.
 */
export class TokenBucket {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #clock: Clock;
  #tokens: number;
  #at: number;
  debt = 0;

  constructor(perSecond: number, burst: number, clock: Clock) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#clock = clock;
    this.#tokens = burst;
    this.#at = clock.now();
  }

  take(): boolean {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) * this.#perSecond) / 1000);
    this.#at = now;
    if (this.#tokens < 1) {
      this.debt += 1;
      return false;
    }
    this.#tokens -= 1;
    this.debt = 0;
    return true;
  }
}
