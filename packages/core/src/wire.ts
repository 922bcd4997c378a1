/**
 * What a transport needs from the core, and what watches one for a request, without the sessions,
 * the machine or valibot: a chat page that shows no request yet loads only this much of
 * `@chatpay/core` (`@chatpay/core/wire`), and the transports import from here for the same reason.
 */
export { ConfigError, TransportError, type TransportErrorCode } from './errors.js';
export { systemClock, type Clock } from './clock.js';
export { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION } from './wire-limits.js';
export type { WireMessage } from './protocol.js';
export type { Delivery, HistoryEntry, Transport } from './transport.js';
export {
  watchForRequests,
  WATCH_HOLD_LIMIT,
  type RequestWatch,
  type RequestWatchOptions,
  type WatchReport,
} from './request-watch.js';
