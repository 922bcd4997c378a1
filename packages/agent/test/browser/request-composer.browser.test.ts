import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentSession,
  createMemoryTransportPair,
  MAX_REASON_LENGTH,
  numberSeparators,
  parseAmount,
  parseMessage,
  type WireMessage,
} from '@chatpay/core';
import '../../src/define.js';
import { amountRulesFor, readTypedAmount } from '../../src/request-composer/amount-typing.js';
import type { ChatPayRequestComposer } from '../../src/request-composer/request-composer.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { accessibilityTree, findAccessible } from '../../../../test-support/engine.js';
import { agentTrust } from '../../../../test-support/trust.js';
import { accessible, conversation, mount, settled } from './fixture.js';

afterEach(() => document.body.replaceChildren());

function composer(options: Partial<Pick<ChatPayRequestComposer, 'currencies' | 'locale' | 'currency'>> = {}) {
  const setup = conversation();
  const element = document.createElement('chatpay-request-composer');
  Object.assign(element, { locale: 'en-US', ...options });
  element.session = setup.agent;
  mount(element);
  return { ...setup, element };
}

const shadow = (element: ChatPayRequestComposer) => element.shadowRoot!;
const field = <T extends HTMLElement = HTMLInputElement>(element: ChatPayRequestComposer, id: string) =>
  shadow(element).querySelector<T>(`#${id}`)!;
const part = (element: ChatPayRequestComposer, name: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="${name}"]`);
const errors = (element: ChatPayRequestComposer) =>
  [...shadow(element).querySelectorAll('.error')].map((node) => node.textContent!.trim());

async function typeInto(element: ChatPayRequestComposer, id: string, text: string) {
  field(element, id).focus();
  await sendKeys({ type: text });
  await settled(element);
}

/** Puts `text` in the field at the caret in one go, as a paste does: one input event for all of it. */
async function pasteInto(element: ChatPayRequestComposer, id: string, text: string) {
  field(element, id).focus();
  document.execCommand('insertText', false, text);
  await settled(element);
}

/** Empties the amount the way an agent does, selecting it all and deleting. */
async function clearAmount(element: ChatPayRequestComposer) {
  const amount = field(element, 'amount');
  amount.focus();
  amount.select();
  await sendKeys({ press: 'Backspace' });
  await settled(element);
}

/** The number in a formatted amount, without its symbol: its first run of digits and the locale's separators. */
function numberIn(formatted: string, locale: string): string {
  const { group, decimal } = numberSeparators(locale);
  const marks = new Set([group, decimal]);
  const chars = [...formatted];
  const start = chars.findIndex((char) => /\p{Nd}/u.test(char));
  let end = start;
  while (
    end < chars.length &&
    (/\p{Nd}/u.test(chars[end]!) || (marks.has(chars[end]!) && /\p{Nd}/u.test(chars[end + 1] ?? '')))
  )
    end += 1;
  return chars.slice(start, end).join('');
}

describe('<chatpay-request-composer>', () => {
  it('lets a keyboard-only agent compose, confirm and send, and the timeline waits for the customer', async () => {
    const { element, agent, customer } = composer();
    await settled(element);
    await accessible('empty');
    const sent: unknown[] = [];
    element.addEventListener('chatpay-request-sent', (event) => sent.push(event.detail));
    await typeInto(element, 'amount', '1234.5');
    checkEqual(field(element, 'amount').value, '1,234.5', 'the amount is grouped for en-US as it is typed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Replacement charger' });
    await sendKeys({ press: 'Tab' });
    check(shadow(element).activeElement === part(element, 'request'), 'Tab reaches Request');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const confirmation = part(element, 'confirmation')!;
    check(
      confirmation && field(element, 'amount').closest('form')!.hidden,
      'the confirmation shows instead of the fields',
    );
    check(confirmation.textContent!.includes('$1,234.50'), 'with the formatted amount');
    check(confirmation.textContent!.includes('Replacement charger'), 'and the reason');
    check(shadow(element).activeElement === part(element, 'send'), 'focus on Send');
    await accessible('confirming');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(sent.length, 1, 'one chatpay-request-sent');
    const [request] = agent.requests;
    checkEqual(sent[0], { requestId: request!.requestId, conversationId: 'c-1' }, 'the event names the request');
    await waitUntil(() => request!.timeline().status === 'waiting-for-customer', 'WAITING FOR CUSTOMER');
    await waitUntil(() => customer.requests.length === 1, 'the request at the customer');
    checkEqual(customer.requests[0]!.terms.amount, { minor: 123450, currency: 'USD' }, 'the amount in minor units');
    checkEqual(field(element, 'amount').value, '', 'the composer is ready for the next one');
    checkEqual(shadow(element).querySelector('[role="status"]')!.textContent, 'Request sent.', 'announced');
    check(shadow(element).activeElement === field(element, 'amount'), 'focus back on the amount');
    await accessible('sent');
  });

  it('goes Back to the fields with nothing lost, and can be discarded', async () => {
    const { element, agent } = composer();
    await settled(element);
    await typeInto(element, 'amount', '99.99');
    await typeInto(element, 'reason', 'Two lines\nof reason');
    part(element, 'request')!.click();
    await settled(element);
    part(element, 'back')!.click();
    await settled(element);
    checkEqual(part(element, 'confirmation'), null, 'back to the fields');
    checkEqual(field(element, 'amount').value, '99.99', 'the amount kept');
    checkEqual(field<HTMLTextAreaElement>(element, 'reason').value, 'Two lines\nof reason', 'the reason kept');
    check(shadow(element).activeElement === part(element, 'request'), 'focus on Request');
    checkEqual(agent.requests.length, 1, 'one request, still a draft');
    checkEqual(agent.requests[0]!.timeline().phase, 'draft', 'in draft');
    part(element, 'discard')!.click();
    await settled(element);
    checkEqual(agent.requests[0]!.timeline().phase, 'cancelled', 'discarded');
    checkEqual(part(element, 'discard'), null, 'nothing left to discard');
  });

  it('shows a clear error for every invalid input, and sends nothing', async () => {
    const { element, agent } = composer({ currencies: ['USD', 'JPY'] });
    await settled(element);
    part(element, 'request')!.click();
    await settled(element);
    checkEqual(errors(element), ['Enter the amount to charge.', 'Enter the reason for the charge.'], 'both fields');
    check(shadow(element).activeElement === field(element, 'amount'), 'focus on the first error');
    checkEqual(field(element, 'amount').getAttribute('aria-invalid'), 'true', 'marked invalid');
    check(field(element, 'amount').getAttribute('aria-describedby')!.includes('amount-error'), 'error tied to field');
    await accessible('errors');
    await typeInto(element, 'amount', '0');
    checkEqual(errors(element)[0], 'The amount must be more than zero.', 'zero');
    field(element, 'amount').value = '';
    field(element, 'amount').dispatchEvent(new Event('input'));
    await typeInto(element, 'amount', '2000000');
    checkEqual(errors(element)[0], 'The amount is over the maximum of $1,000,000.00.', 'over the maximum');
    field(element, 'amount').value = '';
    field(element, 'amount').dispatchEvent(new Event('input'));
    await typeInto(element, 'amount', '12.50');
    const select = field<HTMLSelectElement>(element, 'currency');
    select.value = 'JPY';
    select.dispatchEvent(new Event('change'));
    await settled(element);
    checkEqual(field(element, 'amount').value, '12', 'JPY takes no decimals');
    checkEqual(errors(element)[0], 'JPY takes fewer decimals: the amount changed. Check it.', 'and the agent is told');
    checkEqual(agent.requests.length, 0, 'nothing was created');
  });

  it("gives a screen reader each field's name, hint and error, from the browser's accessibility tree", async function () {
    const { element } = composer();
    await settled(element);
    part(element, 'request')!.click();
    await settled(element);
    const tree = await accessibilityTree();
    if (!tree) this.skip(); // only Chromium gives the runner its accessibility tree
    const text = (id: string) => shadow(element).querySelector(`#${id}`)!.textContent!.trim();
    for (const [id, role, hint] of [
      ['amount', 'textbox', 'amount-hint'],
      ['reason', 'textbox', 'reason-count'],
    ] as const) {
      const label = field(element, id).closest('label')!.textContent!.trim();
      const node = findAccessible(tree!, (candidate) => candidate.role === role && candidate.name === label)[0];
      check(node, `a ${role} named "${label}"`);
      check(node!.description?.includes(text(hint)), `"${label}" is described by its hint: ${node!.description}`);
      check(
        node!.description?.includes(text(`${id}-error`)),
        `"${label}" is described by its error: ${node!.description}`,
      );
      checkEqual(node!.invalid, 'true', `"${label}" is invalid`);
    }
  });

  it('masks the amount with the locale separators and the currency decimals', async () => {
    const { element, customer } = composer({ locale: 'de-DE', currency: 'EUR' });
    await settled(element);
    await typeInto(element, 'amount', '1234,567');
    checkEqual(field(element, 'amount').value, '1.234,567', 'German separators, and the third decimal kept in view');
    checkEqual(errors(element)[0], 'EUR amounts have at most 2 decimals.', 'the third decimal is refused, and says so');
    await sendKeys({ press: 'Backspace' });
    await settled(element);
    checkEqual(field(element, 'amount').value, '1.234,56', 'two decimals');
    checkEqual(errors(element), [], 'and the refusal goes once the text is an amount');
    check(shadow(element).querySelector('#amount-hint')!.textContent!.includes('EUR'), 'the hint names the currency');
    await typeInto(element, 'reason', 'Ersatzteil');
    part(element, 'request')!.click();
    await settled(element);
    check(part(element, 'confirmation')!.textContent!.includes('1.234,56'), 'confirmed in German');
    part(element, 'send')!.click();
    await waitUntil(() => customer.requests.length === 1, 'sent');
    checkEqual(customer.requests[0]!.terms.amount, { minor: 123456, currency: 'EUR' }, 'read in minor units');
  });

  it('refuses a "." typed in German, rather than reading "1.5" as fifteen', async () => {
    const { element } = composer({ locale: 'de-DE', currency: 'EUR' });
    await settled(element);
    await typeInto(element, 'amount', '1.');
    checkEqual(field(element, 'amount').value, '1.', 'the "." stays in view');
    checkEqual(
      errors(element)[0],
      'In German, "." groups thousands; use "," for decimals.',
      'the agent learns how to type decimals here',
    );
    await sendKeys({ press: 'Backspace' });
    await typeInto(element, 'amount', ',5');
    checkEqual(field(element, 'amount').value, '1,5', 'then types it the German way');
    checkEqual(errors(element), [], 'and the notice goes');
    await typeInto(element, 'amount', 'x');
    checkEqual(errors(element)[0], 'Only digits, and "," for decimals, can be typed here.', 'a letter');
  });

  it('takes digits typed in Arabic-Indic script', async () => {
    const { element } = composer({ locale: 'ar-EG', currency: 'EGP' });
    await settled(element);
    await typeInto(element, 'amount', '١٢');
    check(
      field(element, 'amount').value.replace(/\D/g, '') === '12',
      `the digits are taken (${field(element, 'amount').value})`,
    );
    checkEqual(errors(element), [], 'without a notice');
  });

  it('sends once, however the buttons are clicked', async () => {
    const [agentEnd, peer] = createMemoryTransportPair();
    const wire: WireMessage[] = [];
    peer.subscribe((raw) => {
      const parsed = parseMessage(raw);
      if (parsed.ok && parsed.value.type !== 'payment.asked') wire.push(parsed.value);
    });
    const element = document.createElement('chatpay-request-composer');
    element.session = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd });
    mount(element);
    await settled(element);
    await typeInto(element, 'amount', '5');
    await typeInto(element, 'reason', 'Postage');
    const request = part(element, 'request')!;
    request.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true, composed: true }));
    await settled(element);
    // The second click of the double click lands on Send, now where Request was.
    part(element, 'send')!.dispatchEvent(new MouseEvent('click', { detail: 2, bubbles: true, composed: true }));
    await settled(element);
    check(part(element, 'confirmation') !== null, 'a double click on Request does not send');
    const send = part(element, 'send')!;
    send.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true, composed: true }));
    send.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true, composed: true }));
    await waitUntil(() => wire.length > 0, 'the request on the wire');
    await settled(element);
    checkEqual(
      wire.map((message) => message.type),
      ['request.created'],
      'one request on the wire',
    );
  });

  it('refuses a reason with a direction-changing character as it is typed, and creates no request', async () => {
    const { element, agent } = composer();
    await settled(element);
    await typeInto(element, 'amount', '5');
    const reason = field<HTMLTextAreaElement>(element, 'reason');
    reason.value = 'Refund \u202egnp.exe';
    reason.dispatchEvent(new Event('input'));
    reason.dispatchEvent(new Event('blur'));
    await settled(element);
    checkEqual(
      errors(element),
      ['The reason has control, direction-changing or invisible characters. Remove them.'],
      'said on leaving the field',
    );
    part(element, 'request')!.click();
    await settled(element);
    check(shadow(element).activeElement === reason, 'focus on the reason');
    checkEqual(part(element, 'confirmation'), null, 'no confirmation');
    checkEqual(agent.requests.length, 0, 'nothing was created');
  });

  for (const [locale, currency, text, error] of [
    ['en-US', 'USD', '12,50', 'In English, "," groups thousands; use "." for decimals.'],
    ['es', 'EUR', '12.50', 'In Spanish, "." groups thousands; use "," for decimals.'],
    ['de', 'EUR', '12.50', 'In German, "." groups thousands; use "," for decimals.'],
    ['fr', 'EUR', '12 50', 'In French, a space groups thousands; use "," for decimals.'],
    ['en-US', 'USD', '1e12', 'Type the amount out in full: an exponent such as "e12" is not read here.'],
    ['es', 'EUR', '1e12', 'Type the amount out in full: an exponent such as "e12" is not read here.'],
    ['en-US', 'USD', '-5', 'The amount cannot be negative.'],
    ['ar', 'EGP', '-5', 'The amount cannot be negative.'],
    ['fr', 'EUR', '12x', 'Only digits, and "," for decimals, can be typed here.'],
  ] as const) {
    for (const how of ['typed', 'pasted'] as const) {
      it(`keeps "${text}" ${how} in ${locale} in view, refused with the reason until it is an amount`, async () => {
        const { element, agent } = composer({ locale, currency });
        await settled(element);
        await (how === 'typed' ? typeInto : pasteInto)(element, 'amount', text);
        checkEqual(field(element, 'amount').value, text, 'the text as the agent wrote it');
        checkEqual(errors(element), [error], 'refused with the reason, at once');
        checkEqual(field(element, 'amount').getAttribute('aria-invalid'), 'true', 'marked invalid');
        await typeInto(element, 'reason', 'Postage');
        checkEqual(errors(element), [error], 'still said after other keystrokes');
        part(element, 'request')!.click();
        await settled(element);
        checkEqual(part(element, 'confirmation'), null, 'no confirmation');
        checkEqual(agent.requests.length, 0, 'nothing was created');
        check(shadow(element).activeElement === field(element, 'amount'), 'focus on the amount');
        await clearAmount(element);
        await typeInto(element, 'amount', '5');
        checkEqual(errors(element), [], 'the refusal goes once the text is an amount');
      });
    }
  }

  for (const [locale, currency, text, shown] of [
    ['en-US', 'USD', '1234.5', '1,234.5'],
    ['es', 'EUR', '1234,5', '1.234,5'],
    ['de', 'EUR', '1234,56', '1.234,56'],
    ['fr', 'EUR', '1234,5', '1\u202f234,5'],
    ['ar', 'EGP', '12.5', null],
    ['en-IN', 'INR', '123456.7', '1,23,456.7'],
  ] as const) {
    for (const how of ['typed', 'pasted'] as const) {
      it(`confirms exactly the amount the field shows: "${text}" ${how} in ${locale}`, async () => {
        const { element, customer } = composer({ locale, currency });
        await settled(element);
        await (how === 'typed' ? typeInto : pasteInto)(element, 'amount', text);
        const value = field(element, 'amount').value;
        if (shown && how === 'typed') checkEqual(value, shown, 'written with the locale separators');
        const rules = amountRulesFor(locale, currency);
        const inField = readTypedAmount(value, rules);
        check(inField.ok, `the field reads as an amount (${value})`);
        await typeInto(element, 'reason', 'Postage');
        part(element, 'request')!.click();
        await settled(element);
        const confirmed = shadow(element).querySelector('#summary strong')!.textContent!;
        const readBack = parseAmount(numberIn(confirmed, locale), currency, { locale });
        checkEqual(readBack.ok && readBack.value, inField.ok && inField.value, `the confirmation (${confirmed})`);
        part(element, 'send')!.click();
        await waitUntil(() => customer.requests.length === 1, 'sent');
        checkEqual(customer.requests[0]!.terms.amount, inField.ok && inField.value, 'and that amount is charged');
      });
    }
  }

  for (const how of ['typed', 'pasted'] as const) {
    it(`refuses a reason over the limit ${how}, counting it, and cuts nothing`, async () => {
      const { element, agent } = composer();
      await settled(element);
      await typeInto(element, 'amount', '5');
      const long = 'x'.repeat(how === 'typed' ? MAX_REASON_LENGTH + 1 : 5000);
      if (how === 'typed') {
        const reason = field<HTMLTextAreaElement>(element, 'reason');
        reason.value = 'x'.repeat(MAX_REASON_LENGTH);
        reason.dispatchEvent(new Event('input'));
        await typeInto(element, 'reason', 'x');
      } else await pasteInto(element, 'reason', long);
      checkEqual(field<HTMLTextAreaElement>(element, 'reason').value.length, long.length, 'nothing cut');
      check(!field(element, 'reason').hasAttribute('maxlength'), 'no maxlength to cut a paste');
      const count = how === 'typed' ? '501 of 500 characters' : '5,000 of 500 characters';
      checkEqual(shadow(element).querySelector('#reason-count')!.textContent!.trim(), count, 'the count');
      checkEqual(errors(element), [`Enter a reason of at most 500 characters, without control characters.`], 'at once');
      part(element, 'request')!.click();
      await settled(element);
      checkEqual(part(element, 'confirmation'), null, 'no confirmation');
      checkEqual(agent.requests.length, 0, 'nothing was created');
    });
  }

  it('says so when its currency list has a code that is not a currency', async () => {
    const { element } = composer({ currencies: ['USD', 'XXQ'] });
    await settled(element);
    checkEqual(
      errors(element)[0],
      'The currency "XXQ" is not a known ISO 4217 code. Set a valid currency.',
      'a visible configuration error',
    );
    check(part(element, 'request')!.disabled, 'Request is disabled');
  });
});
