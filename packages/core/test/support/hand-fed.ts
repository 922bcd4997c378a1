import type { Delivery, Transport } from '@chatpay/core';

/**
 * A transport whose messages the test hands in (each `deliver` calls every listener at once, as a
 * careless transport would), with or without a history.
 */
export function handFed(history?: () => Promise<readonly unknown[]>) {
  const listeners = new Set<(message: unknown, delivery?: Delivery) => void>();
  const transport: Transport = {
    send: () => Promise.resolve(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...(history ? { history: () => history() as never } : {}),
  };
  const deliver = (message: unknown) => {
    for (const listener of [...listeners]) listener(message, { acceptedAt: 1 });
  };
  return { transport, deliver, listeners };
}
