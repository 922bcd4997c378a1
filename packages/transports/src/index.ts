// Ready transports for ChatPay, the contract every transport must meet (and the one for transports
// that keep the conversation's log) and a fault-injecting wrapper for tests. The relay the WebSocket
// transport speaks to is `@chatpay/server`'s.
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
export { historyContract, type HistoryHarness, type HistoryContractOptions } from './history-contract.js';
export { withFaults, type Fault, type FaultOptions, type FaultyTransport } from './with-faults.js';
