import {
  indexedDbCases,
  indexedDbSubject,
  keyStoreCases,
  memorySubject,
  type TestDatabase,
} from '../support/key-store-cases.js';

// The cases of key-store.test.ts, in this engine's own IndexedDB and WebCrypto: whether a CryptoKey
// survives the structured clone into the database, non-extractable and usable, is the engine's doing.
let databases = 0;

/** A database of its own for each test, deleted afterwards. */
async function freshDatabase(): Promise<TestDatabase> {
  const name = `chatpay-agent-keys-test-${Date.now()}-${++databases}`;
  return {
    indexedDB,
    name,
    // Deleting waits for every connection to close: none may be left open.
    dispose: () =>
      new Promise<void>((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase(name);
        deletion.onsuccess = () => resolve();
        deletion.onerror = () => reject(new Error(`deleting ${name} failed`));
      }),
  };
}

describe('the key store (browser IndexedDB and WebCrypto)', () => {
  for (const testCase of [
    ...keyStoreCases(memorySubject),
    ...keyStoreCases(indexedDbSubject(freshDatabase)),
    ...indexedDbCases(freshDatabase),
  ]) {
    it(testCase.name, testCase.run);
  }
});
