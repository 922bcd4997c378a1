// The cases every relay store must pass, run against the memory store and the Redis store.
import { expect } from 'vitest';
import type { Clock } from '@chatpay/core';
import { compareCursors } from '../../src/cursor.js';
import type { AppendInput, LogEntry, RelayStore } from '../../src/store.js';
import { until } from './relay-kit.js';

/** A clock the case sets by hand, forwards or backwards (as two nodes' clocks may disagree). */
export class SettableClock implements Clock {
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = () => 0;
  clearTimeout = () => {};
}

export type StoreFactory = (options: { clock: Clock; maxCount?: number; maxAgeMs?: number }) => Promise<RelayStore>;

let serial = 0;
const input = (overrides: Partial<AppendInput> = {}): AppendInput => ({
  conversationId: 'conv-1',
  id: `id-${++serial}`,
  text: `{"n":${serial},"spaced": [1, 2]}`,
  sender: { role: 'agent', subject: 'agent-1' },
  origin: 'node/1',
  acceptedAt: 1_000,
  ...overrides,
});

export function storeCases(make: StoreFactory): [string, () => Promise<void>][] {
  const withStore =
    (
      body: (store: RelayStore, clock: SettableClock) => Promise<void>,
      limits: { maxCount?: number; maxAgeMs?: number } = {},
    ) =>
    async () => {
      const clock = new SettableClock(1_700_000_000_000);
      const store = await make({ clock, ...limits });
      try {
        await body(store, clock);
      } finally {
        await store.close();
      }
    };
  return [
    [
      'appends with increasing cursors and reads back exactly what was appended, in order',
      withStore(async (store, clock) => {
        const appended: AppendInput[] = [];
        for (let index = 0; index < 5; index++) {
          const next = input({ acceptedAt: clock.now() });
          appended.push(next);
          const result = await store.append(next);
          expect(result.duplicate).toBe(false);
          if (index % 2 === 0) clock.time += 1;
        }
        const entries = await store.read('conv-1', undefined, 100);
        expect(entries.map((entry) => entry.text)).toEqual(appended.map((entry) => entry.text));
        expect(entries[0]).toMatchObject({ sender: { role: 'agent', subject: 'agent-1' }, origin: 'node/1' });
        for (let index = 1; index < entries.length; index++) {
          expect(compareCursors(entries[index]!.cursor, entries[index - 1]!.cursor)).toBeGreaterThan(0);
        }
        expect(await store.read('conv-2', undefined, 100)).toEqual([]);
      }),
    ],
    [
      'keeps cursors increasing when the clock goes back',
      withStore(async (store, clock) => {
        const first = await store.append(input());
        clock.time -= 60_000;
        const second = await store.append(input());
        expect(compareCursors(second.cursor, first.cursor)).toBeGreaterThan(0);
      }),
    ],
    [
      'reads after a cursor, a page at a time',
      withStore(async (store) => {
        const cursors: string[] = [];
        for (let index = 0; index < 7; index++) cursors.push((await store.append(input())).cursor);
        expect((await store.read('conv-1', cursors[2], 100)).map((entry) => entry.cursor)).toEqual(cursors.slice(3));
        expect((await store.read('conv-1', cursors[2], 2)).map((entry) => entry.cursor)).toEqual(cursors.slice(3, 5));
        expect(await store.read('conv-1', cursors[6], 100)).toEqual([]);
        await expect(store.read('conv-1', 'not a cursor', 10)).rejects.toThrow();
      }),
    ],
    [
      'does not append a sender’s message id twice, but another sender’s same id is its own',
      withStore(async (store) => {
        const first = await store.append(input({ id: 'same' }));
        const again = await store.append(input({ id: 'same', text: '{"changed":true}' }));
        expect(again).toEqual({ cursor: first.cursor, duplicate: true });
        const other = await store.append(input({ id: 'same', sender: { role: 'customer', subject: 'c-1' } }));
        expect(other.duplicate).toBe(false);
        expect(await store.read('conv-1', undefined, 10)).toHaveLength(2);
      }),
    ],
    [
      'keeps at most the retained count, the oldest going first',
      withStore(
        async (store) => {
          const texts: string[] = [];
          for (let index = 0; index < 6; index++) {
            const next = input();
            texts.push(next.text);
            await store.append(next);
          }
          expect((await store.read('conv-1', undefined, 100)).map((entry) => entry.text)).toEqual(texts.slice(3));
        },
        { maxCount: 3 },
      ),
    ],
    [
      'drops entries older than the retained age, whether or not anything is appended since',
      withStore(
        async (store, clock) => {
          await store.append(input());
          clock.time += 40_000;
          const young = input();
          await store.append(young);
          clock.time += 30_000;
          expect((await store.read('conv-1', undefined, 100)).map((entry) => entry.text)).toEqual([young.text]);
          clock.time += 40_000;
          expect(await store.read('conv-1', undefined, 100)).toEqual([]);
        },
        { maxAgeMs: 60_000 },
      ),
    ],
    [
      'tells watchers of each new entry in order, per conversation, until they stop',
      withStore(async (store) => {
        await store.append(input());
        const seen: LogEntry[] = [];
        const stop = await store.watch('conv-1', (entry) => seen.push(entry));
        const other: LogEntry[] = [];
        await store.watch('conv-2', (entry) => other.push(entry));
        const sent = [input(), input(), input()];
        const cursors = [];
        for (const next of sent) cursors.push((await store.append(next)).cursor);
        await until(() => seen.length === 3, 'three entries watched');
        expect(seen.map((entry) => entry.cursor)).toEqual(cursors);
        expect(seen.map((entry) => entry.text)).toEqual(sent.map((entry) => entry.text));
        expect(seen[0]).toMatchObject({
          sender: { role: 'agent', subject: 'agent-1' },
          origin: 'node/1',
          acceptedAt: 1000,
        });
        stop();
        await store.append(input());
        await store.append(input({ conversationId: 'conv-2' }));
        await until(() => other.length === 1, 'the other conversation’s entry');
        expect(seen).toHaveLength(3);
      }),
    ],
  ];
}
