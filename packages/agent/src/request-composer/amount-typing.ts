import { foldDigits } from '@chatpay/cards';
import { currencyDigits, isCurrency, numberSeparators } from '@chatpay/core';

/** Why the amount mask did not take something the agent typed or pasted. */
export type TypingNotice = 'group-separator' | 'no-decimals' | 'too-many-decimals' | 'not-a-number';

/** The mask's rules for the amount, as the composer configured it. */
export interface AmountRules {
  readonly decimal: string;
  readonly group: string;
  /** Characters also taken as the decimal separator. */
  readonly mapToRadix: readonly string[];
  /** The currency's decimals. */
  readonly scale: number;
}

/**
 * The mask's rules for an amount of `currency` typed in `locale`: the locale's separators, the
 * currency's decimals (2 for a code that is not a currency), and "." or "," typed where the locale's
 * decimal separator is meant, unless it is the group separator.
 */
export function amountRulesFor(locale: string | undefined, currency: string): AmountRules {
  const { group, decimal } = numberSeparators(locale);
  const scale = isCurrency(currency) ? currencyDigits(currency) : 2;
  const mapToRadix = ['.', ','].filter((mark) => mark !== group);
  return { decimal, group, mapToRadix, scale };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * What the mask left out of `typed` (inserted where nothing was selected) when the amount went from
 * `before` to `after` (both unmasked: digits and "."), or null if it took everything. A mask that
 * drops a character silently could turn "1.5" into 15: the composer says so instead.
 */
export function droppedTyping(typed: string, before: string, after: string, rules: AmountRules): TypingNotice | null {
  const text = foldDigits(typed);
  const decimals = [rules.decimal, ...rules.mapToRadix];
  // A group separator is fine where it groups thousands ("1.234,56" pasted); anywhere else it was meant otherwise.
  const misplacedGroup = new RegExp(`${escape(rules.group)}(?!\\d{3}(?:\\D|$))`);
  if (rules.group && !decimals.includes(rules.group) && misplacedGroup.test(text)) return 'group-separator';
  if (rules.scale === 0 && decimals.some((mark) => text.includes(mark))) return 'no-decimals';
  const allowed = new Set([...decimals, rules.group, ' ', '\u00a0', '\u202f']);
  if ([...text].some((char) => !/\d/.test(char) && !allowed.has(char))) return 'not-a-number';
  if (digitCount(after) - digitCount(before) < digitCount(text)) return 'too-many-decimals';
  return null;
}
