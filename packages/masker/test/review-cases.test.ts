import { describe, expect, it } from 'vitest';
import { findCardNumbers, maskCardNumbers } from '@chatpay/masker';

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
});
