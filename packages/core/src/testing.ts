/**
 * What tests and simulations of ChatPay need and production code does not: a clock moved by hand.
 * Imported as `@chatpay/core/testing`, so the production entry point carries no test harness.
 */
export { ManualClock } from './manual-clock.js';
