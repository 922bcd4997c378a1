export {
  ChatPayError,
  ConfigError,
  ok,
  err,
  toFailure,
  type Result,
  type Failure,
  type ConfigErrorCode,
} from './errors.js';
export { systemClock, ManualClock, type Clock } from './clock.js';
export {
  createMoney,
  parseAmount,
  formatMoney,
  currencyDigits,
  numberSeparators,
  asciiDigits,
  isCurrency,
  MoneyError,
  DEFAULT_MAXIMUM_MAJOR,
  type Money,
  type MoneyErrorCode,
  type MoneyOptions,
  type ParseAmountOptions,
  type NumberSeparators,
} from './money.js';
export * from './protocol.js';
export { parseMessage, ProtocolError, type ProtocolErrorCode } from './parse-message.js';
export {
  paymentRequestMachine,
  MAX_VIEW_WINDOW_MS,
  type Side,
  type RequestDraft,
  type PaymentRequestInput,
  type PaymentRequestContext,
  type PaymentRequestEvent,
  type PeerEvent,
  type LocalEvent,
  type Notice,
  type PaymentRequestMachine,
  type PaymentRequestActor,
  type PaymentRequestSnapshot,
} from './payment-request.machine.js';
export {
  agentTimeline,
  customerTimeline,
  timelineOf,
  phaseOf,
  AGENT_STATUS_LABELS,
  CUSTOMER_STATUS_LABELS,
  type AgentStatus,
  type CustomerStatus,
  type TimelineView,
} from './status.js';
export {
  createMemoryTransportPair,
  createMemoryHub,
  type Transport,
  type MemoryTransport,
  type MemoryHub,
  type MemoryHubOptions,
  type Delivery,
  type HistoryEntry,
} from './transport.js';
export { SessionError, type SessionErrorCode, type SessionReport, type IgnoredReason } from './conversation-link.js';
export {
  AgentSession,
  createAgentSession,
  DEFAULT_REQUEST_TTL_MS,
  DEFAULT_VIEW_WINDOW_MS,
  type AgentSessionOptions,
  type AgentSessionEvent,
  type AgentRequest,
  type RequestInput,
  type AuditFact,
  type CardField,
} from './agent-session.js';
export {
  CustomerSession,
  createCustomerSession,
  type CustomerSessionOptions,
  type CustomerSessionEvent,
  type CustomerRequest,
} from './customer-session.js';
export type { RequestEvent } from './request-book.js';
export { AgentRegistry, createAgentRegistry, type RequestSummary, type RegistryEvent } from './agent-registry.js';
export {
  sealCard,
  openCard,
  generateAgentKeyPair,
  SealError,
  type CardDetails,
  type SealErrorCode,
  type SealingContext,
  type AgentKeyPair,
} from './card-sealing.js';
