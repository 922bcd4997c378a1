// Assertions for tests that run in browsers (@web/test-runner) as well as in Node (vitest), shared by
// every package's tests, so the same cases prove the same things everywhere.

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Plain data is compared by value (as JSON); anything else (an element, a key) by identity. */
export function checkEqual<T>(actual: T, expected: T, message: string): void {
  const isData = (value: unknown) =>
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.getPrototypeOf(value) === Object.prototype;
  if (!isData(actual) || !isData(expected)) {
    if (!Object.is(actual, expected)) throw new Error(`${message}: not the expected object`);
    return;
  }
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

/** Resolves with the error's code when `promise` rejects with a coded error; fails if it resolves. */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  throw new Error('expected a rejection');
}

/** Waits (yielding to timers) until `done()` holds; fails, rather than hangs, if it never does. */
export async function waitUntil(done: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 400 && !done(); round++) await new Promise((resolve) => setTimeout(resolve, 5));
  check(done(), `never reached ${what}`);
}
