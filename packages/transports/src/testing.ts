// What tests of a transport and of a flow over one need, and production code does not: the contract
// every transport must meet, the one for transports that keep the conversation's log, and a wrapper
// that misbehaves on purpose. Imported as `@chatpay/transports/testing`, so the production entry
// point carries no test harness.
export {
  transportContract,
  sampleMessage,
  type ContractCase,
  type ContractOptions,
  type TransportPair,
} from './contract.js';
export { historyContract, type HistoryHarness, type HistoryContractOptions } from './history-contract.js';
export { withFaults, type Fault, type FaultOptions, type FaultyTransport } from './with-faults.js';
