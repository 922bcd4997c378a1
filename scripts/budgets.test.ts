// Size budgets, checked on every run of the test command: sizes are deterministic.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { BUNDLES, SPLIT_PAGES, measure, measureSplit } from './lib/bundles.mjs';

interface Bundle {
  readonly name: string;
  readonly code: string;
  readonly budget?: number;
}

interface SplitPage {
  readonly name: string;
  readonly code: string;
  readonly upFrontBudget: number;
  readonly allBudget: number;
}

interface SplitSize {
  readonly upFront: { readonly gzip: number };
  readonly all: { readonly gzip: number };
  readonly chunks: readonly {
    readonly file: string;
    readonly upFront: boolean;
    readonly byPackage: [string, number][];
    readonly modules: readonly string[];
  }[];
}

/** The packages whose bytes load up front, and those that load later, on demand. */
function packagesOf(size: SplitSize) {
  const of = (upFront: boolean) =>
    new Set(
      size.chunks
        .filter((chunk) => chunk.upFront === upFront)
        .flatMap((chunk) => chunk.byPackage.map(([name]) => name)),
    );
  return { upFront: of(true), later: of(false) };
}

const budgeted = (BUNDLES as Bundle[]).filter((bundle) => bundle.budget !== undefined);

describe('size budgets (min+gzip)', { timeout: 30_000 }, () => {
  it.each(budgeted.map((bundle) => [bundle.name, bundle] as const))('%s stays within its budget', async (_, bundle) => {
    const { gzip } = await measure(bundle);
    expect(gzip).toBeLessThanOrEqual(bundle.budget!);
  });
});

describe('split pages, as the browser fetches their chunks (min+gzip per chunk, summed)', { timeout: 30_000 }, () => {
  it.each((SPLIT_PAGES as SplitPage[]).map((page) => [page.name, page] as const))(
    '%s stays within its budgets, up front and once everything loaded',
    async (_, page) => {
      const size = (await measureSplit(page)) as SplitSize;
      expect(size.upFront.gzip).toBeLessThanOrEqual(page.upFrontBudget);
      expect(size.all.gzip).toBeLessThanOrEqual(page.allBudget);
      expect(size.upFront.gzip).toBeLessThan(size.all.gzip);
    },
  );

  it('loads neither the card form nor the sealing code up front on the customer page', async () => {
    const size = (await measureSplit((SPLIT_PAGES as SplitPage[])[0]!)) as SplitSize;
    const { upFront, later } = packagesOf(size);
    for (const library of ['imask', '@hpke/core', '@hpke/common']) {
      expect(upFront.has(library), library).toBe(false);
      expect(later.has(library), library).toBe(true);
    }
    expect(upFront.has('xstate')).toBe(true);
  });

  it('loads neither the session, the machine, Lit nor the elements on a chat page before a request', async () => {
    const page = (SPLIT_PAGES as SplitPage[]).find((each) => each.name.startsWith('chat page before'))!;
    const size = (await measureSplit(page)) as SplitSize;
    const { upFront, later } = packagesOf(size);
    for (const library of ['xstate', 'lit-html', '@lit/reactive-element', '@chatpay/customer', 'valibot', 'imask']) {
      expect(upFront.has(library), library).toBe(false);
      expect(later.has(library), library).toBe(true);
    }
    for (const part of ['@chatpay/masker', '@chatpay/transports']) expect(upFront.has(part), part).toBe(true);
  });

  it('loads neither the opening code (HPKE) nor the card viewer up front in the agent console', async () => {
    const page = (SPLIT_PAGES as SplitPage[]).find((each) => each.name.startsWith('agent console'))!;
    const size = (await measureSplit(page)) as SplitSize;
    const { upFront, later } = packagesOf(size);
    for (const library of ['@hpke/core', '@hpke/common']) {
      expect(upFront.has(library), library).toBe(false);
      expect(later.has(library), library).toBe(true);
    }
    expect(upFront.has('lit-html')).toBe(true);
    // Up front, only what loads the viewer.
    const viewer = (chunks: SplitSize['chunks']) =>
      chunks
        .flatMap((chunk) => chunk.modules)
        .filter((module) => module.includes('/card-viewer/card-viewer.') && !module.endsWith('card-viewer.loader.ts'));
    expect(viewer(size.chunks.filter((chunk) => chunk.upFront))).toEqual([]);
    // The viewer's element, its words, styles and parts, and its define module, in a later chunk.
    expect(viewer(size.chunks.filter((chunk) => !chunk.upFront)).length).toBeGreaterThanOrEqual(5);
  });
});
