import { CLASS, isDigitAt, isSeparatorAt, nextDigit } from './digit-runs.js';
import {
  AMBIGUOUS,
  COUNT,
  END,
  FIELDS,
  found,
  foundLength,
  scanCards,
  START,
  TAIL_END,
  type CardNumberMatch,
  type FindOptions,
} from './find-card-numbers.js';

/** What `maskCardNumbers` takes besides the text. */
export interface MaskOptions extends FindOptions {
  /** What replaces each hidden digit. Default `•`. */
  readonly maskCharacter?: string;
  /** Also leave the first six digits (the issuer's BIN) visible: PCI DSS allows at most the first six and last four. Default false. */
  readonly showFirstSix?: boolean;
  /** Also mask an expiry date and a security code written right after a card (`exp 12/29 cvv 123`). Default true. */
  readonly maskExpiryAndCode?: boolean;
}

/** How far after a card an expiry date or security code still counts as written "next to" it. */
const NEARBY = 48;
// Digits of any script, and a full-width slash or dash too, as a card written in full-width has them.
// (An expiry's month is read in ASCII or full-width digits only.)
const EXPIRY = /(?<![\p{Nd}/／])([0０][1-9１-９]|[1１][0-2０-２]) ?[/／\-－] ?(\p{Nd}{4}|\p{Nd}{2})(?![\p{Nd}/／])/uy;
const LABELLED_CODE = /(?:cvv2?|cvc2?|csc|cid|security code|code)\W{0,3}(\p{Nd}{3,4})(?!\p{Nd})/iuy;

/** Where the security code `bareCodeAt` found ends. */
let codeEnd = 0;

/**
 * A bare 3 or 4 digit number right after a card or an expiry, past one to three separators, commas or
 * semicolons, and not the start of a further group of digits: a security code. Returns where it
 * starts (its end in `codeEnd`), or -1.
 */
function bareCodeAt(text: string, from: number): number {
  let start = from;
  while (start < from + 3 && (isSeparatorAt(text, start) || text[start] === ',' || text[start] === ';')) start++;
  let end = start;
  while (end < start + 5 && isDigitAt(text, end)) end++;
  if (start === from || end - start < 3 || end - start > 4) return -1;
  if (isSeparatorAt(text, end) && isDigitAt(text, end + 1)) return -1;
  codeEnd = end;
  return start;
}

/** Whether `code` is a slash or a dash, ASCII or full-width: what an expiry has between month and year. */
const isExpirySlash = (code: number) => code === 47 || code === 45 || code === 0xff0f || code === 0xff0d;

/**
 * Writes to `ranges` (start and end, two numbers each) an expiry date and security codes in the few
 * characters after a card; returns how many numbers it wrote.
 */
function detailsAfter(text: string, from: number, ranges: number[]): number {
  let count = 0;
  const limit = Math.min(text.length, from + NEARBY);
  // Bare codes right after the card ("4242… 123"), then an expiry and labelled codes, all within reach.
  let start = from;
  for (let code = bareCodeAt(text, start); code >= 0 && codeEnd <= limit; code = bareCodeAt(text, start)) {
    ranges[count++] = code;
    ranges[count++] = codeEnd;
    start = codeEnd;
  }
  let expiryEnd = -1;
  for (let index = start; index < limit; index++) {
    // An expiry starts with 0 or 1 (ASCII or full-width) and has its slash two or three characters
    // on; a labelled code starts with c or s, then one of the letters a label goes on with.
    const lead = text.charCodeAt(index) | 32;
    const startsExpiry =
      (lead === 48 || lead === 49 || lead === 0xff30 || lead === 0xff31) &&
      (isExpirySlash(text.charCodeAt(index + 2)) || isExpirySlash(text.charCodeAt(index + 3)));
    if (expiryEnd < 0 && startsExpiry) {
      EXPIRY.lastIndex = index;
      // `test` of a sticky expression leaves `lastIndex` at the match's end, and makes no array.
      if (EXPIRY.test(text)) {
        ranges[count++] = index;
        ranges[count++] = EXPIRY.lastIndex;
        expiryEnd = EXPIRY.lastIndex;
        index = expiryEnd - 1;
        const bare = bareCodeAt(text, expiryEnd);
        if (bare >= 0) {
          ranges[count++] = bare;
          ranges[count++] = codeEnd;
          return count;
        }
        continue;
      }
    }
    const second = text.charCodeAt(index + 1) | 32;
    // (Past ASCII, the case-insensitive expression decides: `ſ` reads as `s`.)
    const startsLabel =
      (lead === 99 && (second > 127 || second === 118 || second === 115 || second === 105 || second === 111)) ||
      (lead === 115 && (second > 127 || second === 101));
    if (!startsLabel) continue;
    LABELLED_CODE.lastIndex = index;
    const code = LABELLED_CODE.exec(text);
    if (code) {
      ranges[count++] = index + code[0].length - code[1]!.length;
      ranges[count++] = index + code[0].length;
      index += code[0].length - 1;
    }
  }
  return count;
}

/** Whether every digit between `from` and `to` belongs to an expiry date or a security code written after a card. */
function isAllDetails(text: string, from: number, to: number): boolean {
  const ranges: number[] = [];
  const count = detailsAfter(text, from, ranges);
  for (let index = from; index < to; index++) {
    if (!isDigitAt(text, index)) continue;
    let inside = false;
    for (let at = 0; at < count; at += 2) if (index >= ranges[at]! && index < ranges[at + 1]!) inside = true;
    if (!inside) return false;
  }
  return true;
}

/** Whether any card found (in order, apart) overlaps `start` to `stop`: a binary search, so many cards cost no more than sorting them. */
function overlapsCard(start: number, stop: number): boolean {
  let low = 0;
  let high = foundLength / FIELDS;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (found[middle * FIELDS + END]! <= start) low = middle + 1;
    else high = middle;
  }
  return low < foundLength / FIELDS && found[low * FIELDS + START]! < stop;
}

const NO_ENDS: readonly number[] = [];

/** Where cards masked earlier end (a run of mask characters and separators, then the last four), so details typed after them are still masked. */
function maskedCardEnds(text: string, mask: string): readonly number[] {
  if (!text.includes(mask)) return NO_ENDS;
  const escaped = mask.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The separators a masked card keeps, but none the mask itself has: each repetition then reads one
  // way only, and a text of masks and separators takes linear time.
  const separators = [' ', '.', '/', '\\-'].filter((separator) => !mask.includes(separator.at(-1)!)).join('');
  const pattern = new RegExp(`(?:${escaped}${separators ? `[${separators}]?` : ''}){3,15}\\p{Nd}{4}(?!\\p{Nd})`, 'gu');
  return [...text.matchAll(pattern)].map((match) => match.index + match[0].length);
}

/**
 * What to hide, five numbers a range: its start and end, the digits to keep at its start and at its
 * end, and the digits it has in all (for a card; 0 otherwise). Reused by every call.
 */
const hide: number[] = [];
let hideLength = 0;
/** Details found after one card. */
const details: number[] = [];
/** `mask` repeated 0, 1, 2... times, as asked for. */
let repeats: string[] = [];
let repeated = '';

/** `mask` repeated `count` times. */
function masks(mask: string, count: number): string {
  if (mask !== repeated) [repeats, repeated] = [[], mask];
  return count < 64 ? (repeats[count] ??= mask.repeat(count)) : mask.repeat(count);
}

/** Adds a range to hide. */
function hideRange(start: number, end: number, keepHead: number, keepTail: number, total: number) {
  hide[hideLength++] = start;
  hide[hideLength++] = end;
  hide[hideLength++] = keepHead;
  hide[hideLength++] = keepTail;
  hide[hideLength++] = total;
}

/** Sorts `hide` by start, ranges with the same start kept in the order they were added. */
function sortHidden() {
  const copy = hide.slice(0, hideLength);
  Array.from({ length: hideLength / FIELDS }, (_, entry) => entry * FIELDS)
    .sort((a, b) => copy[a]! - copy[b]!)
    .forEach((from, entry) => {
      for (let field = 0; field < FIELDS; field++) hide[entry * FIELDS + field] = copy[from + field]!;
    });
}

/** The options when none are given: one object for every call. */
const NO_OPTIONS: MaskOptions = {};

/**
 * Returns `text` with every card number masked: each digit but the last four (and the first six, with
 * `showFirstSix`) replaced by the mask character, separators kept, so the text keeps its length and
 * shape: `dddd dddd dddd 1234` becomes `•••• •••• •••• 1234`. By default an expiry date and a security
 * code written right after a card are masked too. Everything else is returned byte for byte.
 */
export function maskCardNumbers(text: string, options: MaskOptions = NO_OPTIONS): string {
  // Every option is read before the scan: no integrator's getter can run while it is under way.
  const mask = String(options.maskCharacter ?? '•');
  const keepFirst = options.showFirstSix ? 6 : 0;
  const withDetails = options.maskExpiryAndCode !== false;
  if (mask === '') throw new RangeError('maskCharacter must not be empty');
  scanCards(text, options);
  const maskedEnds = withDetails ? maskedCardEnds(text, mask) : NO_ENDS;
  if (foundLength === 0 && maskedEnds.length === 0) return text;
  hideLength = 0;
  for (let at = 0; at < foundLength; at += FIELDS) {
    const start = found[at + START]!;
    const end = found[at + END]!;
    const tailEnd = found[at + TAIL_END]!;
    // A number that reads as two cards shows no last four: which four they are is unknown.
    hideRange(start, end, keepFirst, found[at + AMBIGUOUS] ? 0 : 4, found[at + COUNT]!);
    // Digits left in the card's run are no card of their own: they may be the card's, misread. Where
    // they are only an expiry and a code, `maskExpiryAndCode: false` leaves them alone, unless the
    // card reads two ways (they may then be its last digits).
    if (tailEnd > end && (withDetails || found[at + AMBIGUOUS] || !isAllDetails(text, end, tailEnd)))
      hideRange(end, tailEnd, 0, 0, 0);
  }
  let sorted = true;
  if (withDetails) {
    const cardEnds = foundLength / FIELDS;
    for (let card = 0; card < cardEnds + maskedEnds.length; card++) {
      const end = card < cardEnds ? found[card * FIELDS + END]! : maskedEnds[card - cardEnds]!;
      // Nothing to look for without a digit nearby.
      if (nextDigit(text, end, end + NEARBY + 1) < 0) continue;
      const count = detailsAfter(text, end, details);
      for (let at = 0; at < count; at += 2) {
        // A card's own masking (which keeps its last four) always wins over a detail's.
        if (overlapsCard(details[at]!, details[at + 1]!)) continue;
        if (details[at]! < hide[hideLength - FIELDS]!) sorted = false;
        hideRange(details[at]!, details[at + 1]!, 0, 0, 0);
      }
    }
  }
  if (!sorted || maskedEnds.length > 0) sortHidden();
  let out = '';
  let cursor = 0;
  let covered = 0;
  for (let entry = 0; entry < hideLength; entry += FIELDS) {
    const end = hide[entry + 1]!;
    const keepTail = hide[entry + 3]!;
    const total = hide[entry + 4]!;
    // What overlaps a range already masked is masked from where that one ended.
    const start = Math.max(hide[entry]!, covered);
    if (start >= end) continue;
    covered = end;
    // However short the card, at least five of its digits stay hidden (a 15-digit card shows 6 and 4).
    const head = Math.min(hide[entry + 2]!, Math.max(0, total - keepTail - 5));
    const last = keepTail > 0 ? total - keepTail : Infinity;
    // Each stretch of hidden digits becomes as many mask characters; what lies between stays as written.
    let seen = 0;
    let hidden = 0;
    for (let index = start; index <= end; index++) {
      if (index < end && CLASS[text.charCodeAt(index)]! < 10 && ++seen > head && seen <= last) {
        if (hidden++ === 0) out += text.slice(cursor, index);
      } else if (hidden > 0) {
        out += masks(mask, hidden);
        cursor = index;
        hidden = 0;
      }
    }
  }
  return out + text.slice(cursor);
}

export type { CardNumberMatch };
