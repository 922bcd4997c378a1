import { describe, it } from 'vitest';
import { sealingCases } from './support/sealing-cases.js';

// The same cases run in Chromium, Firefox ESR and WebKitGTK: see browser/card-sealing.browser.test.ts.
describe('sealing and opening a card (Node WebCrypto)', () => {
  it.each(sealingCases.map((testCase) => [testCase.name, testCase] as const))('%s', (_, testCase) => testCase.run());
});
