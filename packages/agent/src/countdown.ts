import type { AgentRequest, Clock } from '@chatpay/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A countdown's last minute: drawn as urgent, and said once, as it begins. */
export const LAST_MINUTE_MS = 60_000;

/** Whether `left` ms (null: no countdown) is within a countdown's last minute. */
export function isLastMinute(left: number | null): boolean {
  return left !== null && left <= LAST_MINUTE_MS;
}

/** What a countdown follows: an absolute deadline (or none) on a clock. */
export interface CountdownSource {
  readonly deadline: number | null;
  readonly clock: Clock;
}

/** A request's running deadline (time to live, or view window) on its session's clock. */
export function deadlineOf(request: AgentRequest | undefined): CountdownSource | undefined {
  return request && { deadline: request.timeline().deadline, clock: request.clock };
}

/**
 * Re-renders its host once a second while a deadline is running, on the deadline's own clock (a
 * `ManualClock` in tests), and stops when the deadline goes or the host is disconnected.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => CountdownSource | undefined;
  #timer: { readonly clock: Clock; readonly handle: unknown } | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, source: () => CountdownSource | undefined) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** Milliseconds left (never below 0), or null when no deadline runs. */
  remaining(): number | null {
    const source = this.#source();
    if (!source || source.deadline === null) return null;
    return Math.max(0, source.deadline - source.clock.now());
  }

  hostUpdated(): void {
    const source = this.#source();
    const left = this.remaining();
    // A timer only while in the page, on the source's clock, with a deadline running.
    if (this.#timer && (!this.#connected || this.#timer.clock !== source?.clock || left === null)) this.#stop();
    if (!this.#connected || this.#timer || !source || left === null || left === 0) return;
    // Wake when the displayed second changes.
    const handle = source.clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#host.requestUpdate();
      },
      left % 1000 || 1000,
    );
    this.#timer = { clock: source.clock, handle };
  }

  /** Back in the page: the countdown starts again from the time it is now. */
  hostConnected(): void {
    this.#connected = true;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #stop(): void {
    this.#timer?.clock.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
  }
}

/** `ms` as a clock face for `locale`, rounded up to the second: `9:05`, `1:00:00`, `٩:٠٥`. */
export function formatDuration(ms: number, locale?: string): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const padded = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return hours > 0
    ? `${plain.format(hours)}:${padded.format(minutes)}:${padded.format(seconds)}`
    : `${plain.format(minutes)}:${padded.format(seconds)}`;
}
