// The one shape of an integrator's extra card (a gift or private-label card), and its check. The
// masker, the card form and the agent's viewer all read the same definitions.
import { BRAND_ROWS } from './brand-table.js';
import { MAX_CARD_NUMBER_LENGTH } from './lengths.js';
import type { CardPrefix } from './prefixes.js';

/** The code a card asks for besides its number. */
export interface SecurityCodeRule {
  /** The brand's label: `CVV`, `CVC`, `CID`, `CVN`, `CVE`, `CVP2`; `PIN` for a gift card's PIN. */
  readonly name: string;
  /** How many digits it has. */
  readonly size: number;
}

/** A card scheme the built-in table does not know: a gift card or a private-label (store) card. */
export interface CardDefinition {
  /** The id used in results and in `acceptedBrands`, such as `'acme-gift'`. Not a built-in brand's id. */
  readonly brand: string;
  /** The name to show, such as `'Acme Gift Card'`. Default: `brand`. */
  readonly niceName?: string;
  /** Its numbers' prefixes: digit strings (`'6035'`) or inclusive ranges (`['622126', '622925']`). */
  readonly prefixes: readonly CardPrefix[];
  /** The lengths its numbers have, at most 19. */
  readonly lengths: readonly number[];
  /** Whether the last digit is a Luhn check digit. Default true. */
  readonly luhn?: boolean;
  /** Where the groups shown to people break: `[4, 8, 12]` gives 4-4-4-4. Default: every four digits. */
  readonly gaps?: readonly number[];
  /** The code it asks for (`{ name: 'PIN', size: 4 }` for a PIN), or `null` if none. Default `null`. */
  readonly securityCode?: SecurityCodeRule | null;
}

/**
 * An extra card definition that is not well formed. The message names the definition (by its index)
 * and the rule it breaks, never a value from it.
 */
export class CardDefinitionError extends Error {
  /** Always `'CardDefinitionError'`. */
  override name = 'CardDefinitionError';
  /** Always `'invalid-card-definition'`, for programs. */
  readonly code = 'invalid-card-definition';
  /** The index of the definition at fault (-1 when the list itself is not an array). */
  readonly index: number;
  /** The rule it breaks, in words: `'lengths must be integers from 1 to 19'`. */
  readonly rule: string;

  constructor(index: number, rule: string) {
    super(index < 0 ? `Extra cards: ${rule}.` : `Extra card ${index}: ${rule}.`);
    this.index = index;
    this.rule = rule;
  }
}

const DIGITS = /^\d+$/;
const isLength = (n: unknown): boolean =>
  Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_CARD_NUMBER_LENGTH;
const isName = (name: unknown): boolean => typeof name === 'string' && name !== '';

/** Definitions already checked: an integrator passes the same array at every keystroke. */
const checked = new WeakSet<readonly CardDefinition[]>();

/**
 * Throws a `CardDefinitionError` unless every definition is well formed and its brand is its own (no
 * built-in brand's id, no other definition's). A mistake here is the integrator's, so it throws.
 */
export function checkCardDefinitions(definitions: readonly CardDefinition[]): void {
  if (checked.has(definitions)) return;
  if (!Array.isArray(definitions)) throw new CardDefinitionError(-1, 'must be an array of definitions');
  const brands = new Set<string>(BRAND_ROWS.map(([brand]) => brand));
  for (const [index, definition] of definitions.entries()) {
    const fail = (rule: string): never => {
      throw new CardDefinitionError(index, rule);
    };
    if (typeof definition !== 'object' || definition === null) fail('must be an object');
    if (!isName(definition.brand)) fail('brand must be a non-empty string');
    if (brands.has(definition.brand)) fail('brand must differ from the built-in brands and the other extra cards');
    brands.add(definition.brand);
    if (definition.niceName !== undefined && !isName(definition.niceName)) fail('niceName must be a non-empty string');
    if (!Array.isArray(definition.prefixes) || definition.prefixes.length === 0) fail('prefixes must not be empty');
    for (const prefix of definition.prefixes) {
      if (typeof prefix === 'string') {
        if (!DIGITS.test(prefix) || prefix.length > MAX_CARD_NUMBER_LENGTH) fail('each prefix must be digits');
      } else {
        const [min, max] = Array.isArray(prefix) ? prefix : [];
        if (
          typeof min !== 'string' ||
          typeof max !== 'string' ||
          !DIGITS.test(min) ||
          !DIGITS.test(max) ||
          min.length !== max.length ||
          min.length > MAX_CARD_NUMBER_LENGTH ||
          min > max
        ) {
          fail('each prefix range must be [min, max], digit strings of one length with min <= max');
        }
      }
    }
    const { lengths, gaps = [], luhn, securityCode = null } = definition;
    if (!Array.isArray(lengths) || lengths.length === 0 || !lengths.every(isLength)) {
      fail('lengths must be integers from 1 to 19');
    }
    if (!Array.isArray(gaps) || !gaps.every((gap, at) => isLength(gap) && (at === 0 || gap > gaps[at - 1]!))) {
      fail('gaps must be increasing positive integers');
    }
    if (luhn !== undefined && typeof luhn !== 'boolean') fail('luhn must be true or false');
    if (securityCode !== null) {
      if (typeof securityCode !== 'object' || !isName(securityCode.name)) fail('securityCode.name must be set');
      if (!Number.isInteger(securityCode.size) || securityCode.size < 1 || securityCode.size > 12) {
        fail('securityCode.size must be an integer from 1 to 12');
      }
    }
  }
  checked.add(definitions);
}
