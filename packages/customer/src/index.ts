// The customer's half of ChatPay: the secure card form's rules. The elements have their own entry
// points (`@chatpay/customer/card-form`, `@chatpay/customer/payment-request`,
// `@chatpay/customer/pay-securely-offer`), and registering them has its own: `@chatpay/customer/define`
// for all three (the card form on demand), `@chatpay/customer/payment-request/define` for the payment
// request (which loads the card form when it shows it), `@chatpay/customer/card-form/define` for the
// form alone, and
// `@chatpay/customer/pay-securely-offer/define` for the offer alone (without the card form).
export * from './card-fields/index.js';
export { CARD_FORM_MESSAGES_EN, type CardFormMessages } from './card-form/card-form.messages.js';
export {
  PAYMENT_REQUEST_MESSAGES_EN,
  type PaymentRequestMessages,
} from './payment-request/payment-request.messages.js';
export {
  PAY_SECURELY_OFFER_MESSAGES_EN,
  type PaySecurelyOfferMessages,
} from './pay-securely-offer/pay-securely-offer.messages.js';
export type { CardSealedDetail } from './card-form/card-form.connect.js';
export type { OfferAcceptedDetail } from './pay-securely-offer/pay-securely-offer.element.js';
