import { describe, expect, it } from 'vitest';
import { findCardNumbers, maskCardNumbers, type CardNumberMatch } from '@chatpay/masker';
import {
  breakCheckDigit,
  cardNumber,
  fullWidth,
  groupsOf,
  luhnValid,
  TEST_CARDS,
  withCheckDigit,
  type Brand,
} from './support/cards.js';

/** How a number is written: its printed groups joined some way. */
const STYLES: Readonly<Record<string, (groups: readonly string[]) => string>> = {
  'no separators': (groups) => groups.join(''),
  'spaces in the brand groups': (groups) => groups.join(' '),
  dashes: (groups) => groups.join('-'),
  dots: (groups) => groups.join('.'),
  slashes: (groups) => groups.join('/'),
  'mixed separators': (groups) =>
    groups.map((group, index) => (index ? [' ', '-', '.', '/'][index % 4] : '') + group).join(''),
  'no-break spaces': (groups) => groups.join('\u00a0'),
  'narrow no-break spaces': (groups) => groups.join('\u202f'),
  'en dashes': (groups) => groups.join('\u2013'),
  'a line break': (groups) => groups.map((group, index) => (index ? (index === 2 ? '\n' : ' ') : '') + group).join(''),
  'a CRLF line break': (groups) =>
    groups.map((group, index) => (index ? (index === 2 ? '\r\n' : ' ') : '') + group).join(''),
  'full-width digits': (groups) => fullWidth(groups.join('')),
  'full-width digits, ideographic spaces': (groups) => fullWidth(groups.join('\u3000')),
  'full-width digits, ASCII spaces': (groups) => fullWidth(groups.join(' ')),
  'full-width digits, full-width hyphens': (groups) => fullWidth(groups.join('\uff0d')),
};

/** What surrounds the number in a message. */
const CONTEXTS: Readonly<Record<string, readonly [before: string, after: string]>> = {
  alone: ['', ''],
  'a sentence': ['My card number is ', ', thanks!'],
  'glued to a word before': ['Here is my card', ' ok'],
  'glued to a word after': ['pay with ', 'please'],
  parentheses: ['card (', ')'],
  'double quotes': ['"', '"'],
  'single quotes': ["it's '", "'"],
  'typographic quotes': ['«', '» and “done”'],
  'a label and colon': ['Card:', '\nExpiry soon'],
  'emoji glued on both sides': ['💳', '👍'],
  'emoji with spaces': ['here 👉 ', ' 🙏🏽'],
  'Arabic text': ['رقم بطاقتي هو ', ' شكرا لك'],
  'Arabic text, glued after': ['رقم البطاقة: ', 'شكرا'],
  'Hebrew text': ['מספר הכרטיס שלי ', ' תודה רבה'],
  'Hebrew text with direction marks': ['כרטיס: \u200f', '\u200f תודה'],
  'lines of a message': ['first line\r\nsecond line\n', '\nthird line'],
};

interface Case {
  readonly text: string;
  readonly expected: readonly CardNumberMatch[];
}

interface EmbeddedCase extends Case {
  readonly brand: Brand;
  readonly digits: string;
  readonly style: string;
  readonly context: string;
}

function embed(brand: Brand, digits: string, style: string, context: string): EmbeddedCase {
  const written = STYLES[style]!(groupsOf(digits));
  const [before, after] = CONTEXTS[context]!;
  return {
    brand,
    digits,
    style,
    context,
    text: before + written + after,
    expected: [{ start: before.length, end: before.length + written.length, brand, lastFour: digits.slice(-4) }],
  };
}

describe('the test cards', () => {
  it('are Luhn-valid and of lengths 12 to 19', () => {
    for (const [, digits] of TEST_CARDS) {
      expect(luhnValid(digits), digits).toBe(true);
      expect(digits.length).toBeGreaterThanOrEqual(12);
      expect(digits.length).toBeLessThanOrEqual(19);
    }
  });

  it('cover every brand credit-card-type knows', () => {
    expect(new Set(TEST_CARDS.map(([brand]) => brand))).toEqual(
      new Set([
        'visa',
        'mastercard',
        'american-express',
        'diners-club',
        'discover',
        'jcb',
        'unionpay',
        'maestro',
        'elo',
        'mir',
        'hiper',
        'hipercard',
        'naranja',
        'verve',
        'troy',
      ]),
    );
  });
});

describe('findCardNumbers: every brand, in every separator style', () => {
  const cases = TEST_CARDS.flatMap(([brand, digits]) =>
    Object.keys(STYLES).map((style) => embed(brand, digits, style, 'a sentence')),
  );

  it.each(cases)('$brand $digits, $style, $context', ({ text, expected }) => {
    expect(findCardNumbers(text)).toEqual(expected);
  });
});

describe('findCardNumbers: every brand, in every kind of surrounding text', () => {
  const cases = TEST_CARDS.flatMap(([brand, digits]) =>
    Object.keys(CONTEXTS).map((context) => embed(brand, digits, 'spaces in the brand groups', context)),
  );

  it.each(cases)('$brand $digits, $style, $context', ({ text, expected }) => {
    expect(findCardNumbers(text)).toEqual(expected);
  });
});

describe('findCardNumbers: every separator style in every surrounding text', () => {
  const samples: readonly (readonly [Brand, string])[] = [
    ['visa', '4242424242424242'],
    ['american-express', '378282246310005'],
    ['diners-club', '30569309025904'],
    ['unionpay', '6205500000000000004'],
    ['maestro', cardNumber('6759', 12)],
  ];
  const cases = samples.flatMap(([brand, digits]) =>
    Object.keys(STYLES).flatMap((style) =>
      Object.keys(CONTEXTS).map((context) => embed(brand, digits, style, context)),
    ),
  );

  it.each(cases)('$brand $digits, $style, $context', ({ text, expected }) => {
    expect(findCardNumbers(text)).toEqual(expected);
  });
});

describe('findCardNumbers: several cards in one message', () => {
  /** Builds a message from plain text and cards, recording where each card lands. */
  function message(...parts: readonly (string | readonly [Brand, string, string])[]): Case {
    let text = '';
    const expected: CardNumberMatch[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const [brand, digits, written] = part;
      expected.push({ start: text.length, end: text.length + written.length, brand, lastFour: digits.slice(-4) });
      text += written;
    }
    return { text, expected };
  }

  const cases: Case[] = [
    message(
      'Cards: ',
      ['visa', '4242424242424242', '4242 4242 4242 4242'],
      ', ',
      ['mastercard', '5555555555554444', '5555-5555-5555-4444'],
      ' and ',
      ['american-express', '378282246310005', '378282246310005'],
      '.',
    ),
    message(['visa', '4242424242424242', '4242424242424242'], ' ', [
      'mastercard',
      '5555555555554444',
      '5555555555554444',
    ]),
    message(['visa', '4242424242424242', '4242 4242 4242 4242'], ' ', [
      'mastercard',
      '5105105105105100',
      '5105 1051 0510 5100',
    ]),
    message(
      '1) ',
      ['discover', '6011111111111117', '6011111111111117'],
      '\n2) ',
      ['jcb', '3530111333300000', '3530 1113 3330 0000'],
      '\r\n3) ',
      ['unionpay', '6205500000000000004', '6205 5000 0000 0000 004'],
    ),
    message(
      'بطاقة ',
      ['mir', '2200000000000004', '2200 0000 0000 0004'],
      ' و ',
      ['visa', '4111111111111111', fullWidth('4111 1111 1111 1111')],
      ' 💳',
      ['elo', '5066991111111118', '5066991111111118'],
    ),
    message(
      '(',
      ['hipercard', '6062826786276634', '6062-8267-8627-6634'],
      ')(',
      ['troy', '9792030000000000', '9792.0300.0000.0000'],
      ')',
    ),
    // The same card twice.
    message(['visa', '4242424242424242', '4242424242424242'], ' again: ', [
      'visa',
      '4242424242424242',
      '4242424242424242',
    ]),
    // One card of each brand in one message.
    message(
      'all: ',
      ...[...new Map(TEST_CARDS.map(([brand, digits]) => [brand, digits])).entries()].flatMap(([brand, digits]) => [
        [brand, digits, groupsOf(digits).join(' ')] as const,
        '; ',
      ]),
    ),
  ];

  it.each(cases)('$text', ({ text, expected }) => {
    expect(findCardNumbers(text)).toEqual(expected);
  });

  it('finds fifteen cards in a message with one of each brand', () => {
    expect(cases.at(-1)!.expected).toHaveLength(15);
  });
});

describe('findCardNumbers: cards next to other numbers in the same run of digits', () => {
  it('reads the card after a short number written before it (a card after a quantity is still masked)', () => {
    expect(findCardNumbers('qty 2 4242 4242 4242 4242')).toEqual([
      { start: 6, end: 25, brand: 'visa', lastFour: '4242' },
    ]);
    expect(findCardNumbers('07 4242 4242 4242 4242')).toEqual([{ start: 3, end: 22, brand: 'visa', lastFour: '4242' }]);
  });

  it('does not take the month of an expiry written after the card as part of the card', () => {
    // 4242…4242 followed by "12" is 18 digits, a Visa length: the card must still end at its own last digit.
    for (const month of ['01', '06', '09', '10', '11', '12']) {
      expect(findCardNumbers(`4242 4242 4242 4242 ${month}/29 123`)).toEqual([
        { start: 0, end: 19, brand: 'visa', lastFour: '4242' },
      ]);
      expect(findCardNumbers(`4242424242424242 ${month}/2030`)).toEqual([
        { start: 0, end: 16, brand: 'visa', lastFour: '4242' },
      ]);
    }
  });

  it('finds a card on the line after a number ruled out by what stands before it', () => {
    const card = '4242 4242 4242 4242';
    for (const before of [
      'Phone +44 7911 123456\n',
      'call me + 62 812 3456 7890\r\n',
      'IBAN DE89 3704 0044 0532 0130 00\n',
      'DK5000400440116243\n',
      'IMEI 356938035643809\r\n',
      'ISBN 978-0-306-40615-7\n',
    ]) {
      expect(findCardNumbers(`${before}${card} exp 12/29`), before).toEqual([
        { start: before.length, end: before.length + card.length, brand: 'visa', lastFour: '4242' },
      ]);
    }
  });

  it('finds a card after a space that ends a URL', () => {
    const text = 'see https://shop.example/orders/123 4242 4242 4242 4242';
    expect(findCardNumbers(text)).toEqual([{ start: 36, end: 55, brand: 'visa', lastFour: '4242' }]);
  });

  it('reports lastFour in ASCII for full-width digits', () => {
    expect(findCardNumbers(fullWidth('5555555555554444'))).toEqual([
      { start: 0, end: 16, brand: 'mastercard', lastFour: '4444' },
    ]);
  });
});

/** Numbers that must be left alone: nothing found, and the text masked is the text itself, byte for byte. */
const NEGATIVES: readonly (readonly [kind: string, text: string])[] = [
  // Card-like numbers that fail the Luhn check.
  ...TEST_CARDS.filter((_, index) => index % 3 === 0).map(
    ([brand, digits]) => [`${brand} failing Luhn`, breakCheckDigit(digits)] as const,
  ),
  ['Visa failing Luhn, spaced', '4242 4242 4242 4241'],
  ['Amex failing Luhn, spaced', '3782 822463 10006'],
  ['Mastercard failing Luhn, dashed', '5555-5555-5555-4445'],
  // Luhn-valid numbers with no card prefix.
  ['no prefix: 0, 16 digits', withCheckDigit('000000000000000')],
  ['no prefix: 0, spaced', cardNumber('0', 16).replace(/(\d{4})(?=\d)/g, '$1 ')],
  ['no prefix: 01, 19 digits', cardNumber('01', 19)],
  ['no prefix: 1, 16 digits', cardNumber('1234', 16)],
  ['no prefix: 1, 12 digits', cardNumber('19', 12)],
  ['no prefix: 7, 16 digits', cardNumber('7', 16)],
  ['no prefix: 7, dashed', cardNumber('70', 16).replace(/(\d{4})(?=\d)/g, '$1-')],
  ['no prefix: 7, 13 digits', cardNumber('77', 13)],
  ['no prefix: 9, 16 digits', cardNumber('9000', 16)],
  ['no prefix: 9, 19 digits', cardNumber('99', 19)],
  ['no prefix: 31', cardNumber('31', 16)],
  ['no prefix: 33', cardNumber('33', 15)],
  ['no prefix: 82', cardNumber('82', 16)],
  ['no prefix: 2100', cardNumber('2100', 16)],
  // Phone numbers: a leading plus.
  ['phone: +62, unbroken', `+${cardNumber('62812', 13)}`],
  ['phone: +62, spaced', `+${cardNumber('62812', 13).replace(/^(\d\d)(\d{3})(\d{4})/, '$1 $2 $3 ')}`],
  ['phone: "+ 62"', `call + ${cardNumber('62813', 13)} now`],
  ['phone: +4242… made to look like a card', '+4242 4242 4242 4242'],
  ['phone: +44', 'Ring me on +44 20 7946 0958 12'],
  ['phone: +49', 'Tel. +49 1512 3456789 01'],
  ['phone: +86', '+86 138 0013 8000 1'],
  ['phone: +55', 'WhatsApp +55 11 98765-4321 0'],
  ['phone: +7', '+7 912 345-67-89 000'],
  ['phone: +972', '+972 52-123-4567 99'],
  ['phone: +971', '(+971 50 123 4567 89)'],
  ['phone: +234', '+2348031234567890'],
  ['phone: +33', '+33 6 12 34 56 78 90'],
  // Order numbers.
  ['order: Amazon', 'Order #114-3941689-8772232'],
  ['order: Amazon, 7xx', 'order 702-1234567-1234567 shipped'],
  ['order: grouped in fours', 'Order no. 1000 2345 6789 0123'],
  ['order: leading zeros', 'Bestellung 0012 3456 7890 1234'],
  ['order: 13 digits', 'PO 7001234567890'],
  ['order: 16 digits', 'Your order 1234567890123456 has shipped'],
  ['order: with a hash', 'Order#9123456789012345.'],
  // Tracking numbers.
  ['tracking: UPS', '1Z999AA10123456784'],
  ['tracking: UPS, spaced', '1Z 999 AA1 01 2345 678 4'],
  ['tracking: UPS, another', 'UPS 1Z12345E0205271688'],
  ['tracking: USPS, grouped', '9400 1000 0000 0000 0000 00'],
  ['tracking: USPS, unbroken', '9400111899223197428490'],
  ['tracking: USPS priority', 'USPS 9205 5000 0000 0000 0000 00'],
  ['tracking: USPS certified', '9407 3000 0000 0000 0000 00'],
  ['tracking: USPS registered', '9303 3000 0000 0000 0000 00'],
  ['tracking: FedEx, 12 digits', 'FedEx 7712 3456 7890'],
  ['tracking: FedEx, 12 digits unbroken', '771234567890'],
  ['tracking: FedEx, 15 digits', 'FedEx 449044304137821'],
  ['tracking: FedEx ground, 15 digits', '961102098765430'],
  // IBANs (the examples ISO 13616 registrations publish), grouped and unbroken.
  ...[
    'DE89 3704 0044 0532 0130 00',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'ES91 2100 0418 4502 0005 1332',
    'IT60 X054 2811 1010 0000 0123 456',
    'NL91 ABNA 0417 1643 00',
    'BE68 5390 0754 7034',
    'CH93 0076 2011 6238 5295 7',
    'AT61 1904 3002 3457 3201',
    'PL61 1090 1014 0000 0712 1981 2874',
    'NO93 8601 1117 947',
    'SE45 5000 0000 0583 9825 7466',
    'DK50 0040 0440 1162 43',
    'FI21 1234 5600 0007 85',
    'PT50 0002 0123 1234 5678 9015 4',
    'SA03 8000 0000 6080 1016 7519',
    'TR33 0006 1005 1978 6457 8413 26',
  ].flatMap((iban) => [
    [`IBAN ${iban.slice(0, 2)}, grouped`, `Please pay to ${iban}.`] as const,
    [`IBAN ${iban.slice(0, 2)}, unbroken`, iban.replace(/ /g, '')] as const,
  ]),
  ['IBAN, labelled', 'IBAN: DK5000400440116243'],
  ['IBAN, lower case', 'iban dk50 0040 0440 1162 43'],
  ['IBAN, lower case unbroken', 'dk5000400440116243'],
  // IMEIs.
  ['IMEI: labelled', 'IMEI 490154203237518'],
  ['IMEI: labelled, dashed', 'IMEI: 35-209900-176148-1'],
  ['IMEI: labelled, lower case', 'my imei is 356938035643809'],
  ['IMEI: label disarms card-like digits', 'IMEI: 3566 0020 2036 0505'],
  ['IMEI: MEID', 'MEID 35209900176148 12'],
  ['IMEI: bare', '490154203237518'],
  ['IMEI: bare, another', '356938035643809'],
  ['IMEI: bare, spaced', '35 209900 176148 1'],
  // Amounts.
  ['amount: dollars', '$1,234,567.89'],
  ['amount: European', '4.111.111,11 €'],
  ['amount: large', 'USD 4,242,424,242,424.24'],
  ['amount: spaced thousands', '1 234 567,89 €'],
  ['amount: Indian grouping', '₹12,34,56,789.00'],
  ['amount: yen', '¥123,456,789,012'],
  // Dates and times.
  ['date: ISO with time', '2024-01-15 10:30:00'],
  ['date: dotted with time', '15.01.2024 14:30'],
  ['date: a range', '2024/01/15 - 2025/02/16'],
  ['date: two slashed dates', '01/02/2024 03/04/2025'],
  ['date: ISO 8601 timestamp', '2024-01-15T10:30:00.000Z'],
  ['date: compact timestamp', '20240115103000'],
  ['date: RFC 2822', 'Mon, 15 Jan 2024 10:30:45 +0000'],
  ['date: epoch milliseconds', '1705312245000'],
  ['date: US with time', '12/29/2024 11:59 PM'],
  ['date: dotted date and time', '2024.12.31 23.59.59'],
  // ISBNs.
  ['ISBN-13, hyphenated', '978-3-16-148410-0'],
  ['ISBN-13, unbroken', '9783161484100'],
  ['ISBN-13, labelled', 'ISBN 978-0-306-40615-7'],
  ['ISBN-13, spaced', '978 0 306 40615 7'],
  ['ISBN-13, 979', 'ISBN 979-10-90636-07-1'],
  ['ISBN-10, hyphenated', 'ISBN-10: 0-306-40615-2'],
  ['ISBN-10, unbroken', '0306406152'],
  // UUIDs.
  ['UUID: hex', '123e4567-e89b-12d3-a456-426614174000'],
  ['UUID: hex, v4', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'],
  ['UUID: digits only', '12345678-1234-5678-1234-567812345678'],
  ['UUID: digits only, card-like', '42424242-4242-4242-4242-424242424242'],
  ['UUID: hex, first three groups a valid card', '42424242-4242-4242-a456-426614174000'],
  ['UUID: hex, last two groups a valid card', 'abcdef12-abcd-abcd-4111-111111111111'],
  ['UUID: upper case, in braces', '{41111111-1111-1111-1111-11111111111A}'],
  // Digits inside URLs.
  ['URL: https path', 'https://shop.example.com/orders/4242424242424242'],
  ['URL: http query string', 'see http://example.com/?card=4242-4242-4242-4242&x=1'],
  ['URL: www. path', 'www.example.com/track/4242424242424242'],
  ['URL: www. after a space', 'go to www.example.com/o/5555555555554444 now'],
  ['URL: www. in parentheses', '(www.example.com/o/4242424242424242)'],
  ['URL: www. after a colon', 'link:www.example.com/4242424242424242'],
  ['URL: query and fragment', 'https://x.io/a/b?id=5555555555554444#frag'],
  ['URL: query with spaces encoded', 'https://x.io/s?q=4242%204242%204242%204242'],
  ['URL: in angle brackets', '<https://pay.example/4111111111111111>'],
  // Tokens glued to letters on both sides.
  ['glued: lower case', 'abc4242424242424242xyz'],
  ['glued: dashed', 'ref4242-4242-4242-4242X'],
  ['glued: upper case', 'ID4111111111111111A'],
  ['glued: Arabic', 'سلام4242424242424242شكرا'],
  ['glued: Hebrew', 'שלום5555555555554444תודה'],
  ['glued: accented', 'é378282246310005à'],
  // Too short, too long.
  ['11 digits', '42424242424'],
  ['11 digits, spaced', '4242 4242 424'],
  ['20 digits', '42424242424242424242'],
  ['25 digits', '4242424242424242424242424'],
  ['a valid card inside a longer unbroken run', '0042424242424242424200'],
  ['a valid card after one more digit, unbroken', '14242424242424242'],
  ['a valid card before more digits, unbroken', '42424242424242420000'],
  ['a valid card in the middle of 40 digits', `1234${'4242424242424242'}12345678901234567890`],
];

describe('findCardNumbers and maskCardNumbers leave other numbers alone', () => {
  it('has at least a hundred negatives', () => {
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(NEGATIVES)('%s: %j', (_kind, text) => {
    expect(findCardNumbers(text)).toEqual([]);
    expect(maskCardNumbers(text)).toBe(text);
  });
});

describe('controls: the negatives are left alone for the reason they claim', () => {
  it.each([
    ['a phone number without its plus', cardNumber('62812', 13)],
    ['IMEI digits without the label', '3566 0020 2036 0505'],
    ['a URL path number on its own', '4242424242424242'],
    ['a glued token glued on one side only', 'abc4242424242424242'],
    ['a Danish IBAN missing its country code', '5000400440116243'],
  ])('%s is a card', (_kind, text) => {
    expect(findCardNumbers(text)).toHaveLength(1);
  });
});
