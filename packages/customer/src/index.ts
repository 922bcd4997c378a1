// The customer's half of ChatPay. For now, the pure logic of the secure card form.
export * from './card-fields/index.js';
