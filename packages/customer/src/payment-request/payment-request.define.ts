import { ChatPayPaymentRequest } from './payment-request.element.js';

/**
 * Registers `<chatpay-payment-request>`. The card form it renders in place is defined on demand: the
 * bubble loads the form's define module (`card-form.loader.ts`) when it shows the form, or prefetches
 * it, so a page showing a request does not load the form until it may be needed. Safe to import twice:
 * a definition already made is skipped.
 */
if (!customElements.get('chatpay-payment-request')) {
  customElements.define('chatpay-payment-request', ChatPayPaymentRequest);
}

export { ChatPayPaymentRequest };
