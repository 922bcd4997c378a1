// Registers every agent element, each through its own define module (which also defines what that
// element renders). Safe to import twice: a definition already made is skipped.
export { ChatPayActivityDot } from './activity-dot/activity-dot.define.js';
export { ChatPayCardViewer } from './card-viewer/card-viewer.define.js';
export { ChatPayPaymentAsk } from './payment-ask/payment-ask.define.js';
export { ChatPayPaymentBanner } from './payment-banner/payment-banner.define.js';
export { ChatPayRequestComposer } from './request-composer/request-composer.define.js';
export { ChatPayStatusChip } from './status-chip/status-chip.define.js';
