import { foldDigits } from '@chatpay/cards';
import { ChatPayError, ConfigError, err, ok, type Result } from './errors.js';

/**
 * An amount of money: a whole number of the currency's minor units (cents for USD, yen for JPY,
 * fils for KWD) and an ISO 4217 currency code. Never a floating-point number of major units.
 */
export interface Money {
  /** The amount in minor units: a safe integer above 0. */
  readonly minor: number;
  /** The ISO 4217 code (`EUR`), one the runtime's `Intl` knows. */
  readonly currency: string;
}

/** `MoneyError`'s codes: why an amount was refused (those without a note here say it in their name). */
export type MoneyErrorCode =
  | 'empty'
  | 'invalid-format'
  /** The locale's group separator where it cannot group: "12,50" in en, "12.50" in es. */
  | 'ambiguous-separator'
  /** A plus sign: an amount to charge is written without one. */
  | 'sign'
  /** An exponent ("1e12"): read as digits it would be another amount. */
  | 'exponent'
  /** Letters or a currency's name among the digits. */
  | 'letters'
  | 'not-an-integer'
  | 'zero'
  | 'negative'
  | 'too-many-decimals'
  | 'unknown-currency'
  | 'over-maximum';

/** Why an amount was refused. The message names the rule, never echoes the text typed. */
export class MoneyError extends ChatPayError<MoneyErrorCode> {
  override name = 'MoneyError';
}

/** What `createMoney` takes besides the amount. */
export interface MoneyOptions {
  /** The largest amount accepted, in major units of the currency: finite and above 0, else a `ConfigError`. Default `DEFAULT_MAXIMUM_MAJOR` (1,000,000). */
  readonly maximum?: number;
}

/** What `parseAmount` takes besides the text and the currency. */
export interface ParseAmountOptions extends MoneyOptions {
  /** The locale whose decimal and grouping separators the text uses. Default: the runtime's. */
  readonly locale?: string | undefined;
}

/** The largest amount accepted unless told otherwise, in major units of the currency: 1,000,000. */
export const DEFAULT_MAXIMUM_MAJOR = 1_000_000;

let knownCurrencies: ReadonlySet<string> | undefined;

/** Whether `code` is an ISO 4217 currency this runtime's Intl knows. */
export function isCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** How many minor-unit digits the currency has: USD 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  if (!isCurrency(currency)) throw unknownCurrency();
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Builds a `Money` from minor units, checking every rule `parseAmount` checks. */
export function createMoney(minor: number, currency: string, options: MoneyOptions = {}): Result<Money, MoneyError> {
  if (!isCurrency(currency)) return err(unknownCurrency());
  if (!Number.isSafeInteger(minor)) {
    return err(new MoneyError('not-an-integer', 'The amount must be a whole number of minor units.'));
  }
  if (minor === 0) return err(new MoneyError('zero', 'The amount must be more than zero.'));
  if (minor < 0) return err(new MoneyError('negative', 'The amount cannot be negative.'));
  const maximum = options.maximum ?? DEFAULT_MAXIMUM_MAJOR;
  if (!(maximum > 0) || !Number.isFinite(maximum)) {
    throw new ConfigError('maximum', 'The maximum amount must be a finite number above zero.');
  }
  const scale = 10 ** currencyDigits(currency);
  const maximumMinor = maximum * scale;
  // Compared in major units: minor / scale is the double nearest the exact decimal, as `maximum` is,
  // whereas maximum * scale is not (19.99 * 100 === 1998.9999999999998 would refuse 19.99).
  if (minor / scale > maximum) {
    return err(
      new MoneyError(
        'over-maximum',
        `The amount is over the maximum of ${formatMoney({ minor: maximumMinor, currency }, 'en')}.`,
      ),
    );
  }
  return ok({ minor, currency });
}

/** The grouping and decimal separators a locale writes numbers with, and how many digits it groups. */
export interface NumberSeparators {
  /** What separates groups of digits (`,` in en, `.` in de, a space in fr). */
  readonly group: string;
  /** What separates the decimals (`.` in en, `,` in de). */
  readonly decimal: string;
  /**
   * How many digits each group holds: the last group before the decimals (`primary`, 3 almost
   * everywhere) and the groups before it (`secondary`: 3 in en-US, 2 in en-IN's lakhs and crores).
   */
  readonly grouping: {
    /** Digits in the last group before the decimals. */
    readonly primary: number;
    /** Digits in each group before it. */
    readonly secondary: number;
  };
}

/**
 * The separators `locale` uses: `{ group: ',', decimal: '.' }` in en, `{ group: '.', decimal: ',' }` in de,
 * with the sizes of its groups (`1,23,45,678` in en-IN: primary 3, secondary 2).
 */
export function numberSeparators(locale?: string): NumberSeparators {
  const format = new Intl.NumberFormat(locale);
  const parts = format.formatToParts(12345.6);
  const groups = format
    .formatToParts(1234567890)
    .filter((part) => part.type === 'integer')
    .map((part) => part.value.length);
  const grouped = groups.length > 2;
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    grouping: { primary: grouped ? groups.at(-1)! : 3, secondary: grouped ? groups.at(-2)! : 3 },
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * The whole part as the locale may write it: ungrouped, or grouped in its own sizes (in a locale that
 * groups in lakhs, "12,34,567", in threes too: "1,234,567"), never grouped in another locale's sizes.
 */
function wholePatternFor({ primary, secondary }: NumberSeparators['grouping'], group: string): RegExp {
  const sizes = [...new Set([secondary, primary])];
  const grouped = sizes.map((size) => `\\d{1,${size}}(${group}\\d{${size}})*${group}\\d{${primary}}`);
  return new RegExp(`^(\\d+|${grouped.join('|')})$`);
}

/**
 * Reads an amount the way a person types it in `locale` ("1,234.50" in en, "1.234,50" in de) into
 * minor units of `currency`. Grouping separators are accepted only where the locale puts them, so
 * "1.5" in German is refused rather than read as fifteen, and "12,50" in English rather than read as
 * 1,250. Each refusal says which rule the text broke (`ambiguous-separator`, `sign`, `negative`,
 * `exponent`, `letters`, `too-many-decimals`…), never what was typed.
 */
export function parseAmount(
  text: string,
  currency: string,
  options: ParseAmountOptions = {},
): Result<Money, MoneyError> {
  if (!isCurrency(currency)) return err(unknownCurrency());
  const { group, decimal, grouping } = numberSeparators(options.locale);
  let body = foldDigits(text.trim());
  if (body === '') return err(new MoneyError('empty', 'Enter an amount.'));
  if (/^[-\u2212]/.test(body) || /[-\u2212]$/.test(body)) {
    return err(new MoneyError('negative', 'The amount cannot be negative.'));
  }
  if (/^\+|\+$/.test(body)) return err(new MoneyError('sign', 'An amount is written without a sign.'));
  if (/\d[eE][-+\u2212]?\d/.test(body)) {
    return err(new MoneyError('exponent', 'Write the amount out in digits, without an exponent.'));
  }
  if (/\p{L}/u.test(body)) {
    return err(new MoneyError('letters', 'Write the amount in digits, without letters or a currency.'));
  }
  // A "." or "," the locale uses for neither decimals nor groups (in French, Arabic): it may mean either.
  const foreign = ['.', ','].find((mark) => mark !== decimal && mark !== group && body.includes(mark));
  if (foreign) {
    return err(
      new MoneyError(
        'ambiguous-separator',
        `"${foreign}" separates neither decimals nor groups of thousands in this locale; "${decimal}" comes before decimals.`,
      ),
    );
  }
  const groupIsSpace = group.replace(SPACES, '') === '';
  if (groupIsSpace) body = body.replace(SPACES, ' ');
  const [whole = '', fraction, ...rest] = body.split(decimal);
  const groupPattern = groupIsSpace ? ' ' : escape(group);
  const wholeIsGrouped = wholePatternFor(grouping, groupPattern).test(whole);
  if (rest.length === 0 && !(wholeIsGrouped && (fraction === undefined || /^\d+$/.test(fraction)))) {
    // Digits and the group separator alone, grouped wrong: the separator was meant otherwise.
    const groupsOnly = new RegExp(`^[\\d${groupPattern}]*$`);
    const misplaced = (part: string) => part.includes(groupIsSpace ? ' ' : group) && groupsOnly.test(part);
    if ((!wholeIsGrouped && misplaced(whole)) || (fraction !== undefined && misplaced(fraction))) {
      const named = groupIsSpace ? 'A space' : `"${group}"`;
      return err(
        new MoneyError(
          'ambiguous-separator',
          `${named} only separates groups of thousands in this locale; "${decimal}" comes before decimals.`,
        ),
      );
    }
  }
  const digits = currencyDigits(currency);
  // A decimal separator for a currency without decimals ("5." in yen) says that, rather than "not digits".
  const decimalsTyped = fraction !== undefined && (digits === 0 ? /^\d*$/ : /^\d+$/).test(fraction);
  if (rest.length > 0 || !wholeIsGrouped || (fraction !== undefined && !decimalsTyped)) {
    return err(new MoneyError('invalid-format', `Enter the amount as digits, with "${decimal}" before any decimals.`));
  }
  if ((fraction ?? '').length > digits || (digits === 0 && fraction !== undefined)) {
    return err(
      new MoneyError(
        'too-many-decimals',
        digits === 0 ? `${currency} amounts have no decimals.` : `${currency} amounts have at most ${digits} decimals.`,
      ),
    );
  }
  const minorText = whole.replace(/\D/g, '') + (fraction ?? '').padEnd(digits, '0');
  return createMoney(Number(minorText), currency, options);
}

/** Formats `money` for `locale` with Intl.NumberFormat: `$1,234.50`, `1.234,50 €`, `١٬٢٣٤٫٥٠ US$`. */
export function formatMoney(money: Money, locale?: string): string {
  const digits = currencyDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.minor / 10 ** digits,
  );
}

function unknownCurrency(): MoneyError {
  return new MoneyError('unknown-currency', 'The currency is not an ISO 4217 code this browser knows.');
}
