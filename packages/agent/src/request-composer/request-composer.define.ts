import { ChatPayRequestComposer } from './request-composer.element.js';

/** Registers `<chatpay-request-composer>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-request-composer')) {
  customElements.define('chatpay-request-composer', ChatPayRequestComposer);
}

export { ChatPayRequestComposer };
