// Digits of every script. Unicode assigns decimal digits (general category Nd) only in runs of ten,
// from 0 to 9, so a digit's value is its distance from the start of its run, modulo 10 (the
// mathematical digits are five runs in a row).

import { BMP_DIGIT_ZEROS } from './digit-table.js';

const DECIMAL_DIGIT = /\p{Nd}/u;
const isDecimalDigit = (codePoint: number) => DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));

/**
 * The value (0 to 9) of a decimal digit of any script, ASCII `4`, full-width `４`, Arabic-Indic `٤`,
 * Devanagari `४` alike; -1 for anything else. Takes a code point (or a UTF-16 code unit, as a scan
 * over `charCodeAt` has: digits outside the Basic Multilingual Plane then read as -1).
 */
export function digitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  // No decimal digit lies between ASCII's and Arabic-Indic's (U+0660). (NaN, past the end of a string, is none.)
  if (!(codePoint >= 0x660)) return -1;
  if (codePoint <= 0xffff) {
    for (let index = 0; index < BMP_DIGIT_ZEROS.length; index++) {
      const value = codePoint - BMP_DIGIT_ZEROS.charCodeAt(index);
      if (value < 0) return -1;
      if (value < 10) return value;
    }
    return -1;
  }
  // Beyond the Basic Multilingual Plane (the mathematical digits are five blocks in one run).
  if (!isDecimalDigit(codePoint)) return -1;
  let start = codePoint;
  while (isDecimalDigit(start - 1)) start--;
  return (codePoint - start) % 10;
}

/**
 * `text` with every decimal digit of any script (full-width `４`, Arabic-Indic `٤`...) replaced by its
 * ASCII digit, and nothing else changed: for amounts, where a superscript `²` or a circled `①` must
 * stay what it is (not a digit) rather than become one.
 */
export function foldDigits(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/\p{Nd}/gu, (digit) => String(digitValue(digit.codePointAt(0)!)));
}

/**
 * `text` in NFKC (full-width `４` and `／` become `4` and `/`) with every decimal digit of any script
 * replaced by its ASCII digit: the one way the card fields read what a keyboard, an IME or a paste
 * produced.
 */
export function toAsciiDigits(text: string): string {
  return foldDigits(text.normalize('NFKC'));
}
