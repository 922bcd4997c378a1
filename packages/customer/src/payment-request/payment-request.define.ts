import '../card-form/card-form.define.js';
import { ChatPayPaymentRequest } from './payment-request.element.js';

/**
 * Registers `<chatpay-payment-request>` and the card form it renders in place, so that this module
 * alone is enough for a working bubble. Safe to import twice: a definition already made is skipped.
 */
if (!customElements.get('chatpay-payment-request')) {
  customElements.define('chatpay-payment-request', ChatPayPaymentRequest);
}

export { ChatPayPaymentRequest };
