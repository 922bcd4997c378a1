import { ChatPayCardForm } from './card-form/card-form.element.js';

/** Registers the customer's elements. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-card-form')) customElements.define('chatpay-card-form', ChatPayCardForm);

export { ChatPayCardForm };
