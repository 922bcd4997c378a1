// What the tests pay with and when: the same everywhere.

/** The tests' clock starts here (a ManualClock), so countdowns and expiry checks are the same on every run. */
export const START = Date.UTC(2026, 10, 24, 12);

/** A published test card number; it exists only in tests. */
export const TEST_CARD = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
} as const;
