import { describe, expect, it } from 'vitest';
import { createSingleTabLocks, createTabLocks, requestLockName, TabLockError, type Holding } from '../src/tab-lock.js';
import { FakeLockManager } from './support/fake-locks.js';

// The same lock between two real tabs (two createTabLocks() on one page's navigator.locks) is in
// tab-lock.browser.test.ts.

/** Resolves with the next change the holding hears. */
const nextChange = (holding: Holding) =>
  new Promise<boolean>((resolve) => {
    const stop = holding.onChange((held) => {
      stop();
      resolve(held);
    });
  });

/** Lets every pending microtask and timer of the fake run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const NAME = requestLockName({ agentId: 'agent-ada', conversationId: 'conv-1' }, 'req-1');

describe('tab locks through Web Locks (a fake lock manager)', () => {
  it('the first tab holds the lock; a second tab does not, and waits', async () => {
    const manager = new FakeLockManager();
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    expect([first.held, second.held]).toEqual([true, false]);
    expect(manager.waiting(NAME)).toBe(1);
  });

  it('the waiting tab takes over when the holder releases', async () => {
    const manager = new FakeLockManager();
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const change = nextChange(second);
    first.release();
    expect(await change).toBe(true);
    expect([first.held, second.held]).toEqual([false, true]);
    expect(manager.holders.get(NAME)?.tab).toBe(2);
  });

  it('the waiting tab takes over when the holding tab closes', async () => {
    const manager = new FakeLockManager();
    const firstTab = manager.tab();
    await createTabLocks({ locks: firstTab }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const change = nextChange(second);
    manager.close(firstTab.id);
    expect(await change).toBe(true);
    expect(second.held).toBe(true);
  });

  it('keeps the lock while the holding lives: a tab that asks later waits its turn', async () => {
    const manager = new FakeLockManager();
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const third = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    await settle();
    expect([first.held, second.held, third.held]).toEqual([true, false, false]);
    const secondTakesOver = nextChange(second);
    first.release();
    expect(await secondTakesOver).toBe(true);
    expect(third.held).toBe(false);
    const thirdTakesOver = nextChange(third);
    second.release();
    expect(await thirdTakesOver).toBe(true);
  });

  it('release of a waiting holding withdraws its request: it never takes the lock', async () => {
    const manager = new FakeLockManager();
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const heard: boolean[] = [];
    second.onChange((held) => heard.push(held));
    second.release();
    expect(manager.waiting(NAME)).toBe(0);
    first.release();
    await settle();
    expect(manager.holders.has(NAME)).toBe(false);
    expect(heard).toEqual([]);
    const third = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    expect(third.held).toBe(true);
  });

  it("another request's lock is its own", async () => {
    const manager = new FakeLockManager();
    const other = requestLockName({ agentId: 'agent-ada', conversationId: 'conv-1' }, 'req-2');
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(other);
    expect([first.held, second.held]).toEqual([true, true]);
  });

  it('a holding whose lock is stolen says so, and takes it back when the other lets go', async () => {
    const manager = new FakeLockManager();
    const holding = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const lost = nextChange(holding);
    let letGo = () => {};
    let stolen = () => {};
    const granted = new Promise<void>((resolve) => (stolen = resolve));
    const stealer = manager.tab();
    void stealer.request(NAME, { steal: true }, () => {
      stolen();
      return new Promise<void>((resolve) => (letGo = resolve));
    });
    expect(await lost).toBe(false);
    expect(holding.held).toBe(false);
    await granted;
    const back = nextChange(holding);
    letGo();
    expect(await back).toBe(true);
    expect(holding.held).toBe(true);
  });

  it('release is final: held is false, listeners hear nothing more, a second release does nothing', async () => {
    const manager = new FakeLockManager();
    const holding = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const heard: boolean[] = [];
    holding.onChange((held) => heard.push(held));
    holding.release();
    holding.release();
    await settle();
    expect(holding.held).toBe(false);
    expect(manager.holders.has(NAME)).toBe(false);
    expect(heard).toEqual([]);
  });

  it('a listener that unsubscribed hears nothing', async () => {
    const manager = new FakeLockManager();
    const first = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const second = await createTabLocks({ locks: manager.tab() }).hold(NAME);
    const heard: boolean[] = [];
    second.onChange((held) => heard.push(held))();
    const change = nextChange(second);
    first.release();
    await change;
    expect(heard).toEqual([]);
  });

  it('refuses a lock name that Web Locks cannot have with TabLockError invalid-name', async () => {
    const locks = createTabLocks({ locks: new FakeLockManager().tab() });
    for (const name of ['', '-reserved']) {
      const failure = await locks.hold(name).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TabLockError);
      expect((failure as TabLockError).code).toBe('invalid-name');
    }
  });

  it('says unavailable when the browser refuses the lock request', async () => {
    const refusing = {
      request: () => Promise.reject(new DOMException('The request is insecure.', 'SecurityError')),
    } as unknown as LockManager;
    const throwing = {
      request: () => {
        throw new DOMException('Gone', 'InvalidStateError');
      },
    } as unknown as LockManager;
    for (const locks of [refusing, throwing]) {
      const failure = await createTabLocks({ locks })
        .hold(NAME)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TabLockError);
      expect((failure as TabLockError).code).toBe('unavailable');
      expect((failure as TabLockError).message).toMatch(/\((SecurityError|InvalidStateError)\)/);
    }
  });

  it('says it works across tabs', () => {
    expect(createTabLocks({ locks: new FakeLockManager().tab() }).acrossTabs).toBe(true);
  });
});

describe('single-tab locks (no Web Locks)', () => {
  it('every hold is held, even two of the same name', async () => {
    const locks = createSingleTabLocks();
    const first = await locks.hold(NAME);
    const second = await locks.hold(NAME);
    expect([first.held, second.held, locks.acrossTabs]).toEqual([true, true, false]);
    first.release();
    expect([first.held, second.held]).toEqual([false, true]);
  });

  it('are what createTabLocks gives where there is no navigator.locks (Node)', async () => {
    expect((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks).toBeUndefined();
    const locks = createTabLocks();
    expect(locks.acrossTabs).toBe(false);
    expect((await locks.hold(NAME)).held).toBe(true);
  });

  it('refuse an invalid name all the same', async () => {
    const failure = await createSingleTabLocks()
      .hold('')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TabLockError);
    expect((failure as TabLockError).code).toBe('invalid-name');
  });
});

describe('requestLockName', () => {
  it('names the lock of a request chatpay:<agentId>:<conversationId>:<requestId>', () => {
    expect(requestLockName({ agentId: 'agent-ada', conversationId: 'conv-1' }, 'req-1')).toBe(
      'chatpay:agent-ada:conv-1:req-1',
    );
  });

  it('encodes a colon inside an id, so two requests never share a name', () => {
    const a = requestLockName({ agentId: 'a:b', conversationId: 'c' }, 'd');
    const b = requestLockName({ agentId: 'a', conversationId: 'b:c' }, 'd');
    expect(a).not.toBe(b);
    expect(a).toBe('chatpay:a%3Ab:c:d');
  });

  it('refuses an empty id with TabLockError invalid-name', () => {
    for (const [scope, requestId] of [
      [{ agentId: '', conversationId: 'conv-1' }, 'req-1'],
      [{ agentId: 'agent-ada', conversationId: '' }, 'req-1'],
      [{ agentId: 'agent-ada', conversationId: 'conv-1' }, ''],
    ] as const) {
      expect(() => requestLockName(scope, requestId)).toThrowError(TabLockError);
    }
  });
});
