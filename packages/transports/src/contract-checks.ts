/** What the transport contracts share: failing with their name, waiting for work, and reading a message's id. */
export function contractChecks(name: string) {
  const fail = (message: string): never => {
    throw new Error(`${name}: ${message}`);
  };
  return {
    fail,
    /** Waits (on real time: it checks a real transport) until `done()` holds, or fails saying `what`. */
    async eventually(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
      const start = Date.now();
      while (!done()) {
        if (Date.now() - start > timeoutMs) fail(`${what} did not happen within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

/** Gives the transport time to deliver what it should not: a few turns of the event loop. */
export async function quiet(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
}

export const idOf = (value: unknown) => (value as { id?: unknown } | null)?.id;
