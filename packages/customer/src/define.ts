// Registers every customer element. Safe to import twice: a definition already made is skipped. The
// card form is defined on demand, when a bubble first shows or prefetches it; a host that shows the
// form alone calls `loadCardForm()` (or imports `@chatpay/customer/card-form/define`).
export type { ChatPayCardForm } from './card-form/card-form.element.js';
export { loadCardForm } from './card-form/card-form.loader.js';
export { ChatPayPaymentRequest } from './payment-request/payment-request.define.js';
export { ChatPayPaySecurelyOffer } from './pay-securely-offer/pay-securely-offer.define.js';
