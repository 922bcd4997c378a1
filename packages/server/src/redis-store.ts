import { ConfigError, systemClock, type Clock } from '@chatpay/core';
import type { Redis } from 'ioredis';
import { compareCursors, parseCursor, START_CURSOR } from './cursor.js';
import { RelayError } from './errors.js';
import { silentLogger, type RelayLogger } from './logger.js';
import {
  announcedEntry,
  announcementOf,
  APPEND_SCRIPT,
  entriesOf,
  type AppendCommand,
  type StreamReply,
} from './redis-stream.js';
import { retentionOf, type LogEntry, type RelayStore, type RetentionOptions } from './store.js';

/** What `createRedisStore` takes. Bad values throw a `ConfigError` naming the option. */
export interface RedisStoreOptions {
  /**
   * An ioredis client (the store uses it for commands and makes one more, with `duplicate()`, to
   * listen), or a `redis://` / `rediss://` URL for the store to connect to itself.
   */
  readonly redis: Redis | string;
  /** Put before every key and channel name; no spaces or braces. Default `chatpay:`. */
  readonly prefix?: string;
  /** How long each conversation's stream keeps its entries. Default `DEFAULT_RETENTION` (24 hours, 1,000 entries). */
  readonly retention?: RetentionOptions;
  /** Default: the system clock. Cursors and ages are measured on it. */
  readonly clock?: Clock;
  /** Where the store logs Redis errors, a lost subscription and catching up after it. Default: `silentLogger`. */
  readonly logger?: RelayLogger;
}

interface Watched {
  readonly channel: string;
  readonly listeners: Set<(entry: LogEntry) => void>;
  /** The last entry handed to listeners; after a gap in listening, reading resumes after it. */
  last: string;
  /** While a gap is being read, live entries wait here. */
  held: LogEntry[] | undefined;
  ready: Promise<void>;
}

/**
 * The store for several relay processes: each conversation's log is a Redis stream (XADD with
 * trimming by count and age, XRANGE to replay after a cursor), duplicates are found with one key per
 * sender and message id (kept as long as entries are), and nodes hear of each other's entries by
 * pub/sub on one channel per conversation. The stream is the truth: a node that loses its
 * subscription reads what it missed from the stream when it is back.
 *
 * Needs Redis 7 or later.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<RelayStore> {
  const { maxAgeMs, maxCount } = retentionOf(options.retention);
  const prefix = options.prefix ?? 'chatpay:';
  if (/[\s{}]/.test(prefix)) throw new ConfigError('prefix', 'prefix may not contain spaces or braces.');
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? silentLogger;
  let owned = false;
  let client: Redis;
  if (typeof options.redis === 'string') {
    if (!/^rediss?:\/\//.test(options.redis))
      throw new ConfigError('redis', 'Give an ioredis client or a redis:// URL.');
    const { Redis: Client } = await import('ioredis');
    client = new Client(options.redis, { lazyConnect: true });
    owned = true;
  } else {
    client = options.redis;
  }
  const subscriber = client.duplicate({ lazyConnect: true });
  client.defineCommand('chatpayAppend', { numberOfKeys: 2, lua: APPEND_SCRIPT });
  const append = (client as unknown as { chatpayAppend: AppendCommand }).chatpayAppend.bind(client);

  const keys = (conversationId: string) => {
    const base = `${prefix}{${conversationId}}`;
    return { log: `${base}:log`, channel: `${base}:live`, seen: `${base}:seen:` };
  };
  const watched = new Map<string, Watched>();
  const byChannel = new Map<string, Watched>();
  let closed = false;
  let listening = false;

  const onError = (which: string) => (error: Error) =>
    log({ level: 'warn', event: 'redis-error', connection: which, error: error.name });
  client.on('error', onError('commands'));
  subscriber.on('error', onError('subscriber'));

  const oldestKept = () => Math.max(0, clock.now() - maxAgeMs);
  const readAfter = async (conversationId: string, after: string | undefined, limit: number) => {
    const reply = (await client.xrange(
      keys(conversationId).log,
      after === undefined ? '-' : `(${after}`,
      '+',
      'COUNT',
      limit,
    )) as StreamReply;
    return entriesOf(reply, oldestKept());
  };

  const hand = (conversation: Watched, entry: LogEntry) => {
    if (compareCursors(entry.cursor, conversation.last) <= 0) return;
    conversation.last = entry.cursor;
    for (const listener of [...conversation.listeners]) {
      try {
        listener(entry);
      } catch {
        // A listener's failure is its own.
      }
    }
  };

  subscriber.on('message', (channel: string, payload: string) => {
    const conversation = byChannel.get(channel);
    if (!conversation) return;
    const entry = announcedEntry(payload);
    if (!entry) return;
    if (conversation.held) conversation.held.push(entry);
    else hand(conversation, entry);
  });

  /** After a gap in listening: listen again, read each conversation's stream after its last entry, then go live. */
  const recover = async () => {
    const all = [...watched.values()];
    for (const conversation of all) conversation.held ??= [];
    try {
      if (all.length > 0) await subscriber.subscribe(...all.map((conversation) => conversation.channel));
      for (const [conversationId, conversation] of watched) {
        for (;;) {
          const page = await readAfter(conversationId, conversation.last, 500);
          for (const entry of page) hand(conversation, entry);
          if (page.length < 500) break;
        }
        const held = conversation.held ?? [];
        conversation.held = undefined;
        for (const entry of held) hand(conversation, entry);
      }
      log({ level: 'info', event: 'redis-caught-up', conversations: all.length });
    } catch (error) {
      log({ level: 'warn', event: 'redis-catch-up-failed', error: (error as Error).name });
      // The next 'ready' tries again.
    }
  };
  subscriber.on('close', () => {
    if (!listening) return;
    listening = false;
    for (const conversation of watched.values()) conversation.held ??= [];
    log({ level: 'warn', event: 'redis-subscriber-lost' });
  });
  subscriber.on('ready', () => {
    if (listening) return;
    listening = true;
    void recover();
  });

  await Promise.all([client.status === 'wait' ? client.connect() : undefined, subscriber.connect()]);
  listening = true;

  const check = () => {
    if (closed) throw new RelayError('store-closed', 'The store is closed.');
  };

  return {
    get available() {
      return !closed && client.status === 'ready' && subscriber.status === 'ready';
    },
    async append(input) {
      check();
      const names = keys(input.conversationId);
      const now = Math.max(0, Math.floor(clock.now()));
      const [added, cursor] = await append(
        names.log,
        `${names.seen}${input.sender.role}\n${input.sender.subject}\n${input.id}`,
        now,
        maxCount,
        oldestKept(),
        maxAgeMs,
        names.channel,
        input.acceptedAt,
        input.sender.role,
        input.sender.subject,
        input.text,
        input.origin,
        announcementOf(input),
      );
      return { cursor, duplicate: added === 0 };
    },
    async read(conversationId, after, limit) {
      check();
      if (after !== undefined && !parseCursor(after)) throw new RangeError('not a cursor');
      return readAfter(conversationId, after, limit);
    },
    async watch(conversationId, listener) {
      check();
      let conversation = watched.get(conversationId);
      if (!conversation) {
        const { channel, log: stream } = keys(conversationId);
        const fresh: Watched = {
          channel,
          listeners: new Set(),
          last: START_CURSOR,
          held: [],
          ready: Promise.resolve(),
        };
        conversation = fresh;
        watched.set(conversationId, fresh);
        byChannel.set(channel, fresh);
        fresh.ready = (async () => {
          await subscriber.subscribe(channel);
          const newest = (await client.xrevrange(stream, '+', '-', 'COUNT', 1)) as StreamReply;
          // Listeners start from now: what is in the stream already, they read themselves.
          fresh.last = newest[0]?.[0] ?? START_CURSOR;
          const held = fresh.held ?? [];
          fresh.held = listening ? undefined : fresh.held;
          for (const entry of held) hand(fresh, entry);
        })();
        fresh.ready.catch(() => {
          if (watched.get(conversationId) === fresh && fresh.listeners.size === 0) {
            watched.delete(conversationId);
            byChannel.delete(channel);
          }
        });
      }
      const current = conversation;
      const own = (entry: LogEntry) => listener(entry);
      current.listeners.add(own);
      try {
        await current.ready;
      } catch (error) {
        current.listeners.delete(own);
        throw new RelayError(
          'store-unavailable',
          `The store could not listen to the conversation (${(error as Error).name}).`,
        );
      }
      return () => {
        current.listeners.delete(own);
        if (current.listeners.size > 0 || watched.get(conversationId) !== current) return;
        watched.delete(conversationId);
        byChannel.delete(current.channel);
        if (!closed) subscriber.unsubscribe(current.channel).catch(() => undefined);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      watched.clear();
      byChannel.clear();
      subscriber.disconnect();
      if (owned) await client.quit().catch(() => client.disconnect());
    },
  };
}
