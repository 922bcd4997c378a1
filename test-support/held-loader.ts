// A loader of a part on demand (`OnDemand` from @chatpay/ui) that the test holds, fails or counts:
// for the elements that load a part of theirs when it is needed (the bubble's card form, the chip's
// card viewer), in a page where nothing has defined that part before.
import type { OnDemand } from '@chatpay/ui';
import { waitUntil } from './check.js';

/**
 * A loader that runs `define` (the part's real define module) once `release()` is called for its load
 * (each load waits for a release of its own), or fails it with `fail()`; it counts its loads.
 */
export function heldLoaderOf(define: () => Promise<unknown>) {
  let defined = false;
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const calls = { loads: 0 };
  const loader: OnDemand = {
    loaded: () => defined,
    load: () => {
      calls.loads += 1;
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject })).then(async () => {
        await define();
        defined = true;
      });
    },
  };
  const next = async () => {
    await waitUntil(() => pending.length > 0, 'a load under way');
    return pending.shift()!;
  };
  return {
    loader,
    calls,
    release: async () => (await next()).resolve(),
    fail: async () => (await next()).reject(new Error('offline')),
  };
}
