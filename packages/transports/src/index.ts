// Ready transports for ChatPay, the contract every transport must meet and a fault-injecting wrapper
// for tests. A WebSocket relay for Node has its own entry point (`@chatpay/transports/relay`).
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
export {
  transportContract,
  sampleMessage,
  type ContractCase,
  type ContractOptions,
  type TransportPair,
} from './contract.js';
export { withFaults, type Fault, type FaultOptions, type FaultyTransport } from './with-faults.js';
