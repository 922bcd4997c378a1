import type { Transport, WireMessage } from '@chatpay/core';

/** The next turn of the event loop, in Node and in browsers. */
const nextTurn = (resolve: () => void) =>
  typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0);

export type End = 'agent' | 'customer';

export interface InFlight {
  readonly to: End;
  readonly message: WireMessage;
}

/**
 * Two transports whose messages wait in `inFlight` until a test delivers, duplicates, reorders or
 * drops them; every message ever sent is kept in `log`, as it crossed, for leak checks.
 */
export function createScriptedPair() {
  const listeners: Record<End, Set<(message: unknown) => void>> = { agent: new Set(), customer: new Set() };
  const inFlight: InFlight[] = [];
  const log: string[] = [];
  const failures: Record<End, number> = { agent: 0, customer: 0 };
  const end = (self: End): Transport => ({
    send(message) {
      if (failures[self] > 0) {
        failures[self]--;
        return Promise.reject(new Error('scripted failure'));
      }
      const text = JSON.stringify(message);
      log.push(text);
      inFlight.push({ to: self === 'agent' ? 'customer' : 'agent', message: JSON.parse(text) as WireMessage });
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners[self].add(listener);
      return () => listeners[self].delete(listener);
    },
  });
  return {
    agent: end('agent'),
    customer: end('customer'),
    inFlight,
    log,
    /** The next `count` sends from `side` reject. */
    failSends(side: End, count: number) {
      failures[side] = count;
    },
    /** Delivers the message at `index` (default: the oldest) and removes it from flight. */
    deliver(index = 0) {
      const [item] = inFlight.splice(index, 1);
      if (item) for (const listener of [...listeners[item.to]]) listener(structuredClone(item.message));
    },
    /** Delivers the message at `index` but leaves it in flight, so it arrives again later. */
    duplicate(index = 0) {
      const item = inFlight[index];
      if (item) for (const listener of [...listeners[item.to]]) listener(structuredClone(item.message));
    },
    drop(index = 0) {
      inFlight.splice(index, 1);
    },
    /** Delivers until nothing is in flight (bounded, so a message storm fails the test instead of hanging). */
    async deliverAll(settle: () => Promise<void>) {
      for (let round = 0; round < 1000 && inFlight.length > 0; round++) {
        this.deliver();
        await settle();
      }
      if (inFlight.length > 0) throw new Error('messages kept coming');
    },
    /** Sends a raw value, as if from `from`'s peer, to `to`'s listeners. */
    inject(to: End, raw: unknown) {
      for (const listener of [...listeners[to]]) listener(raw);
    },
  };
}

/** Lets promises, WebCrypto and actor transitions run. Waits for work, never for wall-clock time. */
export async function settle(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise<void>((resolve) => nextTurn(resolve));
}

export const VISA = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
} as const;

/** Lets work run until `done()` holds; fails (rather than hangs) if it never does. */
export async function until(done: () => boolean, what = 'the expected state'): Promise<void> {
  // WebCrypto works on other threads, so this yields to timers too, not only to the microtask queue.
  for (let round = 0; round < 5000; round++) {
    if (done()) return;
    await new Promise<void>((resolve) => (round < 50 ? nextTurn(resolve) : setTimeout(resolve, 1)));
  }
  throw new Error(`never reached ${what}`);
}
