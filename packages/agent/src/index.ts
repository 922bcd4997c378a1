// The agent's half of ChatPay: the words of every element (to override or translate) and the helpers
// they share. The elements have their own entry points (`@chatpay/agent/request-composer`, …), each
// with a define module that registers it and what it renders (`@chatpay/agent/status-chip/define`, …),
// and `@chatpay/agent/define` registers them all.
export {
  REQUEST_COMPOSER_MESSAGES_EN,
  type RequestComposerMessages,
} from './request-composer/request-composer.messages.js';
export { STATUS_CHIP_MESSAGES_EN, type StatusChipMessages } from './status-chip/status-chip.messages.js';
export { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from './card-viewer/card-viewer.messages.js';
export { PAYMENT_BANNER_MESSAGES_EN, type PaymentBannerMessages } from './payment-banner/payment-banner.messages.js';
export { PAYMENT_ASK_MESSAGES_EN, type PaymentAskMessages } from './payment-ask/payment-ask.messages.js';
export { ACTIVITY_DOT_MESSAGES_EN, type ActivityDotMessages } from './activity-dot/activity-dot.messages.js';
export type { RequestSentDetail } from './request-composer/request-composer.element.js';
export type { RequestReplacedDetail, ViewCardDetail } from './status-chip/status-chip.element.js';
export type { ViewConversationDetail } from './payment-banner/payment-banner.element.js';
export type { CardRequestChosenDetail } from './payment-ask/payment-ask.element.js';
export { formatDuration } from './countdown.js';
