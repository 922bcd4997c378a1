import { digitValue } from '@chatpay/cards';
import { describe, expect, it } from 'vitest';
import { CLASS, isDigitAt, isSeparatorAt } from '../src/digit-runs.js';

describe('the class of every code unit', () => {
  it('gives each decimal digit of the Basic Multilingual Plane its value, and nothing else a value', () => {
    const nd = /^\p{Nd}$/u;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const isDigit = (code < 0xd800 || code > 0xdfff) && nd.test(String.fromCharCode(code));
      const expected = isDigit ? digitValue(code) : -1;
      const value = CLASS[code]! < 10 ? CLASS[code]! : -1;
      if (value !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('reads past the ends of the text as neither a digit nor a separator', () => {
    expect(isDigitAt('4', -1)).toBe(false);
    expect(isDigitAt('4', 1)).toBe(false);
    expect(isSeparatorAt(' ', 1)).toBe(false);
    expect([isDigitAt('٤', 0), isSeparatorAt('\u200b', 0), isSeparatorAt('a', 0)]).toEqual([true, true, false]);
  });
});
