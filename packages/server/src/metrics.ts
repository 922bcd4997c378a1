import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The relay's Prometheus metrics, on a registry of its own (never prom-client's global one). */
export interface RelayMetrics {
  /** The registry holding them all, which the metrics endpoint serves. */
  readonly registry: Registry;
  /** `chatpay_relay_connections`: open client connections. */
  readonly connections: Gauge;
  /** `chatpay_relay_conversations`: conversations with at least one connection on this node. */
  readonly conversations: Gauge;
  /** `chatpay_relay_upgrades_refused_total`: upgrades refused before any WebSocket existed, by reason. */
  readonly upgradesRefused: Counter<'reason'>;
  /** `chatpay_relay_connections_closed_total`: connections ended, by reason. */
  readonly connectionsClosed: Counter<'reason'>;
  /** `chatpay_relay_messages_accepted_total`: messages appended to a conversation log, by sender role. */
  readonly messagesAccepted: Counter<'role'>;
  /** `chatpay_relay_messages_duplicate_total`: messages acknowledged without appending (their id was in the log). */
  readonly messagesDuplicate: Counter;
  /** `chatpay_relay_messages_refused_total`: messages refused with a nack, by code. */
  readonly messagesRefused: Counter<'code'>;
  /** Log entries sent to clients live. */
  readonly entriesDelivered: Counter;
  /** Log entries sent to clients catching up from a cursor. */
  readonly entriesReplayed: Counter;
  /** How long appends to the store take, in seconds. */
  readonly appendSeconds: Histogram;
  /** 1 while the store can be reached, else 0. */
  readonly storeAvailable: Gauge;
}

export function createRelayMetrics(options: {
  readonly processMetrics?: boolean;
  readonly storeAvailable: () => boolean;
}): RelayMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'chatpay_relay_' });
  return {
    registry,
    connections: new Gauge({ name: 'chatpay_relay_connections', help: 'Open client connections.', registers }),
    conversations: new Gauge({
      name: 'chatpay_relay_conversations',
      help: 'Conversations with at least one connection on this node.',
      registers,
    }),
    upgradesRefused: new Counter({
      name: 'chatpay_relay_upgrades_refused_total',
      help: 'Upgrades refused before any WebSocket existed, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    connectionsClosed: new Counter({
      name: 'chatpay_relay_connections_closed_total',
      help: 'Connections ended, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    messagesAccepted: new Counter({
      name: 'chatpay_relay_messages_accepted_total',
      help: 'Messages appended to a conversation log, by sender role.',
      labelNames: ['role'],
      registers,
    }),
    messagesDuplicate: new Counter({
      name: 'chatpay_relay_messages_duplicate_total',
      help: 'Messages acknowledged without appending, because their id was already in the log.',
      registers,
    }),
    messagesRefused: new Counter({
      name: 'chatpay_relay_messages_refused_total',
      help: 'Messages refused with a nack, by code.',
      labelNames: ['code'],
      registers,
    }),
    entriesDelivered: new Counter({
      name: 'chatpay_relay_entries_delivered_total',
      help: 'Live entries written to client connections.',
      registers,
    }),
    entriesReplayed: new Counter({
      name: 'chatpay_relay_entries_replayed_total',
      help: 'Entries written to client connections while they caught up.',
      registers,
    }),
    appendSeconds: new Histogram({
      name: 'chatpay_relay_append_seconds',
      help: 'Time from a message received to its append answered by the store.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    storeAvailable: new Gauge({
      name: 'chatpay_relay_store_available',
      help: '1 while the store takes appends, 0 while it does not.',
      registers,
      collect() {
        this.set(options.storeAvailable() ? 1 : 0);
      },
    }),
  };
}
