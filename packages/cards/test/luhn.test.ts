import fc from 'fast-check';
import { expect, it } from 'vitest';
import { passesLuhn } from '../src/luhn.js';
import { checkDigit } from './support.js';

it.each([
  ['4111111111111111', true],
  ['4111111111111112', false],
  ['4242424242424242', true],
  ['378282246310005', true],
  ['378282246310006', false],
  ['79927398713', true],
  ['79927398710', false],
  ['0', true],
  ['00', true],
  ['18', true],
  ['', false],
])('passesLuhn(%j) is %s', (digits, result) => {
  expect(passesLuhn(digits)).toBe(result);
});

it('holds with the check digit and fails with any other (property)', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{0,20}$/), fc.integer({ min: 1, max: 9 }), (body, change) => {
      const digit = checkDigit(body);
      const other = String((Number(digit) + change) % 10);
      return passesLuhn(body + digit) && !passesLuhn(body + other);
    }),
    { numRuns: 1000 },
  );
});
