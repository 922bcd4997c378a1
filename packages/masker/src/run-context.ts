// What the text around a run of digits says about it: whether it is inside a URL, glued into a word,
// a phone number, labelled as something else, or an IBAN. Each check looks at a few characters first and
// runs a regular expression only when they could start what it looks for.
import { boundaries, groupEnds, groups, groupStarts, runDigits } from './digit-runs.js';

const LETTER = /\p{L}/u;
/**
 * Letters of scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
 * Myanmar, Tibetan) and Korean, whose particles join numbers: digits right against them are still a
 * number of their own (`我的卡号是4111 1111 1111 1111谢谢`).
 */
const UNSPACED_LETTER =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}\p{sc=Hangul}]/u;

/** Whether the character at `index` is a letter of a script that puts spaces between words. */
function isSpacedLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  const character = text[index]!;
  return LETTER.test(character) && !UNSPACED_LETTER.test(character);
}

/** Words that say the digits after them are not a card, within a few characters. */
const NOT_A_CARD_LABEL = /\b(?:imei|meid|isbn|iban|esn)\W{0,3}$/i;
/** An IBAN's country code and check digits, then groups, right before the run. */
const IBAN_BEFORE = /(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/;
const COUNTRY_CODE_BEFORE = /(?:^|[^A-Za-z])[A-Z]{2}$/;
/** Two letters right before the run, not the end of a longer word: perhaps an IBAN's country code. */
const TWO_LETTERS_BEFORE = /(?:^|[^A-Za-z])([A-Za-z]{2})$/;
/** `www.` at the start of a token or after punctuation: `(www.example.com/…)`. */
const WWW = /(?:^|[^\p{L}\p{N}._-])www\./iu;
/**
 * A host name and a path without a scheme: `shop.example.com/orders/…` (two dots or more), or one of
 * the common top-level domains after one (`example.com:8080/…`). Not `J.Doe/` nor `Mr.Smith/`.
 */
const HOST_AND_PATH =
  /(?:^|[^\w.-])(?:(?:[a-z\d-]+\.){2,}[a-z]{2,}|[a-z\d-]+\.(?:com|net|org|info|biz|io|co|app|dev|shop|store|me))(?::\d{1,5})?\//i;
/** How far back a URL's start is looked for. Digits further into a longer token are judged as if outside a URL. */
const URL_LOOKBACK = 256;

const isAsciiLetter = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;
const isUpperOrDigit = (code: number) => (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
/** Whether `code` is what `\w` matches without the `u` flag: an ASCII letter or digit, or `_`. */
const isWordCharacter = (code: number) => isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;

/**
 * Whether `index` is inside a URL: the printable ASCII characters right before it (a URL's own, up to
 * a space or any other character) have a scheme (`…://`), start with `www.`, or name a host and a path
 * (`shop.example.com/…`). A URL earlier in a line of Chinese, or before a space of any width, does
 * not reach the digits.
 */
export function isInUrl(text: string, index: number): boolean {
  let start = index;
  let marks = false;
  const limit = Math.max(0, index - URL_LOOKBACK);
  for (let code; start > limit && (code = text.charCodeAt(start - 1)) > 32 && code < 127; start--) {
    if (code === 47 || code === 46) marks = true;
  }
  if (!marks) return false;
  const token = text.slice(start, index);
  return token.includes('://') || WWW.test(token) || HOST_AND_PATH.test(token);
}

/** Whether the ISO 13616 check of an IBAN passes: the rearranged number is 1 mod 97. */
function isIban(country: string, digits: string): boolean {
  let remainder = 0;
  for (const character of digits.slice(2) + country.toUpperCase() + digits.slice(0, 2)) {
    const value = parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** Why the run last read is not a card, judging by what surrounds it. */
export function isExcludedRun(text: string): boolean {
  const start = groupStarts[0]!;
  const end = groupEnds[groups - 1]!;
  if (isInUrl(text, start)) return true;
  // Glued to letters on both sides: part of a token, not a number (unless those letters' script has no spaces).
  if (start > 0 && end < text.length && isSpacedLetterAt(text, start - 1) && isSpacedLetterAt(text, end)) return true;
  const previous = text.charCodeAt(start - 1);
  // A leading "+" says phone number.
  if (previous === 43 || (previous === 32 && text.charCodeAt(start - 2) === 43)) return true;
  // A label ends in i, d or n, with at most three characters that are no word's between it and the
  // run; an IBAN's country code or groups are ASCII letters or digits.
  let gap = start - 1;
  while (gap >= start - 4 && gap >= 0 && !isWordCharacter(text.charCodeAt(gap))) gap--;
  const last = text.charCodeAt(gap) | 32;
  const labelled = gap >= start - 4 && (last === 105 || last === 100 || last === 110);
  const beforeSpace = previous === 32 ? text.charCodeAt(start - 2) : previous;
  const ibanLike = isAsciiLetter(previous) || isUpperOrDigit(beforeSpace);
  if (!labelled && !ibanLike) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  if (labelled && NOT_A_CARD_LABEL.test(before)) return true;
  if (!ibanLike) return false;
  const firstGroup = boundaries[1]!;
  if (IBAN_BEFORE.test(before) || (COUNTRY_CODE_BEFORE.test(before) && firstGroup === 2)) return true;
  // An IBAN whose account number is all digits, unbroken or in lower case: its check digits tell.
  const country = TWO_LETTERS_BEFORE.exec(before)?.[1];
  if (!country) return false;
  for (let group = 1; group <= groups; group++) {
    const at = boundaries[group]!;
    if (at >= 13 && at <= 32 && isIban(country, runDigits(0, at))) return true;
  }
  return false;
}
