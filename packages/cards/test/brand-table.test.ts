import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { BRAND_DETAILS, BRAND_GAPS, BRAND_ROWS } from '../src/brand-table.js';

const require = createRequire(import.meta.url);

interface CardType {
  type: string;
  niceType: string;
  patterns: unknown[];
  lengths: number[];
  gaps: number[];
  code: { name: string; size: number };
}
/** With no digits, credit-card-type lists every card type in its order of testing. */
const creditCardType = require('credit-card-type') as (digits: string) => CardType[];
const types = creditCardType('');

it('is credit-card-type’s table of prefixes and lengths, brand for brand, in its order (else rerun scripts/generate-issuer-table.mjs)', () => {
  expect(BRAND_ROWS).toEqual(types.map(({ type, patterns, lengths }) => [type, patterns, lengths]));
});

it('is credit-card-type’s table of groups, brand for brand (else rerun scripts/generate-issuer-table.mjs)', () => {
  expect(BRAND_GAPS).toEqual(Object.fromEntries(types.map(({ type, gaps }) => [type, gaps])));
});

it('is credit-card-type’s table of names and codes, brand for brand (else rerun scripts/generate-issuer-table.mjs)', () => {
  expect(BRAND_DETAILS).toEqual(
    Object.fromEntries(types.map(({ type, niceType, code }) => [type, [niceType, code.name, code.size]])),
  );
});

it('lists the fifteen brands of credit-card-type 10', () => {
  expect(BRAND_ROWS).toHaveLength(15);
  expect(Object.keys(BRAND_DETAILS)).toEqual(BRAND_ROWS.map(([brand]) => brand));
  expect(Object.keys(BRAND_GAPS)).toEqual(BRAND_ROWS.map(([brand]) => brand));
});
