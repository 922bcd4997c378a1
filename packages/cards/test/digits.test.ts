import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BMP_DIGIT_ZEROS } from '../src/digit-table.js';
import { digitValue, foldDigits, toAsciiDigits } from '../src/digits.js';

/** Every run of consecutive decimal digits (general category Nd) Unicode assigns, as [first, last] code points. */
function decimalDigitRuns(): [number, number][] {
  const runs: [number, number][] = [];
  const isDigit = /^\p{Nd}$/u;
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    if (!isDigit.test(String.fromCodePoint(codePoint))) continue;
    const last = runs.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else runs.push([codePoint, codePoint]);
  }
  return runs;
}

const RUNS = decimalDigitRuns();
/** Each block of ten: its zero. (The mathematical digits are five blocks in one run.) */
const ZEROS = RUNS.flatMap(([first, last]) =>
  Array.from({ length: (last - first + 1) / 10 }, (_, block) => first + 10 * block),
);

describe('every decimal digit of Unicode', () => {
  it('comes in blocks of ten, 0 to 9', () => {
    expect(RUNS.length).toBeGreaterThan(50);
    for (const [first, last] of RUNS) expect((last - first + 1) % 10, first.toString(16)).toBe(0);
  });

  it.each(ZEROS.map((zero) => [zero.toString(16).padStart(4, '0'), zero] as const))(
    'block U+%s maps to 0-9, in digitValue and in toAsciiDigits',
    (_, zero) => {
      const digits = Array.from({ length: 10 }, (__, value) => String.fromCodePoint(zero + value));
      expect(digits.map((digit) => digitValue(digit.codePointAt(0)!))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(toAsciiDigits(digits.join(''))).toBe('0123456789');
    },
  );
});

describe('the generated table of digits (scripts/generate-digit-table.mjs)', () => {
  it('lists the zero of every block in the Basic Multilingual Plane beyond ASCII, as this engine knows them', () => {
    const bmp = ZEROS.filter((zero) => zero > 0x30 && zero <= 0xffff);
    expect([...BMP_DIGIT_ZEROS].map((zero) => zero.charCodeAt(0))).toEqual(bmp);
  });
});

describe('digitValue', () => {
  it.each([
    ['a letter', 'a'.charCodeAt(0)],
    ['a space', 32],
    ['the character before 0', 47],
    ['the character after 9', 58],
    ['superscript two (a number, not a decimal digit)', 0xb2],
    ['Arabic comma', 0x60c],
    ['the character before Arabic-Indic zero', 0x65f],
    ['the character after Arabic-Indic nine', 0x66a],
    ['a high surrogate', 0xd835],
    ['Roman numeral one', 0x2160],
    ['circled digit one', 0x2460],
    ['past the end of a string (NaN)', Number.NaN],
    ['a negative number', -1],
  ])('is -1 for %s', (_, codePoint) => {
    expect(digitValue(codePoint)).toBe(-1);
  });
});

describe('toAsciiDigits', () => {
  it.each([
    ['４１１１', '4111'],
    ['٤١١١', '4111'],
    ['۴۱۱۱', '4111'],
    ['४१११', '4111'],
    ['𝟒𝟏𝟏𝟏', '4111'],
    ['১২৩', '123'],
    ['abc 12', 'abc 12'],
    ['１２／３０', '12/30'],
    ['', ''],
  ])('toAsciiDigits(%j) is %j', (input, output) => {
    expect(toAsciiDigits(input)).toBe(output);
  });

  it('reads a number written in any block of digits as the same ASCII number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,19}$/), fc.constantFrom(...ZEROS), (digits, zero) => {
        const written = [...digits].map((digit) => String.fromCodePoint(zero + Number(digit))).join('');
        return toAsciiDigits(written) === digits;
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldDigits', () => {
  it.each([
    ['４１１１', '4111'],
    ['٤١١١', '4111'],
    ['𝟒𝟏𝟏𝟏', '4111'],
    ['abc 12', 'abc 12'],
    // Only digits change: compatibility characters stay as they are (NFKC would make these digits).
    ['5²', '5²'],
    ['①', '①'],
    ['１２／３０', '12／30'],
    ['', ''],
  ])('foldDigits(%j) is %j', (input, output) => {
    expect(foldDigits(input)).toBe(output);
  });
});
