import { ChatPayCardMasker } from './card-masker.element.js';

/** Registers `<chatpay-card-masker>`. Safe to import twice: a second definition is skipped. */
if (!customElements.get('chatpay-card-masker')) customElements.define('chatpay-card-masker', ChatPayCardMasker);

export { ChatPayCardMasker };
