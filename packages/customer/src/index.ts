// The customer's half of ChatPay: the secure card form's rules. The elements have their own entry
// points (`@chatpay/customer/card-form`, and `@chatpay/customer/define` to register them).
export * from './card-fields/index.js';
export { CARD_FORM_MESSAGES_EN, type CardFormMessages } from './card-form/card-form.messages.js';
export {
  PAYMENT_REQUEST_MESSAGES_EN,
  type PaymentRequestMessages,
} from './payment-request/payment-request.messages.js';
