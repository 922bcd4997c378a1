// Registers every customer element. Safe to import twice: a definition already made is skipped.
export { ChatPayCardForm } from './card-form/card-form.define.js';
export { ChatPayPaymentRequest } from './payment-request/payment-request.define.js';
export { ChatPayPaySecurelyOffer } from './pay-securely-offer/pay-securely-offer.define.js';
