import { ChatPayCardForm } from './card-form.element.js';

/** Registers `<chatpay-card-form>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-card-form')) customElements.define('chatpay-card-form', ChatPayCardForm);

export { ChatPayCardForm };
