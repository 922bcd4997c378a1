import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import { readClientFrame } from './client-frame.js';
import type { ConnectionContext, EndReason } from './connection-context.js';
import { compareCursors, START_CURSOR } from './cursor.js';
import { JoinTokenError } from './errors.js';
import type { JoinClaims } from './join-token.js';
import {
  ackFrame,
  caughtUpFrame,
  CLOSE_CODES,
  entryFrame,
  nackFrame,
  PONG_FRAME,
  refreshedFrame,
  refreshFailedFrame,
  type NackCode,
} from './relay-protocol.js';
import { TokenBucket } from './rate-limit.js';
import type { AppendResult, LogEntry } from './store.js';

const OPEN = 1;

/**
 * One client's connection to one conversation: catches it up from its cursor, then hands it each new
 * entry; checks, appends and acknowledges what it sends; holds it to its rate, its buffer and its
 * token's expiry.
 */
export class RelayConnection {
  readonly origin: string;
  readonly socket: WebSocket;
  readonly #context: ConnectionContext;
  #claims: JoinClaims;
  readonly #bucket: TokenBucket;
  /** While catching up, live entries wait here. */
  #held: LogEntry[] | undefined = [];
  /** Appends under way, and who waits for them to end. */
  #pending = 0;
  #idle: (() => void)[] = [];
  #expiry: unknown;
  #accepting = true;
  #ended = false;
  #endReason: EndReason = 'closed-by-client';
  /** Whether the client answered the last protocol ping. */
  alive = true;

  constructor(socket: WebSocket, claims: JoinClaims, origin: string, context: ConnectionContext) {
    this.socket = socket;
    this.#claims = claims;
    this.origin = origin;
    this.#context = context;
    this.#bucket = new TokenBucket(context.limits.messagesPerSecond, context.limits.messageBurst, context.clock);
    this.#armExpiry();
    socket.on('pong', () => (this.alive = true));
    socket.on('message', (data, isBinary) => this.#onFrame(data, isBinary));
    // A broken frame (unmasked, reserved opcode or bit, bad UTF-8, too big) is this socket's alone:
    // `ws` closes it with the matching code, and the relay carries on.
    socket.on('error', (error: Error & { code?: string }) => {
      this.#endReason = 'protocol-error';
      this.#logEvent('warn', 'frame-refused', { error: error.code ?? error.name });
    });
  }

  get claims(): JoinClaims {
    return this.#claims;
  }

  get conversationId(): string {
    return this.#claims.conversationId;
  }

  /** Resolves once no append is under way (the relay waits for this while it drains). */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Hands over what was appended after `after` (all retained entries if undefined), then says it caught up. */
  async catchUp(after: string | undefined): Promise<void> {
    const { store, limits, metrics } = this.#context;
    let cursor = after;
    for (;;) {
      const page = await store.read(this.conversationId, cursor, limits.replayPageSize);
      for (const entry of page) {
        if (this.#ended) return;
        cursor = entry.cursor;
        if (entry.origin === this.origin) continue;
        await this.#writePaced(entryFrame(entry));
        metrics.entriesReplayed.inc();
      }
      if (page.length < limits.replayPageSize) break;
    }
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const entry of held) {
      if (cursor !== undefined && compareCursors(entry.cursor, cursor) <= 0) continue;
      cursor = entry.cursor;
      if (entry.origin !== this.origin) this.#write(entryFrame(entry));
    }
    this.#write(caughtUpFrame(cursor ?? START_CURSOR));
  }

  /** A new entry of the conversation, with its frame built once for every connection. */
  deliver(entry: LogEntry, frame: string): void {
    if (this.#ended || entry.origin === this.origin) return;
    if (this.#held) {
      this.#held.push(entry);
      // A client that cannot even be caught up is as slow as one that does not read.
      if (this.#held.length > 10_000) this.end('slow-reader');
      return;
    }
    this.#write(frame);
    this.#context.metrics.entriesDelivered.inc();
  }

  /** Stops taking messages (they are left unacknowledged, so the client sends them again elsewhere). */
  stopAccepting(): void {
    this.#accepting = false;
  }

  /** Ends the connection: with a close frame where one helps, at once where it cannot be read. */
  end(reason: EndReason, code?: number, text?: string): void {
    if (this.#ended) return;
    this.#endReason = reason;
    if (code !== undefined) {
      this.socket.close(code, text);
    } else {
      this.socket.terminate();
    }
  }

  /** Called once the socket has closed. */
  closed(code: number): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#held = undefined;
    this.#context.clock.clearTimeout(this.#expiry);
    this.#context.metrics.connectionsClosed.inc({ reason: this.#endReason });
    this.#logEvent(
      this.#endReason === 'closed-by-client' || this.#endReason === 'shutdown' ? 'info' : 'warn',
      'connection-closed',
      {
        reason: this.#endReason,
        code,
      },
    );
  }

  #logEvent(level: 'info' | 'warn', event: string, facts: Record<string, string | number>): void {
    this.#context.log({
      level,
      event,
      connection: this.origin,
      conversation: this.conversationId,
      role: this.#claims.role,
      subject: this.#claims.subject,
      ...facts,
    });
  }

  #armExpiry(): void {
    const { clock } = this.#context;
    clock.clearTimeout(this.#expiry);
    this.#expiry = clock.setTimeout(
      () => this.end('token-expired', CLOSE_CODES.tokenExpired, 'token expired'),
      Math.max(0, this.#claims.expiresAt - clock.now()),
    );
  }

  #write(frame: string): void {
    if (this.socket.readyState !== OPEN) return;
    this.socket.send(frame);
    if (this.socket.bufferedAmount > this.#context.limits.maxBufferedBytes) this.end('slow-reader');
  }

  /** Writes, and waits for the socket to take it whenever half the buffer allowance is in use. */
  async #writePaced(frame: string): Promise<void> {
    if (this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount <= this.#context.limits.maxBufferedBytes / 2) {
      this.socket.send(frame);
      return;
    }
    await new Promise<void>((resolve) => this.socket.send(frame, () => resolve()));
  }

  #onFrame(data: unknown, isBinary: boolean): void {
    if (this.#ended) return;
    if (isBinary) return this.end('binary-frame', CLOSE_CODES.unsupportedData, 'text frames only');
    const text = String(data);
    const frame = readClientFrame(text, this.#claims);
    if (frame.kind === 'malformed') return this.end('malformed-frame', CLOSE_CODES.invalidPayload, 'malformed frame');
    if (!this.#bucket.take()) {
      if (this.#bucket.debt > this.#context.limits.messageBurst) {
        return this.end('rate-limited', CLOSE_CODES.rateLimited, 'rate limit');
      }
      if (frame.kind === 'message' || frame.kind === 'refused') this.#refuse(frame.id, 'rate-limited');
      return;
    }
    switch (frame.kind) {
      case 'ping':
        return this.#write(PONG_FRAME);
      case 'refresh':
        return void this.#refresh(frame.token);
      case 'refused':
        return this.#refuse(frame.id, frame.code);
      case 'message':
        if (!this.#accepting) return;
        return this.#append(frame.id, frame.text);
    }
  }

  #refuse(id: string, code: NackCode): void {
    this.#context.metrics.messagesRefused.inc({ code });
    this.#write(nackFrame(id, code));
  }

  /** Appends one message and answers it: `ack` once stored (or already stored), `nack` if the store failed or was too slow. */
  #append(id: string, text: string): void {
    const { store, clock, limits, metrics } = this.#context;
    const started = performance.now();
    let answered = false;
    this.#pending += 1;
    const done = () => {
      answered = true;
      clock.clearTimeout(timer);
      if (--this.#pending > 0) return;
      for (const resolve of this.#idle.splice(0)) resolve();
    };
    const timer = clock.setTimeout(() => {
      if (answered) return;
      done();
      this.#logEvent('warn', 'append-timed-out', { ms: limits.appendTimeoutMs });
      this.#refuse(id, 'unavailable');
    }, limits.appendTimeoutMs);
    let appending: Promise<AppendResult>;
    try {
      appending = store.append({
        conversationId: this.conversationId,
        id,
        text,
        sender: { role: this.#claims.role, subject: this.#claims.subject },
        origin: this.origin,
        acceptedAt: clock.now(),
      });
    } catch (error) {
      appending = Promise.reject(error as Error); // a store that throws instead of rejecting
    }
    appending.then(
      (result) => {
        if (answered) return; // refused as too slow; a resend is found a duplicate
        done();
        metrics.appendSeconds.observe((performance.now() - started) / 1000);
        if (result.duplicate) metrics.messagesDuplicate.inc();
        else metrics.messagesAccepted.inc({ role: this.#claims.role });
        this.#write(ackFrame(id));
      },
      (error: unknown) => {
        if (answered) return;
        done();
        this.#logEvent('warn', 'append-failed', { error: (error as Error).name });
        this.#refuse(id, 'unavailable');
      },
    );
  }

  async #refresh(token: string): Promise<void> {
    try {
      const claims = await this.#context.verifyToken(token);
      const same =
        claims.conversationId === this.#claims.conversationId &&
        claims.role === this.#claims.role &&
        claims.subject === this.#claims.subject;
      if (!same) {
        this.#logEvent('warn', 'refresh-refused', { code: 'token-mismatch' });
        return this.#write(refreshFailedFrame('token-mismatch'));
      }
      if (this.#ended) return;
      this.#claims = claims;
      this.#armExpiry();
      this.#write(refreshedFrame(claims.expiresAt));
    } catch (error) {
      const code = error instanceof JoinTokenError ? error.code : 'token-invalid';
      this.#logEvent('warn', 'refresh-refused', { code });
      this.#write(refreshFailedFrame(code));
    }
  }
}
