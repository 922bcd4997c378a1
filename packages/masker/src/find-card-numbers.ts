import { brandOf, couldStartCard, type CardDefinition } from '@chatpay/cards';
import {
  afterLineBreak,
  afterSpace,
  boundaries,
  builtInBrandAt,
  digitCount,
  groups,
  MIN_DIGITS,
  next,
  passesLuhnAt,
  positions,
  readRun,
  releaseRuns,
  runDigits,
} from './digit-runs.js';
import { isExcludedRun, isInUrl } from './run-context.js';

/** A card number found in text: `text.slice(start, end)` is the number as written, separators included. */
export interface CardNumberMatch {
  readonly start: number;
  readonly end: number;
  readonly brand: string;
  /**
   * The last four digits, in ASCII; empty when the digits could be read as two different cards (a
   * 19-digit card grouped 4-4-4-4-3, or a 16-digit one and its security code) and so all are hidden.
   */
  readonly lastFour: string;
}

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
/** Where a UUID could begin: only a text with one is searched for them all. */
const UUID_START = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

/** The brand `cardAt` found. */
let brandFound: string | undefined;

/**
 * The brand of the run's digits from `start` to `end`, if they are a card. With extra definitions the
 * run is read as a string, `digits` (empty otherwise).
 */
function brandAt(start: number, end: number, cards: readonly CardDefinition[], digits: string): string | undefined {
  if (cards.length > 0) return brandOf(digits.slice(start, end), cards);
  return passesLuhnAt(start, end) ? builtInBrandAt(start, end) : undefined;
}

/**
 * The longest card starting at the run's boundary `from`: the boundary it ends at (its brand in
 * `brandFound`), or -1. `widest` is the furthest boundary within a card's length of `from`.
 */
function cardAt(from: number, widest: number, cards: readonly CardDefinition[], digits: string): number {
  const start = boundaries[from]!;
  if (cards.length > 0 && !couldStartCard(digits, cards, start)) return -1;
  for (let to = widest; to > from && boundaries[to]! - start >= MIN_DIGITS; to--) {
    brandFound = brandAt(start, boundaries[to]!, cards, digits);
    if (brandFound) return to;
  }
  return -1;
}

/** The furthest boundary within a card's length of boundary `from`, from `widest` on. */
function widen(from: number, widest: number): number {
  let to = Math.max(widest, from);
  while (to < groups && boundaries[to + 1]! - boundaries[from]! <= MAX_DIGITS) to++;
  return to;
}

/** The card numbers in the run last read, found left to right at group boundaries, longest first, each pushed to `found`. */
function cardsInRun(cards: readonly CardDefinition[], found: CardFinding[]) {
  const digits = cards.length > 0 ? runDigits() : '';
  const first = found.length;
  let from = 0;
  // `widest` only moves forward, so a run of any length is judged in linear time.
  let widest = 0;
  while (from < groups) {
    widest = widen(from, widest);
    let to = cardAt(from, widest, cards, digits);
    const brand = brandFound!;
    // A first group of one to three digits before a card ("6 4111 1111 1111 1111", a list's number or a
    // count) is not part of it when a card reaching as far starts right after it.
    if (
      to >= 0 &&
      boundaries[from + 1]! - boundaries[from]! < 4 &&
      from + 1 < groups &&
      cardAt(from + 1, widen(from + 1, widest), cards, digits) >= to
    )
      to = -1;
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
    const ambiguous =
      to - 1 > from && end - shorter === 3 && shorter - start >= 15 && !!brandAt(start, shorter, cards, digits);
    const match = {
      start: positions[start]!,
      end: positions[end - 1]! + 1,
      brand,
      lastFour: ambiguous ? '' : runDigits(end - 4, end),
    };
    found.push({ match, tailEnd: match.end, count: end - start });
    from = to;
  }
  // Digits left in the run after its last card are no card of their own: they may be the card's, misread.
  if (found.length > first) {
    const last = found[found.length - 1]!;
    found[found.length - 1] = { ...last, tailEnd: positions[digitCount() - 1]! + 1 };
  }
}

/** The ranges of `text` the integrator's patterns protect. */
function protectedRanges(text: string, patterns: readonly RegExp[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

/**
 * Finds the card numbers in `text`: runs of 12 to 19 digits of any script (ASCII, full-width,
 * Arabic-Indic, Devanagari...) with any common separators, whose prefix and length belong to a known
 * card scheme and whose check digit passes where the scheme uses one. Phone numbers, IBANs, UUIDs, numbers inside URLs or glued to letters on
 * both sides are not cards. One pass over the text; each run is judged in bounded work.
 */
export function findCardNumbers(text: string, options: FindOptions = {}): CardNumberMatch[] {
  return scanCards(text, options).map(({ match }) => match);
}

/** A card found, and the digits after it in its run that are no card of their own (masked with it). */
export interface CardFinding {
  readonly match: CardNumberMatch;
  /** Where those digits end; `match.end` when there are none. */
  readonly tailEnd: number;
  /** How many digits the card has. */
  readonly count: number;
}

/** `findCardNumbers` with, for each card, the rest of its run: digits there may be the card's own, misread. */
export function scanCards(text: string, options: FindOptions = {}): CardFinding[] {
  // Read once, before the scan: a definition's getters cannot run in the middle of it.
  const cards = (options.cards ?? []).map((card) => ({ ...card }));
  const neverMask = options.neverMask ?? [];
  for (const pattern of neverMask) {
    if (!(pattern instanceof RegExp)) throw new TypeError('neverMask takes regular expressions (RegExp objects)');
  }
  const found: CardFinding[] = [];
  let index = 0;
  while (readRun(text, index)) {
    index = next;
    if (digitCount() < MIN_DIGITS) continue;
    if (isExcludedRun(text)) {
      // What rules a number out (a "+", a label, a country code) does not reach past a line break, nor a
      // URL past a space: a card on the next line after a phone number is still a card. Judge the rest afresh.
      const rest = isInUrl(text, positions[0]!) ? afterSpace : afterLineBreak;
      if (rest > 0) index = rest;
      continue;
    }
    cardsInRun(cards, found);
  }
  releaseRuns();
  if (found.length === 0 || (neverMask.length === 0 && !UUID_START.test(text))) return found;
  const ranges = protectedRanges(text, [UUID, ...neverMask]);
  return found.filter(({ match }) => !ranges.some(([from, to]) => match.start < to && from < match.end));
}
