// Registers every agent element. Safe to import twice: a definition already made is skipped.
import { ChatPayActivityDot } from './activity-dot/activity-dot.element.js';
import { ChatPayCardViewer } from './card-viewer/card-viewer.element.js';
import { ChatPayPaymentBanner } from './payment-banner/payment-banner.element.js';
import { ChatPayRequestComposer } from './request-composer/request-composer.element.js';
import { ChatPayStatusChip } from './status-chip/status-chip.element.js';

const elements: Readonly<Record<string, CustomElementConstructor>> = {
  'chatpay-request-composer': ChatPayRequestComposer,
  'chatpay-status-chip': ChatPayStatusChip,
  'chatpay-card-viewer': ChatPayCardViewer,
  'chatpay-payment-banner': ChatPayPaymentBanner,
  'chatpay-activity-dot': ChatPayActivityDot,
};
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export { ChatPayActivityDot, ChatPayCardViewer, ChatPayPaymentBanner, ChatPayRequestComposer, ChatPayStatusChip };
