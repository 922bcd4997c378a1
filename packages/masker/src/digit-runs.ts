// Reading text as runs of digits: digits of any script, in groups, with the characters people put
// between the groups of a card number. There is one reader: the run last read is this module's state
// (its arrays are reused, so a scan allocates nothing per run), valid until the next `readRun`. As it
// reads, it keeps the Luhn sums of every prefix, so whether any window of the run passes the check,
// and which built-in brand it is, take constant time.
import { BMP_DIGIT_CLASS, LUHN_DOUBLED, builtInBrandOf, digitValue } from '@chatpay/cards';

const SPACE = 1;
const LINE_BREAK = 2;
const MARK = 3;
const INVISIBLE = 4;

/**
 * What each character that may stand between two groups is, by kind: spaces of every width; line
 * breaks (CR LF is one); dashes, dots, middle dots, slashes and underscores, ASCII, full-width or the
 * Japanese long vowel mark that a kana keyboard types for `-`; and the invisible
 * characters keyboards and editors put in: soft hyphen, zero-width space, joiners, word joiner, and the
 * directional marks, embeddings and isolates that right-to-left keyboards insert around digits.
 */
const GAP_KINDS = new Map<number, number>();
/** At most this many characters in a gap, invisible ones included. */
const MAX_GAP = 8;
[
  ' \t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000',
  '\n\r\u0085\u2028\u2029',
  '_-./\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fb\u30fc\ufe63\uff0d\uff0e\uff0f\uff70',
  // As ranges, first and last: U+00AD, U+034F, U+061C, U+180B-U+180E, U+200B-U+200F, U+202A-U+202E,
  // U+2060-U+2064, U+2066-U+2069, U+FE00-U+FE0F (variation selectors), U+FEFF.
  '\u00ad\u00ad\u034f\u034f\u061c\u061c\u180b\u180e\u200b\u200f\u202a\u202e\u2060\u2064\u2066\u2069\ufe00\ufe0f\ufeff\ufeff',
].forEach((characters, kind) => {
  for (let at = 0; at < characters.length; at++) {
    const code = characters.charCodeAt(at);
    if (kind < 3) GAP_KINDS.set(code, kind + 1);
    else for (let last = characters.charCodeAt(++at), next = code; next <= last; next++) GAP_KINDS.set(next, INVISIBLE);
  }
});

/** What kind of gap character `code` is (0: none). */
const gapKind = (code: number) => GAP_KINDS.get(code) ?? 0;

/** Whether `code` may stand between two groups of a card number (a space, a dash, an invisible mark...). */
export const isSeparator = (code: number) => gapKind(code) > 0;

/** Whether `code` is a space or a line break: what ends a token. */
export const isWhitespace = (code: number) => gapKind(code) === SPACE || gapKind(code) === LINE_BREAK;

/**
 * The gaps that join two groups, by the visible characters in them (base 4: space 1, line break 2,
 * mark 3; invisible ones do not count): none (only invisible ones), any one, two or three spaces, a
 * mark between two spaces (`4242 - 4242`), spaces with one line break (`5500 0000 ⏎0000 0004`), and a
 * dash or other mark before a line break (a hyphenated line). Not `. ` (the end of a sentence), nor two
 * line breaks (a new paragraph).
 */
const JOINING_GAPS = new Set([0, SPACE, LINE_BREAK, MARK, 5, 6, 9, 14, 21, 22, 25, 29, 37]);

/** The fewest digits a card has. */
export const MIN_DIGITS = 12;

/** Where the next digit may be: a plain class of every digit of the Basic Multilingual Plane, searched by the regular expression engine. */
const NEXT_DIGIT = new RegExp(BMP_DIGIT_CLASS, 'g');

/** The index in the text of each digit of the run last read. */
export const positions: number[] = [];
/** Digit counts at which the run may be cut: 0, each gap, and its digit count (`groups + 1` entries). */
export const boundaries: number[] = [];
/** The value (0-9) of each digit. */
const values: number[] = [];
/** Luhn sums of the first i digits, with the digits at even indexes doubled, or at odd ones. */
const evenDoubled = [0];
const oddDoubled = [0];
/** How many groups the run has. */
export let groups = 0;
/** Where the digits after the run's first line break, and after its first space or line break, start; -1 if none. */
export let afterLineBreak = -1;
export let afterSpace = -1;
/** Where to look for the next run. */
export let next = 0;

/** How many digits the run has. */
export const digitCount = () => boundaries[groups]!;

/** Whether the run's digits from `start` to `end` pass the Luhn check. */
export function passesLuhnAt(start: number, end: number): boolean {
  const sums = (end - 1) & 1 ? evenDoubled : oddDoubled;
  return (sums[end]! - sums[start]!) % 10 === 0;
}

/** The built-in brand of the run's digits from `start` to `end`, their check digit aside. */
export function builtInBrandAt(start: number, end: number): string | undefined {
  const known = Math.min(8, end - start);
  let head = 0;
  for (let index = start; index < start + known; index++) head = head * 10 + values[index]!;
  return builtInBrandOf(head, known, end - start);
}

/** The index of the next digit at or after `from`, or -1 when there is none. */
export function nextDigit(text: string, from: number): number {
  for (let index = from; ; index++) {
    NEXT_DIGIT.lastIndex = index;
    if (!NEXT_DIGIT.test(text)) return -1;
    index = NEXT_DIGIT.lastIndex - 1;
    // A digit outside the Basic Multilingual Plane is two code units and never read as one: masking keeps lengths.
    if (digitValue(text.charCodeAt(index)) >= 0) return index;
  }
}

/**
 * Reads the next run of digits in `text` at or after `from`: digits of any script with gaps between
 * groups that join them. False when there is none. Each character is read once (a gap that does not
 * join is read again as the start of what follows).
 */
export function readRun(text: string, from: number): boolean {
  let index = nextDigit(text, from);
  if (index < 0) return false;
  let count = 0;
  groups = 0;
  afterLineBreak = afterSpace = -1;
  boundaries[0] = 0;
  for (;;) {
    for (;;) {
      const code = text.charCodeAt(index);
      const value = code >= 48 && code <= 57 ? code - 48 : code >= 0x660 ? digitValue(code) : -1;
      if (value < 0) break;
      values[count] = value;
      const doubled = LUHN_DOUBLED[value]!;
      evenDoubled[count + 1] = evenDoubled[count]! + (count & 1 ? value : doubled);
      oddDoubled[count + 1] = oddDoubled[count]! + (count & 1 ? doubled : value);
      positions[count++] = index++;
    }
    let at = index;
    let shape = 0;
    let visible = 0;
    let kind: number;
    while (at - index < MAX_GAP && (kind = gapKind(text.charCodeAt(at))) > 0) {
      if (kind !== INVISIBLE) {
        visible++;
        shape = shape * 4 + kind;
      }
      at += kind === LINE_BREAK && text.startsWith('\r\n', at) ? 2 : 1;
    }
    if (at === index || visible > 3 || !JOINING_GAPS.has(shape) || digitValue(text.charCodeAt(at)) < 0) break;
    // A shape holds a line break when a base-4 digit of it is 2; a space or line break when one is 1 or 2.
    for (let rest = shape; rest > 0; rest >>= 2) {
      if (rest % 4 === LINE_BREAK && afterLineBreak < 0) afterLineBreak = at;
      if (rest % 4 !== MARK && afterSpace < 0) afterSpace = at;
    }
    boundaries[++groups] = count;
    index = at;
  }
  boundaries[++groups] = count;
  next = index;
  return true;
}

/** The run's digits from `start` to `end` as an ASCII string. */
export function runDigits(start = 0, end = digitCount()): string {
  let digits = '';
  // In slices, so that a run of any length stays within the engine's limit on arguments.
  for (let at = start; at < end; at += 1024) {
    digits += String.fromCharCode(...values.slice(at, Math.min(end, at + 1024)).map((value) => 48 + value));
  }
  return digits;
}

/** Lets go of the memory a very long run took. */
export function releaseRuns(): void {
  if (positions.length > 4096)
    for (const list of [positions, values, boundaries, evenDoubled, oddDoubled]) list.length = 1;
}
