// The expiry date field: "MM/YY", "MM / YY", "MMYY", "M/YY", "MM/YYYY" (and "MMYYYY", "MM-YY",
// "MM.YY", "MM YY") to a month and a year, judged against an injected `now`.
import { toAsciiDigits } from '@chatpay/cards';
import { ConfigError } from '@chatpay/core';
import { failed, passed, type ExpiryReason, type FieldCheck } from './errors.js';

/** How far ahead an expiry date may lie, in years from the current month. */
export const DEFAULT_MAX_YEARS_AHEAD = 20;

/** What `validateExpiry` takes besides the input. */
export interface ExpiryOptions {
  /** How far ahead of the current month, in whole years, an expiry may be. Default `DEFAULT_MAX_YEARS_AHEAD` (20). */
  readonly maxYearsAhead?: number;
}

export interface ExpiryResult extends FieldCheck<ExpiryReason> {
  /** 1–12, once the month and the year are both complete; else `null`. */
  readonly month: number | null;
  /** The four-digit year, once the month and the year are both complete; else `null`. */
  readonly year: number | null;
}

/** The month and year parts of an expiry as typed, still strings; `null` when it is not one. */
export interface ExpiryParts {
  /** The month's digits, as typed. */
  readonly month: string;
  /** The year's digits, as typed (two or four). */
  readonly year: string;
  /** Whether a separator came between them (only then is a lone `1` a whole month). */
  readonly separated: boolean;
}

const EXPIRY_CHARACTERS = /^[\d\s/.\-\p{Pd}]*$/u;
const SEPARATOR = /\s*[/.\-\p{Pd}]\s*|\s+/u;

/**
 * Splits an expiry into its month and year digits. Without a separator, a leading `0` or `1` starts a
 * two-digit month (`'0130'`, `'1230'`, `'122030'`) and any other digit is a month of its own
 * (`'530'` is 5/30). Returns `null` for characters that cannot be part of a date or more than two parts.
 */
export function parseExpiry(input: string): ExpiryParts | null {
  const text = toAsciiDigits(input).trim();
  if (!EXPIRY_CHARACTERS.test(text)) return null;
  const parts = text.split(SEPARATOR);
  if (parts.length > 2) return null;
  const [first = '', second] = parts;
  if (second !== undefined) return { month: first, year: second, separated: true };
  const monthLength = first.startsWith('0') || first.startsWith('1') ? 2 : 1;
  return { month: first.slice(0, monthLength), year: first.slice(monthLength), separated: false };
}

/**
 * The four-digit year a two-digit one stands for: the one within fifty years of `currentYear`
 * (`'30'` is 2030 in 2025; `'80'` is 1980, so it is in the past rather than far ahead).
 */
export function expandYear(twoDigits: number, currentYear: number): number {
  const low = currentYear - 50;
  return low + ((((twoDigits - low) % 100) + 100) % 100);
}

/** `'MM/YY'` for a month and a four-digit year, the form printed on cards. */
export function formatExpiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
}

function result(
  check: FieldCheck<ExpiryReason>,
  month: number | null = null,
  year: number | null = null,
): ExpiryResult {
  return { ...check, month, year };
}

/**
 * Whether an expiry date is acceptable on `now` (the person's local calendar): valid from the current
 * month (a card is good through the last day of its month) to `maxYearsAhead` years after it.
 * `now` is the clock; tests pass their own.
 */
export function validateExpiry(input: string, now: Date = new Date(), options: ExpiryOptions = {}): ExpiryResult {
  const { maxYearsAhead = DEFAULT_MAX_YEARS_AHEAD } = options;
  if (Number.isNaN(now.getTime())) throw new ConfigError('now', 'now must be a valid date.');
  if (!Number.isInteger(maxYearsAhead) || maxYearsAhead < 0) {
    throw new ConfigError('maxYearsAhead', 'maxYearsAhead must be a whole number of years, 0 or more.');
  }
  if (input.trim() === '') return result(failed('required', true));
  const parts = parseExpiry(input);
  if (!parts) return result(failed('invalid-characters', false));
  const { month: monthText, year: yearText, separated } = parts;

  // The month.
  if (monthText === '' || monthText.length > 2) return result(failed('invalid-month', false));
  if (!separated && yearText === '' && (monthText === '0' || monthText === '1')) {
    return result(failed('incomplete', true));
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return result(failed('invalid-month', false));

  // The year.
  const currentYear = now.getFullYear();
  const current = currentYear * 12 + now.getMonth();
  const last = current + maxYearsAhead * 12;
  if (yearText.length > 4) return result(failed('wrong-length', false));
  if (yearText.length < 2) return result(failed('incomplete', true));
  // Could the digits so far still grow into a four-digit year in range ('20' on the way to '2030')?
  const mayGrow = (prefix: string): boolean => {
    for (let year = currentYear; year * 12 <= last; year++) if (String(year).startsWith(prefix)) return true;
    return false;
  };
  if (yearText.length === 3) {
    if (mayGrow(yearText)) return result(failed('incomplete', true));
    return result(failed(Number(yearText) < Math.floor(currentYear / 10) ? 'in-the-past' : 'too-far-ahead', false));
  }
  const year = yearText.length === 2 ? expandYear(Number(yearText), currentYear) : Number(yearText);
  const expiry = year * 12 + (month - 1);
  if (expiry >= current && expiry <= last) return result(passed, month, year);
  // '12/20' is December 2020, but it may also be the start of '12/2030': then it is worth typing on.
  const isPotentiallyValid = yearText.length === 2 && mayGrow(yearText);
  return result(failed(expiry < current ? 'in-the-past' : 'too-far-ahead', isPotentiallyValid), month, year);
}
