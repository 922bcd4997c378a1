// The brand of a number being typed: from its first digits, which brands it may still become and,
// once they say, which one it is. credit-card-type's rules, on the built-in table and on an
// integrator's extra definitions, without changing any table shared by the page.
import { BRAND_ROWS } from './brand-table.js';
import { brandFromDefinition, cardBrand, type CardBrand } from './brands.js';
import { checkCardDefinitions, type CardDefinition } from './card-definition.js';
import { prefixStrength } from './prefixes.js';

/** What the leading digits say about the brand. */
export type CardBrandDetection =
  | { readonly kind: 'known'; readonly card: CardBrand }
  /** Too few digits to tell; `candidates` are the brand ids still possible (all of them for no digits). */
  | { readonly kind: 'undecided'; readonly candidates: readonly string[] }
  /** No brand starts this way. */
  | { readonly kind: 'unknown' };

/** A brand still possible for some digits, and how long a prefix of it they match in full (0 for none yet). */
interface Candidate<T> {
  readonly brand: T;
  readonly strength: number;
}

/**
 * credit-card-type's choice among the candidates: once every one is matched in full, the one with the
 * longest prefix (the first on a tie); null while some are still too short to tell.
 */
function decide<T>(candidates: readonly Candidate<T>[]): T | null {
  if (candidates.length === 0 || candidates.some(({ strength }) => strength === 0)) return null;
  return candidates.reduce((best, candidate) => (candidate.strength > best.strength ? candidate : best)).brand;
}

/**
 * The built-in brands ASCII `digits` may belong to, as credit-card-type answers: the one brand once the
 * digits decide it, else every brand still possible (all of them for no digits).
 */
export function potentialBrands(digits: string): string[] {
  if (digits === '') return BRAND_ROWS.map(([brand]) => brand);
  const candidates: Candidate<string>[] = [];
  for (const [brand, patterns] of BRAND_ROWS) {
    // A brand counts with the first of its prefixes the digits may start with, not its longest.
    for (const pattern of patterns) {
      const strength = prefixStrength(digits, pattern);
      if (strength >= 0) {
        candidates.push({ brand, strength });
        break;
      }
    }
  }
  const best = decide(candidates);
  return best ? [best] : candidates.map(({ brand }) => brand);
}

/**
 * The extra definitions `digits` may belong to: `best` once one is certain (the longest matching prefix,
 * once every candidate is decided), and every one still possible.
 */
export function matchCardDefinitions(
  digits: string,
  definitions: readonly CardDefinition[],
): {
  /** The definition `digits` belong to, once certain; else null. */
  readonly best: CardDefinition | null;
  /** Every definition `digits` may still belong to. */
  readonly possible: readonly CardDefinition[];
} {
  const candidates: Candidate<CardDefinition>[] = [];
  for (const definition of definitions) {
    const strength = Math.max(...definition.prefixes.map((prefix) => prefixStrength(digits, prefix)));
    if (strength >= 0) candidates.push({ brand: definition, strength });
  }
  return { best: decide(candidates), possible: candidates.map(({ brand }) => brand) };
}

/**
 * The brand of a number from its leading ASCII digits, while it is typed: the integrator's extra
 * cards first (the longest matching prefix wins once every candidate is decided), then the built-in
 * brands, which are known once credit-card-type names a single one. Throws a `CardDefinitionError`
 * for a malformed definition.
 */
export function detectCardBrand(digits: string, extraCards: readonly CardDefinition[] = []): CardBrandDetection {
  checkCardDefinitions(extraCards);
  const extras = matchCardDefinitions(digits, extraCards);
  if (extras.best) return { kind: 'known', card: brandFromDefinition(extras.best) };
  const builtIn = potentialBrands(digits);
  if (extras.possible.length > 0) {
    return { kind: 'undecided', candidates: [...extras.possible.map(({ brand }) => brand), ...builtIn] };
  }
  if (builtIn.length === 1) return { kind: 'known', card: cardBrand(builtIn[0]!)! };
  return builtIn.length > 0 ? { kind: 'undecided', candidates: builtIn } : { kind: 'unknown' };
}
