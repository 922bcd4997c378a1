import { parseCursor } from './cursor.js';
import type { Role } from './join-token.js';
import type { LogEntry } from './store.js';

/**
 * Appends atomically: unless the sender's message id is already known, XADD at the relay's time (or
 * just after the stream's last entry, if that is later), trim by count and by age, let the key expire
 * once everything in it has, remember the id, and publish the entry to the nodes that listen.
 */
export const APPEND_SCRIPT = `
local seen = redis.call('GET', KEYS[2])
if seen then return {0, seen} end
local fields = {'a', ARGV[6], 'r', ARGV[7], 's', ARGV[8], 'm', ARGV[9], 'o', ARGV[10]}
local id = redis.pcall('XADD', KEYS[1], 'MAXLEN', ARGV[2], ARGV[1] .. '-*', unpack(fields))
if type(id) == 'table' and id.err then
  id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], '*', unpack(fields))
end
redis.call('XTRIM', KEYS[1], 'MINID', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('SET', KEYS[2], id, 'PX', ARGV[4])
redis.call('PUBLISH', ARGV[5], id .. ' ' .. ARGV[11])
return {1, id}
`;

export type AppendCommand = (...args: (string | number)[]) => Promise<[number, string]>;
/** What XRANGE and XREVRANGE answer: each entry's id and its fields as a flat list. */
export type StreamReply = [string, string[]][];

/** A stream entry's flat field list as a record. */
function fieldsOf(list: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let index = 0; index + 1 < list.length; index += 2) fields[list[index]!] = list[index + 1]!;
  return fields;
}

const roleOf = (value: string | undefined): Role => (value === 'agent' ? 'agent' : 'customer');

/** The entries of a stream reply, without those older than `oldest` (expired, not yet trimmed). */
export function entriesOf(reply: StreamReply, oldest: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const [cursor, list] of reply) {
    if (parseCursor(cursor)!.ms < oldest) continue; // expired, not yet trimmed
    const fields = fieldsOf(list);
    entries.push({
      cursor,
      acceptedAt: Number(fields.a),
      sender: { role: roleOf(fields.r), subject: fields.s ?? '' },
      text: fields.m ?? 'null',
      origin: fields.o ?? '',
    });
  }
  return entries;
}

/** What the append script publishes: the entry's cursor, a space, its head as JSON, a newline, its text. */
export function announcementOf(input: {
  readonly acceptedAt: number;
  readonly sender: { readonly role: Role; readonly subject: string };
  readonly origin: string;
  readonly text: string;
}): string {
  const head = JSON.stringify({ a: input.acceptedAt, r: input.sender.role, s: input.sender.subject, o: input.origin });
  return `${head}\n${input.text}`;
}

/** An entry announced on a conversation's channel; undefined if the payload is not one. */
export function announcedEntry(payload: string): LogEntry | undefined {
  const space = payload.indexOf(' ');
  const newline = payload.indexOf('\n', space);
  if (space < 0 || newline < 0) return undefined;
  let head: { a: number; r: string; s: string; o: string };
  try {
    head = JSON.parse(payload.slice(space + 1, newline)) as typeof head;
  } catch {
    return undefined;
  }
  const entry: LogEntry = {
    cursor: payload.slice(0, space),
    acceptedAt: head.a,
    sender: { role: roleOf(head.r), subject: head.s },
    origin: head.o,
    text: payload.slice(newline + 1),
  };
  return parseCursor(entry.cursor) ? entry : undefined;
}
