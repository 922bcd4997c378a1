import { afterAll, beforeAll, describe, it } from 'vitest';
import { Redis } from 'ioredis';
import { createMemoryStore } from '../src/memory-store.js';
import { createRedisStore } from '../src/redis-store.js';
import { redisAvailability, startRedisServer, type RedisServer } from './support/redis-server.js';
import { storeCases } from './support/store-cases.js';

describe('the memory store', () => {
  for (const [name, run] of storeCases(({ clock, maxAgeMs, maxCount }) =>
    Promise.resolve(
      createMemoryStore({
        clock,
        retention: { ...(maxAgeMs ? { maxAgeMs } : {}), ...(maxCount ? { maxCount } : {}) },
      }),
    ),
  )) {
    it(name, run);
  }
});

const redis = redisAvailability();

describe.skipIf(!redis.run)(`the Redis store${redis.run ? '' : ` (skipped: ${redis.why})`}`, () => {
  let server: RedisServer;
  let prefixes = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  for (const [name, run] of storeCases(({ clock, maxAgeMs, maxCount }) =>
    createRedisStore({
      redis: server.url,
      prefix: `case${++prefixes}:`,
      clock,
      retention: { ...(maxAgeMs ? { maxAgeMs } : {}), ...(maxCount ? { maxCount } : {}) },
    }),
  )) {
    it(name, run);
  }

  it('uses a client it is given, and leaves it open when it closes', async () => {
    const client = new Redis(server.url);
    const store = await createRedisStore({ redis: client, prefix: 'given:' });
    await store.append({
      conversationId: 'c',
      id: 'x',
      text: '{}',
      sender: { role: 'agent', subject: 'a' },
      origin: 'n/1',
      acceptedAt: 0,
    });
    await store.close();
    if ((await client.xlen('given:{c}:log')) !== 1) throw new Error('the entry is not in the stream');
    await client.quit();
  });
});
