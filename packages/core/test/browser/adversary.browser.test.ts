import { expect, timedIt } from '../../../../test-support/expect.js';
import { adversarySuite } from '../support/adversary-suite.js';

// The adversary of adversary.property.test.ts, in a real browser's WebCrypto: fewer runs, the same property.
adversarySuite({ describe, it: timedIt(it), expect }, 8);
