import { createTabLocks, requestLockName, type Holding } from '../../src/tab-lock.js';
import { check } from '../../../../test-support/check.js';

// Two createTabLocks() on this page's navigator.locks stand for two tabs of the agent: the browser's
// lock manager treats their requests as it treats two tabs' (a lock belongs to one request at a time).
const hasWebLocks = () => typeof navigator.locks?.request === 'function';

let requests = 0;
const freshName = () =>
  requestLockName({ agentId: 'agent-ada', conversationId: `conv-${Date.now()}` }, `req-${++requests}`);

/** Resolves with the next change the holding hears. */
const nextChange = (holding: Holding) =>
  new Promise<boolean>((resolve) => {
    const stop = holding.onChange((held) => {
      stop();
      resolve(held);
    });
  });

/** Whether anyone holds `name` or waits for it, as the browser's lock manager says. */
async function inUse(name: string): Promise<{ held: number; pending: number }> {
  const { held = [], pending = [] } = await navigator.locks.query();
  return {
    held: held.filter((lock) => lock.name === name).length,
    pending: pending.filter((lock) => lock.name === name).length,
  };
}

describe('tab locks (browser Web Locks)', () => {
  it('the first tab holds the lock, the second does not, and takes over when the first releases', async function () {
    if (!hasWebLocks()) this.skip(); // this engine has no Web Locks API
    const name = freshName();
    const first = await createTabLocks().hold(name);
    const second = await createTabLocks().hold(name);
    check(createTabLocks().acrossTabs, 'Web Locks are used');
    check(first.held && !second.held, `held: ${first.held}, ${second.held}`);
    const takesOver = nextChange(second);
    first.release();
    check((await takesOver) === true, 'the second tab took over');
    check(second.held && !first.held, 'the second tab holds the lock now');
    second.release();
  });

  it('a released waiting holding has withdrawn its request from the lock manager', async function () {
    if (!hasWebLocks()) this.skip(); // this engine has no Web Locks API
    const name = freshName();
    const first = await createTabLocks().hold(name);
    const second = await createTabLocks().hold(name);
    check((await inUse(name)).pending === 1, 'the second tab waits');
    second.release();
    await waitFor(async () => (await inUse(name)).pending === 0, 'the request to be withdrawn');
    first.release();
    await waitFor(async () => (await inUse(name)).held === 0, 'the lock to be free');
    check(!second.held, 'the withdrawn holding never took the lock');
    const third = await createTabLocks().hold(name);
    check(third.held, 'a later tab finds the lock free');
    third.release();
  });

  it('a holding whose lock is stolen says so, and takes it back when the other lets go', async function () {
    if (!hasWebLocks()) this.skip(); // this engine has no Web Locks API
    const name = freshName();
    const holding = await createTabLocks().hold(name);
    const lost = nextChange(holding);
    let letGo = () => {};
    let stolen = () => {};
    const granted = new Promise<void>((resolve) => (stolen = resolve));
    void navigator.locks.request(name, { steal: true }, () => {
      stolen();
      return new Promise<void>((resolve) => (letGo = resolve));
    });
    check((await lost) === false, 'the holding heard that it lost the lock');
    await granted;
    const back = nextChange(holding);
    letGo();
    check((await back) === true, 'the holding took the lock back');
    holding.release();
  });

  it("another request's lock is its own", async function () {
    if (!hasWebLocks()) this.skip(); // this engine has no Web Locks API
    const first = await createTabLocks().hold(freshName());
    const second = await createTabLocks().hold(freshName());
    check(first.held && second.held, 'both held');
    first.release();
    second.release();
  });
});

/** Waits (yielding to timers) until `done()` holds; fails, rather than hangs, if it never does. */
async function waitFor(done: () => Promise<boolean>, what: string): Promise<void> {
  for (let round = 0; round < 200; round++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never saw ${what}`);
}
