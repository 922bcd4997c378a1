// Registers every customer element. Safe to import twice: a definition already made is skipped.
import './card-form/card-form.define.js';
import { ChatPayPaymentRequest } from './payment-request/payment-request.element.js';

if (!customElements.get('chatpay-payment-request')) {
  customElements.define('chatpay-payment-request', ChatPayPaymentRequest);
}

export { ChatPayCardForm } from './card-form/card-form.define.js';
export { ChatPayPaymentRequest };
