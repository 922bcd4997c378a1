import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARD_BRANDS, DEFAULT_GAPS, groupCardNumber, splitAtGaps } from '../src/index.js';
import { BARE_CARD, COFFEE_GIFT, EXTRA_CARDS } from './support.js';

describe('splitAtGaps', () => {
  it.each([
    ['4111111111111111', [4, 8, 12], '4111 1111 1111 1111'],
    ['378282246310005', [4, 10], '3782 822463 10005'],
    ['3782', [4, 10], '3782'],
    ['37828', [4, 10], '3782 8'],
    ['4111111111111111111', [4, 8, 12], '4111 1111 1111 1111111'],
    ['4111111111111111111', [4, 8, 12, 16], '4111 1111 1111 1111 111'],
    ['', [4, 8, 12], ''],
    ['41', [], '41'],
  ])('splitAtGaps(%j, %j) joined is %j', (digits, gaps, grouped) => {
    expect(splitAtGaps(digits, gaps).join(' ')).toBe(grouped);
  });

  it('splits in fours by default', () => {
    expect(DEFAULT_GAPS).toEqual([4, 8, 12, 16]);
    expect(splitAtGaps('1234567890123456789')).toEqual(['1234', '5678', '9012', '3456', '789']);
  });

  it('holds exactly the digits, with no empty group (property)', () => {
    const gaps = fc
      .uniqueArray(fc.integer({ min: 1, max: 19 }), { maxLength: 6 })
      .map((list) => list.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,19}$/), gaps, (digits, at) => {
        const groups = splitAtGaps(digits, at);
        return groups.join('') === digits && !groups.includes('');
      }),
      { numRuns: 500 },
    );
  });
});

describe('groupCardNumber: as the brand prints it', () => {
  it.each([
    ['4111111111111111', 'visa', '4111 1111 1111 1111'],
    ['4222222222222', 'visa', '4222 2222 2222 2'],
    ['378282246310005', 'american-express', '3782 822463 10005'],
    ['30569309025904', 'diners-club', '3056 930902 5904'],
    ['5555555555554444', 'mastercard', '5555 5555 5555 4444'],
    ['6011000990139424', 'discover', '6011 0009 9013 9424'],
    ['6200000000000005', 'unionpay', '6200 0000 0000 0005'],
    ['1234567890123456789', 'no-such-brand', '1234 5678 9012 3456 789'],
    ['1234567890123456', '', '1234 5678 9012 3456'],
    ['1234567890123456', 'constructor', '1234 5678 9012 3456'],
    ['1234567890123456', '__proto__', '1234 5678 9012 3456'],
    ['1234567890123456', 'toString', '1234 5678 9012 3456'],
  ])('%s (%s) is %j', (digits, brand, grouped) => {
    expect(groupCardNumber(digits, brand)).toBe(grouped);
  });

  it('groups an extra card as defined, and in fours when its definition names no gaps', () => {
    expect(groupCardNumber('7777123456789012345', 'coffee-gift', EXTRA_CARDS)).toBe('7777 1234 5678 9012 345');
    expect(groupCardNumber('7777123456789012345', 'coffee-gift', [{ ...COFFEE_GIFT, gaps: [6, 12] }])).toBe(
      '777712 345678 9012345',
    );
    expect(groupCardNumber('8899000000000000', 'bare', [BARE_CARD])).toBe('8899 0000 0000 0000');
    // Without the definitions, the brand is unknown: groups of four.
    expect(groupCardNumber('7777123456789012345', 'coffee-gift')).toBe('7777 1234 5678 9012 345');
  });

  it('an extra card named like no built-in brand does not change a built-in brand’s groups', () => {
    for (const brand of BUILT_IN_CARD_BRANDS) {
      expect(groupCardNumber('378282246310005', brand, EXTRA_CARDS)).toBe(groupCardNumber('378282246310005', brand));
    }
  });
});
