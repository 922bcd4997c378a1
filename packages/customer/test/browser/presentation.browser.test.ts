import { describePresentation } from '../../../../test-support/tour.js';
import { CUSTOMER_TOURS } from './tour.js';

describePresentation('the customer elements', CUSTOMER_TOURS, {
  theme:
    'chatpay-payment-request::part(decline), chatpay-payment-request::part(enter-payment) { transition: background-color 300ms; }',
  state: 'requested',
});
