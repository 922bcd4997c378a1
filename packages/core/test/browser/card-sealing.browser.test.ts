import { sealingCases } from '../support/sealing-cases.js';

// The cases of card-sealing.test.ts, in a real browser's WebCrypto: the one that matters.
describe('sealing and opening a card (browser WebCrypto)', () => {
  for (const testCase of sealingCases) it(testCase.name, testCase.run);
});
