export {
  ChatPayError,
  ConfigError,
  ok,
  err,
  toFailure,
  type Result,
  type Failure,
  SessionError,
  TransportError,
  type ConfigErrorCode,
  type SessionErrorCode,
  type TransportErrorCode,
} from './errors.js';
export { checkTerms, reasonProblem, type ReasonProblem, type TermsInput } from './terms.js';
export { systemClock, type Clock } from './clock.js';
export {
  createMoney,
  parseAmount,
  formatMoney,
  currencyDigits,
  numberSeparators,
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
  type Trust,
  type KeyPlace,
  type SessionFact,
} from './payment-request.machine.js';
export {
  agentTimeline,
  customerTimeline,
  phaseOf,
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
export { SYNC_ANSWER_INTERVAL_MS } from './conversation-link.js';
export { HISTORY_TIMEOUT_MS } from './conversation-history.js';
export type { SessionReport, IgnoredReason } from './session-report.js';
export {
  AgentSession,
  createAgentSession,
  DEFAULT_REQUEST_TTL_MS,
  DEFAULT_VIEW_WINDOW_MS,
  type AgentSessionOptions,
  type AgentSessionEvent,
  type VouchRequest,
} from './agent-session.js';
export type { AgentRequest, RequestInput, AuditFact, CardField } from './agent-request.js';
export {
  CustomerSession,
  createCustomerSession,
  type CustomerSessionOptions,
  type CustomerSessionEvent,
} from './customer-session.js';
export type { CustomerRequest } from './customer-request.js';
export type { RequestEvent } from './request-book.js';
export {
  AgentRegistry,
  createAgentRegistry,
  type AgentRegistryOptions,
  type RequestSummary,
  type RegistryEvent,
} from './agent-registry.js';
export type { Arrival } from './card-arrivals.js';
export { PAYMENT_ASK_FRESH_MS, type PaymentAsk } from './payment-asks.js';
// The sealing code loads on demand (`card-sealing.loader.ts`): no static import of it from here.
export { sealCard, openCard } from './card-sealing.loader.js';
export { generateAgentKeyPair, type AgentKeyPair, type AgentKeys } from './agent-key-pair.js';
export { SealError, type SealErrorCode } from './seal-error.js';
export type { CardDetails, SealingContext } from './card-sealing.js';
export {
  generateSigningKeyPair,
  signMessage,
  verifyMessage,
  signedBytes,
  canonicalJson,
  exportPublicKey,
  SigningError,
  type SigningErrorCode,
} from './signing.js';
export {
  VouchVerifier,
  TrustError,
  VOUCH_TYPE,
  type VouchClaims,
  type JsonWebKeySet,
  type TrustedKeys,
  type TrustErrorCode,
  type VouchExpectation,
} from './vouching.js';
export { DEFAULT_MAX_LIVE_REQUESTS } from './trust.js';
export {
  createMemoryKeyStore,
  createIndexedDbKeyStore,
  createDefaultKeyStore,
  KeyStoreError,
  DEFAULT_KEY_DATABASE,
  type KeyStore,
  type KeyScope,
  type RequestKeys,
  type KeyStoreErrorCode,
  type MemoryKeyStoreOptions,
  type IndexedDbKeyStoreOptions,
} from './key-store.js';
export {
  createTabLocks,
  createSingleTabLocks,
  requestLockName,
  TabLockError,
  type TabLocks,
  type Holding,
  type TabLockErrorCode,
} from './tab-lock.js';
