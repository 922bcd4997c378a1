import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { ISSUERS } from '../src/issuer-table.js';

const require = createRequire(import.meta.url);

it('is credit-card-type’s issuer table, brand for brand (else rerun scripts/generate-issuer-table.mjs)', () => {
  const cardTypes = require('credit-card-type/dist/lib/card-types') as Record<
    string,
    { type: string; patterns: unknown[]; lengths: number[] }
  >;
  const expected = Object.values(cardTypes).map(({ type, patterns, lengths }) => [type, patterns, lengths]);
  expect(ISSUERS).toEqual(expected);
});
