// ChatPay for the integrator's server: the relay (join tokens, a durable log per conversation, in
// memory or on Redis) and the module that vouches for agents' per-request keys.
export { createRelay } from './relay.js';
export type { Relay, RelayOptions, RelayHealth } from './relay-options.js';
export { DEFAULT_LIMITS, type RelayLimits } from './relay-limits.js';
export {
  createJoinTokenIssuer,
  createJoinTokenVerifier,
  JOIN_TOKEN_AUDIENCE,
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  MAX_NAME_LENGTH,
  ROLES,
  type Role,
  type JoinClaims,
  type JoinTokenAlgorithm,
  type JoinTokenIssuer,
  type JoinTokenIssuerOptions,
  type JoinTokenRequest,
  type JoinTokenVerifier,
  type JoinTokenVerifierOptions,
} from './join-token.js';
export { JoinTokenError, RelayError, type JoinTokenErrorCode, type RelayErrorCode } from './errors.js';
export { CLOSE_CODES, UPGRADE_REFUSALS, type UpgradeRefusal, type NackCode } from './relay-protocol.js';
export { compareCursors, parseCursor, START_CURSOR } from './cursor.js';
export {
  DEFAULT_RETENTION,
  type RelayStore,
  type LogEntry,
  type AppendInput,
  type AppendResult,
  type RetentionOptions,
  type Sender,
} from './store.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { createRedisStore, type RedisStoreOptions } from './redis-store.js';
export { jsonLogger, silentLogger, type RelayLogger, type LogRecord, type LogLevel } from './logger.js';
export type { RelayMetrics } from './metrics.js';
// ChatPay on a socket.io chat server (the server side of @chatpay/transports/socket-io)
export {
  createSocketIoChatPay,
  isChatPayPayload,
  CHATPAY_JOIN_EVENT,
  CHATPAY_LEAVE_EVENT,
  CHATPAY_ROOM_PREFIX,
  DEFAULT_CHAT_EVENT,
  type SocketIoChatPay,
  type SocketIoChatPayOptions,
  type SocketIoRefusal,
  type SocketIoRefusalCode,
  type ChatSocketLike,
  type ChatPayParticipant,
  type ChatPayFrame,
  type JoinReply,
  type MessageReply,
} from './socket-io-chatpay.js';
export {
  createChatPayLog,
  type ChatPayLog,
  type ChatPayLogEntry,
  type ChatPayLogOptions,
  type ChatPayAppendResult,
} from './socket-io-log.js';
// key vouching
export * from './vouch.js';
