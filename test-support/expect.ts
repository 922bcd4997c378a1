// The part of vitest's `expect` that suites shared between vitest (Node) and @web/test-runner (the three
// browser engines) use, so that one suite runs in both: vitest passes its own, browsers this one.
import { checkEqual } from './check.js';

export interface Matchers extends BaseMatchers {
  readonly not: Pick<BaseMatchers, 'toContain'>;
}

interface BaseMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toHaveLength(length: number): void;
  toContain(item: unknown): void;
  toMatchObject(expected: Record<string, unknown>): void;
  toBeUndefined(): void;
  toBeLessThanOrEqual(bound: number): void;
  toBeGreaterThan(bound: number): void;
  toThrow(type?: abstract new (...args: never[]) => unknown): void;
}

/** What a shared suite is given: its framework's `describe`, `it` and `expect`. */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void, timeout?: number): void;
  expect(actual: unknown): Matchers;
}

/**
 * Mocha's `it` (the browsers' runner) taking the timeout vitest takes as a third argument: mocha sets it
 * with `this.timeout(ms)` inside the test instead.
 */
export function timedIt(it: (name: string, body: () => unknown) => void): TestApi['it'] {
  return (name, body, timeout) =>
    it(name, function (this: { timeout?(ms: number): void } | undefined) {
      if (timeout !== undefined) this?.timeout?.(timeout);
      return body();
    });
}

const shown = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(message: string): never {
  throw new Error(message);
}

/** vitest's matchers, as far as the shared suites use them, on plain JavaScript. */
export function expect(actual: unknown): Matchers {
  return {
    not: {
      toContain: (item) => {
        const list = actual as { includes?: (value: unknown) => boolean } | null;
        if (list?.includes?.(item)) fail(`expected ${shown(actual)} not to contain ${shown(item)}`);
      },
    },
    toBeGreaterThan: (bound) => {
      if (!(typeof actual === 'number' && actual > bound)) fail(`expected ${shown(actual)} > ${bound}`);
    },
    toBe: (expected) => {
      if (!Object.is(actual, expected)) fail(`expected ${shown(actual)} to be ${shown(expected)}`);
    },
    toEqual: (expected) => checkEqual(actual, expected, 'toEqual'),
    toHaveLength: (length) => {
      const size = (actual as { length?: unknown } | null)?.length;
      if (size !== length) fail(`expected length ${length}, got ${shown(size)}`);
    },
    toContain: (item) => {
      const list = actual as { includes?: (value: unknown) => boolean } | null;
      if (!list?.includes?.(item)) fail(`expected ${shown(actual)} to contain ${shown(item)}`);
    },
    toMatchObject: (expected) => {
      const object = (actual ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) checkEqual(object[key], value, `toMatchObject .${key}`);
    },
    toBeUndefined: () => {
      if (actual !== undefined) fail(`expected undefined, got ${shown(actual)}`);
    },
    toBeLessThanOrEqual: (bound) => {
      if (!(typeof actual === 'number' && actual <= bound)) fail(`expected ${shown(actual)} <= ${bound}`);
    },
    toThrow: (type) => {
      try {
        (actual as () => unknown)();
      } catch (error) {
        if (type && !(error instanceof type)) fail(`threw, but not a ${type.name}`);
        return;
      }
      fail('expected a throw');
    },
  };
}
