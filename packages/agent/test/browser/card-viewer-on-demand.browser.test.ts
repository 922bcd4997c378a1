// The card viewer loaded on demand by the status chip: the loader is replaced with one the test holds,
// fails or counts, in a page where nothing has defined the viewer before.
import { sendKeys } from '../../../../test-support/keys.js';
import type { AgentRequest } from '@chatpay/core';
import '../../src/define.js';
import type { ChatPayCardViewer } from '../../src/card-viewer/card-viewer.element.js';
import type { CardViewerLoader } from '../../src/card-viewer/card-viewer.loader.js';
import { ChatPayStatusChip } from '../../src/status-chip/status-chip.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { heldLoaderOf } from '../../../../test-support/held-loader.js';
import { accessible, conversation, mount, settled } from './fixture.js';

const LOADING = 'Loading the card viewer…';
const FAILED = 'The card viewer did not load. Check your connection and try again.';

/** A loader of the real part, held by the test. */
const heldLoader = () => heldLoaderOf(() => import('../../src/card-viewer/card-viewer.define.js'));

const originalLoader = ChatPayStatusChip.cardViewerLoader;
const originalWhenIdle = ChatPayStatusChip.whenIdle;
/** The idle prefetches asked for, run by the test when it wants them. */
let idle: (() => void)[] = [];

beforeEach(() => {
  idle = [];
  ChatPayStatusChip.whenIdle = (callback) => {
    idle.push(callback);
    return () => (idle = idle.filter((other) => other !== callback));
  };
});

afterEach(() => {
  ChatPayStatusChip.cardViewerLoader = originalLoader;
  ChatPayStatusChip.whenIdle = originalWhenIdle;
  document.body.replaceChildren();
});

/** A chip on a request of this agent's, its card arrived (VIEW CARD), with `loader` for its viewer. */
async function cardArrived(loader: CardViewerLoader) {
  ChatPayStatusChip.cardViewerLoader = loader;
  const setup = conversation();
  const request = await setup.requested();
  const element = document.createElement('chatpay-status-chip');
  element.locale = 'en-US';
  element.request = request;
  mount(element);
  await settled(element);
  checkEqual(idle.length, 0, 'nothing to prefetch while waiting for the customer');
  await setup.paid(request);
  await settled(element);
  checkEqual(label(element).textContent!.trim(), 'VIEW CARD', 'VIEW CARD offered');
  return { element, request };
}

const root = (element: ChatPayStatusChip) => element.shadowRoot!;
const label = (element: ChatPayStatusChip) => root(element).querySelector<HTMLButtonElement>('[part~="label"]')!;
const part = (element: ChatPayStatusChip, name: string) =>
  root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const loadText = (element: ChatPayStatusChip) =>
  part(element, 'viewer-load')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const viewer = (element: ChatPayStatusChip) =>
  root(element).querySelector<ChatPayCardViewer>('dialog chatpay-card-viewer');

async function cardShown(element: ChatPayStatusChip, request: AgentRequest) {
  await waitUntil(() => viewer(element) !== null, 'the viewer in the dialog');
  await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
  const shown = viewer(element)!;
  await settled(element, shown);
  await waitUntil(() => shown.shadowRoot!.textContent!.includes('4111 1111 1111 1111'), 'the card in the viewer');
}

describe('<chatpay-status-chip> loads the card viewer on demand', () => {
  it('says the viewer is loading in the dialog after VIEW CARD, then shows the card', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    label(element).click();
    await settled(element);
    const dialog = root(element).querySelector('dialog')!;
    check(dialog.open, 'the dialog opens at once');
    checkEqual(viewer(element), null, 'no viewer yet');
    checkEqual(loadText(element), LOADING, 'the dialog says it loads');
    checkEqual(part(element, 'viewer-load')!.getAttribute('role'), 'status', 'politely');
    checkEqual(request.timeline().phase, 'cardSubmitted', 'the card not opened while nothing can show it');
    await accessible('the viewer loading');
    await held.release();
    await cardShown(element, request);
    checkEqual(part(element, 'viewer-load'), null, 'nothing said of loading any more');
    checkEqual(held.calls.loads, 1, 'loaded once');
  });

  it('says the viewer did not load, with Try again, and Try again loads it', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    // Pressed without a pointer or a prior prefetch: the dialog's own load is the first.
    label(element).click();
    await settled(element);
    await held.fail();
    await waitUntil(() => part(element, 'viewer-retry') !== null, 'Try again');
    checkEqual(loadText(element), FAILED, 'the failure, in the dialog');
    checkEqual(part(element, 'viewer-load')!.getAttribute('role'), 'alert', 'as an alert');
    checkEqual(part(element, 'viewer-retry')!.textContent!.trim(), 'Try again', 'its words');
    await waitUntil(() => root(element).activeElement === part(element, 'viewer-retry'), 'the focus on Try again');
    checkEqual(request.timeline().phase, 'cardSubmitted', 'the card still waiting, not lost');
    await accessible('the viewer failed to load');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(loadText(element), LOADING, 'loading again');
    checkEqual(part(element, 'viewer-retry'), null, 'Try again is gone while it loads');
    await waitUntil(() => root(element).activeElement === part(element, 'close'), 'the focus kept in the dialog');
    await held.release();
    await cardShown(element, request);
    checkEqual(held.calls.loads, 2, 'loaded again');
  });

  it('prefetches on the focus of VIEW CARD, once, and then shows the card with no wait', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    const view = label(element);
    view.focus();
    view.dispatchEvent(new PointerEvent('pointerenter'));
    view.blur();
    view.focus();
    checkEqual(held.calls.loads, 1, 'the loader called once');
    await held.release();
    await waitUntil(() => held.loader.loaded(), 'prefetched');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    check(viewer(element), 'the viewer at once');
    checkEqual(part(element, 'viewer-load'), null, 'no wait said');
    await cardShown(element, request);
    checkEqual(held.calls.loads, 1, 'still once');
  });

  it('prefetches on idle once VIEW CARD is offered, and says nothing of a prefetch that failed', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    checkEqual(idle.length, 1, 'a prefetch on idle');
    idle[0]!();
    checkEqual(held.calls.loads, 1, 'the loader called');
    await held.fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(element);
    checkEqual(root(element).querySelector('dialog'), null, 'no dialog');
    checkEqual(loadText(element), null, 'nothing said of it');
    checkEqual(label(element).textContent!.trim(), 'VIEW CARD', 'VIEW CARD still offered');
    label(element).click();
    await settled(element);
    checkEqual(loadText(element), LOADING, 'loaded when needed');
    checkEqual(held.calls.loads, 2, 'loaded again, not the failure repeated');
    await held.release();
    await cardShown(element, request);
  });

  it('fetches nothing for a request whose card the agent cannot view here', async () => {
    const held = heldLoader();
    ChatPayStatusChip.cardViewerLoader = held.loader;
    const setup = conversation();
    const request = await setup.requested();
    const element = document.createElement('chatpay-status-chip');
    element.request = request;
    mount(element);
    await settled(element);
    request.cancel();
    await settled(element);
    checkEqual(idle.length, 0, 'no prefetch for a cancelled request');
    checkEqual(held.calls.loads, 0, 'nothing loaded');
  });
  it('closes the dialog when its request is taken away, and opens no card in a dialog nobody sees', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    label(element).click();
    await settled(element);
    element.request = undefined;
    await settled(element);
    await held.release();
    await waitUntil(() => held.loader.loaded(), 'the viewer defined');
    element.request = request;
    await settled(element);
    checkEqual(root(element).querySelector('dialog'), null, 'no dialog left behind, shut');
    checkEqual(viewer(element), null, 'no viewer');
    checkEqual(request.timeline().phase, 'cardSubmitted', 'the card still waiting for VIEW CARD');
    label(element).click();
    await cardShown(element, request);
    check(root(element).querySelector('dialog')!.matches(':modal'), 'shown in the modal dialog');
  });

  it('closes the dialog when the chip leaves the page while the viewer loads; put back, the card waits for VIEW CARD', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    label(element).click();
    await settled(element);
    element.remove();
    await held.release();
    await waitUntil(() => held.loader.loaded(), 'the viewer defined');
    await settled(element);
    checkEqual(request.timeline().phase, 'cardSubmitted', 'not opened out of the page');
    mount(element);
    await settled(element);
    checkEqual(root(element).querySelector('dialog'), null, 'no dialog open without its modality');
    checkEqual(request.timeline().phase, 'cardSubmitted', 'not opened once back either');
    label(element).click();
    await cardShown(element, request);
    check(root(element).querySelector('dialog')!.matches(':modal'), 'shown in the modal dialog');
  });

  it('loads again when VIEW CARD is chosen after a load that failed with the dialog closed', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    label(element).click();
    await settled(element);
    await sendKeys({ press: 'Escape' });
    await settled(element);
    checkEqual(root(element).querySelector('dialog'), null, 'closed while it loads');
    await waitUntil(() => root(element).activeElement === label(element), 'the focus back on VIEW CARD');
    await held.fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(loadText(element), LOADING, 'loading again, not the old failure');
    checkEqual(held.calls.loads, 2, 'a second load');
    await held.release();
    await cardShown(element, request);
  });

  it('opens no dialog and loads nothing for it when a host shows the card its own way', async () => {
    const held = heldLoader();
    const { element, request } = await cardArrived(held.loader);
    element.addEventListener('chatpay-view-card', (event) => event.preventDefault());
    label(element).click();
    await settled(element);
    checkEqual(root(element).querySelector('dialog'), null, 'no dialog');
    checkEqual(held.calls.loads, 0, 'nothing loaded');
    checkEqual(request.timeline().phase, 'cardSubmitted', 'the card left to the host');
  });
  it('loads once and opens only the card shown when the request is swapped again and again while the viewer loads', async () => {
    const held = heldLoader();
    ChatPayStatusChip.cardViewerLoader = held.loader;
    const setup = conversation();
    const first = await setup.requested();
    const second = await setup.requested();
    await setup.paid(first);
    await setup.paid(second);
    const element = document.createElement('chatpay-status-chip');
    element.request = first;
    mount(element);
    await settled(element);
    label(element).click();
    await settled(element);
    for (let swap = 0; swap < 50; swap++) {
      element.request = swap % 2 === 0 ? second : first;
      await settled(element);
    }
    checkEqual(loadText(element), LOADING, 'still loading');
    await held.release();
    await cardShown(element, first);
    checkEqual(second.timeline().phase, 'cardSubmitted', 'the card never shown not opened');
    checkEqual(held.calls.loads, 1, 'one load for every swap');
    checkEqual(idle.length, 1, 'one prefetch on idle asked for');
  });
});
