import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandOf, findCardNumbers, maskCardNumbers, type MaskOptions } from '@chatpay/masker';
import { foldDigits } from '@chatpay/cards';
import { BRAND_RANGES, isDigit, luhnValid, withCheckDigit, type Brand } from './support/cards.js';

/**
 * Separators people put between groups: ASCII, no-break and full-width ones, line breaks (after a
 * space too), and the invisible characters editors and right-to-left keyboards insert (zero-width
 * space, non-joiner and joiner, word joiner, directional marks and isolates), alone or beside a space.
 */
const SEPARATORS = [
  ...[' ', '-', '.', '/', '\n', '\r\n', '\r', '\u00a0', '\u202f', '\u2013', '\u3000', '－', '．', '／'],
  ...[' \n', ' \r\n', '\n ', '\u200b', '\u200c', '\u200d', '\u2060', '\u200e', '\u200f', '\u061c', '\u2066'],
  ...[' \u200e', '\u200f ', '\u200e-\u200e', '\ufeff'],
];

/** The zeros of the digit systems people type cards in: ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];

/** A Luhn-valid number of a known brand: one of its prefixes, one of its lengths, random digits between. */
const validCard: fc.Arbitrary<{ brand: Brand; digits: string }> = fc
  .constantFrom(...(Object.keys(BRAND_RANGES) as Brand[]))
  .chain((brand) =>
    fc.record({
      brand: fc.constant(brand),
      prefix: fc.constantFrom(...BRAND_RANGES[brand].prefixes),
      length: fc.constantFrom(...BRAND_RANGES[brand].lengths),
      fill: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
    }),
  )
  .map(({ brand, prefix, length, fill }) => ({
    brand,
    digits: withCheckDigit((prefix + fill.join('')).slice(0, length - 1)),
  }));

interface Writing {
  /** After digit i: no separator (undefined) or this one. */
  readonly gaps: readonly (string | undefined)[];
  /** The zero of the digit system each digit is written in. */
  readonly zeros: readonly number[];
}

/** A way of writing up to 19 digits: random groups, random separators (one kind or mixed), digits of one system or mixed. */
const writing: fc.Arbitrary<Writing> = fc
  .record({
    style: fc.constantFrom('unbroken', 'fours', 'random groups'),
    separator: fc.constantFrom(...SEPARATORS),
    mixed: fc.boolean(),
    random: fc.array(fc.option(fc.constantFrom(...SEPARATORS), { freq: 3, nil: undefined }), {
      minLength: 19,
      maxLength: 19,
    }),
    system: fc.constantFrom(...DIGIT_ZEROS, 'mixed' as const),
    systems: fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 19, maxLength: 19 }),
  })
  .map(({ style, separator, mixed, random, system, systems }) => ({
    gaps: random.map((randomGap, index) => {
      if (style === 'unbroken') return undefined;
      if (style === 'fours') return index % 4 === 3 ? (mixed ? (randomGap ?? separator) : separator) : undefined;
      return mixed ? randomGap : randomGap && separator;
    }),
    zeros: systems.map((zero) => (system === 'mixed' ? zero : system)),
  }));

function write(digits: string, { gaps, zeros }: Writing): string {
  let text = '';
  for (let index = 0; index < digits.length; index++) {
    text += String.fromCharCode(zeros[index]! + Number(digits[index]));
    if (index < digits.length - 1 && gaps[index] !== undefined) text += gaps[index];
  }
  return text;
}

/** Random text: ASCII, any Unicode, words. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.lorem({ maxCount: 6 }),
);
/** Random text with no digits in it (of any script: the masker reads them all). */
const textWithoutDigits = anyText.map((text) => text.replace(/\p{Nd}/gu, 'x'));

/**
 * What stands right before and right after the number: punctuation, emoji, a label; never a letter of
 * a script with spaces between words on both sides. Letters of scripts without such spaces (Chinese,
 * Japanese, Thai) and Korean touch the digits.
 */
const lead = fc.constantFrom(
  ...['(', '"', 'card: ', 'no. ', '💳', '«', 'رقم: ', 'כרטיס ', '> ', ': ', '\n', '¿'],
  ...['我的卡号是', 'カード番号は', 'หมายเลขบัตร', '카드번호', 'رقم البطاقة\u200f'],
);
const trail = fc.constantFrom(
  ...[')', '"', '.', '!', ' ok', '»', ' 🙏', ', thanks', '\n', ' שלום', ' شكرا', '?'],
  ...['谢谢', 'です', 'ครับ', '입니다', '。'],
);
const space = fc.constantFrom(' ', '\n', '\t', '\u3000');

/**
 * Random text around a number, of any script but without digits: the number is not glued to another digit.
 * (Random text ending in a word that labels a number as not a card, `…esn (`, is left out.)
 */
const surroundings = fc
  .record({
    head: textWithoutDigits.filter((text) => !/(?:imei|meid|isbn|iban|esn)\W*$/i.test(text)),
    gap1: space,
    lead,
    trail,
    gap2: space,
    tail: textWithoutDigits,
  })
  .map(({ head, gap1, lead, trail, gap2, tail }) => ({
    before: head + gap1 + lead,
    after: trail + gap2 + tail,
  }));

/** The first index where `output` differs from `input` by something other than a digit turned into `mask`, or -1. */
function firstForeignChange(input: string, output: string, mask = '•'): number {
  if (output.length !== input.length) return Math.min(input.length, output.length);
  for (let index = 0; index < input.length; index++) {
    if (output[index] !== input[index] && !(isDigit(input[index]!) && output[index] === mask)) return index;
  }
  return -1;
}

/** The ASCII digits of a piece of text (digits of every script, as the masker reads them). */
const digitsOf = (text: string) => foldDigits([...text].filter(isDigit).join(''));
/** The groups of digits of a written number, in ASCII. */
const groupsOf = (written: string) => [...written.matchAll(/\p{Nd}+/gu)].map(([group]) => foldDigits(group));

/** 12 to 19 digits starting with 0 or 7 (no card starts so), written in any way. */
const zeroOrSevenRun = fc.record({
  first: fc.constantFrom('0', '7'),
  length: fc.integer({ min: 12, max: 19 }),
  digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
  how: writing,
});

describe('properties of findCardNumbers and maskCardNumbers', () => {
  it('(a) masks every valid card of a known brand, however written, in text of any script, to its last four', () => {
    fc.assert(
      fc.property(validCard, writing, surroundings, ({ digits }, how, { before, after }) => {
        const written = write(digits, how);
        const text = before + written + after;
        const start = before.length;
        const end = start + written.length;
        const output = maskCardNumbers(text);
        // How the number reads. A first group of one to three digits before a card is a list's number,
        // left alone. A number whose last group is three digits and whose digits before it are a card of
        // 15 or more reads as that card and its security code as well: no digit of it is shown.
        const groups = groupsOf(written);
        const listNumber = groups.length > 1 && groups[0]!.length < 4 && brandOf(digits.slice(groups[0]!.length));
        const card = listNumber ? digits.slice(groups[0]!.length) : digits;
        const twoWays =
          groups.at(-1)!.length === 3 &&
          card.length - 3 >= 15 &&
          groups.length > (listNumber ? 2 : 1) &&
          brandOf(card.slice(0, -3));
        const shown = (listNumber ? groups[0]! : '') + (twoWays ? '' : digits.slice(-4));
        expect(digitsOf(output.slice(start, end))).toBe(shown);
        expect(output.slice(0, start) + output.slice(end)).toBe(before + after);
        const match = findCardNumbers(text).find((found) => found.end === end);
        expect(match).toBeDefined();
        expect(match!.lastFour).toBe(twoWays ? '' : digits.slice(-4));
      }),
      { numRuns: 1000 },
    );
  });

  it('(b) never changes a run of 12 to 19 digits with no card prefix where any group starts', () => {
    // Every group starts with 0 or 7, which no card scheme uses: no card can start anywhere in the run.
    const noPrefixRun = fc
      .record({
        length: fc.integer({ min: 12, max: 19 }),
        digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
        starts: fc.array(fc.constantFrom('0', '7'), { minLength: 19, maxLength: 19 }),
        how: writing,
      })
      .map(({ length, digits, starts, how }) => {
        const run = digits
          .slice(0, length)
          .map((digit, index) => (index === 0 || how.gaps[index - 1] !== undefined ? starts[index]! : String(digit)))
          .join('');
        return write(run, how);
      });
    fc.assert(
      fc.property(noPrefixRun, textWithoutDigits, textWithoutDigits, (run, before, after) => {
        const text = before + run + after;
        expect(findCardNumbers(text)).toEqual([]);
        expect(maskCardNumbers(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) never changes a run starting with 0 or 7 too short after its first group to hold a card', () => {
    // Cards are read from group boundaries: with fewer than 12 digits after the first group, none fits.
    const run = zeroOrSevenRun.map(({ first, length, digits, how }) => {
      const firstGroup = length - 11; // leaves 11 digits after it
      const gaps = how.gaps.map((gap, index) => (index < firstGroup - 1 ? undefined : gap));
      return write(first + digits.slice(0, length - 1).join(''), { ...how, gaps });
    });
    fc.assert(
      fc.property(run, textWithoutDigits, textWithoutDigits, (written, before, after) => {
        const text = before + written + after;
        expect(findCardNumbers(text)).toEqual([]);
        expect(maskCardNumbers(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) never changes the first group of a run starting with 0 or 7, whatever follows it', () => {
    const run = zeroOrSevenRun.map(({ first, length, digits, how }) => ({
      written: write(first + digits.slice(0, length - 1).join(''), how),
      firstGroup: how.gaps.findIndex((gap, index) => gap !== undefined || index === length - 1) + 1,
    }));
    fc.assert(
      fc.property(run, textWithoutDigits, textWithoutDigits, ({ written, firstGroup }, before, after) => {
        const text = before + written + after;
        const output = maskCardNumbers(text);
        let groupEnd = before.length;
        for (let seen = 0; seen < firstGroup; groupEnd++) if (isDigit(text[groupEnd]!)) seen++;
        expect(output.slice(0, groupEnd)).toBe(text.slice(0, groupEnd));
        for (const match of findCardNumbers(text)) expect(match.start).toBeGreaterThanOrEqual(groupEnd);
      }),
      { numRuns: 300 },
    );
  });

  /** Text made of pieces likely to trip the masker: cards, digit runs, separators, details, URLs, scripts. */
  const piece = fc.oneof(
    anyText,
    validCard.chain(({ digits }) => writing.map((how) => write(digits, how))),
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.constantFrom(...SEPARATORS),
    fc.constantFrom(' exp 12/29', ' cvv 123', ' 12/2029 123', ', CVC: 1234', ' exp12/29', ' code 999'),
    fc.constantFrom('https://x.example/', 'www.', '+', 'IBAN ', 'DE89', 'IMEI ', '•••• ', 'ORD-', '3782 822463 10005'),
    fc.constantFrom('💳', '👍🏽', 'رقم البطاقة', 'מספר', 'é', '\u200f', '\r\n'),
  );
  const options: fc.Arbitrary<MaskOptions> = fc.record(
    {
      maskCharacter: fc.constantFrom('•', '*', '#', 'x', '·'),
      showFirstSix: fc.boolean(),
      maskExpiryAndCode: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('(c) keeps the length and changes nothing but digits, each into the mask character', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), options, (pieces, chosen) => {
        const text = pieces.join('');
        const output = maskCardNumbers(text, chosen);
        expect(output).toHaveLength(text.length);
        expect(firstForeignChange(text, output, chosen.maskCharacter ?? '•')).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });

  it('(c) reports matches in order, apart, of 12 to 19 Luhn-valid digits ending in lastFour', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        let previousEnd = 0;
        for (const match of findCardNumbers(text)) {
          expect(match.start).toBeGreaterThanOrEqual(previousEnd);
          expect(match.end).toBeGreaterThan(match.start);
          previousEnd = match.end;
          const digits = digitsOf(text.slice(match.start, match.end));
          expect(digits.length).toBeGreaterThanOrEqual(12);
          expect(digits.length).toBeLessThanOrEqual(19);
          expect(luhnValid(digits)).toBe(true);
          // Empty only for a number that reads two ways: a last group of three after a card of 15 or more.
          if (match.lastFour === '') expect(digits.length).toBeGreaterThanOrEqual(18);
          else expect(match.lastFour).toBe(digits.slice(-4));
          expect(isDigit(text[match.start]!) && isDigit(text[match.end - 1]!)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a megabyte of digits and separators', () => {
  const MEGABYTE = 1 << 20;

  /** A megabyte of digits and separators from a seed (xorshift32), `density` of the characters separators. */
  function megabyte(seed: number, density: number, separators: readonly string[]): string {
    let state = seed | 1;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const parts: string[] = [];
    for (let length = 0; length < MEGABYTE; length++) {
      parts.push(
        next() < density ? separators[Math.floor(next() * separators.length)]! : String(Math.floor(next() * 10)),
      );
    }
    return parts.join('').slice(0, MEGABYTE);
  }

  it('(d) is handled, and the output keeps the length and changes only digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(0.1, 0.25, 0.5),
        fc.constantFrom([' '], ['-', '.', '/'], [' ', '\n', '\u3000', '－']),
        (seed, density, separators) => {
          const text = megabyte(seed, density, separators);
          const matches = findCardNumbers(text);
          for (const match of matches) expect(luhnValid(digitsOf(text.slice(match.start, match.end)))).toBe(true);
          const output = maskCardNumbers(text);
          expect(output).toHaveLength(text.length);
          expect(firstForeignChange(text, output)).toBe(-1);
        },
      ),
      { numRuns: 3 },
    );
  });

  it('(d) finds every card in a megabyte of cards separated by spaces', () => {
    const card = '4242 4242 4242 4242 ';
    const count = Math.ceil(MEGABYTE / card.length);
    const text = card.repeat(count);
    expect(findCardNumbers(text)).toHaveLength(count);
    expect(maskCardNumbers(text)).toBe('•••• •••• •••• 4242 '.repeat(count));
  });

  it('(d) leaves a megabyte of digits without separators alone', () => {
    const text = '4242424242424242'.repeat(MEGABYTE / 16);
    expect(findCardNumbers(text)).toEqual([]);
    expect(maskCardNumbers(text)).toBe(text);
  });
});
