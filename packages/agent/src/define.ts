// Registers every agent element, each through its own define module (which also defines what that
// element renders). Safe to import twice: a definition already made is skipped. The card viewer is
// defined on demand, when a status chip first offers VIEW CARD or opens it; a host that shows the
// viewer itself calls `loadCardViewer()` (or imports `@chatpay/agent/card-viewer/define`).
export { ChatPayActivityDot } from './activity-dot/activity-dot.define.js';
export type { ChatPayCardViewer } from './card-viewer/card-viewer.element.js';
export { loadCardViewer } from './card-viewer/card-viewer.loader.js';
export { ChatPayPaymentAsk } from './payment-ask/payment-ask.define.js';
export { ChatPayPaymentBanner } from './payment-banner/payment-banner.define.js';
export { ChatPayRequestComposer } from './request-composer/request-composer.define.js';
export { ChatPayStatusChip } from './status-chip/status-chip.define.js';
