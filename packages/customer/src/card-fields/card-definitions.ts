// The card schemes a field knows beyond credit-card-type's tables (gift and private-label cards), and
// how a number is matched against them. credit-card-type's own `addCard` changes a table shared by the
// whole page (card-validator reads the same one), so extra schemes are kept here instead, per call.
import { ConfigError } from '@chatpay/core';
import creditCardType from 'credit-card-type';

/** The code a card asks for besides its number. */
export interface SecurityCodeRule {
  /** The brand's label: `CVV`, `CVC`, `CID`, `CVN`, `CVE`, `CVP2`; `PIN` for a gift card's PIN. */
  readonly name: string;
  /** How many digits it has. */
  readonly size: number;
}

/** A prefix of card numbers: a digit string (`'6035'`), or an inclusive range of equal-length ones. */
export type CardPrefix = string | readonly [min: string, max: string];

/** A card scheme credit-card-type does not know: a gift card or a private-label (store) card. */
export interface CardDefinition {
  /** The id used in results and in `acceptedBrands`, such as `'acme-gift'`. Not a built-in brand's id. */
  readonly brand: string;
  /** The name to show, such as `'Acme Gift Card'`. */
  readonly niceName: string;
  readonly prefixes: readonly CardPrefix[];
  /** The lengths its numbers have, at most 19. */
  readonly lengths: readonly number[];
  /** Where the groups shown to people break: `[4, 8, 12]` gives 4-4-4-4. */
  readonly gaps: readonly number[];
  /** Whether the last digit is a Luhn check digit. */
  readonly luhn: boolean;
  /** The code it asks for (`{ name: 'PIN', size: 4 }` for a PIN), or `null` if none. */
  readonly securityCode: SecurityCodeRule | null;
}

/** The brand ids of credit-card-type, the built-in brands (`'visa'`, `'american-express'`, ...). */
export const BUILT_IN_CARD_BRANDS: readonly string[] = Object.freeze(Object.values(creditCardType.types));

/** The longest card number any brand issues (ISO/IEC 7812). */
export const MAX_CARD_NUMBER_LENGTH = 19;

const DIGITS = /^\d+$/;

/** `definitions`, checked once per array: a mistake in them is the integrator's, so it throws. */
const checked = new WeakSet<readonly CardDefinition[]>();

/** Throws a `ConfigError` (option `extraCards`) unless every definition is well formed and brands are unique. */
export function checkCardDefinitions(definitions: readonly CardDefinition[]): void {
  if (checked.has(definitions)) return;
  const brands = new Set<string>(BUILT_IN_CARD_BRANDS);
  for (const [index, definition] of definitions.entries()) {
    const fail = (what: string): never => {
      throw new ConfigError('extraCards', `extraCards[${index}]: ${what}.`);
    };
    if (typeof definition.brand !== 'string' || definition.brand === '') fail('brand must be a non-empty string');
    if (brands.has(definition.brand)) fail('brand must differ from the built-in brands and the other extra cards');
    brands.add(definition.brand);
    if (definition.prefixes.length === 0) fail('prefixes must not be empty');
    for (const prefix of definition.prefixes) {
      if (typeof prefix === 'string') {
        if (!DIGITS.test(prefix) || prefix.length > MAX_CARD_NUMBER_LENGTH) fail('each prefix must be digits');
      } else {
        const [min, max] = prefix;
        if (!DIGITS.test(min) || !DIGITS.test(max) || min.length !== max.length || min > max) {
          fail('each prefix range must be [min, max], digit strings of one length with min <= max');
        }
      }
    }
    const { lengths, gaps, securityCode } = definition;
    const isLength = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_CARD_NUMBER_LENGTH;
    if (lengths.length === 0 || !lengths.every(isLength)) fail('lengths must be integers from 1 to 19');
    if (!gaps.every((gap, at) => isLength(gap) && (at === 0 || gap > gaps[at - 1]!))) {
      fail('gaps must be increasing positive integers');
    }
    if (securityCode !== null) {
      if (typeof securityCode.name !== 'string' || securityCode.name === '') fail('securityCode.name must be set');
      if (!Number.isInteger(securityCode.size) || securityCode.size < 1 || securityCode.size > 12) {
        fail('securityCode.size must be an integer from 1 to 12');
      }
    }
  }
  checked.add(definitions);
}

/**
 * How `digits` stand against `prefix`: the prefix's length when they start with it, `0` when they are
 * too short to tell but could still start with it, `-1` when they cannot. (credit-card-type's rule for
 * its own patterns, where a match too short to tell has no `matchStrength`.)
 */
function prefixStrength(digits: string, prefix: CardPrefix): number {
  const [min, max] = typeof prefix === 'string' ? [prefix, prefix] : prefix;
  const head = digits.slice(0, min.length);
  const inRange = head >= min.slice(0, head.length) && head <= max.slice(0, head.length);
  if (!inRange) return -1;
  return head.length === min.length ? min.length : 0;
}

/** The extra cards `digits` may belong to: `best` once one is certain, else every one still possible. */
export function matchCardDefinitions(
  digits: string,
  definitions: readonly CardDefinition[],
): { readonly best: CardDefinition | null; readonly possible: readonly CardDefinition[] } {
  const possible: CardDefinition[] = [];
  let best: CardDefinition | null = null;
  let bestStrength = 0;
  let undecided = false;
  for (const definition of definitions) {
    const strength = Math.max(...definition.prefixes.map((prefix) => prefixStrength(digits, prefix)));
    if (strength < 0) continue;
    possible.push(definition);
    if (strength === 0) undecided = true;
    else if (strength > bestStrength) [best, bestStrength] = [definition, strength];
  }
  // As in credit-card-type: the longest prefix wins only once every candidate is matched in full.
  return { best: undecided ? null : best, possible };
}
