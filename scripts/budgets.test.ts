// Size budgets, checked on every run of the test command: sizes are deterministic.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { BUNDLES, measure } from './lib/bundles.mjs';

interface Bundle {
  readonly name: string;
  readonly code: string;
  readonly budget?: number;
}

const budgeted = (BUNDLES as Bundle[]).filter((bundle) => bundle.budget !== undefined);

describe('size budgets (min+gzip)', { timeout: 30_000 }, () => {
  it.each(budgeted.map((bundle) => [bundle.name, bundle] as const))('%s stays within its budget', async (_, bundle) => {
    const { gzip } = await measure(bundle);
    expect(gzip).toBeLessThanOrEqual(bundle.budget!);
  });
});
