// A card number in groups, as printed on the card and as the card form shows it while typing. It reads
// only the brands' gaps, so a page that only shows numbers (the agent's viewer) ships nothing else.
import { BRAND_GAPS } from './brand-table.js';
import type { CardDefinition } from './card-definition.js';

/** Groups of four, for a number whose brand is not known (and an extra card that names no gaps). */
export const DEFAULT_GAPS: readonly number[] = Object.freeze([4, 8, 12, 16]);

/** `digits` split at `gaps` (digit offsets); the last group takes whatever follows the last gap. No empty group. */
export function splitAtGaps(digits: string, gaps: readonly number[] = DEFAULT_GAPS): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const gap of gaps) {
    if (gap >= digits.length) break;
    groups.push(digits.slice(start, gap));
    start = gap;
  }
  if (start < digits.length) groups.push(digits.slice(start));
  return groups;
}

/**
 * The card number grouped as its brand prints it, one space between groups (`'dddd dddddd ddddd'`),
 * for reading aloud or copying by eye; `extra` are the integrator's card definitions, so a gift card
 * groups as defined. A brand nobody knows groups in fours.
 */
export function groupCardNumber(digits: string, brand: string, extra: readonly CardDefinition[] = []): string {
  const definition = extra.find((card) => card.brand === brand);
  // `Object.hasOwn`: a brand named like an object's own members (`constructor`) is a brand nobody knows.
  const builtIn = Object.hasOwn(BRAND_GAPS, brand) ? BRAND_GAPS[brand] : undefined;
  const gaps = definition ? (definition.gaps ?? DEFAULT_GAPS) : (builtIn ?? DEFAULT_GAPS);
  return splitAtGaps(digits, gaps).join(' ');
}
