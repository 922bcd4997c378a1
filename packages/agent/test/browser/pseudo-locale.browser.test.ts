import { registerMessages } from '@chatpay/ui';
import {
  ACTIVITY_DOT_MESSAGES_EN,
  CARD_VIEWER_MESSAGES_EN,
  PAYMENT_BANNER_MESSAGES_EN,
  REQUEST_COMPOSER_MESSAGES_EN,
  STATUS_CHIP_MESSAGES_EN,
} from '../../src/index.js';
import { check, checkEqual } from '../../../../test-support/check.js';
import { pseudo, shownText, unlocalised } from '../../../../test-support/pseudo-locale.js';
import { AGENT_TOURS, TOUR_DATA } from './tour.js';

const LOCALE = 'qps-ploc';
registerMessages(LOCALE, {
  'chatpay-request-composer': pseudo(REQUEST_COMPOSER_MESSAGES_EN),
  'chatpay-status-chip': pseudo(STATUS_CHIP_MESSAGES_EN),
  'chatpay-card-viewer': pseudo(CARD_VIEWER_MESSAGES_EN),
  'chatpay-payment-banner': pseudo(PAYMENT_BANNER_MESSAGES_EN),
  'chatpay-activity-dot': pseudo(ACTIVITY_DOT_MESSAGES_EN),
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

describe('every word of the agent elements comes from the catalogue of their locale', () => {
  for (const tour of AGENT_TOURS) it(tour.name, () => tour.run(expectAllLocalised));
});
