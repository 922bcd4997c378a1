import { ChatPayPaySecurelyOffer } from './pay-securely-offer.element.js';

/**
 * Registers `<chatpay-pay-securely-offer>` alone: it does not load the card form, which the payment
 * request brings. Safe to import twice: a definition already made is skipped.
 */
if (!customElements.get('chatpay-pay-securely-offer')) {
  customElements.define('chatpay-pay-securely-offer', ChatPayPaySecurelyOffer);
}

export { ChatPayPaySecurelyOffer };
