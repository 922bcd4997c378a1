// The card form loaded on demand by the bubble: the loader is replaced with one the test holds, fails
// or counts, in a page where nothing has defined the form before.
import { sendKeys } from '../../../../test-support/keys.js';
import '../../src/define.js';
import { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.element.js';
import type { CardFormLoader } from '../../src/card-form/card-form.loader.js';
import { accessible } from '../../../../test-support/axe.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { heldLoaderOf } from '../../../../test-support/held-loader.js';
import { pair, sendTo } from './fixture.js';

const LOADING = 'Loading the secure form…';
const FAILED = 'The secure form did not load. Check your connection and try again.';

/** A loader of the real part, held by the test. */
const heldLoader = () => heldLoaderOf(() => import('../../src/card-form/card-form.define.js'));

const originalLoader = ChatPayPaymentRequest.cardFormLoader;
const originalWhenIdle = ChatPayPaymentRequest.whenIdle;
/** The idle prefetches asked for, run by the test when it wants them. */
let idle: (() => void)[] = [];

beforeEach(() => {
  idle = [];
  ChatPayPaymentRequest.whenIdle = (callback) => {
    idle.push(callback);
    return () => (idle = idle.filter((other) => other !== callback));
  };
});

afterEach(() => {
  ChatPayPaymentRequest.cardFormLoader = originalLoader;
  ChatPayPaymentRequest.whenIdle = originalWhenIdle;
  document.body.replaceChildren();
});

async function shown(loader: CardFormLoader) {
  ChatPayPaymentRequest.cardFormLoader = loader;
  const { agent, customer } = pair();
  const { incoming } = await sendTo(agent, customer);
  const main = document.body.appendChild(document.createElement('main'));
  const element = main.appendChild(document.createElement('chatpay-payment-request'));
  element.locale = 'en-US';
  element.request = incoming;
  await element.updateComplete;
  return element;
}

const root = (element: ChatPayPaymentRequest) => element.shadowRoot!;
const part = (element: ChatPayPaymentRequest, name: string) =>
  root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const statusText = (element: ChatPayPaymentRequest) =>
  part(element, 'status')!.textContent!.replace(/\s+/g, ' ').trim();
const form = (element: ChatPayPaymentRequest) => root(element).querySelector('chatpay-card-form');

async function focusOnNumber(element: ChatPayPaymentRequest) {
  await waitUntil(() => form(element) !== null, 'the form in place');
  await form(element)!.updateComplete;
  await waitUntil(() => form(element)!.shadowRoot!.activeElement?.id === 'number', 'the focus on the card number');
}

describe('<chatpay-payment-request> loads the card form on demand', () => {
  it('says the form is loading after Enter Payment, then shows it with the focus on its first field', async () => {
    const held = heldLoader();
    const element = await shown(held.loader);
    checkEqual(held.calls.loads, 0, 'nothing loaded before it may be needed');
    part(element, 'enter-payment')!.click();
    await element.updateComplete;
    checkEqual(form(element), null, 'no form yet');
    checkEqual(statusText(element), LOADING, 'the status line says it loads');
    checkEqual(part(element, 'status')!.getAttribute('role'), 'status', 'politely');
    await waitUntil(() => root(element).activeElement === part(element, 'status'), 'the focus on the status line');
    await accessible('the form loading');
    await held.release();
    await focusOnNumber(element);
    checkEqual(statusText(element), 'Enter your card details', 'the form is there');
    checkEqual(held.calls.loads, 1, 'loaded once');
  });

  it('says the form did not load, with Try again, and Try again loads it', async () => {
    const held = heldLoader();
    const element = await shown(held.loader);
    part(element, 'enter-payment')!.focus();
    await sendKeys({ press: 'Enter' });
    await held.fail();
    await waitUntil(() => part(element, 'form-retry') !== null, 'Try again');
    checkEqual(statusText(element), FAILED, 'the failure, in the status line');
    checkEqual(part(element, 'form-retry')!.textContent!.trim(), 'Try again', 'its words');
    await waitUntil(() => root(element).activeElement === part(element, 'form-retry'), 'the focus on Try again');
    checkEqual(form(element), null, 'no form');
    await accessible('the form failed to load');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    checkEqual(statusText(element), LOADING, 'loading again');
    checkEqual(part(element, 'form-retry'), null, 'Try again is gone while it loads');
    await waitUntil(() => root(element).activeElement === part(element, 'status'), 'the focus on the status line');
    await held.release();
    await focusOnNumber(element);
    checkEqual(held.calls.loads, 2, 'loaded again');
  });

  it('prefetches on the focus of Enter Payment, once, and then shows the form with no wait', async () => {
    const held = heldLoader();
    const element = await shown(held.loader);
    const enter = part(element, 'enter-payment')!;
    enter.focus();
    enter.dispatchEvent(new PointerEvent('pointerenter'));
    enter.blur();
    enter.focus();
    checkEqual(held.calls.loads, 1, 'the loader called once');
    await held.release();
    await waitUntil(() => held.loader.loaded(), 'prefetched');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    check(form(element), 'the form at once');
    check(statusText(element) !== LOADING, 'no wait said');
    await focusOnNumber(element);
    checkEqual(held.calls.loads, 1, 'still once');
  });

  it('prefetches on idle once the request is shown, and says nothing of a prefetch that failed', async () => {
    const held = heldLoader();
    const element = await shown(held.loader);
    checkEqual(idle.length, 1, 'a prefetch on idle');
    idle[0]!();
    checkEqual(held.calls.loads, 1, 'the loader called');
    await held.fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
    checkEqual(statusText(element), '', 'nothing said of it');
    check(part(element, 'enter-payment'), 'Enter Payment still offered');
    part(element, 'enter-payment')!.click();
    await element.updateComplete;
    checkEqual(statusText(element), LOADING, 'loaded when needed');
    checkEqual(held.calls.loads, 2, 'loaded again, not the failure repeated');
    await held.release();
    await waitUntil(() => form(element) !== null, 'the form in place');
  });
});
