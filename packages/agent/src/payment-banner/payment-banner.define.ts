import { ChatPayPaymentBanner } from './payment-banner.element.js';

/** Registers `<chatpay-payment-banner>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-payment-banner')) {
  customElements.define('chatpay-payment-banner', ChatPayPaymentBanner);
}

export { ChatPayPaymentBanner };
