import { describe, expect, it } from 'vitest';
import { attackSuite } from './support/attack-suite.js';

attackSuite({ describe, it, expect });
