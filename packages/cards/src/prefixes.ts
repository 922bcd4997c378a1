// How leading digits stand against a prefix: one rule for the built-in table's prefixes (numbers) and
// for an integrator's (digit strings), for a whole number and for one still being typed.
import type { BrandPattern } from './brand-table.js';

/** A prefix of card numbers: a digit string (`'6035'`), or an inclusive range of equal-length ones. */
export type CardPrefix = string | readonly [min: string, max: string];

/**
 * How `digits` stand against `prefix`: the prefix's length when they start with it, `0` when they are
 * too short to tell but could still start with it, `-1` when they cannot. (credit-card-type's rule:
 * a match too short to tell has no strength.) Digit strings of one length compare as their numbers do.
 */
export function prefixStrength(digits: string, prefix: CardPrefix | BrandPattern): number {
  const min = String(typeof prefix === 'object' ? prefix[0] : prefix);
  const max = typeof prefix === 'object' ? String(prefix[1]) : min;
  const head = digits.slice(0, min.length);
  if (head < min.slice(0, head.length) || head > max.slice(0, head.length)) return -1;
  return head.length === min.length ? head.length : 0;
}
