// The Luhn check for tests, written independently of @chatpay/cards' own, so the tests do not grade
// the code with itself. Shared by the tests of every package that reads card numbers.

/** The Luhn check digit that makes `body` followed by it pass. */
export function checkDigit(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    let digit = Number(body[body.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `body` followed by its Luhn check digit. */
export const withCheckDigit = (body: string): string => body + checkDigit(body);

/** A Luhn-valid number of `length` digits starting with `prefix` (the rest zeros, then the check digit). */
export function cardNumber(prefix: string, length: number): string {
  return withCheckDigit((prefix + '0'.repeat(length)).slice(0, length - 1));
}
