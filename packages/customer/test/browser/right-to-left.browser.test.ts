import { registerMessages } from '@chatpay/ui';
import { createAgentSession, createCustomerSession, createMemoryTransportPair } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/define.js';
// The card form defined ahead, as a prefetch leaves it: its loading on demand has tests of its own.
import '../../src/card-form/card-form.define.js';
import { CUSTOMER_MESSAGES_AR } from '../../src/locales/ar.js';
import type { ChatPayPaymentRequest } from '../../src/payment-request/payment-request.element.js';
import { accessible } from '../../../../test-support/axe.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { canTakeElementScreenshots } from '../../../../test-support/engine.js';
import { START } from '../../../../test-support/data.js';
import { misalignedLabels, misorderedButtons, overflowing } from '../../../../test-support/presentation.js';
import { chatColumn, painted } from '../../../../test-support/screenshots.js';

registerMessages('ar', CUSTOMER_MESSAGES_AR);

afterEach(() => document.body.replaceChildren());

/** A payment request in a chat column of fixed width and font, laid out in `direction`. */
async function bubble(direction: 'ltr' | 'rtl', locale: string) {
  const clock = new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd, clock });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd, clock });
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 123456, currency: 'EUR' }, reason: 'Ersatzteil' }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.requests.length === 1, 'the request');
  const main = chatColumn(direction, locale);
  const element = main.appendChild(document.createElement('chatpay-payment-request'));
  element.locale = locale;
  element.now = () => new Date(clock.now());
  element.request = customer.requests[0]!;
  await element.updateComplete;
  return { main, element };
}

/** Opens the card form and tries to pay with every field empty, so that every error shows. */
async function formWithErrors(element: ChatPayPaymentRequest) {
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
  const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
  await form.updateComplete;
  form.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await form.updateComplete;
  check(form.shadowRoot!.querySelector('.error'), 'errors are shown');
  // Trying to pay moved focus to the first field with an error; a blinking caret would make each
  // screenshot different.
  (form.shadowRoot!.activeElement as HTMLElement | null)?.blur();
}

describe('the customer elements, left to right and right to left', () => {
  for (const [direction, locale] of [
    ['ltr', 'en'],
    ['rtl', 'ar'],
  ] as const) {
    it(`lay out ${direction} (${locale}): labels at the start of their fields, buttons in reading order`, async () => {
      const { element } = await bubble(direction, locale);
      const request = misorderedButtons(document.body, direction);
      checkEqual(request, { checked: 1, wrong: [] }, 'Decline and Enter Payment in reading order');
      await formWithErrors(element);
      const labels = misalignedLabels(document.body, direction);
      checkEqual(labels, { checked: 4, wrong: [] }, 'the four labels of the card form at the start of their fields');
      checkEqual(overflowing(document.body), [], 'everything within a 22rem column');
      const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
      for (const field of ['number', 'expiry', 'securityCode']) {
        const input = form.shadowRoot!.querySelector(`#${field}`)!;
        checkEqual(getComputedStyle(input).direction, 'ltr', `the ${field} is written left to right`);
      }
      await accessible(`${direction}, the form with errors`);
    });
  }

  it('match their right-to-left screenshots', async function () {
    if (!canTakeElementScreenshots()) this.skip(); // WebKitGTK's element screenshots are offset
    const { main, element } = await bubble('rtl', 'ar');
    await painted();
    await visualDiff(main, 'payment-request-rtl');
    await formWithErrors(element);
    await painted();
    await visualDiff(main, 'card-form-rtl-errors');
  });
});
