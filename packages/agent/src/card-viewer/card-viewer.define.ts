import { ChatPayCardViewer } from './card-viewer.element.js';

/** Registers `<chatpay-card-viewer>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-card-viewer')) customElements.define('chatpay-card-viewer', ChatPayCardViewer);

export { ChatPayCardViewer };
