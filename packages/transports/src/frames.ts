import { MAX_MESSAGE_LENGTH } from '@chatpay/core/wire';
import type { TransportReport } from './reports.js';

/** What a text frame turned out to be. */
export type Frame =
  | { readonly kind: 'message'; readonly value: unknown }
  | { readonly kind: 'refused'; readonly report: Extract<TransportReport, { type: 'frame-refused' }> };

/**
 * Reads one received frame as JSON, refusing what is not text, what is longer than `limit` (checked
 * before parsing, so a huge frame costs nothing) and what is not JSON. The value is not validated
 * here: sessions do that with `parseMessage`.
 */
export function readFrame(data: unknown, limit = MAX_MESSAGE_LENGTH): Frame {
  if (typeof data !== 'string') return { kind: 'refused', report: { type: 'frame-refused', reason: 'binary' } };
  if (data.length > limit) return { kind: 'refused', report: { type: 'frame-refused', reason: 'oversized' } };
  try {
    return { kind: 'message', value: JSON.parse(data) as unknown };
  } catch {
    return { kind: 'refused', report: { type: 'frame-refused', reason: 'malformed' } };
  }
}
