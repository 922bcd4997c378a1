// The look every ChatPay element shares: default tokens (light and dark) and base styles.
export { defaultTokens } from './tokens.styles.js';
export { buttonStyles, visuallyHidden } from './base.styles.js';
