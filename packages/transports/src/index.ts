// Ready transports for ChatPay. The contract (`@chatpay/transports/contract`), the fault wrapper
// (`@chatpay/transports/faults`) and a Node relay (`@chatpay/transports/relay`) have their own entry points.
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
