import { describe, expect, it } from 'vitest';
import { adversarySuite } from './support/adversary-suite.js';

adversarySuite({ describe, it, expect }, Number(process.env.CHATPAY_RUNS ?? 40));
