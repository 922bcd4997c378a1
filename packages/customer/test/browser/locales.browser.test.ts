import { registerMessages } from '@chatpay/ui';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type CustomerRequest,
} from '@chatpay/core';
import '../../src/define.js';
// The card form defined ahead, as a prefetch leaves it: its loading on demand has tests of its own.
import '../../src/card-form/card-form.define.js';
import { CUSTOMER_MESSAGES_AR } from '../../src/locales/ar.js';
import { CUSTOMER_MESSAGES_DE } from '../../src/locales/de.js';
import { CUSTOMER_MESSAGES_ES } from '../../src/locales/es.js';
import { CUSTOMER_MESSAGES_FR } from '../../src/locales/fr.js';
import { check, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { replacedRequest, resumedRequest } from './fixture.js';

const CATALOGUES = {
  es: CUSTOMER_MESSAGES_ES,
  fr: CUSTOMER_MESSAGES_FR,
  de: CUSTOMER_MESSAGES_DE,
  ar: CUSTOMER_MESSAGES_AR,
};
for (const [locale, catalogue] of Object.entries(CATALOGUES)) registerMessages(locale, catalogue);

afterEach(() => document.body.replaceChildren());

async function bubble(locale: string) {
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd });
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 123456, currency: 'EUR' }, reason: 'Ersatzteil' }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.requests.length === 1, 'the request');
  const element = document.createElement('chatpay-payment-request');
  element.locale = locale;
  element.request = customer.requests[0]!;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

describe('the customer elements in Spanish, French, German and Arabic', () => {
  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`shows its words and the amount in ${locale}`, async () => {
      const element = await bubble(locale);
      const shown = element.shadowRoot!.textContent!;
      const words = catalogue['chatpay-payment-request'];
      check(shown.includes(words.title), `the title in ${locale}`);
      check(shown.includes(words.enterPayment) && shown.includes(words.decline), `the actions in ${locale}`);
      check(
        shown.includes(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(1234.56)),
        'the amount',
      );
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
      await element.updateComplete;
      const asked = element.shadowRoot!.textContent!;
      check(asked.includes(words.declineQuestion), `the decline question in ${locale}`);
      check(asked.includes(words.keep) && asked.includes(words.confirmDecline), `its answers in ${locale}`);
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="keep"]')!.click();
      await element.updateComplete;
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="enter-payment"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await element.updateComplete;
      const form = element.shadowRoot!.querySelector('chatpay-card-form')!;
      await form.updateComplete;
      check(
        form.shadowRoot!.textContent!.includes(catalogue['chatpay-card-form'].legend),
        `the card form in ${locale}`,
      );
    });

    it(`says in ${locale} that a request was replaced, and that a reloaded form was not kept`, async () => {
      const show = async (request: CustomerRequest) => {
        const element = document.body.appendChild(document.createElement('chatpay-payment-request'));
        element.locale = locale;
        element.request = request;
        await element.updateComplete;
        return element;
      };
      const replaced = await show((await replacedRequest()).old);
      check(
        replaced.shadowRoot!.textContent!.includes(catalogue['chatpay-payment-request'].status.replaced),
        `replaced, in ${locale}`,
      );
      check(
        replaced.shadowRoot!.textContent!.includes(catalogue['chatpay-payment-request'].notCharged),
        `not charged, in ${locale}`,
      );
      const resumed = await show((await resumedRequest()).incoming);
      const form = resumed.shadowRoot!.querySelector('chatpay-card-form')!;
      await form.updateComplete;
      check(form.shadowRoot!.textContent!.includes(catalogue['chatpay-card-form'].resumed), `resumed, in ${locale}`);
    });
  }
});
