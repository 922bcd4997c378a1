/**
 * Cursors: the position of an entry in a conversation's log, `<ms>-<seq>` as Redis stream ids are, so
 * both stores use one format. They increase within a conversation; `compareCursors` orders them.
 */
export const START_CURSOR = '0-0';

const CURSOR = /^(\d{1,15})-(\d{1,15})$/;

/** What a cursor (`<ms>-<seq>`) is made of. */
export interface CursorParts {
  /** When the entry was accepted, ms since the epoch. */
  readonly ms: number;
  /** Its place among the entries accepted in that millisecond. */
  readonly seq: number;
}

/** The parts of a cursor, or undefined if the text is not one. */
export function parseCursor(text: string): CursorParts | undefined {
  const match = CURSOR.exec(text);
  return match ? { ms: Number(match[1]), seq: Number(match[2]) } : undefined;
}

export const formatCursor = ({ ms, seq }: CursorParts): string => `${ms}-${seq}`;

/** Negative if `a` comes before `b`, 0 if they are the same, positive after. Both must be cursors. */
export function compareCursors(a: string, b: string): number {
  const left = parseCursor(a);
  const right = parseCursor(b);
  if (!left || !right) throw new RangeError('compareCursors takes two cursors');
  return left.ms - right.ms || left.seq - right.seq;
}

/** The cursor after `last` for an entry accepted at `now`: the time, or `last`'s time and the next number. */
export function nextCursor(last: CursorParts | undefined, now: number): CursorParts {
  const ms = Math.max(0, Math.floor(now));
  if (!last || ms > last.ms) return { ms, seq: ms === 0 ? 1 : 0 };
  return { ms: last.ms, seq: last.seq + 1 };
}
