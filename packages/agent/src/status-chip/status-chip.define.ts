// The chip opens a card viewer in its dialog: defining the chip defines the viewer too.
import '../card-viewer/card-viewer.define.js';
import { ChatPayStatusChip } from './status-chip.element.js';

/** Registers `<chatpay-status-chip>` and the `<chatpay-card-viewer>` it renders. Safe to import twice. */
if (!customElements.get('chatpay-status-chip')) customElements.define('chatpay-status-chip', ChatPayStatusChip);

export { ChatPayStatusChip };
