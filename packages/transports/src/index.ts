// Ready transports for ChatPay. The relay the WebSocket transport speaks to is `@chatpay/server`'s.
// The contracts every transport must meet and the fault-injecting wrapper for tests are in
// `@chatpay/transports/testing`.
export {
  createBroadcastChannelTransport,
  type BroadcastChannelTransport,
  type BroadcastChannelTransportOptions,
} from './broadcast-channel.transport.js';
export {
  createPostMessageTransport,
  type PostMessageTransport,
  type PostMessageTransportOptions,
} from './post-message.transport.js';
export {
  createWebSocketTransport,
  HEARTBEAT_PING,
  HEARTBEAT_PONG,
  type WebSocketTransport,
  type WebSocketTransportOptions,
  type WebSocketLike,
  type ConnectionState,
} from './websocket.transport.js';
export { readFrame, type Frame } from './frames.js';
export { TransportError, type TransportErrorCode, type TransportReport } from './reports.js';
