import { describe, expect, it } from 'vitest';
import { brandOf, findCardNumbers, maskCardNumbers } from '@chatpay/masker';
import { inScript, isDigit, withCheckDigit } from './support/cards.js';

// Chat text as people write it in many languages: each case in every digit system the card form accepts.

/** Digit systems, by their zero: ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width. */
const SCRIPTS = [
  ['ASCII', 0x30],
  ['Arabic-Indic', 0x660],
  ['Persian', 0x6f0],
  ['Devanagari', 0x966],
  ['Bengali', 0x9e6],
  ['Thai', 0xe50],
  ['full-width', 0xff10],
] as const;

/** How many digits of `text` are still readable. */
const visibleDigits = (text: string) => [...text].filter(isDigit).length;

const VISA = '4111111111111111';
const MASTERCARD = '5500000000000004';
const groupsOfFour = (digits: string) => digits.match(/.{1,4}/g)!;

/** A Luhn-valid 19-digit Visa whose first 16 digits are a card too, or are not: the two readings of "dddd dddd dddd dddd ddd". */
function nineteenDigitVisa(sixteenIsACard: boolean): string {
  for (let seed = 0; seed < 1000; seed++) {
    const digits = withCheckDigit(`4111111111${String(seed).padStart(8, '0')}`);
    if (!!brandOf(digits.slice(0, 16)) === sixteenIsACard && brandOf(digits)) return digits;
  }
  throw new Error('no such number among the first thousand');
}

describe.each(SCRIPTS)('a card written in %s digits', (_, zero) => {
  const visa = inScript(VISA, zero);
  const mastercard = inScript(MASTERCARD, zero);
  const lastFour = (digits: string) => inScript(digits.slice(-4), zero);

  it.each([
    ['a space before a line break', (groups: string[]) => `${groups[0]} ${groups[1]} \n${groups[2]} ${groups[3]}`],
    ['a space before CR LF', (groups: string[]) => `${groups[0]} ${groups[1]} \r\n${groups[2]} ${groups[3]}`],
    ['a line break then a space', (groups: string[]) => `${groups[0]} ${groups[1]}\n ${groups[2]} ${groups[3]}`],
    ['zero-width spaces', (groups: string[]) => groups.join('\u200b')],
    ['zero-width non-joiners', (groups: string[]) => groups.join('\u200c')],
    ['word joiners', (groups: string[]) => groups.join('\u2060')],
    ['left-to-right marks after spaces', (groups: string[]) => groups.join(' \u200e')],
    [
      'right-to-left marks around each group',
      (groups: string[]) => groups.map((group) => `\u200f${group}\u200f`).join(' '),
    ],
    ['Arabic letter marks', (groups: string[]) => groups.join('\u061c')],
    ['isolates', (groups: string[]) => groups.map((group) => `\u2066${group}\u2069`).join('-')],
  ])('is masked to its last four with %s between groups', (__, write) => {
    const written = write(groupsOfFour(mastercard));
    const text = `my card ${written} thanks`;
    const masked = maskCardNumbers(text);
    expect(masked).toHaveLength(text.length);
    expect(visibleDigits(masked)).toBe(4);
    expect(masked).toContain(lastFour(MASTERCARD));
    expect(findCardNumbers(text)).toEqual([expect.objectContaining({ brand: 'mastercard', lastFour: '0004' })]);
  });

  it.each([
    ['Chinese', '我的卡号是', '谢谢'],
    ['Japanese', 'カード番号は', 'です'],
    ['Thai', 'หมายเลขบัตร', 'ครับ'],
    ['Korean', '카드번호', '입니다'],
  ])('is masked when written right against %s on both sides', (__, before, after) => {
    const text = `${before}${groupsOfFour(visa).join(' ')}${after}`;
    expect(maskCardNumbers(text)).toBe(`${before}•••• •••• •••• ${lastFour(VISA)}${after}`);
  });

  it.each([
    ['a list number and a bracket', '2) '],
    ['a list number', '6 '],
    ['a count and a dash', '3 - '],
    ['a numbered line', '1. '],
  ])('leaves %s before the card alone', (__, before) => {
    const listed = inScript(before, zero);
    const text = `${listed}${groupsOfFour(visa).join(' ')}`;
    expect(maskCardNumbers(text)).toBe(`${listed}•••• •••• •••• ${lastFour(VISA)}`);
  });

  it('shows no digit of a number that reads as a 19-digit card and as a 16-digit card with its code', () => {
    const digits = nineteenDigitVisa(true);
    const text = `card ${groupsOfFour(inScript(digits, zero)).join(' ')}`;
    expect(visibleDigits(maskCardNumbers(text))).toBe(0);
    expect(findCardNumbers(text)).toEqual([expect.objectContaining({ lastFour: '' })]);
  });

  it('shows the last four of a 19-digit card grouped 4-4-4-4-3 whose first 16 digits are no card', () => {
    const digits = nineteenDigitVisa(false);
    const text = `card ${groupsOfFour(inScript(digits, zero)).join(' ')}`;
    const masked = maskCardNumbers(text);
    expect(visibleDigits(masked)).toBe(4);
    expect([...masked].filter(isDigit).join('')).toBe(lastFour(digits));
    expect(findCardNumbers(text)).toEqual([expect.objectContaining({ lastFour: digits.slice(-4) })]);
  });

  it('masks the code after a 16-digit card whose 19 digits are no card', () => {
    for (let code = 100; code < 200; code++) {
      if (brandOf(VISA + String(code))) continue;
      const text = `card ${groupsOfFour(visa).join(' ')} ${inScript(String(code), zero)}`;
      expect(maskCardNumbers(text)).toBe(`card •••• •••• •••• ${lastFour(VISA)} •••`);
      return;
    }
    throw new Error('no code found');
  });

  it.each([
    ['a path without a scheme', 'shop.example.com/orders/'],
    ['a host with a port', 'example.com:8080/p/'],
    ['a path after a scheme', 'https://example.com/c/'],
    ['a query', 'https://example.com/?id='],
  ])('leaves a number inside %s alone', (__, url) => {
    const text = `see ${url}${visa} please`;
    expect(maskCardNumbers(text)).toBe(text);
  });

  it.each([
    ['two line breaks (a new paragraph)', `${VISA.slice(0, 8)}\n\n${VISA.slice(8)}`],
    ['a full stop and a space', `${VISA.slice(0, 8)}. ${VISA.slice(8)}`],
    ['Latin letters on both sides', `ref${VISA}x`],
  ])('keeps a number apart across %s', (__, written) => {
    const text = inScript(written, zero);
    expect(maskCardNumbers(text)).toBe(text);
  });
});
