import { registerMessages } from '@chatpay/ui';
import {
  ACTIVITY_DOT_MESSAGES_EN,
  CARD_VIEWER_MESSAGES_EN,
  PAYMENT_ASK_MESSAGES_EN,
  PAYMENT_BANNER_MESSAGES_EN,
  REQUEST_COMPOSER_MESSAGES_EN,
  STATUS_CHIP_MESSAGES_EN,
} from '../../src/index.js';
import { pseudo, PSEUDO_LOCALE } from '../../../../test-support/pseudo-locale.js';
import { describeLocalisation } from '../../../../test-support/tour.js';
import { AGENT_TOURS, TOUR_DATA } from './tour.js';

registerMessages(PSEUDO_LOCALE, {
  'chatpay-request-composer': pseudo(REQUEST_COMPOSER_MESSAGES_EN),
  'chatpay-status-chip': pseudo(STATUS_CHIP_MESSAGES_EN),
  'chatpay-card-viewer': pseudo(CARD_VIEWER_MESSAGES_EN),
  'chatpay-payment-banner': pseudo(PAYMENT_BANNER_MESSAGES_EN),
  'chatpay-activity-dot': pseudo(ACTIVITY_DOT_MESSAGES_EN),
  'chatpay-payment-ask': pseudo(PAYMENT_ASK_MESSAGES_EN),
});

describeLocalisation('the agent elements', AGENT_TOURS, TOUR_DATA);
