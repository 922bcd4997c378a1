// Reading text as runs of digits: digits of any script, in groups, with the characters people put
// between the groups of a card number. There is one reader: the run last read is this module's state
// (its arrays are reused, so a scan allocates nothing per run), valid until the next `readRun`. As it
// reads, it keeps the Luhn sums of every prefix, so whether any window of the run passes the check,
// and whether it is a built-in card, take constant time. Every character is classed by one table
// lookup.
import { BMP_DIGIT_ZEROS, LUHN_DOUBLED, isBuiltInCard } from '@chatpay/cards';

// What a UTF-16 code unit is, for the reader: a digit's value (0 to 9), or one of these.
const SPACE = 10;
const LINE_BREAK = 11;
const MARK = 12;
const INVISIBLE = 13;
const OTHER = 14;

/**
 * The class of every code unit of the Basic Multilingual Plane: a decimal digit of any script (its
 * value), or a kind of character that may stand between groups: spaces of every width; line breaks
 * (CR LF is one); dashes, dots, middle dots, slashes and underscores, ASCII, full-width or the
 * Japanese long vowel mark that a kana keyboard types for `-`; and the invisible characters keyboards
 * and editors put in: soft hyphen, zero-width space, joiners, word joiner, variation selectors, and
 * the directional marks, embeddings and isolates that right-to-left keyboards insert around digits.
 * A digit outside the plane is two code units, each OTHER: masking keeps lengths.
 */
export const CLASS = new Uint8Array(0x10000).fill(OTHER);
for (const zero of '0' + BMP_DIGIT_ZEROS)
  for (let value = 0; value < 10; value++) CLASS[zero.charCodeAt(0) + value] = value;
[
  // Each kind as ranges, first and last character. Spaces: tab to form feed but the line breaks, space,
  // no-break space, ogham, en quad to hair space, narrow no-break, medium mathematical, ideographic.
  '\t\t\v\f  \u00a0\u00a0\u1680\u1680\u2000\u200a\u202f\u202f\u205f\u205f\u3000\u3000',
  '\n\n\r\r\u0085\u0085\u2028\u2029',
  // Slash, dot, dash, underscore, middle dot, hyphens and dashes, minus, katakana middle dot and long
  // vowel mark, small hyphen-minus, full-width dash, dot and slash, half-width long vowel mark.
  '--./__\u00b7\u00b7\u2010\u2015\u2212\u2212\u30fb\u30fc\ufe63\ufe63\uff0d\uff0f\uff70\uff70',
  // U+00AD, U+034F, U+061C, U+180B-U+180E, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
  // U+2066-U+2069, U+FE00-U+FE0F (variation selectors), U+FEFF.
  '\u00ad\u00ad\u034f\u034f\u061c\u061c\u180b\u180e\u200b\u200f\u202a\u202e\u2060\u2064\u2066\u2069\ufe00\ufe0f\ufeff\ufeff',
].forEach((ranges, kind) => {
  for (let at = 0; at < ranges.length; at += 2)
    CLASS.fill(SPACE + kind, ranges.charCodeAt(at), ranges.charCodeAt(at + 1) + 1);
});

/** The class of the code unit at `index` (OTHER past the end). */
const classAt = (text: string, index: number) => CLASS[text.charCodeAt(index)] ?? OTHER;

/** Whether the code unit at `index` is a decimal digit of any script. */
export const isDigitAt = (text: string, index: number) => classAt(text, index) < SPACE;

/** Whether the code unit at `index` may stand between two groups of a card number (a space, a dash, an invisible mark...). */
export const isSeparatorAt = (text: string, index: number) => {
  const kind = classAt(text, index);
  return kind >= SPACE && kind < OTHER;
};

/** At most this many characters in a gap, invisible ones included. */
const MAX_GAP = 8;

/**
 * The gaps that join two groups, by the visible characters in them (base 4: space 1, line break 2,
 * mark 3; invisible ones do not count): none (only invisible ones), any one, two or three spaces, a
 * mark between two spaces (`4242 - 4242`), spaces with one line break (`5500 0000 ⏎0000 0004`), and a
 * dash or other mark before a line break (a hyphenated line). Not `. ` (the end of a sentence), nor two
 * line breaks (a new paragraph).
 */
const JOINING_GAPS = new Uint8Array(64);
for (const shape of [0, 1, 2, 3, 5, 6, 9, 14, 21, 22, 25, 29, 37]) JOINING_GAPS[shape] = 1;

/** The fewest digits a card has. */
export const MIN_DIGITS = 12;

/** Where the stretch `nextStretch` found has its twelfth digit, and one past it. */
export let stretchEnd = 0;

/**
 * Where, at or after `from`, the next stretch of digits and gap characters with `MIN_DIGITS` digits
 * or more starts (in `stretchEnd`, where it has read that many), or -1 when there is none. A run of digits never reaches
 * past such a stretch, so only these can hold a card. Such a stretch is at least `MIN_DIGITS` long,
 * so every twelfth character is looked at first, and only one that is a digit or a gap character is
 * looked around: a text with no card is mostly skipped, not read.
 */
export function nextStretch(text: string, from: number): number {
  const length = text.length;
  for (let probe = from + MIN_DIGITS - 1; probe < length; probe += MIN_DIGITS) {
    if (CLASS[text.charCodeAt(probe)]! === OTHER) continue;
    // Back to the stretch's start, counting its digits (fewer than twelve: the probe before was no part of it).
    let start = probe;
    let digits = 0;
    for (let kind; start > from && (kind = CLASS[text.charCodeAt(start - 1)]!) < OTHER; start--)
      if (kind < SPACE) digits++;
    // Too short to hold twelve digits (a space between words, a short number): on from its end.
    const last = start + MIN_DIGITS - 1;
    if (!(CLASS[text.charCodeAt(last)]! < OTHER)) {
      probe = last;
      continue;
    }
    let end = probe;
    for (let kind; end < length && (kind = CLASS[text.charCodeAt(end)]!) < OTHER; end++) {
      // Enough: the stretch is judged from here on when it has been read this far.
      if (kind < SPACE && ++digits === MIN_DIGITS) {
        stretchEnd = end + 1;
        return start;
      }
    }
    // The character at `end` is no digit nor gap: a stretch after it holds the probe at `end + MIN_DIGITS`.
    probe = end;
  }
  return -1;
}

/** Digit counts at which the run may be cut: 0, each gap, and its digit count (`groups + 1` entries). */
export const boundaries: number[] = [];
/** Where each group of the run starts in the text: a group's digits are side by side. */
export const groupStarts: number[] = [];
/** Where each group of the run ends in the text (one past its last digit). */
export const groupEnds: number[] = [];
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

/** Whether the run's digits from `start` to `end` (12 to 19 of them) are a built-in card: brand, length and check digit. */
export function isBuiltInCardAt(start: number, end: number): boolean {
  if (!passesLuhnAt(start, end)) return false;
  let head = 0;
  for (let index = start; index < start + 8; index++) head = head * 10 + values[index]!;
  return isBuiltInCard(head, end - start);
}

/** The index of the next digit at or after `from` and before `to`, or -1 when there is none. */
export function nextDigit(text: string, from: number, to: number): number {
  for (let index = from, end = Math.min(to, text.length); index < end; index++) {
    if (CLASS[text.charCodeAt(index)]! < SPACE) return index;
  }
  return -1;
}

/**
 * Reads the run of digits that starts at the first digit at or after `from` (the scan asks only where
 * one follows): digits of any script with gaps between groups that join them. Each character is read
 * once (a gap that does not join is read again as the start of what follows).
 */
export function readRun(text: string, from: number): void {
  const length = text.length;
  let index = nextDigit(text, from, length);
  let kind = 0;
  let count = 0;
  let even = 0;
  let odd = 0;
  groups = 0;
  afterLineBreak = afterSpace = -1;
  boundaries[0] = 0;
  for (;;) {
    groupStarts[groups] = index;
    while (index < length && (kind = CLASS[text.charCodeAt(index)]!) < SPACE) {
      values[count] = kind;
      if (count & 1) {
        even += kind;
        odd += LUHN_DOUBLED[kind]!;
      } else {
        even += LUHN_DOUBLED[kind]!;
        odd += kind;
      }
      index++;
      evenDoubled[++count] = even;
      oddDoubled[count] = odd;
    }
    groupEnds[groups] = index;
    let at = index;
    let shape = 0;
    let visible = 0;
    while (at - index < MAX_GAP && at < length && (kind = CLASS[text.charCodeAt(at)]!) > 9 && kind < OTHER) {
      if (kind !== INVISIBLE) {
        visible++;
        shape = shape * 4 + kind - 9;
      }
      at += kind === LINE_BREAK && text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
    }
    if (at === index || visible > 3 || !JOINING_GAPS[shape] || !(at < length && CLASS[text.charCodeAt(at)]! < SPACE))
      break;
    // A shape holds a line break when a base-4 digit of it is 2; a space or line break when one is 1 or 2.
    for (let rest = shape; rest > 0; rest >>= 2) {
      if (rest % 4 === LINE_BREAK - 9 && afterLineBreak < 0) afterLineBreak = at;
      if (rest % 4 !== MARK - 9 && afterSpace < 0) afterSpace = at;
    }
    boundaries[++groups] = count;
    index = at;
  }
  boundaries[++groups] = count;
  next = index;
}

/** The run's digits from `start` to `end` as an ASCII string. */
export const runDigits = (start = 0, end = digitCount()) => values.slice(start, end).join('');

/** The digits (ASCII) in `text` from `start` to `end`, all else left out. */
export function digitsIn(text: string, start: number, end: number): string {
  let digits = '';
  for (let index = start; index < end; index++) {
    const value = CLASS[text.charCodeAt(index)]!;
    if (value < SPACE) digits += value;
  }
  return digits;
}

/** Lets go of the memory a very long run took. */
export function releaseRuns(): void {
  if (values.length > 4096)
    for (const list of [values, boundaries, groupStarts, groupEnds, evenDoubled, oddDoubled]) list.length = 1;
}
