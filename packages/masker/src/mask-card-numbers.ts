import { digitValue } from '@chatpay/cards';
import { isSeparator, nextDigit } from './digit-runs.js';
import { scanCards, type CardFinding, type CardNumberMatch, type FindOptions } from './find-card-numbers.js';

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

const isDigit = (text: string, index: number) => digitValue(text.charCodeAt(index)) >= 0;

/**
 * A bare 3 or 4 digit number right after a card or an expiry, past one to three separators, commas or
 * semicolons, and not the start of a further group of digits: a security code.
 */
function bareCodeAt(text: string, from: number): [number, number] | undefined {
  let start = from;
  while (start < from + 3 && (isSeparator(text.charCodeAt(start)) || text[start] === ',' || text[start] === ';'))
    start++;
  let end = start;
  while (end < start + 5 && isDigit(text, end)) end++;
  if (start === from || end - start < 3 || end - start > 4) return undefined;
  if (isSeparator(text.charCodeAt(end)) && isDigit(text, end + 1)) return undefined;
  return [start, end];
}

/** Ranges of an expiry date and a security code in the few characters after a card. */
function detailsAfter(text: string, from: number): [number, number][] {
  const found: [number, number][] = [];
  const limit = Math.min(text.length, from + NEARBY);
  // Bare codes right after the card ("4242… 123"), then an expiry and labelled codes, all within reach.
  let start = from;
  for (let code = bareCodeAt(text, start); code && code[1] <= limit; code = bareCodeAt(text, start)) {
    found.push(code);
    start = code[1];
  }
  let expiryEnd = -1;
  for (let index = start; index < limit; index++) {
    // An expiry starts with 0 or 1 (ASCII or full-width), a labelled code with c or s: only there is either tried.
    const lead = text.charCodeAt(index) | 32;
    const startsExpiry = lead === 48 || lead === 49 || lead === 0xff30 || lead === 0xff31;
    if (!startsExpiry && lead !== 99 && lead !== 115) continue;
    if (expiryEnd < 0 && startsExpiry) {
      EXPIRY.lastIndex = index;
      const expiry = EXPIRY.exec(text);
      if (expiry) {
        found.push([index, index + expiry[0].length]);
        expiryEnd = index + expiry[0].length;
        index = expiryEnd - 1;
        const bare = bareCodeAt(text, expiryEnd);
        if (bare) return [...found, bare];
        continue;
      }
    }
    LABELLED_CODE.lastIndex = index;
    const code = LABELLED_CODE.exec(text);
    if (code) {
      found.push([index + code[0].length - code[1]!.length, index + code[0].length]);
      index += code[0].length - 1;
    }
  }
  return found;
}

/** Whether every digit between `from` and `to` belongs to an expiry date or a security code written after a card. */
function isAllDetails(text: string, from: number, to: number): boolean {
  const ranges = detailsAfter(text, from);
  for (let index = from; index < to; index++) {
    if (digitValue(text.charCodeAt(index)) >= 0 && !ranges.some(([start, end]) => index >= start && index < end))
      return false;
  }
  return true;
}

/** Whether any card found (in order, apart) overlaps `start` to `stop`: a binary search, so many cards cost no more than sorting them. */
function overlapsCard(findings: readonly CardFinding[], start: number, stop: number): boolean {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (findings[middle]!.match.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < findings.length && findings[low]!.match.start < stop;
}

/** Where cards masked earlier end (a run of mask characters and separators, then the last four), so details typed after them are still masked. */
function maskedCardEnds(text: string, mask: string): number[] {
  if (!text.includes(mask)) return [];
  const escaped = mask.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?:${escaped}[ ./-]?){3,15}\\p{Nd}{4}(?!\\p{Nd})`, 'gu');
  return [...text.matchAll(pattern)].map((match) => match.index + match[0].length);
}

/**
 * Returns `text` with every card number masked: each digit but the last four (and the first six, with
 * `showFirstSix`) replaced by the mask character, separators kept, so the text keeps its length and
 * shape: `dddd dddd dddd 1234` becomes `•••• •••• •••• 1234`. By default an expiry date and a security
 * code written right after a card are masked too. Everything else is returned byte for byte.
 */
export function maskCardNumbers(text: string, options: MaskOptions = {}): string {
  const mask = options.maskCharacter ?? '•';
  if (mask === '')
    throw new RangeError('maskCharacter must not be empty: masking with nothing would delete the digits');
  const findings = scanCards(text, options);
  const details = options.maskExpiryAndCode !== false;
  const maskedEnds = details ? maskedCardEnds(text, mask) : [];
  if (findings.length === 0 && maskedEnds.length === 0) return text;
  const keepFirst = options.showFirstSix ? 6 : 0;
  // [start, end, digits to keep at the start, digits to keep at the end, digits in all (cards only)]
  const hide: [number, number, number, number, number][] = [];
  for (const { match, tailEnd, count } of findings) {
    // A number that reads as two cards (`lastFour` empty) shows no last four: which four they are is unknown.
    hide.push([match.start, match.end, keepFirst, match.lastFour ? 4 : 0, count]);
    // Digits left in the card's run are no card of their own: they may be the card's, misread. Where
    // they are only an expiry and a code, `maskExpiryAndCode: false` leaves them alone.
    if (tailEnd > match.end && (details || !isAllDetails(text, match.end, tailEnd))) {
      hide.push([match.end, tailEnd, 0, 0, 0]);
    }
  }
  if (details) {
    const ends = findings.map(({ match }) => match.end).concat(maskedEnds);
    for (const end of ends) {
      // Nothing to look for without a digit nearby.
      const next = nextDigit(text, end);
      if (next < 0 || next - end > NEARBY) continue;
      for (const [start, stop] of detailsAfter(text, end)) {
        // A card's own masking (which keeps its last four) always wins over a detail's.
        if (!overlapsCard(findings, start, stop)) hide.push([start, stop, 0, 0, 0]);
      }
    }
    if (hide.length > 1) hide.sort((a, b) => a[0] - b[0]);
  }
  let out = '';
  let cursor = 0;
  let covered = 0;
  for (let entry = 0; entry < hide.length; entry++) {
    const [from, end, keepHead, keepTail, total] = hide[entry]!;
    // What overlaps a range already masked is masked from where that one ended.
    const start = Math.max(from, covered);
    if (start >= end) continue;
    covered = end;
    // However short the card, at least five of its digits stay hidden (a 15-digit card shows 6 and 4).
    const head = Math.min(keepHead, Math.max(0, total - keepTail - 5));
    const last = keepTail > 0 ? total - keepTail : Infinity;
    // Each stretch of hidden digits becomes as many mask characters; what lies between stays as written.
    let seen = 0;
    let hidden = 0;
    for (let index = start; index <= end; index++) {
      const code = text.charCodeAt(index);
      const isDigit = index < end && ((code >= 48 && code <= 57) || (code >= 0x660 && digitValue(code) >= 0));
      if (isDigit && ++seen > head && seen <= last) {
        if (hidden++ === 0) out += text.slice(cursor, index);
      } else if (hidden > 0) {
        out += mask.repeat(hidden);
        cursor = index;
        hidden = 0;
      }
    }
  }
  return out + text.slice(cursor);
}

export type { CardNumberMatch };
