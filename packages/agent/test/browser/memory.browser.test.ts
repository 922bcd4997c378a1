import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { canCollectGarbage } from '../../../../test-support/engine.js';
import { conversation, mount, settled } from './fixture.js';

afterEach(() => document.body.replaceChildren());

type Gc = (options?: { type: 'major'; execution: 'async' }) => Promise<void> | void;
const gc = (window as unknown as { gc?: Gc }).gc;

/**
 * `count` whole lifecycles in one page, each shown by a status chip and a card viewer that are removed
 * afterwards, each request forgotten by both sessions. Returns weak references to what each left.
 */
async function lifecycles(count: number): Promise<WeakRef<object>[]> {
  const setup = conversation();
  const gone: WeakRef<object>[] = [];
  for (let round = 0; round < count; round++) {
    const request = await setup.requested();
    const chip = mount(document.createElement('chatpay-status-chip'));
    chip.request = request;
    await setup.paid(request);
    const viewer = mount(document.createElement('chatpay-card-viewer'));
    viewer.request = request;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
    await settled(chip, viewer);
    check(request.complete().ok, 'completed');
    await waitUntil(() => setup.customer.request(request.requestId)?.timeline().phase === 'completed', 'completion');
    await settled(chip, viewer);
    chip.remove();
    viewer.remove();
    const peer = setup.customer.request(request.requestId)!;
    gone.push(
      new WeakRef(chip),
      new WeakRef(viewer),
      new WeakRef(request),
      new WeakRef(request.actor),
      new WeakRef(peer),
    );
    check(setup.agent.forget(request.requestId).ok, 'forgotten by the agent');
    check(setup.customer.forget(request.requestId).ok, 'forgotten by the customer');
  }
  setup.agent.close();
  setup.customer.close();
  return gone;
}

describe('memory', () => {
  it('keeps nothing of removed elements and forgotten requests', async function () {
    if (!canCollectGarbage()) this.skip(); // only Chromium lets a page start a collection
    check(gc, 'the browser runs with --js-flags=--expose-gc');
    const gone = await lifecycles(40);
    await settled();
    // A few collections, each from a task of its own: the engine may keep an object one collection
    // longer (a stale pointer on its own stack); what is really retained survives them all.
    for (let round = 0; round < 5 && gone.some((ref) => ref.deref() !== undefined); round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await gc!({ type: 'major', execution: 'async' });
    }
    checkEqual(gone.filter((ref) => ref.deref() !== undefined).length, 0, 'elements, requests and actors left behind');
  });
});
