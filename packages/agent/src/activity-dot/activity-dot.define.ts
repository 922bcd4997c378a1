import { ChatPayActivityDot } from './activity-dot.element.js';

/** Registers `<chatpay-activity-dot>`. Safe to import twice: a definition already made is skipped. */
if (!customElements.get('chatpay-activity-dot')) customElements.define('chatpay-activity-dot', ChatPayActivityDot);

export { ChatPayActivityDot };
