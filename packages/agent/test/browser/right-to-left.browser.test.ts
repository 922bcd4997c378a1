import { registerMessages } from '@chatpay/ui';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import { AGENT_MESSAGES_AR } from '../../src/locales/ar.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { canTakeElementScreenshots } from '../../../../test-support/engine.js';
import { misalignedLabels, misorderedButtons, overflowing } from '../../../../test-support/presentation.js';
import { chatColumn, painted } from '../../../../test-support/screenshots.js';
import { accessible, conversation, settled } from './fixture.js';

registerMessages('ar', AGENT_MESSAGES_AR);

afterEach(() => document.body.replaceChildren());

/**
 * The agent's side panel in a column of fixed width and font, laid out in `direction`: the composer
 * showing its errors, a request waiting for the customer, and a card open in the viewer.
 */
async function panel(direction: 'ltr' | 'rtl', locale: string) {
  const main = chatColumn(direction, locale, 'display: grid; gap: 12px;');
  const setup = conversation();
  const composer = main.appendChild(document.createElement('chatpay-request-composer'));
  composer.locale = locale;
  composer.session = setup.agent;
  await settled(composer);
  composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request"]')!.click();
  const waiting = await setup.requested();
  const chip = main.appendChild(document.createElement('chatpay-status-chip'));
  chip.locale = locale;
  chip.request = waiting;
  const paid = await setup.requested();
  await setup.paid(paid);
  const viewer = main.appendChild(document.createElement('chatpay-card-viewer'));
  viewer.locale = locale;
  viewer.visibleWhenUnfocused = true;
  viewer.request = paid;
  await waitUntil(() => paid.timeline().phase === 'cardViewing', 'the card opened');
  await settled(composer, chip, viewer);
  // The composer moved focus to its first field with an error; a blinking caret would make each
  // screenshot different.
  (composer.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  check(composer.shadowRoot!.querySelector('.error'), 'the composer shows its errors');
  return { main, viewer };
}

/** Whether the text of `element` runs left to right on screen: its first character left of its last. */
function runsLeftToRight(element: Element): boolean {
  const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
  const character = (index: number) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect();
  };
  return character(0).left < character(text.textContent!.length - 1).left;
}

describe('the agent elements, left to right and right to left', () => {
  for (const [direction, locale] of [
    ['ltr', 'en'],
    ['rtl', 'ar'],
  ] as const) {
    it(`lay out ${direction} (${locale}): labels at the start of their fields, buttons in reading order`, async () => {
      const { viewer } = await panel(direction, locale);
      checkEqual(misalignedLabels(document.body, direction), { checked: 2, wrong: [] }, 'amount and reason labels');
      checkEqual(
        misorderedButtons(document.body, direction),
        { checked: 1, wrong: [] },
        "the viewer's Mark as Completed and Cancel request in reading order",
      );
      checkEqual(overflowing(document.body), [], 'everything within a 22rem column');
      const row = viewer.shadowRoot!.querySelector('.row')!;
      const term = row.querySelector('dt')!.getBoundingClientRect();
      const value = row.querySelector('dd')!.getBoundingClientRect();
      check(direction === 'rtl' ? term.left > value.left : term.left < value.left, 'each detail follows its name');
      // A card number, an expiry and a code read left to right in every language.
      const digits = [...viewer.shadowRoot!.querySelectorAll('.value.digits')];
      checkEqual(digits.length, 3, 'the number, the expiry and the code');
      for (const value of digits) check(runsLeftToRight(value), `"${value.textContent}" runs left to right`);
      await accessible(`${direction}, composer, chip, viewer`);
    });
  }

  it('match their right-to-left screenshot', async function () {
    if (!canTakeElementScreenshots()) this.skip(); // WebKitGTK's element screenshots are offset
    const { main } = await panel('rtl', 'ar');
    await painted();
    await visualDiff(main, 'agent-panel-rtl');
  });
});
