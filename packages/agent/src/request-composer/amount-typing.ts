import { foldDigits } from '@chatpay/cards';
import {
  currencyDigits,
  isCurrency,
  numberSeparators,
  parseAmount,
  type Money,
  type MoneyError,
  type MoneyErrorCode,
  type NumberSeparators,
  type Result,
} from '@chatpay/core';

/**
 * How an amount of one currency is typed in one locale: the locale's separators and group sizes, the
 * currency's decimals, and the marks also taken as the decimal separator.
 */
export interface AmountRules {
  readonly locale: string | undefined;
  readonly currency: string;
  readonly decimal: string;
  readonly group: string;
  readonly grouping: NumberSeparators['grouping'];
  /** "." or "," typed where the locale's decimal separator is meant: never the group separator. */
  readonly mapToRadix: readonly string[];
  /** The currency's decimals (2 for a code that is not a currency). */
  readonly scale: number;
}

/** The rules for an amount of `currency` typed in `locale`. */
export function amountRulesFor(locale: string | undefined, currency: string): AmountRules {
  const { group, decimal, grouping } = numberSeparators(locale);
  const scale = isCurrency(currency) ? currencyDigits(currency) : 2;
  const mapToRadix = ['.', ','].filter((mark) => mark !== group);
  return { locale, currency, decimal, group, grouping, mapToRadix, scale };
}

/**
 * `text` as the amount rule reads it: digits of any script in ASCII, and a "." or "," typed for the
 * locale's decimal separator written as that separator. Nothing is left out or added. A "." or ","
 * that is not the locale's own decimal separator and stands before exactly three digits may just as
 * well group thousands ("1,500" in Arabic, "1.500" in French): it is left as typed, so the amount rule
 * refuses it as ambiguous rather than guessing.
 */
export function readableText(text: string, rules: AmountRules): string {
  const chars = [...foldDigits(text)];
  return chars
    .map((char, index) => {
      if (!rules.mapToRadix.includes(char)) return char;
      if (char !== rules.decimal && digitsAfter(chars, index) === 3) return char;
      return rules.decimal;
    })
    .join('');
}

/** How many ASCII digits follow `index`, up to the next character that is not one. */
function digitsAfter(chars: readonly string[], index: number): number {
  let count = 0;
  while (index + 1 + count < chars.length && /[0-9]/.test(chars[index + 1 + count]!)) count++;
  return count;
}

/** The amount the agent's text stands for: core's `parseAmount` on the readable text. */
export function readTypedAmount(text: string, rules: AmountRules, maximum?: number): Result<Money, MoneyError> {
  return parseAmount(readableText(text, rules), rules.currency, {
    locale: rules.locale,
    ...(maximum === undefined ? {} : { maximum }),
  });
}

/**
 * Refusals said at once, as the agent types: typing on cannot mend them, only changing what is there.
 * The others (nothing yet, zero, over the maximum) wait until the field is left or Request pressed.
 */
const REFUSED_AT_ONCE: ReadonlySet<MoneyErrorCode> = new Set<MoneyErrorCode>([
  'invalid-format',
  'ambiguous-separator',
  'sign',
  'negative',
  'exponent',
  'letters',
  'too-many-decimals',
]);

/** Whether `code` is said as soon as the text has it, rather than when the field is left. */
export const isRefusedAtOnce = (code: MoneyErrorCode): boolean => REFUSED_AT_ONCE.has(code);

/** Whether the text is an amount, even one the session would refuse (zero, over the maximum). */
function isWellFormed(readable: string, rules: AmountRules): boolean {
  const read = parseAmount(readable, rules.currency, { locale: rules.locale });
  return read.ok || !(isRefusedAtOnce(read.error.code) || read.error.code === 'empty' || !isCurrency(rules.currency));
}

/** Whether `text` is an amount still being typed: well formed up to a decimal separator at its end ("12."). */
export function isAmountInProgress(text: string, rules: AmountRules): boolean {
  const readable = readableText(text, rules).trim();
  return rules.scale > 0 && readable.endsWith(rules.decimal) && isWellFormed(`${readable}0`, rules);
}

/** `digits` grouped the way the locale groups them: "1234567" is "1,234,567" in en-US, "12,34,567" in en-IN. */
function groupDigits(digits: string, rules: AmountRules): string {
  const { primary, secondary } = rules.grouping;
  if (digits.length <= primary) return digits;
  const groups = [digits.slice(-primary)];
  for (let end = digits.length - primary; end > 0; end -= secondary) {
    groups.unshift(digits.slice(Math.max(0, end - secondary), end));
  }
  return groups.join(rules.group);
}

/** An amount's whole digits and decimals written with the locale's separators (the decimal mark kept if typed). */
function writeAmount(whole: string, fraction: string | undefined, rules: AmountRules): string {
  const digits = groupDigits(whole.replace(/\D/g, ''), rules);
  return fraction === undefined ? digits : `${digits}${rules.decimal}${fraction}`;
}

/** How many digits and decimal separators `text` has: what a caret's place is counted in. */
const significant = (text: string, rules: AmountRules) =>
  [...text].filter((char) => /\d/.test(char) || char === rules.decimal).length;

/** The place in `text` just after its `count`th digit or decimal separator. */
function placeAfter(text: string, count: number, rules: AmountRules): number {
  if (count === 0) return 0;
  let seen = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (/\d/.test(text[index]!) || text[index] === rules.decimal) seen += 1;
    if (seen === count) return index + 1;
  }
  return text.length;
}

/** What the amount field shows after the agent typed or pasted, and whether that was refused. */
export interface TypedAmount {
  readonly text: string;
  readonly caret: number;
  /** The text is kept as the agent wrote it, with a refusal said at once. */
  readonly refused: boolean;
}

const EDGE_SPACE = /^\s|\s$/;

/**
 * `text` written with the locale's separators if it is an amount (or one being typed, "1234."),
 * else null. Only group separators move and digits of another script become ASCII: nothing else
 * is left out, so text with a space at either end is not written again either.
 */
function rewrite(text: string, rules: AmountRules): string | null {
  const readable = readableText(text, rules);
  if (EDGE_SPACE.test(readable)) return null;
  if (isAmountInProgress(text, rules)) return writeAmount(readable.slice(0, -rules.decimal.length), '', rules);
  if (!isWellFormed(readable, rules)) return null;
  const [whole = '', fraction] = readable.split(rules.decimal);
  return writeAmount(whole, fraction, rules);
}

/** What was typed or pasted between `before` and `after`: the text between what they share at each end. */
function insertedText(before: string, after: string): string {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.at(-1 - end) === after.at(-1 - end)) {
    end += 1;
  }
  return after.slice(start, after.length - end);
}

/** Whether `text` holds the locale's group separator (any space, where a space groups). */
const hasGroup = (text: string, rules: AmountRules) =>
  rules.group.trim() === '' ? /[\s\u00a0\u202f]/.test(text) : text.includes(rules.group);

/**
 * What the amount field shows once the agent has typed, pasted or deleted in it, going from
 * `before` to `text` with the caret at `caret`. An amount (or one being typed, "1234.") is written
 * again with the locale's separators, the caret after the same digit; anything else is kept exactly
 * as written and refused, so the field never shows an amount other than the one its text is read
 * as: "1e12" stays "1e12", never 112, and "12,50" in English stays "12,50", never 1,250. The group
 * separators the field wrote itself move as digits come and go; one the agent typed or pasted is
 * judged where the agent put it.
 */
export function typeAmount(text: string, caret: number, rules: AmountRules, before = ''): TypedAmount {
  const ours = !hasGroup(insertedText(before, text), rules) && (before === '' || rewrite(before, rules) === before);
  const ungrouped = (part: string) => (ours ? part.replaceAll(rules.group, '') : part);
  const written = rewrite(ungrouped(text), rules);
  if (written === null) {
    const read = readTypedAmount(text, rules);
    return { text, caret, refused: !read.ok && isRefusedAtOnce(read.error.code) };
  }
  const counted = significant(readableText(text.slice(0, caret), rules), rules);
  return { text: written, caret: placeAfter(written, counted, rules), refused: false };
}

/** The amount field after a change of currency or locale, and whether decimals the new currency lacks were cut. */
export interface MovedAmount {
  readonly text: string;
  readonly decimalsDropped: boolean;
}

/**
 * The same amount for new rules: written with the new locale's separators, and cut to the new
 * currency's decimals (said when a digit other than 0 was cut). Text that is not an amount is kept
 * as it is, to be read by the new rules.
 */
export function moveAmount(text: string, from: AmountRules, to: AmountRules): MovedAmount {
  const readable = readableText(text, from).trim();
  if (!isWellFormed(readable, from)) return { text, decimalsDropped: false };
  const [whole = '', fraction] = readable.split(from.decimal);
  const kept = fraction === undefined || to.scale === 0 ? undefined : fraction.slice(0, to.scale);
  const cut = (fraction ?? '').slice(kept?.length ?? 0);
  return { text: writeAmount(whole, kept, to), decimalsDropped: /[1-9]/.test(cut) };
}
