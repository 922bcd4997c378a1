export { findCardNumbers, type CardNumberMatch, type FindOptions } from './find-card-numbers.js';
export { maskCardNumbers, type MaskOptions } from './mask-card-numbers.js';
export { brandOf, passesLuhn, type CardDefinition } from '@chatpay/cards';
export type { CardDetectedDetail } from './attach.js';
