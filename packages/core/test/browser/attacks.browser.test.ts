import { expect, timedIt } from '../../../../test-support/expect.js';
import { attackSuite } from '../support/attack-suite.js';

// The attacks of attacks.test.ts, in a real browser's WebCrypto and IndexedDB-less memory stores.
attackSuite({ describe, it: timedIt(it), expect });
