import { registerMessages } from '@chatpay/ui';
import '../../src/define.js';
import { AGENT_MESSAGES_AR } from '../../src/locales/ar.js';
import { AGENT_MESSAGES_DE } from '../../src/locales/de.js';
import { AGENT_MESSAGES_ES } from '../../src/locales/es.js';
import { AGENT_MESSAGES_FR } from '../../src/locales/fr.js';
import { PAYMENT_ASK_MESSAGES_EN as WORDS } from '../../src/payment-ask/payment-ask.messages.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { focused } from '../../../../test-support/focus.js';
import { sendKeys } from '../../../../test-support/keys.js';
import { accessible, conversation, everythingIn, mount, settled } from './fixture.js';

declare function afterEach(body: () => void): void;
afterEach(() => document.body.replaceChildren());

const CATALOGUES = { es: AGENT_MESSAGES_ES, fr: AGENT_MESSAGES_FR, de: AGENT_MESSAGES_DE, ar: AGENT_MESSAGES_AR };
for (const [locale, catalogue] of Object.entries(CATALOGUES)) registerMessages(locale, catalogue);

/** The agent's console with the ask element on the conversation, after the customer asked to pay by card. */
async function asked(locale?: string) {
  const setup = conversation();
  const element = mount(document.createElement('chatpay-payment-ask'));
  if (locale) element.locale = locale;
  element.session = setup.agent;
  await settled(element);
  check(element.shadowRoot!.querySelector('[part~="base"]') === null, 'nothing before the customer asks');
  check((await setup.customer.askToPayByCard()).ok, 'the customer asks');
  await waitUntil(() => setup.agent.paymentAsk !== null, 'the ask at the agent');
  await settled(element);
  return { ...setup, element };
}

const part = (element: HTMLElement, name: string) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`);

describe('<chatpay-payment-ask>', () => {
  it('shows "The customer would like to pay by card" in a live region, and passes axe', async () => {
    const { element } = await asked();
    const region = element.shadowRoot!.querySelector('section')!;
    checkEqual(region.getAttribute('aria-live'), 'polite', 'announced politely');
    checkEqual(region.getAttribute('aria-label'), WORDS.label, 'a named region');
    check(region.textContent!.includes(WORDS.asked), 'the sentence');
    checkEqual(part(element, 'start')?.textContent?.trim(), WORDS.start, 'a way to start a card request');
    check(!/\d{2}/.test(everythingIn(element)), 'no digits anywhere (only a tabindex of -1): the ask carries none');
    await accessible('the customer’s ask');
  });

  it('Start a card request, from the keyboard, tells the host and puts the ask away', async () => {
    const { element, agent } = await asked();
    const chosen: unknown[] = [];
    element.addEventListener('chatpay-card-request-chosen', (event) => chosen.push(event.detail));
    part(element, 'start')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(chosen, [{ conversationId: 'c-1' }], 'the host hears which conversation');
    checkEqual(agent.paymentAsk, null, 'the ask is answered');
    check(part(element, 'start') === null, 'and gone');
  });

  it('Dismiss keeps the focus in the region', async () => {
    const { element, agent } = await asked();
    part(element, 'dismiss')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(agent.paymentAsk, null, 'dismissed');
    checkEqual(focused(), element.shadowRoot!.querySelector('section'), 'the focus on the region');
  });

  it('goes when the agent sends a request', async () => {
    const { element, requested } = await asked();
    await requested();
    await settled(element);
    check(part(element, 'start') === null, 'answered by the request');
  });

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`speaks ${locale}`, async () => {
      const { element } = await asked(locale);
      const words = catalogue['chatpay-payment-ask'];
      const shown = element.shadowRoot!.textContent!;
      check(shown.includes(words.asked) && shown.includes(words.start) && shown.includes(words.dismiss), locale);
    });
  }
});
