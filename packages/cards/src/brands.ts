// What the fields and the viewer need to know about a brand, built in or extra: one record per brand.
import { BRAND_DETAILS, BRAND_GAPS, BRAND_ROWS } from './brand-table.js';
import type { CardDefinition, SecurityCodeRule } from './card-definition.js';
import { DEFAULT_GAPS } from './grouping.js';
import { EXTRA_LENGTHS } from './lengths.js';

/** A brand, with what the fields need to know about it. */
export interface CardBrand {
  /** credit-card-type's id (`'visa'`, `'american-express'`, ...) or an extra definition's `brand`. */
  readonly brand: string;
  /** The name to show: `'Visa'`, `'American Express'`, an extra definition's `niceName`. */
  readonly niceName: string;
  /** The lengths its numbers have, shortest first. */
  readonly lengths: readonly number[];
  /** Where the groups shown to people break (digit offsets). */
  readonly gaps: readonly number[];
  /** Whether a number must pass the Luhn check to be valid (card-validator does not check UnionPay's). */
  readonly luhn: boolean;
  /** The code it asks for, or `null` for a card without one. */
  readonly securityCode: SecurityCodeRule | null;
  /** Whether it came from an integrator's extra definitions rather than the built-in table. */
  readonly isExtra: boolean;
}

/** The ids of the built-in brands (`'visa'`, `'american-express'`, ...), in credit-card-type's order. */
export const BUILT_IN_CARD_BRANDS: readonly string[] = Object.freeze(BRAND_ROWS.map(([brand]) => brand));

/**
 * Brands whose numbers are valid without a passing check digit, as card-validator has it: some UnionPay
 * numbers have none. (The masker still asks for one: see `brandOf`.)
 */
const WITHOUT_LUHN: ReadonlySet<string> = new Set(['unionpay']);

/** `definition` as a brand record, with the documented defaults filled in. */
export function brandFromDefinition(definition: CardDefinition): CardBrand {
  const { brand, niceName = brand, lengths, gaps = DEFAULT_GAPS, luhn = true, securityCode = null } = definition;
  return { brand, niceName, lengths: [...lengths].sort((a, b) => a - b), gaps, luhn, securityCode, isExtra: true };
}

/** Built-in brand records, made once each. */
const builtIn = new Map<string, CardBrand>();

/** The record of the brand `brand`: an extra definition's first, else the built-in one; undefined if none. */
export function cardBrand(brand: string, extra: readonly CardDefinition[] = []): CardBrand | undefined {
  const definition = extra.find((card) => card.brand === brand);
  if (definition) return brandFromDefinition(definition);
  const known = builtIn.get(brand);
  if (known) return known;
  const row = BRAND_ROWS.find(([id]) => id === brand);
  if (!row) return undefined;
  const [niceName, name, size] = BRAND_DETAILS[brand]!;
  const lengths = [...row[2], ...(EXTRA_LENGTHS[brand] ?? [])].sort((a, b) => a - b);
  const luhn = !WITHOUT_LUHN.has(brand);
  const record: CardBrand = Object.freeze({
    brand,
    niceName,
    lengths: Object.freeze(lengths),
    gaps: Object.freeze([...BRAND_GAPS[brand]!]),
    luhn,
    securityCode: Object.freeze({ name, size }),
    isExtra: false,
  });
  builtIn.set(brand, record);
  return record;
}
