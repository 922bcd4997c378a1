// Size budgets, checked on every run of the test command: sizes are deterministic.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { BUNDLES, CUSTOMER_LIBRARIES, measure } from './lib/bundles.mjs';

interface Bundle {
  readonly name: string;
  readonly code: string;
  readonly budget?: number;
  readonly unmet?: string;
}

const budgeted = (BUNDLES as Bundle[]).filter((bundle) => bundle.budget !== undefined);

describe('size budgets (min+gzip)', { timeout: 30_000 }, () => {
  it.each(budgeted.filter((bundle) => !bundle.unmet).map((bundle) => [bundle.name, bundle] as const))(
    '%s stays within its budget',
    async (_, bundle) => {
      const { gzip } = await measure(bundle);
      expect(gzip).toBeLessThanOrEqual(bundle.budget!);
    },
  );

  // A budget known not to hold says why, and the reason is checked: the customer page's libraries,
  // each measured alone, exceed it. Once that stops being true the note must go, and the check above
  // takes over.
  it('the customer page is over its budget only because its libraries alone exceed it', async () => {
    const customer = (BUNDLES as Bundle[]).find((bundle) => bundle.unmet)!;
    let libraries = 0;
    for (const library of CUSTOMER_LIBRARIES as Bundle[]) libraries += (await measure(library)).gzip;
    expect(libraries).toBeGreaterThan(customer.budget!);
    expect((await measure(customer)).gzip).toBeGreaterThan(customer.budget!);
  });
});
