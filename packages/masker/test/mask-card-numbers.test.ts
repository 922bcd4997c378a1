import { describe, expect, it } from 'vitest';
import { findCardNumbers, maskCardNumbers, type CardDefinition, type MaskOptions } from '@chatpay/masker';
import {
  breakCheckDigit,
  cardNumber,
  fullWidth,
  inScript,
  isDigit,
  masked,
  TEST_CARDS,
  withCheckDigit,
} from './support/cards.js';

/** Every character of `output` is the one in `input`, or a digit of `input` replaced by `mask`. */
function expectOnlyDigitsReplaced(input: string, output: string, mask = '•'): void {
  expect(output).toHaveLength(input.length);
  for (let index = 0; index < input.length; index++) {
    if (output[index] === input[index]) continue;
    expect(isDigit(input[index]!), `${JSON.stringify(input)} changed at ${index}`).toBe(true);
    expect(output[index]).toBe(mask);
  }
}

describe('maskCardNumbers: the card', () => {
  it('replaces every digit but the last four, keeping separators', () => {
    expect(maskCardNumbers('4242 4242 4242 4242')).toBe('•••• •••• •••• 4242');
    expect(maskCardNumbers('4242-4242-4242-4242')).toBe('••••-••••-••••-4242');
    expect(maskCardNumbers('4242424242424242')).toBe('••••••••••••4242');
    expect(maskCardNumbers('3782 822463 10005')).toBe('•••• •••••• •0005');
    expect(maskCardNumbers('4242 4242\n4242 4242')).toBe('•••• ••••\n•••• 4242');
    expect(maskCardNumbers('4242 4242\r\n4242 4242')).toBe('•••• ••••\r\n•••• 4242');
    expect(maskCardNumbers('pay with 5555.5555.5555.4444 please')).toBe('pay with ••••.••••.••••.4444 please');
  });

  it.each(TEST_CARDS)('masks %s %s written in groups, in a sentence', (_brand, digits) => {
    const written = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(maskCardNumbers(`card: ${written}!`)).toBe(`card: ${masked(written)}!`);
  });

  it('masks full-width digits, keeping the last four full-width', () => {
    expect(maskCardNumbers(fullWidth('4242424242424242'))).toBe(`••••••••••••${fullWidth('4242')}`);
    expect(maskCardNumbers(fullWidth('4242\u30004242\u30004242\u30004242'))).toBe(
      `••••\u3000••••\u3000••••\u3000${fullWidth('4242')}`,
    );
    expect(maskCardNumbers(fullWidth('4242－4242－4242－4242'))).toBe(`••••－••••－••••－${fullWidth('4242')}`);
  });

  // The scripts whose digits people type card numbers in; each digit is one UTF-16 unit, so lengths hold.
  it.each([
    ['Arabic-Indic', 0x0660],
    ['Extended Arabic-Indic (Persian, Urdu)', 0x06f0],
    ['Devanagari', 0x0966],
    ['Bengali', 0x09e6],
    ['Thai', 0x0e50],
  ])('masks a Luhn-valid Visa in %s digits, length for length, keeping the last four in that script', (_, zero) => {
    const card = inScript('4242424242424242', zero);
    expect(maskCardNumbers(`رقم البطاقة ${card} شكرا`)).toBe(`رقم البطاقة ••••••••••••${inScript('4242', zero)} شكرا`);
    const spaced = inScript('4242 4242 4242 4242', zero);
    expect(maskCardNumbers(spaced)).toBe(`•••• •••• •••• ${inScript('4242', zero)}`);
    expect(findCardNumbers(spaced)).toEqual([{ start: 0, end: 19, brand: 'visa', lastFour: '4242' }]);
  });

  it('leaves an Arabic-Indic number that fails Luhn alone', () => {
    const text = inScript('4242 4242 4242 4241', 0x0660);
    expect(maskCardNumbers(text)).toBe(text);
  });

  it('masks an expiry year and a code in Arabic-Indic digits after an Arabic-Indic card', () => {
    const text = `${inScript('4242424242424242', 0x0660)} 12/${inScript('29', 0x0660)} cvv ${inScript('123', 0x0660)}`;
    expect(maskCardNumbers(text)).toBe(`••••••••••••${inScript('4242', 0x0660)} ••/•• cvv •••`);
  });

  it('reads no digit outside the Basic Multilingual Plane (two code units each), and stops', () => {
    const bold = '4242424242424242'.replace(/\d/g, (digit) => String.fromCodePoint(0x1d7ce + Number(digit)));
    expect(findCardNumbers(`${bold} and 4242 4242 4242 4242`)).toEqual([
      { start: bold.length + 5, end: bold.length + 24, brand: 'visa', lastFour: '4242' },
    ]);
    expect(maskCardNumbers(bold)).toBe(bold);
  });

  // Such a digit right before a card must not hide the card's first digit from the scan.
  it.each([
    ['a mathematical bold one', '\u{1d7cf}4111111111111111', '\u{1d7cf}••••••••••••1111'],
    [
      'a mathematical double-struck zero, then a space',
      'card \u{1d7d8}4111 1111 1111 1111',
      'card \u{1d7d8}•••• •••• •••• 1111',
    ],
    ['an Adlam zero', 'x\u{1e950}4111111111111111', 'x\u{1e950}••••••••••••1111'],
  ])('masks a card right after %s outside the Basic Multilingual Plane', (_, text, masked) => {
    expect(maskCardNumbers(text)).toBe(masked);
  });

  it('masks every card of a message and nothing between them', () => {
    expect(maskCardNumbers('Cards: 4242 4242 4242 4242, 5555-5555-5555-4444 and 378282246310005.')).toBe(
      'Cards: •••• •••• •••• 4242, ••••-••••-••••-4444 and •••••••••••0005.',
    );
    expect(maskCardNumbers('4242424242424242 5555555555554444')).toBe('••••••••••••4242 ••••••••••••4444');
    expect(maskCardNumbers('💳4242 4242 4242 4242👍 رقم بطاقتي 5555 5555 5555 4444 שלום')).toBe(
      '💳•••• •••• •••• 4242👍 رقم بطاقتي •••• •••• •••• 4444 שלום',
    );
  });

  it('returns the very same text when there is no card', () => {
    for (const text of ['', 'hello', 'order 1234', '4242 4242 4242 4241', '•••• •••• •••• 4242']) {
      expect(maskCardNumbers(text)).toBe(text);
    }
  });

  it('is idempotent', () => {
    for (const text of [
      '4242 4242 4242 4242 exp 12/29 cvv 123',
      'a 378282246310005 b 6011111111111117',
      fullWidth('4242 4242 4242 4242'),
    ]) {
      const once = maskCardNumbers(text);
      expect(maskCardNumbers(once)).toBe(once);
    }
  });
});

describe('maskCardNumbers: maskCharacter', () => {
  it.each(['*', '#', 'X', '·', '█', '\u2022'])('masks with %j', (mask) => {
    const text = 'card 4242 4242 4242 4242 exp 12/29 cvv 123 ok';
    const output = maskCardNumbers(text, { maskCharacter: mask });
    expect(output).toBe(
      `card ${mask.repeat(4)} ${mask.repeat(4)} ${mask.repeat(4)} 4242 exp ${mask}${mask}/${mask}${mask} cvv ${mask.repeat(3)} ok`,
    );
    expectOnlyDigitsReplaced(text, output, mask);
  });

  it('puts a longer mask string in place of each hidden digit, so the text grows', () => {
    expect(maskCardNumbers('4242424242424242', { maskCharacter: '**' })).toBe(`${'**'.repeat(12)}4242`);
    expect(maskCardNumbers('4242 4242 4242 4242 exp 12/29', { maskCharacter: '[x]' })).toBe(
      '[x][x][x][x] [x][x][x][x] [x][x][x][x] 4242 exp [x][x]/[x][x]',
    );
    // An emoji is two UTF-16 code units: the same rule.
    const output = maskCardNumbers('4242424242424242', { maskCharacter: '🔒' });
    expect(output).toBe(`${'🔒'.repeat(12)}4242`);
    expect(output).toHaveLength(16 + 12);
  });
});

describe('maskCardNumbers: showFirstSix', () => {
  it.each([
    ['4242 4242 4242 4242', '4242 42•• •••• 4242'],
    ['4242424242424242', '424242••••••4242'],
    ['3782 822463 10005', '3782 82•••• •0005'],
    ['3056 930902 5904', '3056 9••••• 5904'],
    ['6205 5000 0000 0000 004', '6205 50•• •••• •••0 004'],
    ['4222222222222', '4222•••••2222'],
    // However short the card, at least five digits stay hidden.
    [cardNumber('6759', 12), `${cardNumber('6759', 12).slice(0, 3)}•••••${cardNumber('6759', 12).slice(-4)}`],
    [fullWidth('5555-5555-5555-4444'), fullWidth('5555-55') + '••-••••-' + fullWidth('4444')],
  ])('%s → %s', (text, expected) => {
    expect(maskCardNumbers(text, { showFirstSix: true })).toBe(expected);
  });

  it('still masks the expiry and the code in full', () => {
    expect(maskCardNumbers('4242 4242 4242 4242 exp 12/29 cvv 123', { showFirstSix: true })).toBe(
      '4242 42•• •••• 4242 exp ••/•• cvv •••',
    );
  });

  it('is off by default and off when false', () => {
    expect(maskCardNumbers('4242424242424242', { showFirstSix: false })).toBe('••••••••••••4242');
  });
});

describe('maskCardNumbers: maskExpiryAndCode', () => {
  const card = '4242 4242 4242 4242';
  const hidden = '•••• •••• •••• 4242';

  it.each([
    [' exp 12/29 cvv 123', ' exp ••/•• cvv •••'],
    [' 12/2029 123', ' ••/•••• •••'],
    [', expiry: 01-30, CVC: 1234', ', expiry: ••-••, CVC: ••••'],
    [' exp12/29', ' exp••/••'],
    [' Exp. 03 / 27, CVV2: 456', ' Exp. •• / ••, CVV2: •••'],
    [' valid thru 11/2030, security code 987', ' valid thru ••/••••, security code •••'],
    ['\nexp 12/29\ncvv 123', '\nexp ••/••\ncvv •••'],
    [' (12/29; 123)', ' (••/••; •••)'],
    [' cvc 999', ' cvc •••'],
    [' exp 09-2031', ' exp ••-••••'],
  ])('masks %j after a card', (details, expected) => {
    expect(maskCardNumbers(card + details)).toBe(hidden + expected);
    expect(maskCardNumbers(card + details, { maskExpiryAndCode: true })).toBe(hidden + expected);
  });

  it('masks the four-digit CID after an Amex card', () => {
    expect(maskCardNumbers('378282246310005 exp 11/27 cid 1234')).toBe('•••••••••••0005 exp ••/•• cid ••••');
  });

  it('masks full-width expiry dates and codes after a full-width card', () => {
    expect(maskCardNumbers(fullWidth('4242 4242 4242 4242 exp 12/29 cvv 123'))).toBe(
      `•••• •••• •••• ${fullWidth('4242')} exp ••/•• cvv •••`,
    );
    expect(maskCardNumbers(fullWidth('4242424242424242\u300012／2029\u3000123'))).toBe(
      `••••••••••••${fullWidth('4242')}\u3000••／••••\u3000•••`,
    );
  });

  it('masks the details after each of several cards', () => {
    expect(maskCardNumbers('4242424242424242 exp 12/29 cvv 123; 5555555555554444 exp 01/30 cvc 456')).toBe(
      '••••••••••••4242 exp ••/•• cvv •••; ••••••••••••4444 exp ••/•• cvc •••',
    );
  });

  it('leaves the details alone when off', () => {
    for (const details of [' exp 12/29 cvv 123', ' 12/2029 123', ', expiry: 01-30, CVC: 1234', ' exp12/29']) {
      expect(maskCardNumbers(card + details, { maskExpiryAndCode: false })).toBe(hidden + details);
    }
  });

  const story = 'and then a long story about something else. '.repeat(2);

  it.each([
    ['with no card at all', 'exp 12/29 cvv 123', 'exp 12/29 cvv 123'],
    ['with no card, bare', '12/2029 123', '12/2029 123'],
    ['with no card, labelled', 'expiry: 01-30, CVC: 1234', 'expiry: 01-30, CVC: 1234'],
    ['with no card, glued', 'exp12/29', 'exp12/29'],
    ['before the card', 'exp 12/29 cvv 123, card 4242424242424242', 'exp 12/29 cvv 123, card ••••••••••••4242'],
    ['far after the card', `4242424242424242 ${story}exp 12/29 cvv 123`, `••••••••••••4242 ${story}exp 12/29 cvv 123`],
    ['after a number that fails Luhn', '4242 4242 4242 4241 exp 12/29 cvv 123', null],
    ['after a number with no card prefix', '0000 1111 2222 3333 exp 12/29 cvv 123', null],
    ['after a phone number', '+44 7911 123456 exp 12/29 cvv 123', null],
    ['after an order number', 'order 114-3941689-8772232 on 12/29, code 123', null],
  ])('does not mask an expiry or a code %s', (_where, text, expected) => {
    expect(maskCardNumbers(text)).toBe(expected ?? text);
  });
});

describe('maskCardNumbers and findCardNumbers: extra card definitions', () => {
  const gift: CardDefinition = { brand: 'acme-gift', prefixes: ['603571'], lengths: [19], luhn: false };
  const store: CardDefinition = { brand: 'store', prefixes: [['700100', '700199'], '7777'], lengths: [16] };
  const giftNumber = '6035 7112 3456 7890 123'; // fails the Luhn check: no built-in brand takes it

  it('finds and masks a gift card that has no Luhn check digit', () => {
    expect(findCardNumbers(giftNumber)).toEqual([]);
    expect(maskCardNumbers(giftNumber)).toBe(giftNumber);
    expect(findCardNumbers(`gift card ${giftNumber}`, { cards: [gift] })).toEqual([
      { start: 10, end: 33, brand: 'acme-gift', lastFour: '0123' },
    ]);
    expect(maskCardNumbers(`gift card ${giftNumber}`, { cards: [gift] })).toBe('gift card •••• •••• •••• •••0 123');
  });

  it('takes a gift card only at its own lengths and prefixes', () => {
    expect(findCardNumbers('6035 7112 3456 7890', { cards: [gift] })).toEqual([]);
    expect(findCardNumbers('6035 7212 3456 7890 123', { cards: [gift] })).toEqual([]);
  });

  it('finds a private-label card in a prefix range, with its Luhn check', () => {
    const inRange = withCheckDigit('700150123456789');
    const otherPrefix = withCheckDigit('777712345678901');
    expect(findCardNumbers(inRange)).toEqual([]);
    expect(findCardNumbers(`store card ${inRange}`, { cards: [store] })).toEqual([
      { start: 11, end: 27, brand: 'store', lastFour: inRange.slice(-4) },
    ]);
    expect(findCardNumbers(otherPrefix, { cards: [store] })).toEqual([
      { start: 0, end: 16, brand: 'store', lastFour: otherPrefix.slice(-4) },
    ]);
    expect(maskCardNumbers(inRange, { cards: [store] })).toBe(masked(inRange));
  });

  it('refuses a private-label number that fails Luhn, is out of range, or has the wrong length', () => {
    const options = { cards: [store] };
    expect(findCardNumbers(breakCheckDigit(withCheckDigit('700150123456789')), options)).toEqual([]);
    expect(findCardNumbers(withCheckDigit('700200123456789'), options)).toEqual([]);
    expect(findCardNumbers(withCheckDigit('70015012345678'), options)).toEqual([]);
    expect(findCardNumbers(withCheckDigit('7001501234567890'), options)).toEqual([]);
  });

  it('keeps the built-in brands alongside the extra ones', () => {
    expect(findCardNumbers(`4242424242424242 and ${giftNumber}`, { cards: [gift, store] })).toEqual([
      { start: 0, end: 16, brand: 'visa', lastFour: '4242' },
      { start: 21, end: 44, brand: 'acme-gift', lastFour: '0123' },
    ]);
  });

  it('lets an extra definition claim a built-in range first', () => {
    const cobrand: CardDefinition = { brand: 'acme-visa', prefixes: ['424242'], lengths: [16] };
    expect(findCardNumbers('4242424242424242', { cards: [cobrand] })).toEqual([
      { start: 0, end: 16, brand: 'acme-visa', lastFour: '4242' },
    ]);
  });
});

describe('maskCardNumbers and findCardNumbers: neverMask', () => {
  // The integrator's order numbers look like "ORD-" and four groups of four: some are valid Visa numbers.
  const orderNumber = /\bORD-\d{4}(?:-\d{4}){3}\b/;
  const text = 'Order ORD-4242-4242-4242-4242 shipped; paid with 5555 5555 5555 4444.';

  it('would otherwise mask the order number', () => {
    expect(findCardNumbers(text).map((match) => match.brand)).toEqual(['visa', 'mastercard']);
  });

  it('never masks what the patterns match, and still masks the cards', () => {
    expect(findCardNumbers(text, { neverMask: [orderNumber] })).toEqual([
      { start: 49, end: 68, brand: 'mastercard', lastFour: '4444' },
    ]);
    expect(maskCardNumbers(text, { neverMask: [orderNumber] })).toBe(
      'Order ORD-4242-4242-4242-4242 shipped; paid with •••• •••• •••• 4444.',
    );
  });

  it('works with global and sticky patterns, call after call', () => {
    const options: MaskOptions = { neverMask: [/ORD-[\d-]+/g, /^never$/y] };
    for (let call = 0; call < 3; call++) {
      expect(maskCardNumbers(text, options)).toBe(
        'Order ORD-4242-4242-4242-4242 shipped; paid with •••• •••• •••• 4444.',
      );
    }
  });

  it('protects a card that a pattern only partly covers', () => {
    expect(findCardNumbers('ref 4242 4242 4242 4242', { neverMask: [/ref \d{4}/] })).toEqual([]);
  });

  it('ignores patterns that match nothing or only the empty string', () => {
    expect(maskCardNumbers('4242424242424242', { neverMask: [/x^/, /(?:)/] })).toBe('••••••••••••4242');
  });

  it('also keeps the expiry after a protected number', () => {
    expect(maskCardNumbers('ORD-4242-4242-4242-4242 exp 12/29', { neverMask: [orderNumber] })).toBe(
      'ORD-4242-4242-4242-4242 exp 12/29',
    );
  });
});

describe('maskCardNumbers: the shape of the text', () => {
  const texts = [
    'My card is 4242 4242 4242 4242 exp 12/29 cvv 123, thanks!',
    'Cards: 4242424242424242; 5555-5555-5555-4444; 3782 822463 10005 (CID 1234)',
    '💳 ４２４２　４２４２　４２４２　４２４２ 👍',
    'رقم بطاقتي 4111 1111 1111 1111 شكرا\r\nמספר הכרטיס 5105105105105100 תודה',
    'Order #114-3941689-8772232, phone +44 20 7946 0958, card 6011-1111-1111-1117.',
    'https://x.example/4242424242424242 and 6200000000000005\n12/29 123',
    'a\u00a04242\u00a04242\u00a04242\u00a04242\u202fb',
    '',
  ];

  it.each(texts)('keeps the length and changes only digits: %j', (text) => {
    expectOnlyDigitsReplaced(text, maskCardNumbers(text));
    expectOnlyDigitsReplaced(text, maskCardNumbers(text, { showFirstSix: true }));
    expectOnlyDigitsReplaced(text, maskCardNumbers(text, { maskExpiryAndCode: false }));
    expectOnlyDigitsReplaced(text, maskCardNumbers(text, { maskCharacter: '*' }), '*');
  });

  it('leaves everything but the hidden digits byte for byte', () => {
    const text = 'Héllo 👋🏽, my card: 4242-4242-4242-4242 (visa)\r\nexp 12/29 — שלום — مرحبا';
    expect(maskCardNumbers(text)).toBe('Héllo 👋🏽, my card: ••••-••••-••••-4242 (visa)\r\nexp ••/•• — שלום — مرحبا');
  });

  it('keeps the last four of each card as written', () => {
    const text = '4242 4242 4242 4242 then 3782 822463 10005';
    const output = maskCardNumbers(text);
    for (const match of findCardNumbers(text)) {
      const digits = [...output.slice(match.start, match.end)].filter(isDigit).join('');
      expect(digits).toBe(match.lastFour);
    }
  });
});
