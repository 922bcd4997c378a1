/** How much a log record matters. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * One structured log record: an `event` name and plain facts (ids, counts, codes). Records never hold
 * a message's body, a token, a URL or a query string: the relay builds them from fixed fields only.
 */
export interface LogRecord {
  /** How much it matters. */
  readonly level: LogLevel;
  /** What happened, as a fixed name (`connection-opened`, `upgrade-refused`, `draining`…). */
  readonly event: string;
  readonly [fact: string]: string | number | boolean | undefined;
}

/** Where the relay's log records go. */
export type RelayLogger = (record: LogRecord) => void;

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Writes each record as one line of JSON with its time (`{"time":"…","level":"info","event":"…",…}`),
 * by default to standard output, from `level` up (default `info`).
 */
export function jsonLogger(
  options: { readonly level?: LogLevel; readonly write?: (line: string) => void; readonly now?: () => number } = {},
): RelayLogger {
  const threshold = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  return (record) => {
    if (RANK[record.level] < threshold) return;
    write(JSON.stringify({ time: new Date(now()).toISOString(), ...record }));
  };
}

/** A logger that keeps nothing. */
export const silentLogger: RelayLogger = () => {};
