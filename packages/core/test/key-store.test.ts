import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@chatpay/core/testing';
import { createIndexedDbKeyStore, KeyStoreError, type KeyStore } from '../src/key-store.js';
import { rejectionCode } from '../../../test-support/check.js';
import {
  indexedDbCases,
  indexedDbSubject,
  keyStoreCases,
  makeKeys,
  memorySubject,
  SCOPE,
  START,
  type Case,
  type TestDatabase,
} from './support/key-store-cases.js';

// The same cases run against each engine's own IndexedDB: see key-store.browser.test.ts.
const fakeDatabase = async (): Promise<TestDatabase> => ({
  indexedDB: new IDBFactory(),
  name: 'chatpay-agent-keys',
  dispose: async () => undefined,
});

const table = (cases: readonly Case[]) => cases.map((testCase) => [testCase.name, testCase] as const);

describe('the key store (Node, memory and fake-indexeddb)', () => {
  it.each(table(keyStoreCases(memorySubject)))('%s', (_, testCase) => testCase.run());
  it.each(table(keyStoreCases(indexedDbSubject(fakeDatabase))))('%s', (_, testCase) => testCase.run());
  it.each(table(indexedDbCases(fakeDatabase)))('%s', (_, testCase) => testCase.run());
});

/** An open request that answers as told: with an error, blocked, or never. */
function answeringFactory(answer: 'error' | 'blocked' | 'never' | 'throw'): IDBFactory & { opened: number } {
  const factory = {
    opened: 0,
    open() {
      factory.opened++;
      if (answer === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
      const request = {
        error: new DOMException('Private browsing', 'InvalidStateError'),
        onerror: null as ((event: Event) => void) | null,
        onblocked: null as (() => void) | null,
      };
      setTimeout(() => {
        if (answer === 'error') request.onerror?.(new Event('error'));
        if (answer === 'blocked') request.onblocked?.();
      }, 0);
      return request;
    },
  };
  return factory as unknown as IDBFactory & { opened: number };
}

async function everyCallRefused(store: KeyStore, code: string): Promise<void> {
  const keys = await makeKeys('req-1', START + 60_000);
  expect(await rejectionCode(store.put(keys))).toBe(code);
  expect(await rejectionCode(store.get(SCOPE, 'req-1'))).toBe(code);
  expect(await rejectionCode(store.delete(SCOPE, 'req-1'))).toBe(code);
  expect(await rejectionCode(store.sweep(START))).toBe(code);
}

describe('the IndexedDB key store when IndexedDB fails', () => {
  it('says unavailable where there is no IndexedDB at all', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    await everyCallRefused(createIndexedDbKeyStore(), 'unavailable');
  });

  it.each(['throw', 'error', 'blocked'] as const)(
    'says unavailable, with a KeyStoreError, when opening the database answers %s',
    async (answer) => {
      const indexedDB = answeringFactory(answer);
      const store = createIndexedDbKeyStore({ indexedDB });
      const failure = await store.get(SCOPE, 'req-1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(KeyStoreError);
      expect((failure as KeyStoreError).code).toBe('unavailable');
      expect((failure as KeyStoreError).message).toMatch(/^The key store cannot keep keys/);
      await everyCallRefused(store, 'unavailable');
      // Each call tried again rather than keep the first failure.
      expect(indexedDB.opened).toBe(5);
    },
  );

  it('gives up with unavailable when opening the database never answers', async () => {
    const clock = new ManualClock(START);
    const store = createIndexedDbKeyStore({ indexedDB: answeringFactory('never'), clock, openTimeoutMs: 5_000 });
    const reading = store.get(SCOPE, 'req-1').catch((error: unknown) => error);
    await Promise.resolve();
    clock.advance(4_999);
    const early = await Promise.race([reading, new Promise((resolve) => setTimeout(() => resolve('waiting'), 0))]);
    expect(early).toBe('waiting');
    clock.advance(1);
    expect(((await reading) as KeyStoreError).code).toBe('unavailable');
  });

  it('closes a connection that opens after it gave up on a blocked opening', async () => {
    const real = new IDBFactory();
    const indexedDB = {
      open(name: string, version?: number) {
        const request = real.open(name, version);
        // Blocked first, as when another tab keeps an older version open, then open after all.
        request.addEventListener('success', () => request.onblocked?.call(request, new Event('blocked') as never));
        return request;
      },
    } as unknown as IDBFactory;
    const store = createIndexedDbKeyStore({ indexedDB });
    expect(await rejectionCode(store.get(SCOPE, 'req-1'))).toBe('unavailable');
    // A connection left open would block this deletion.
    await new Promise<void>((resolve, reject) => {
      const deletion = real.deleteDatabase('chatpay-agent-keys');
      deletion.onsuccess = () => resolve();
      deletion.onblocked = () => reject(new Error('the late connection was left open'));
    });
  });

  it('opens again after a failed opening, once IndexedDB works', async () => {
    const real = new IDBFactory();
    let failures = 1;
    const indexedDB = {
      open: (name: string, version?: number) => {
        if (failures-- > 0) throw new DOMException('Not now', 'UnknownError');
        return real.open(name, version);
      },
    } as unknown as IDBFactory;
    const clock = new ManualClock(START);
    const store = createIndexedDbKeyStore({ indexedDB, clock });
    const keys = await makeKeys('req-1', START + 60_000);
    expect(await rejectionCode(store.put(keys))).toBe('unavailable');
    await store.put(keys);
    expect((await store.get(SCOPE, 'req-1'))?.requestId).toBe('req-1');
  });

  it('says failed, with the keys not kept, when the browser aborts the transaction', async () => {
    const real = new IDBFactory();
    let abort = false;
    const indexedDB = {
      open: (name: string, version?: number) => {
        const request = real.open(name, version);
        request.addEventListener('success', () => {
          const database = request.result;
          const transaction = database.transaction.bind(database);
          database.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
            const started = transaction(...args);
            if (abort) queueMicrotask(() => started.abort());
            return started;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const clock = new ManualClock(START);
    const store = createIndexedDbKeyStore({ indexedDB, clock });
    await store.sweep(START);
    abort = true;
    const failure = await store.put(await makeKeys('req-1', START + 60_000)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KeyStoreError);
    expect((failure as KeyStoreError).code).toBe('failed');
    expect((failure as KeyStoreError).message).toMatch(/^The request's keys were not kept/);
    abort = false;
    expect(await store.get(SCOPE, 'req-1')).toBeUndefined();
  });

  it('says failed with a message naming the full storage when the quota is exceeded', async () => {
    const real = new IDBFactory();
    const indexedDB = {
      open: (name: string, version?: number) => {
        const request = real.open(name, version);
        request.addEventListener('success', () => {
          const database = request.result;
          const transaction = database.transaction.bind(database);
          database.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
            const started = transaction(...args);
            const store = started.objectStore.bind(started);
            started.objectStore = (name: string) => {
              const objects = store(name);
              objects.put = () => {
                throw new DOMException('Quota exceeded', 'QuotaExceededError');
              };
              return objects;
            };
            return started;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = createIndexedDbKeyStore({ indexedDB, clock: new ManualClock(START) });
    const failure = (await store
      .put(await makeKeys('req-1', START + 60_000))
      .catch((e: unknown) => e)) as KeyStoreError;
    expect(failure.code).toBe('failed');
    expect(failure.message).toMatch(/storage for this site is full/);
    expect(await store.get(SCOPE, 'req-1')).toBeUndefined();
  });

  it('deletes, and says so, a record read back that is not whole', async () => {
    const real = new IDBFactory();
    const clock = new ManualClock(START);
    const store = createIndexedDbKeyStore({ indexedDB: real, clock });
    await store.sweep(START);
    const keys = await makeKeys('req-1', START + 60_000);
    const connection = await new Promise<IDBDatabase>((resolve) => {
      const request = real.open('chatpay-agent-keys');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const transaction = connection.transaction('request-keys', 'readwrite');
      transaction.objectStore('request-keys').put({ ...keys, signing: null });
      transaction.objectStore('request-keys').put({ ...keys, requestId: 'req-2', encryption: { nothing: true } });
      transaction.oncomplete = () => resolve();
    });
    connection.close();
    expect(await rejectionCode(store.get(SCOPE, 'req-1'))).toBe('failed');
    expect(await rejectionCode(store.get(SCOPE, 'req-2'))).toBe('failed');
    expect(await store.get(SCOPE, 'req-1')).toBeUndefined();
    expect(await store.sweep(Number.MAX_SAFE_INTEGER)).toBe(0);
  });
});
