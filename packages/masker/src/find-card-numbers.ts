import { brandOf, couldStartCard, digitValue, type CardDefinition } from '@chatpay/cards';

/** A card number found in text: `text.slice(start, end)` is the number as written, separators included. */
export interface CardNumberMatch {
  readonly start: number;
  readonly end: number;
  readonly brand: string;
  /** The last four digits, in ASCII. */
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

const MIN_DIGITS = 12;
/** At most this many separator characters between two groups (`4242 - 4242`, a double space, CR LF). */
const MAX_GAP = 3;
const MAX_DIGITS = 19;

/** Characters people put between the groups of a card number: space, no-break spaces, dash, dot, slash (ASCII or full-width), line breaks. */
export function isSeparator(code: number): boolean {
  return SEPARATOR_CODES.has(code);
}
const SEPARATORS = ' \t_-./\n\r\u00a0\u2007\u2009\u200b\u202f\u2010\u2011\u2013\u2014\u2212\u3000\uff0d\uff0e\uff0f';
const SEPARATOR_CODES = new Set([...SEPARATORS].map((character) => character.charCodeAt(0)));
const WHITESPACE_CODES = new Set(
  [...' \t\n\r\u00a0\u2007\u2009\u202f\u3000'].map((character) => character.charCodeAt(0)),
);

/**
 * Whether `gap` separator characters at `index` join two groups: one separator, CR LF, spaces only
 * (`4242  4242`), or one separator between two spaces (`4242 - 4242`). Not `. `, which ends a
 * sentence, nor a line break with spaces.
 */
function isGroupGap(text: string, index: number, gap: number): boolean {
  if (gap === 1) return true;
  if (gap === 2 && text.startsWith('\r\n', index)) return true;
  // Several characters: spaces only (a line break goes alone), or one separator between two spaces.
  const isSpace = (at: number) => {
    const code = text.charCodeAt(at);
    return isWhitespace(code) && code !== 10 && code !== 13;
  };
  let spaces = 0;
  for (let at = index; at < index + gap; at++) if (isSpace(at)) spaces++;
  return (
    spaces === gap ||
    (gap === 3 &&
      isSpace(index) &&
      isSpace(index + 2) &&
      text.charCodeAt(index + 1) !== 10 &&
      text.charCodeAt(index + 1) !== 13)
  );
}

function isWhitespace(code: number): boolean {
  return WHITESPACE_CODES.has(code);
}

const LETTER = /\p{L}/u;
const isLetterAt = (text: string, index: number) => index >= 0 && index < text.length && LETTER.test(text[index]!);

/** Words that say the digits after them are not a card, within a few characters. */
const NOT_A_CARD_LABEL = /\b(?:imei|meid|isbn|iban|esn)\W{0,3}$/i;
/** An IBAN's country code and check digits, then groups, right before the run. */
const IBAN_BEFORE = /(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/;
const COUNTRY_CODE_BEFORE = /(?:^|[^A-Za-z])[A-Z]{2}$/;
/** Two letters right before the run, not the end of a longer word: perhaps an IBAN's country code. */
const TWO_LETTERS_BEFORE = /(?:^|[^A-Za-z])([A-Za-z]{2})$/;
/** A UUID in hex: the digits in it are never a card, even where they would pass for one. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** `www.` at the start of a token or after punctuation: `(www.example.com/…)`. */
const WWW = /(?:^|[^\p{L}\p{N}._-])www\./iu;

/** Whether a country code and the digits after it make a valid IBAN (ISO 13616: the rearranged number is 1 mod 97). */
function isIban(country: string, digits: string): boolean {
  let remainder = 0;
  for (const character of digits.slice(2) + country.toUpperCase() + digits.slice(0, 2)) {
    const value = parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/**
 * Where a digit may be: an ASCII one, or any character from U+0660 on (no decimal digit lies between).
 * `digitValue` then says whether it is one. A plain class is several times faster to search than `\p{Nd}`,
 * and most of a chat is ASCII or below U+0660.
 */
const NEXT_DIGIT = /[0-9\u0660-\uffff]/g;
/** How far back a URL's start is looked for. Digits further into a longer token are judged as if outside a URL. */
const URL_LOOKBACK = 256;

/** Whether `index` is inside a URL: the whitespace-delimited token around it has a scheme (`…://`) or starts with `www.`. */
function isInUrl(text: string, index: number): boolean {
  let start = index;
  const limit = Math.max(0, index - URL_LOOKBACK);
  while (start > limit && !isWhitespace(text.charCodeAt(start - 1))) start--;
  const token = text.slice(start, index);
  return token.includes('://') || WWW.test(token);
}

interface Run {
  /** The run's digits in ASCII. */
  readonly digits: string;
  /** The index in the text of each digit. */
  readonly positions: readonly number[];
  /** Digit counts at which a separator stood: group boundaries, 0 and the total included. */
  readonly boundaries: readonly number[];
}

/** Why a whole run of digits is not a card, judging by what surrounds it. */
function isExcludedRun(text: string, run: Run): boolean {
  const start = run.positions[0]!;
  const end = run.positions.at(-1)! + 1;
  if (isInUrl(text, start)) return true;
  // Glued to letters on both sides: part of a token, not a number.
  if (isLetterAt(text, start - 1) && isLetterAt(text, end)) return true;
  // A leading "+" says phone number.
  if (text[start - 1] === '+' || (text[start - 2] === '+' && text[start - 1] === ' ')) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  if (NOT_A_CARD_LABEL.test(before)) return true;
  const firstGroup = run.boundaries[1]! - run.boundaries[0]!;
  if (IBAN_BEFORE.test(before) || (COUNTRY_CODE_BEFORE.test(before) && firstGroup === 2)) return true;
  // An IBAN whose account number is all digits, unbroken or in lower case: its check digits tell.
  const country = TWO_LETTERS_BEFORE.exec(before)?.[1];
  const { boundaries, digits } = run;
  if (country && boundaries.some((at) => at >= 13 && at <= 32 && isIban(country, digits.slice(0, at)))) return true;
  return false;
}

/** The card numbers in a run, found left to right at group boundaries, longest first. */
function* cardsInRun(run: Run, cards: readonly CardDefinition[]): Generator<CardNumberMatch> {
  const { digits, positions, boundaries } = run;
  const last = boundaries.length - 1;
  let from = 0;
  // `widest` only moves forward, so a run of any length is judged in linear time.
  let widest = 0;
  while (from < last) {
    const start = boundaries[from]!;
    if (widest < from) widest = from;
    while (widest < last && boundaries[widest + 1]! - start <= MAX_DIGITS) widest++;
    if (!couldStartCard(digits.slice(start, start + MAX_DIGITS), cards)) {
      from++;
      continue;
    }
    let found = -1;
    let brand: string | undefined;
    for (let to = widest; to > from && boundaries[to]! - start >= MIN_DIGITS; to--) {
      brand = brandOf(digits.slice(start, boundaries[to]), cards);
      if (brand) {
        found = to;
        break;
      }
    }
    if (found < 0 || !brand) {
      from++;
      continue;
    }
    // "dddd dddd dddd dddd ddd": when the number without a last group of three is a card of 15 or more
    // digits too, that group is most likely a security code written after it (masked with the card's
    // details).
    const shorter = found - 1;
    const lastGroup = boundaries[found]! - boundaries[shorter]!;
    const shorterBrand =
      shorter > from && lastGroup === 3 && boundaries[shorter]! - start >= 15
        ? brandOf(digits.slice(start, boundaries[shorter]), cards)
        : undefined;
    if (shorterBrand) {
      found = shorter;
      brand = shorterBrand;
    }
    const end = boundaries[found]!;
    yield { start: positions[start]!, end: positions[end - 1]! + 1, brand, lastFour: digits.slice(end - 4, end) };
    from = found;
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
}

/** `findCardNumbers` with, for each card, the rest of its run: digits there may be the card's own, misread. */
export function scanCards(text: string, options: FindOptions = {}): CardFinding[] {
  const cards = options.cards ?? [];
  const matches: CardFinding[] = [];
  const length = text.length;
  const nextDigit = new RegExp(NEXT_DIGIT);
  let index = 0;
  for (;;) {
    // Most of a chat is not digits: the regular expression engine skips it far faster than a loop can.
    nextDigit.lastIndex = index;
    if (!nextDigit.test(text)) break;
    index = nextDigit.lastIndex - 1;
    // Not a digit (a digit outside the Basic Multilingual Plane, two code units, is not read as one either,
    // since masking keeps lengths): the scan goes on with the next code unit.
    if (digitValue(text.charCodeAt(index)) < 0) {
      index++;
      continue;
    }
    // A run: digits, with up to three separator characters between groups.
    let digits = '';
    const positions: number[] = [];
    const boundaries = [0];
    // Where the digits after the run's first line break, and after its first space of any kind, start.
    let afterLineBreak = -1;
    let afterSpace = -1;
    for (;;) {
      let value: number;
      while (index < length && (value = digitValue(text.charCodeAt(index))) >= 0) {
        digits += String.fromCharCode(48 + value);
        positions.push(index);
        index++;
      }
      let gap = 0;
      while (gap < MAX_GAP && index + gap < length && isSeparator(text.charCodeAt(index + gap))) gap++;
      if (gap === 0 || digitValue(text.charCodeAt(index + gap)) < 0 || !isGroupGap(text, index, gap)) break;
      for (let at = index; at < index + gap; at++) {
        const code = text.charCodeAt(at);
        if (afterLineBreak < 0 && (code === 10 || code === 13)) afterLineBreak = index + gap;
        if (afterSpace < 0 && isWhitespace(code)) afterSpace = index + gap;
      }
      boundaries.push(digits.length);
      index += gap;
    }
    boundaries.push(digits.length);
    if (digits.length < MIN_DIGITS) continue;
    const run: Run = { digits, positions, boundaries };
    if (isExcludedRun(text, run)) {
      // What rules a number out (a "+", a label, a country code) does not reach past a line break, nor a
      // URL past a space: a card on the next line after a phone number is still a card. Judge the rest afresh.
      const rest = isInUrl(text, positions[0]!) ? afterSpace : afterLineBreak;
      if (rest > 0) index = rest;
      continue;
    }
    const found = [...cardsInRun(run, cards)];
    found.forEach((match, at) =>
      matches.push({ match, tailEnd: at === found.length - 1 ? positions.at(-1)! + 1 : match.end }),
    );
  }
  if (matches.length === 0) return matches;
  const ranges = protectedRanges(text, [UUID, ...(options.neverMask ?? [])]);
  if (ranges.length === 0) return matches;
  return matches.filter(({ match }) => !ranges.some(([from, to]) => match.start < to && from < match.end));
}
