import { describe, expect, it } from 'vitest';
import { findCardNumbers, maskCardNumbers, type MaskOptions } from '@chatpay/masker';

// Inputs that once left card digits in clear, broke the masker, or hid a card behind a label.
describe('cases found in review', () => {
  it('masks every digit of a card-bearing run, not only the card found first', () => {
    const masked = maskCardNumbers('5001 4111 1111 1111 1111');
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
  });

  it('handles thousands of codes after a card without running out of stack, masking only those near it', () => {
    const text = '4242424242424242' + ',123'.repeat(8000);
    const masked = maskCardNumbers(text);
    expect(masked.length).toBe(text.length);
    expect(masked.startsWith('••••••••••••4242,•••')).toBe(true);
    expect(masked.endsWith(',123')).toBe(true);
  });

  it.each([
    ['a double space', '4242  4242  4242  4242'],
    ['a spaced dash', '4242 - 4242 - 4242 - 4242'],
    ['a tab', '4242\t4242\t4242\t4242'],
    ['an underscore', '4242_4242_4242_4242'],
    ['thin spaces', '4242\u20094242\u20094242\u20094242'],
    ['figure spaces', '4242\u20074242\u20074242\u20074242'],
    ['an em dash', '4242\u20144242\u20144242\u20144242'],
    ['a minus sign', '4242\u22124242\u22124242\u22124242'],
    ['zero-width spaces', '4242\u200b4242\u200b4242\u200b4242'],
  ])('finds a card written with %s', (_, text) => {
    expect(findCardNumbers(`card ${text} ok`)).toHaveLength(1);
  });

  it('does not take a sentence end for a group separator', () => {
    expect(maskCardNumbers('4242424242424242. 5 more')).toBe('••••••••••••4242. 5 more');
  });

  it('reads "not a card" labels as words only: Caliban is no IBAN', () => {
    expect(findCardNumbers('Caliban 4242 4242 4242 4242')).toHaveLength(1);
    expect(findCardNumbers('IBAN 4242 4242 4242 4242')).toHaveLength(0);
  });

  it.each([
    ['a name and a slash', 'J.Doe/4111111111111111/12/29'],
    ['a dotted name and a slash', 'john.smith/4111 1111 1111 1111'],
    ['a title and a slash', 'Mr.Smith/4111-1111-1111-1111'],
    ['a host earlier in a line of Chinese', '在jd.com/买的，卡号4111111111111111'],
    ['a URL earlier in a line of Chinese', '订单链接https://shop.example.com/o/1，我的卡号4111 1111 1111 1111'],
    ['a URL before an em space', 'https://example.com/pay\u20034111 1111 1111 1111'],
  ])('masks a card after %s: only a URL reaching the digits keeps them', (_, text) => {
    const masked = maskCardNumbers(text);
    expect(masked).not.toContain('4111111111111111');
    expect(masked.replace(/[^0-9]/g, '')).not.toMatch(/4111.?1111.?1111/);
    expect(findCardNumbers(text)).toHaveLength(1);
  });

  it.each([
    ['em spaces', '\u2003'],
    ['en spaces', '\u2002'],
    ['medium mathematical spaces', '\u205f'],
    ['ogham spaces', '\u1680'],
    ['line separators', '\u2028'],
    ['figure dashes', '\u2012'],
    ['horizontal bars', '\u2015'],
    ['middle dots', '\u00b7'],
    ['a kana keyboard dash', '\u30fc'],
    ['a hyphen at a line break', '-\n'],
    ['a variation selector', '\ufe0f'],
  ])('finds a card written with %s', (_, separator) => {
    expect(findCardNumbers(`card ${['4242', '4242', '4242', '4242'].join(separator)} ok`)).toHaveLength(1);
  });

  it('masks an expiry that overlaps digits masked with the card, from where those end', () => {
    const masked = maskCardNumbers('4111 1111 1111 1111 12/ 29 123');
    expect(masked.replace(/[^0-9]/g, '')).toBe('1111');
  });

  it('masks the code after each of thousands of cards in one text', () => {
    const text = '4111111111111111 cvv 123\n'.repeat(2000);
    const masked = maskCardNumbers(text);
    expect(masked).toBe('••••••••••••1111 cvv •••\n'.repeat(2000));
  });

  it('reads card definitions once, so a getter that masks other text changes nothing', () => {
    const tricky = {
      brand: 'tricky',
      prefixes: ['9999'],
      get lengths() {
        findCardNumbers('zzz 5555 5555 5555 4444 1234 5678 9012 3456 7890 1234');
        return [16];
      },
    };
    const text = 'a 4111 1111 1111 1111 b';
    expect(findCardNumbers(text, { cards: [tricky] })).toEqual(findCardNumbers(text));
    expect(maskCardNumbers(text, { cards: [tricky] })).toBe('a •••• •••• •••• 1111 b');
  });

  it('refuses an empty mask character and a neverMask that is not a regular expression, with typed errors', () => {
    expect(() => maskCardNumbers('4111 1111 1111 1111', { maskCharacter: '' })).toThrow(RangeError);
    expect(() => findCardNumbers('4111 1111 1111 1111', { neverMask: ['4111' as unknown as RegExp] })).toThrow(
      TypeError,
    );
  });

  it('takes only one short group before a card for a list number: the card starts right after it', () => {
    // A 19-digit UnionPay number grouped 3-2-14, whose last 16 digits are a Mastercard and last 14 a Maestro.
    const text = 'see (620 26 60000000000007) ';
    expect(maskCardNumbers(text)).toBe('see (620 •• ••••••••••0007) ');
    expect(findCardNumbers(text)).toEqual([{ start: 9, end: 26, brand: 'mastercard', lastFour: '0007' }]);
  });

  it('hides every digit when, after a list number, a short group may be the list’s too and the card then ends further on', () => {
    // "562 4111 … 1111" is a Maestro number; "4111 … 1111 003" a Visa of 19 digits (or 16 and a code).
    const text = '3 562 4111 1111 1111 1111 003';
    for (const options of [{}, { maskExpiryAndCode: false }] as MaskOptions[]) {
      expect(maskCardNumbers(text, options)).toBe('3 ••• •••• •••• •••• •••• •••');
      expect(findCardNumbers(text, options).map(({ lastFour }) => lastFour)).toEqual(['']);
    }
  });

  it('reads every option before it scans, so an integrator’s getter or subclass that masks other text changes nothing', () => {
    const text = 'pay 4111 1111 1111 1111 thanks';
    const masked = 'pay •••• •••• •••• 1111 thanks';
    const rescanning = {
      get showFirstSix() {
        maskCardNumbers('no card 5555 5555 5555 4444');
        return false;
      },
      get maskExpiryAndCode() {
        findCardNumbers('no card');
        return true;
      },
    };
    expect(maskCardNumbers(text, rescanning)).toBe(masked);
    class Rescanning extends RegExp {
      override get flags() {
        maskCardNumbers('x');
        return super.flags;
      }
    }
    expect(maskCardNumbers(text, { neverMask: [new Rescanning('ORD-\\d+')] })).toBe(masked);
    expect(findCardNumbers(text, { neverMask: [new Rescanning('ORD-\\d+')] })).toHaveLength(1);
    const lengths = new Proxy([16], {
      get(target, key, receiver) {
        findCardNumbers('zzz 4242 4242 4242 4242');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const cards = [{ brand: 'store', prefixes: ['9999'], lengths }];
    expect(findCardNumbers(`${text} 5555 5555 5555 4444`, { cards }).map(({ lastFour }) => lastFour)).toEqual([
      '1111',
      '4444',
    ]);
  });

  it('reads text made of the mask character and separators in one pass, whichever separator the mask is', () => {
    for (const mask of ['-', ' ', '.', '/', '•']) {
      const text = mask.repeat(100_000);
      expect(maskCardNumbers(text, { maskCharacter: mask })).toBe(text);
    }
    expect(maskCardNumbers('---- ---- ---- 4242 exp 12/29', { maskCharacter: '-' })).toBe(
      '---- ---- ---- 4242 exp --/--',
    );
  });
});
