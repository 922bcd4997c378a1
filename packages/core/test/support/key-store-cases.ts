// The key store's cases, shared by key-store.test.ts (Node, fake-indexeddb and the memory store) and
// key-store.browser.test.ts (the real IndexedDB of Chromium, Firefox and WebKit).
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { Clock } from '../../src/clock.js';
import { ManualClock } from '../../src/testing.js';
import {
  createIndexedDbKeyStore,
  createMemoryKeyStore,
  type KeyScope,
  type KeyStore,
  type RequestKeys,
} from '../../src/key-store.js';
import { check, checkEqual, rejectionCode } from '../../../../test-support/check.js';

export interface Case {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** A database for one test: its own name on a factory, and a way to get rid of it afterwards. */
export interface TestDatabase {
  readonly indexedDB: IDBFactory;
  readonly name: string;
  dispose(): Promise<void>;
}

/** A kind of key store under test, made fresh for each case. */
export interface KeyStoreSubject {
  readonly label: string;
  readonly persistence: 'memory' | 'persistent';
  /** A fresh, empty store; `reopen()` makes another one on the same storage, as a reloaded page does. */
  create(clock: Clock): Promise<{ store: KeyStore; reopen(): KeyStore; dispose(): Promise<void> }>;
}

export const memorySubject: KeyStoreSubject = {
  label: 'memory store',
  persistence: 'memory',
  create: async (clock) => ({
    store: createMemoryKeyStore({ clock }),
    reopen: () => createMemoryKeyStore({ clock }),
    dispose: async () => undefined,
  }),
};

export function indexedDbSubject(database: () => Promise<TestDatabase>): KeyStoreSubject {
  return {
    label: 'IndexedDB store',
    persistence: 'persistent',
    async create(clock) {
      const { indexedDB, name, dispose } = await database();
      const open = () => createIndexedDbKeyStore({ indexedDB, name, clock });
      return { store: open(), reopen: open, dispose };
    },
  };
}

export const START = Date.UTC(2026, 0, 1, 9, 0);
export const SCOPE: KeyScope = { agentId: 'agent-ada', conversationId: 'conv-1' };
const MINUTE = 60_000;

/** A request's keys before its card is opened: the encryption pair is there. */
export type FreshKeys = RequestKeys & { readonly encryption: CryptoKeyPair };

/** A request's keys made as the agent's session makes them: both private keys non-extractable unless asked. */
export async function makeKeys(
  requestId: string,
  expiresAt: number,
  scope: KeyScope = SCOPE,
  extractable: { readonly encryption?: boolean; readonly signing?: boolean } = {},
): Promise<FreshKeys> {
  const encryption = await crypto.subtle.generateKey(
    { name: 'ECDH', namedCurve: 'P-256' },
    extractable.encryption ?? false,
    ['deriveBits'],
  );
  const signing = await crypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' },
    extractable.signing ?? false,
    ['sign', 'verify'],
  );
  return { ...scope, requestId, encryption, signing, expiresAt };
}

const FIELDS = ['agentId', 'conversationId', 'encryption', 'expiresAt', 'requestId', 'signing'];

/** Checks that the keys read back are whole, named as asked, and still non-extractable. */
async function checkKeys(keys: RequestKeys | undefined, requestId: string, expiresAt: number): Promise<FreshKeys> {
  check(keys, `the keys of ${requestId} were not found`);
  const { encryption } = keys;
  check(encryption, `the encryption keys of ${requestId} are missing`);
  checkEqual(
    [keys.agentId, keys.conversationId, keys.requestId],
    [SCOPE.agentId, SCOPE.conversationId, requestId],
    'ids',
  );
  checkEqual(keys.expiresAt, expiresAt, 'expiresAt');
  for (const [pair, algorithm] of [
    [encryption, 'ECDH'],
    [keys.signing, 'ECDSA'],
  ] as const) {
    checkEqual(pair.privateKey.type, 'private', `${algorithm} private key type`);
    checkEqual(pair.publicKey.type, 'public', `${algorithm} public key type`);
    checkEqual(pair.privateKey.algorithm.name, algorithm, `${algorithm} private key algorithm`);
    checkEqual((pair.privateKey.algorithm as EcKeyAlgorithm).namedCurve, 'P-256', `${algorithm} curve`);
    checkEqual(pair.privateKey.extractable, false, `${algorithm} private key extractable`);
  }
  return { ...keys, encryption };
}

/** Resolves once `promise` has rejected; fails if it resolves. */
async function checkRejects(promise: Promise<unknown>, what: string): Promise<void> {
  let rejected = false;
  try {
    await promise;
  } catch {
    rejected = true;
  }
  check(rejected, `${what} should have been refused`);
}

/** Both ways of exporting a private key are refused. */
async function checkNotExportable(keys: FreshKeys): Promise<void> {
  for (const pair of [keys.encryption, keys.signing]) {
    await checkRejects(
      crypto.subtle.exportKey('pkcs8', pair.privateKey),
      `exporting ${pair.privateKey.algorithm.name} as pkcs8`,
    );
    await checkRejects(
      crypto.subtle.exportKey('jwk', pair.privateKey),
      `exporting ${pair.privateKey.algorithm.name} as jwk`,
    );
  }
}

/** The stored keys still work: ECDH agrees with a peer both ways, ECDSA signs what its public key verifies. */
async function checkUsable(keys: FreshKeys): Promise<void> {
  const peer = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ours = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'ECDH', public: peer.publicKey }, keys.encryption.privateKey, 256),
  );
  const theirs = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'ECDH', public: keys.encryption.publicKey }, peer.privateKey, 256),
  );
  checkEqual(Array.from(ours), Array.from(theirs), 'the shared secret derived with the stored key');
  const data = new TextEncoder().encode('payment.request req-1');
  const algorithm = { name: 'ECDSA', hash: 'SHA-256' };
  const signature = await crypto.subtle.sign(algorithm, keys.signing.privateKey, data);
  check(await crypto.subtle.verify(algorithm, keys.signing.publicKey, signature, data), 'the signature verifies');
  const other = new TextEncoder().encode('payment.request req-2');
  check(
    !(await crypto.subtle.verify(algorithm, keys.signing.publicKey, signature, other)),
    'a forged message verifies',
  );
}

const hpke = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
const SEALED_TEXT = 'what the customer sealed';

/** Seals a text to the encryption public key, as the customer's browser seals the card (HPKE, P-256). */
async function sealTo(keys: FreshKeys): Promise<{ enc: ArrayBuffer; ct: ArrayBuffer }> {
  return hpke.seal({ recipientPublicKey: keys.encryption.publicKey }, new TextEncoder().encode(SEALED_TEXT));
}

/** Opens what `sealTo` sealed with the encryption key pair read back. */
async function checkOpens(keys: FreshKeys, sealed: { enc: ArrayBuffer; ct: ArrayBuffer }): Promise<void> {
  const opened = await hpke.open({ recipientKey: keys.encryption, enc: sealed.enc }, sealed.ct);
  checkEqual(new TextDecoder().decode(opened), SEALED_TEXT, 'the text opened with the stored key');
}

/** The number of records left, found by sweeping everything. */
const countLeft = (store: KeyStore) => store.sweep(Number.MAX_SAFE_INTEGER);

type Body = (context: { store: KeyStore; reopen: () => KeyStore; clock: ManualClock }) => Promise<void>;

function withStore(subject: KeyStoreSubject, body: Body): () => Promise<void> {
  return async () => {
    const clock = new ManualClock(START);
    const { store, reopen, dispose } = await subject.create(clock);
    try {
      await body({ store, reopen, clock });
    } finally {
      await dispose();
    }
  };
}

/** What every key store does, whatever it keeps its records in. */
export function keyStoreCases(subject: KeyStoreSubject): readonly Case[] {
  const cases: [string, Body][] = [
    [
      `says it is a ${subject.persistence} store`,
      async ({ store }) => checkEqual(store.persistence, subject.persistence, 'persistence'),
    ],
    [
      'gives back the keys it was given, named as they were kept',
      async ({ store }) => {
        await store.put(await makeKeys('req-1', START + 10 * MINUTE));
        await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + 10 * MINUTE);
      },
    ],
    [
      'the private keys read back are still non-extractable: pkcs8 and jwk export are refused',
      async ({ store }) => {
        await store.put(await makeKeys('req-1', START + 10 * MINUTE));
        await checkNotExportable(await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + 10 * MINUTE));
      },
    ],
    [
      'the keys read back still derive the shared secret and sign',
      async ({ store }) => {
        await store.put(await makeKeys('req-1', START + 10 * MINUTE));
        await checkUsable(await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + 10 * MINUTE));
      },
    ],
    [
      'what was sealed to the public key before it was kept opens with the keys read back (HPKE)',
      async ({ store }) => {
        const keys = await makeKeys('req-1', START + MINUTE);
        const sealed = await sealTo(keys);
        await store.put(keys);
        await checkOpens(await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE), sealed);
      },
    ],
    [
      "another agent or another conversation sees nothing of a request's keys",
      async ({ store }) => {
        await store.put(await makeKeys('req-1', START + MINUTE));
        for (const scope of [
          { agentId: 'agent-grace', conversationId: SCOPE.conversationId },
          { agentId: SCOPE.agentId, conversationId: 'conv-2' },
        ]) {
          checkEqual(await store.get(scope, 'req-1'), undefined, `keys seen from ${JSON.stringify(scope)}`);
          await store.delete(scope, 'req-1');
        }
        checkEqual(await store.get(SCOPE, 'req-2'), undefined, 'keys of another request');
        await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
      },
    ],
    [
      'the same request id in two scopes is two records',
      async ({ store }) => {
        const other = { agentId: 'agent-grace', conversationId: SCOPE.conversationId };
        await store.put(await makeKeys('req-1', START + MINUTE));
        await store.put(await makeKeys('req-1', START + 2 * MINUTE, other));
        await store.delete(other, 'req-1');
        checkEqual(await store.get(other, 'req-1'), undefined, "the other agent's deleted keys");
        await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
      },
    ],
    [
      'deletes one request and no other; deleting what is not there is no error',
      async ({ store }) => {
        await store.put(await makeKeys('req-1', START + MINUTE));
        await store.put(await makeKeys('req-2', START + MINUTE));
        await store.delete(SCOPE, 'req-1');
        checkEqual(await store.get(SCOPE, 'req-1'), undefined, 'deleted keys');
        await checkKeys(await store.get(SCOPE, 'req-2'), 'req-2', START + MINUTE);
        await store.delete(SCOPE, 'req-1');
        await store.delete(SCOPE, 'req-never');
        checkEqual(await countLeft(store), 1, 'records left');
      },
    ],
    [
      'keeping a request again replaces its keys',
      async ({ store }) => {
        const first = await makeKeys('req-1', START + MINUTE);
        const second = await makeKeys('req-1', START + 5 * MINUTE);
        await store.put(first);
        await store.put(second);
        const read = await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + 5 * MINUTE);
        const exported = async (keys: FreshKeys) =>
          Array.from(new Uint8Array(await crypto.subtle.exportKey('raw', keys.encryption.publicKey)));
        checkEqual(await exported(read), await exported(second), 'the public key kept');
        checkEqual(await countLeft(store), 1, 'records left');
      },
    ],
    [
      'a sweep deletes every stale record, in any scope, and only those',
      async ({ store }) => {
        const now = START + 30 * MINUTE;
        const other = { agentId: 'agent-grace', conversationId: 'conv-9' };
        await store.put(await makeKeys('req-long-gone', START));
        await store.put(await makeKeys('req-just-now', now));
        await store.put(await makeKeys('req-other-agent', now - 1, other));
        await store.put(await makeKeys('req-live', now + 1));
        await store.put(await makeKeys('req-other-live', now + MINUTE, other));
        checkEqual(await store.sweep(now), 3, 'records swept');
        checkEqual(await store.sweep(now), 0, 'records swept again');
        await checkKeys(await store.get(SCOPE, 'req-live'), 'req-live', now + 1);
        check(await store.get(other, 'req-other-live'), "the other agent's live keys are kept");
        checkEqual(await store.get(SCOPE, 'req-just-now'), undefined, 'keys expiring at the instant of the sweep');
        checkEqual(await countLeft(store), 2, 'records left');
      },
    ],
    [
      'reading keys whose instant has come deletes them and finds nothing',
      async ({ store, clock }) => {
        await store.put(await makeKeys('req-1', START + MINUTE));
        await store.put(await makeKeys('req-2', START + 2 * MINUTE));
        clock.advance(MINUTE - 1);
        await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
        clock.advance(1);
        checkEqual(await store.get(SCOPE, 'req-1'), undefined, 'expired keys');
        checkEqual(await countLeft(store), 1, 'records left after reading the expired one');
      },
    ],
    [
      'keeps the signing keys alone once the encryption key is spent (null), and they still sign',
      async ({ store, reopen }) => {
        const keys = await makeKeys('req-1', START + MINUTE);
        await store.put({ ...keys, encryption: null });
        for (const reader of [store, ...(subject.persistence === 'persistent' ? [reopen()] : [])]) {
          const read = await reader.get(SCOPE, 'req-1');
          check(read, 'the spent keys were not found');
          checkEqual(read.encryption, null, 'the spent encryption keys');
          checkEqual(read.signing.privateKey.extractable, false, 'signing private key extractable');
          await checkUsable({ ...read, encryption: keys.encryption });
        }
        checkEqual(await rejectionCode(store.put({ ...keys, encryption: undefined } as never)), 'failed', 'undefined');
      },
    ],
    [
      'refuses, with extractable-key, a private key that could be exported, and keeps nothing',
      async ({ store }) => {
        for (const extractable of [{ encryption: true }, { signing: true }]) {
          const keys = await makeKeys('req-1', START + MINUTE, SCOPE, extractable);
          checkEqual(await rejectionCode(store.put(keys)), 'extractable-key', JSON.stringify(extractable));
        }
        checkEqual(await store.get(SCOPE, 'req-1'), undefined, 'keys kept after a refusal');
      },
    ],
    [
      'refuses, with failed, a record that is not a request with its two P-256 key pairs',
      async ({ store }) => {
        const keys = await makeKeys('req-1', START + MINUTE);
        const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveBits']);
        const malformed: unknown[] = [
          null,
          { ...keys, requestId: '' },
          { ...keys, agentId: undefined },
          { ...keys, expiresAt: Number.NaN },
          { ...keys, expiresAt: String(START) },
          { ...keys, signing: undefined },
          { ...keys, encryption: keys.signing, signing: keys.encryption },
          { ...keys, encryption: ecdh },
          { ...keys, signing: { publicKey: keys.signing.publicKey, privateKey: keys.signing.publicKey } },
          { ...keys, encryption: { publicKey: 'key', privateKey: 'key' } },
        ];
        for (const [index, record] of malformed.entries()) {
          checkEqual(await rejectionCode(store.put(record as RequestKeys)), 'failed', `malformed record ${index}`);
        }
        checkEqual(await countLeft(store), 0, 'records kept');
      },
    ],
    [
      'refuses, with failed, an empty id or a sweep instant that is not a number',
      async ({ store }) => {
        checkEqual(await rejectionCode(store.get(SCOPE, '')), 'failed', 'get with an empty request id');
        checkEqual(await rejectionCode(store.get({ ...SCOPE, agentId: '' }, 'req-1')), 'failed', 'get, empty agent');
        checkEqual(await rejectionCode(store.delete({ ...SCOPE, conversationId: '' }, 'req-1')), 'failed', 'delete');
        checkEqual(await rejectionCode(store.sweep(Number.NaN)), 'failed', 'sweep(NaN)');
      },
    ],
    [
      'keeps the ids, the key pairs and the instant, and nothing else it was handed',
      async ({ store }) => {
        const keys = await makeKeys('req-1', START + MINUTE);
        const extra = {
          ...keys,
          terms: { amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' },
          card: { number: '4111111111111111', securityCode: '737' },
          encryption: { ...keys.encryption, card: { number: '4111111111111111' } },
        };
        await store.put(extra as RequestKeys);
        const read = await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
        checkEqual(Object.keys(read).sort(), FIELDS, 'fields kept');
        checkEqual(Object.keys(read.encryption).sort(), ['privateKey', 'publicKey'], 'encryption pair fields');
        checkEqual(Object.keys(read.signing).sort(), ['privateKey', 'publicKey'], 'signing pair fields');
      },
    ],
    subject.persistence === 'persistent'
      ? [
          'a second store on the same storage (the page reloaded) has the keys, and they still open what was sealed',
          async ({ store, reopen }) => {
            const keys = await makeKeys('req-1', START + MINUTE);
            const sealed = await sealTo(keys);
            await store.put(keys);
            const reloaded = reopen();
            const read = await checkKeys(await reloaded.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
            await checkNotExportable(read);
            await checkUsable(read);
            await checkOpens(read, sealed);
            await reloaded.delete(SCOPE, 'req-1');
            checkEqual(await store.get(SCOPE, 'req-1'), undefined, 'keys deleted by the other store');
          },
        ]
      : [
          'a second store (the page reloaded) has nothing: the keys lived in the first page only',
          async ({ store, reopen }) => {
            await store.put(await makeKeys('req-1', START + MINUTE));
            checkEqual(await reopen().get(SCOPE, 'req-1'), undefined, 'keys after a reload');
            await checkKeys(await store.get(SCOPE, 'req-1'), 'req-1', START + MINUTE);
          },
        ],
  ];
  return cases.map(([name, body]) => ({ name: `${subject.label}: ${name}`, run: withStore(subject, body) }));
}

/** Waits for an IndexedDB request to succeed; fails, rather than hangs, if it errors or is blocked. */
export function settled<T>(request: IDBRequest<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`${what} failed`));
    if ('onblocked' in request) {
      (request as unknown as IDBOpenDBRequest).onblocked = () => reject(new Error(`${what} was blocked`));
    }
  });
}

/** What only the IndexedDB store does, against any IndexedDB (fake-indexeddb in Node, the engine's own in browsers). */
export function indexedDbCases(database: () => Promise<TestDatabase>): readonly Case[] {
  type DatabaseBody = (db: TestDatabase, clock: ManualClock) => Promise<void>;
  const run = (body: DatabaseBody) => async () => {
    const db = await database();
    try {
      await body(db, new ManualClock(START));
    } finally {
      await db.dispose();
    }
  };
  const cases: [string, DatabaseBody][] = [
    [
      'the record in the database holds the ids, the two key pairs and the instant only',
      async ({ indexedDB, name }, clock) => {
        const store = createIndexedDbKeyStore({ indexedDB, name, clock });
        await store.put({ ...(await makeKeys('req-1', START + MINUTE)), terms: { reason: 'x' } } as RequestKeys);
        const connection = await settled(indexedDB.open(name), 'opening the database');
        try {
          checkEqual(Array.from(connection.objectStoreNames), ['request-keys'], 'object stores');
          const transaction = connection.transaction('request-keys', 'readonly');
          const records = await settled(transaction.objectStore('request-keys').getAll(), 'reading the records');
          checkEqual(records.length, 1, 'records');
          checkEqual(Object.keys(records[0] as object).sort(), FIELDS, 'fields of the record');
          const indexes = Array.from(transaction.objectStore('request-keys').indexNames);
          checkEqual(indexes, ['expiresAt'], 'indexes');
          await new Promise((resolve) => (transaction.oncomplete = resolve));
        } finally {
          connection.close();
        }
      },
    ],
    [
      'lets another page upgrade the database (closes on versionchange), then says unavailable rather than hang',
      async ({ indexedDB, name }, clock) => {
        const store = createIndexedDbKeyStore({ indexedDB, name, clock });
        await store.put(await makeKeys('req-1', START + MINUTE));
        const newer = indexedDB.open(name, 2);
        newer.onupgradeneeded = () => newer.result.createObjectStore('something-newer');
        const connection = await settled(newer, 'upgrading the database to version 2');
        try {
          checkEqual(await rejectionCode(store.get(SCOPE, 'req-1')), 'unavailable', 'reading after the upgrade');
        } finally {
          connection.close();
        }
      },
    ],
    [
      'after its database was deleted (storage cleared), finds nothing and keeps new keys',
      async ({ indexedDB, name }, clock) => {
        const store = createIndexedDbKeyStore({ indexedDB, name, clock });
        await store.put(await makeKeys('req-1', START + MINUTE));
        await settled(indexedDB.deleteDatabase(name), 'deleting the database');
        checkEqual(await store.get(SCOPE, 'req-1'), undefined, 'keys after the storage was cleared');
        await store.put(await makeKeys('req-2', START + MINUTE));
        const reloaded = createIndexedDbKeyStore({ indexedDB, name, clock });
        await checkKeys(await reloaded.get(SCOPE, 'req-2'), 'req-2', START + MINUTE);
      },
    ],
    [
      'says unavailable when a database of its name holds something else',
      async ({ indexedDB, name }, clock) => {
        const other = indexedDB.open(name, 1);
        other.onupgradeneeded = () => other.result.createObjectStore('not-keys');
        (await settled(other, 'making the other database')).close();
        const store = createIndexedDbKeyStore({ indexedDB, name, clock });
        checkEqual(await rejectionCode(store.put(await makeKeys('req-1', START + MINUTE))), 'unavailable', 'put');
        checkEqual(await rejectionCode(store.sweep(START)), 'unavailable', 'sweep');
      },
    ],
  ];
  return cases.map(([name, body]) => ({ name: `IndexedDB store: ${name}`, run: run(body) }));
}
