import { ChatPayStatusChip } from './status-chip.element.js';

/**
 * Registers `<chatpay-status-chip>`. Safe to import twice: a definition already made is skipped. The
 * `<chatpay-card-viewer>` it opens is defined when it is first needed (`card-viewer.loader.ts`).
 */
if (!customElements.get('chatpay-status-chip')) customElements.define('chatpay-status-chip', ChatPayStatusChip);

export { ChatPayStatusChip };
