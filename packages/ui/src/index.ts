// What every ChatPay element shares: default tokens (light and dark), base styles, and the controller
// that keeps an element in step with what it shows.
export { defaultTokens } from './tokens.styles.js';
export { buttonStyles, reducedMotion, urgentStyles, visuallyHidden } from './base.styles.js';
export { FollowController, actorChanges, emitterChanges, type Subscribe } from './follow.controller.js';
export { localeFor } from './locale.js';
export { registerMessages, messagesFor, type MessageCatalogue } from './messages.js';
export {
  isDefined,
  onDemand,
  onDemandPart,
  type OnDemandPart,
  whenIdle,
  type OnDemand,
  type OnDemandSource,
} from './on-demand.js';
