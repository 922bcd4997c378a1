import { registerMessages } from '@chatpay/ui';
import { CARD_FORM_MESSAGES_EN, PAYMENT_REQUEST_MESSAGES_EN } from '../../src/index.js';
import { check, checkEqual } from '../../../../test-support/check.js';
import { pseudo, shownText, unlocalised } from '../../../../test-support/pseudo-locale.js';
import { CUSTOMER_TOURS, TOUR_DATA } from './tour.js';

const LOCALE = 'qps-ploc';
registerMessages(LOCALE, {
  'chatpay-payment-request': pseudo(PAYMENT_REQUEST_MESSAGES_EN),
  'chatpay-card-form': pseudo(CARD_FORM_MESSAGES_EN),
});

beforeEach(() => (document.documentElement.lang = LOCALE));
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

function expectAllLocalised(state: string): void {
  const texts = shownText(document.body);
  check(
    texts.some((text) => text.includes('⟦')),
    `the pseudo-locale is in use, ${state}`,
  );
  checkEqual(unlocalised(texts, TOUR_DATA), [], `words not from the catalogue, ${state}`);
}

describe('every word of the customer elements comes from the catalogue of their locale', () => {
  for (const tour of CUSTOMER_TOURS) it(tour.name, () => tour.run(expectAllLocalised));
});
