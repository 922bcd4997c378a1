import { registerMessages } from '@chatpay/ui';
import { CARD_FORM_MESSAGES_EN, PAY_SECURELY_OFFER_MESSAGES_EN, PAYMENT_REQUEST_MESSAGES_EN } from '../../src/index.js';
import { pseudo, PSEUDO_LOCALE } from '../../../../test-support/pseudo-locale.js';
import { describeLocalisation } from '../../../../test-support/tour.js';
import { CUSTOMER_TOURS, TOUR_DATA } from './tour.js';

registerMessages(PSEUDO_LOCALE, {
  'chatpay-payment-request': pseudo(PAYMENT_REQUEST_MESSAGES_EN),
  'chatpay-card-form': pseudo(CARD_FORM_MESSAGES_EN),
  'chatpay-pay-securely-offer': pseudo(PAY_SECURELY_OFFER_MESSAGES_EN),
});

describeLocalisation('the customer elements', CUSTOMER_TOURS, TOUR_DATA);
