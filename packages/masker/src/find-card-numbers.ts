import { brandOf, extraBrandOf, type CardDefinition } from '@chatpay/cards';
import {
  afterLineBreak,
  afterSpace,
  boundaries,
  digitCount,
  digitsIn,
  groupEnds,
  groups,
  groupStarts,
  isBuiltInCardAt,
  MIN_DIGITS,
  next,
  nextStretch,
  readRun,
  releaseRuns,
  runDigits,
  stretchEnd,
} from './digit-runs.js';
import { isExcludedRun, isInUrl } from './run-context.js';

/** A card number found in text: `text.slice(start, end)` is the number as written, separators included. */
export interface CardNumberMatch {
  /** Where the number starts in the text (UTF-16 index). */
  readonly start: number;
  /** Where it ends (exclusive). */
  readonly end: number;
  /** Its brand id (`visa`, `mastercard`…, or an extra definition's). */
  readonly brand: string;
  /**
   * The last four digits, in ASCII; empty when the digits could be read as two different cards (a
   * 19-digit card grouped 4-4-4-4-3, or a 16-digit one and its security code) and so all are hidden.
   */
  readonly lastFour: string;
}

/** What `findCardNumbers` takes besides the text. */
export interface FindOptions {
  /**
   * Card schemes to recognise besides the built-in ones (gift and private-label cards). Taken as given,
   * at every call: check them once with @chatpay/cards' `checkCardDefinitions` (`attachCardMasker` does).
   */
  readonly cards?: readonly CardDefinition[];
  /** Text these patterns match is never treated as a card number (an integrator's order-number format). */
  readonly neverMask?: readonly RegExp[];
}

const MAX_DIGITS = 19;

/** A UUID in hex: the digits in it are never a card, even where they would pass for one. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** How long a UUID is. */
const UUID_LENGTH = 36;

/**
 * The cards the last scan found, in order, `FIELDS` numbers each: where the card starts and ends in
 * the text, where the digits after it in its run end (`END` when none: digits there are no card of
 * their own, and may be the card's, misread), how many digits it has, and 1 when its digits read as
 * two different cards, so that its last four are not known. Reused by every scan.
 */
export const found: number[] = [];
/** How many numbers of `found` the last scan wrote (the rest is left from earlier scans). */
export let foundLength = 0;
export const FIELDS = 5;
export const START = 0;
export const END = 1;
export const TAIL_END = 2;
export const COUNT = 3;
export const AMBIGUOUS = 4;

/** Extra definitions, each read once before the scan; the run's digits (ASCII) when there are any. */
let extras: readonly CardDefinition[] = [];
const NONE: readonly never[] = [];
let digits = '';

/** Whether the run's digits from `start` to `end` are a card. */
function isCardAt(start: number, end: number): boolean {
  return (extras.length > 0 && !!extraBrandOf(digits.slice(start, end), extras)) || isBuiltInCardAt(start, end);
}

/**
 * The longest card starting at the run's boundary `from`: the boundary it ends at, or -1. `widest` is
 * the furthest boundary within a card's length of `from`.
 */
function cardAt(from: number, widest: number): number {
  const start = boundaries[from]!;
  for (let to = widest; to > from && boundaries[to]! - start >= MIN_DIGITS; to--) {
    if (isCardAt(start, boundaries[to]!)) return to;
  }
  return -1;
}

/** The furthest boundary within a card's length of boundary `from`, from `widest` on. */
function widen(from: number, widest: number): number {
  let to = Math.max(widest, from);
  while (to < groups && boundaries[to + 1]! - boundaries[from]! <= MAX_DIGITS) to++;
  return to;
}

/** The card numbers in the run last read, found left to right at group boundaries, longest first, each added to `found`. */
function cardsInRun() {
  digits = extras.length > 0 ? runDigits() : '';
  const first = foundLength;
  let from = 0;
  // `widest` only moves forward, so a run of any length is judged in linear time.
  let widest = 0;
  // Whether the group before `from` was taken for a list's number: the card then starts at `from`.
  let listed = false;
  while (from < groups) {
    const afterList = listed;
    widest = widen(from, widest);
    let to = cardAt(from, widest);
    // A first group of one to three digits before a card ("6 4111 1111 1111 1111", a list's number or a
    // count) is not part of it when a card reaching as far starts right after it.
    listed =
      to >= 0 &&
      !listed &&
      boundaries[from + 1]! - boundaries[from]! < 4 &&
      from + 1 < groups &&
      cardAt(from + 1, widen(from + 1, widest)) >= to;
    if (listed) to = -1;
    if (to < 0) {
      from++;
      continue;
    }
    const start = boundaries[from]!;
    const end = boundaries[to]!;
    // "dddd dddd dddd dddd ddd": a card of 19 digits, or one of 16 and its security code? When the
    // digits without the last group are a card too, which four are the last is unknown: none is shown.
    // (When only the shorter reading is a card, it is found as the card, and the code masked after it.)
    const shorter = boundaries[to - 1]!;
    // Right after a list's number, a short group may be the list's too ("d ddd dddd dddd dddd dddd ddd"):
    // when a card starting after it ends further on, which four are the last is unknown as well.
    const ambiguous =
      (to - 1 > from && end - shorter === 3 && shorter - start >= 15 && isCardAt(start, shorter)) ||
      (afterList &&
        boundaries[from + 1]! - start < 4 &&
        from + 1 < groups &&
        cardAt(from + 1, widen(from + 1, widest)) > to);
    const last = groupEnds[to - 1]!;
    found[foundLength++] = groupStarts[from]!;
    found[foundLength++] = last;
    found[foundLength++] = last;
    found[foundLength++] = end - start;
    found[foundLength++] = ambiguous ? 1 : 0;
    from = to;
  }
  // Digits left in the run after its last card are no card of their own: they may be the card's, misread.
  if (foundLength > first) found[foundLength - FIELDS + TAIL_END] = groupEnds[groups - 1]!;
}

/** A plain copy of an extra card definition: what the scan reads of it, as strings, numbers and arrays. */
const copyDefinition = (card: CardDefinition): CardDefinition => ({
  ...card,
  brand: String(card.brand),
  lengths: Array.from(card.lengths, Number),
  prefixes: Array.from(card.prefixes, (prefix) =>
    Array.isArray(prefix) ? ([String(prefix[0]), String(prefix[1])] as const) : String(prefix),
  ),
});

/** A plain, global copy of an integrator's pattern. */
function copyPattern(pattern: RegExp): RegExp {
  if (!(pattern instanceof RegExp)) throw new TypeError('neverMask takes RegExp objects');
  const flags = String(pattern.flags);
  return new RegExp(String(pattern.source), flags.includes('g') ? flags : `${flags}g`);
}

/** The ranges of `text` the integrator's patterns (global) protect. */
function protectedRanges(text: string, patterns: readonly RegExp[]): number[] {
  const ranges: number[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      if (match[0].length > 0) ranges.push(match.index, match.index + match[0].length);
    }
  }
  return ranges;
}

const isHex = (code: number) => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);

/** Whether a UUID could start (eight hex digits, a dash, four, a dash) with its first dash from `from` to `to`. */
function mayHoldUuid(text: string, from: number, to: number): boolean {
  for (let dash = text.indexOf('-', from); dash >= 0 && dash < to; dash = text.indexOf('-', dash + 1)) {
    let hex = 0;
    while (hex < 8 && isHex(text.charCodeAt(dash - 1 - hex))) hex++;
    if (hex < 8 || text.charCodeAt(dash + 5) !== 45) continue;
    while (hex < 12 && isHex(text.charCodeAt(dash + hex - 7))) hex++;
    if (hex === 12) return true;
  }
  return false;
}

/** Drops from `found` each card that overlaps a UUID or a range an integrator's pattern protects. */
function dropProtected(text: string, neverMask: readonly RegExp[]) {
  // A UUID that overlaps a card has its first dash within its length of the cards.
  const from = found[START]! - UUID_LENGTH;
  if (
    neverMask.length === 0 &&
    (text.length < UUID_LENGTH ||
      !mayHoldUuid(text, Math.max(0, from), found[foundLength - FIELDS + END]! + UUID_LENGTH))
  )
    return;
  const ranges = protectedRanges(text, [UUID, ...neverMask]);
  let kept = 0;
  for (let at = 0; at < foundLength; at += FIELDS) {
    let overlaps = false;
    for (let range = 0; range < ranges.length; range += 2) {
      if (found[at + START]! < ranges[range + 1]! && ranges[range]! < found[at + END]!) overlaps = true;
    }
    if (!overlaps) for (let field = 0; field < FIELDS; field++) found[kept++] = found[at + field]!;
  }
  foundLength = kept;
}

/**
 * Finds the cards in `text` and puts them in `found`. One pass over the text; each run is judged in
 * bounded work. Returns the extra definitions it used. The options are read once, before the scan, as
 * plain copies: no integrator's getter, proxy or subclass runs in the middle of it (one that scanned
 * text itself would overwrite `found`). Throws a `TypeError` when a `neverMask` entry is not a
 * regular expression.
 */
export function scanCards(text: string, options: FindOptions): readonly CardDefinition[] {
  const cards = options.cards ? options.cards.map(copyDefinition) : NONE;
  const neverMask = options.neverMask ? options.neverMask.map(copyPattern) : NONE;
  foundLength = 0;
  extras = cards;
  // Runs are read only in stretches that can hold a card.
  let index = 0;
  let stretch = 0;
  for (;;) {
    if (index >= stretch) {
      index = nextStretch(text, index);
      if (index < 0) break;
      stretch = stretchEnd;
    }
    readRun(text, index);
    index = next;
    if (digitCount() < MIN_DIGITS) continue;
    if (isExcludedRun(text)) {
      // What rules a number out (a "+", a label, a country code) does not reach past a line break, nor a
      // URL past a space: a card on the next line after a phone number is still a card. Judge the rest afresh.
      const rest = isInUrl(text, groupStarts[0]!) ? afterSpace : afterLineBreak;
      if (rest > 0) index = rest;
      continue;
    }
    cardsInRun();
  }
  releaseRuns();
  extras = NONE;
  digits = '';
  if (foundLength > 0) dropProtected(text, neverMask);
  return cards;
}

/**
 * Finds the card numbers in `text`: runs of 12 to 19 digits of any script (ASCII, full-width,
 * Arabic-Indic, Devanagari...) with any common separators, whose prefix and length belong to a known
 * card scheme and whose check digit passes where the scheme uses one. Phone numbers, IBANs, UUIDs, numbers inside URLs or glued to letters on
 * both sides are not cards. One pass over the text; each run is judged in bounded work.
 */
export function findCardNumbers(text: string, options: FindOptions = {}): CardNumberMatch[] {
  const cards = scanCards(text, options);
  const matches: CardNumberMatch[] = [];
  for (let at = 0; at < foundLength; at += FIELDS) {
    const start = found[at + START]!;
    const end = found[at + END]!;
    const number = digitsIn(text, start, end);
    matches.push({
      start,
      end,
      brand: brandOf(number, cards)!,
      lastFour: found[at + AMBIGUOUS] ? '' : number.slice(-4),
    });
  }
  return matches;
}
