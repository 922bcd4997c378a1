import { ChatPayCardMasker } from './card-masker.element.js';

/**
 * Registers `<chatpay-card-masker>`. Safe to import twice: a second definition is skipped. On a server,
 * where there is no `customElements`, it registers nothing and does not throw.
 */
if (globalThis.customElements && !customElements.get('chatpay-card-masker'))
  customElements.define('chatpay-card-masker', ChatPayCardMasker);

export { ChatPayCardMasker };
