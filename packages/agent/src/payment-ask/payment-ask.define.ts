import { ChatPayPaymentAsk } from './payment-ask.element.js';

/** Registers `<chatpay-payment-ask>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-payment-ask')) customElements.define('chatpay-payment-ask', ChatPayPaymentAsk);

export { ChatPayPaymentAsk };
