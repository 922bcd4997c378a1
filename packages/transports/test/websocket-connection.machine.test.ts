import { describe, expect, it } from 'vitest';
import { ManualClock } from '@chatpay/core/testing';
import type { ObtainedToken } from '../src/join-token-refresh.js';
import { backoffDelay, createConnection, type ConnectionSettings } from '../src/websocket-connection.machine.js';

const settings: ConnectionSettings = {
  initialDelayMs: 100,
  maxDelayMs: 1000,
  connectTimeoutMs: 3000,
  heartbeatIntervalMs: 1000,
  heartbeatTimeoutMs: 500,
  usesToken: false,
  random: () => 0.5,
};

/** The machine with every effect recorded by name (and its parameters), on a clock moved by hand. */
function start(overrides: Partial<ConnectionSettings> = {}, token?: () => Promise<ObtainedToken>) {
  const clock = new ManualClock(0);
  const effects: unknown[] = [];
  const record =
    (name: string) =>
    (params?: unknown): void =>
      void effects.push(params === undefined ? name : [name, params]);
  const actor = createConnection(
    { ...settings, ...overrides },
    {
      token: token ?? (() => Promise.reject(new RangeError('none'))),
      tokenRefresh: (input) => {
        effects.push(['tokenRefresh', input?.token]);
        return () => effects.push('tokenRefresh stopped');
      },
      openSocket: record('openSocket'),
      discardSocket: record('discardSocket'),
      sendPing: record('sendPing'),
      receiveFrame: record('receiveFrame'),
      connected: record('connected'),
      requeueUnacknowledged: record('requeueUnacknowledged'),
      announce: record('announce'),
      report: record('report'),
      release: record('release'),
    },
    clock,
  );
  actor.start();
  const taken = () => effects.splice(0);
  return { actor, clock, taken };
}

const turns = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the WebSocket connection machine', () => {
  it.each([
    [1, 50 + 25],
    [2, 100 + 50],
    [3, 200 + 100],
    [4, 400 + 200],
    [5, 500 + 250],
    [9, 500 + 250],
  ])('waits, after loss %i, half the capped ceiling plus half of it jittered: %i ms', (attempt, delay) => {
    expect(backoffDelay(attempt, settings)).toBe(delay);
  });

  it('opens a socket at once without a token provider, and announces the connection once it opens', () => {
    const { actor, taken } = start();
    expect(actor.value).toBe('connecting.opening');
    expect(taken()).toEqual([['openSocket', { token: undefined }]]);
    actor.send({ type: 'socket.opened' });
    expect(actor.value).toBe('open.quiet');
    expect(taken()).toEqual([
      ['announce', { state: 'open' }],
      ['connected', { reconnection: false }],
      ['tokenRefresh', undefined],
    ]);
  });

  it('asks for a token first when it has a provider, and opens with it', async () => {
    const { actor, taken } = start({ usesToken: true }, () => Promise.resolve({ token: 't-1', obtainedAt: 0 }));
    expect(actor.value).toBe('connecting.fetchingToken');
    await turns();
    expect(taken()).toEqual([['openSocket', { token: 't-1' }]]);
    actor.send({ type: 'socket.opened' });
    expect(taken()).toContainEqual(['tokenRefresh', 't-1']);
  });

  it('reports a provider that fails by its error name, and backs off', async () => {
    const { actor, taken } = start({ usesToken: true });
    await turns();
    expect(actor.value).toBe('backingOff');
    expect(taken()).toEqual([
      ['report', { type: 'connect-failed', error: 'RangeError' }],
      'requeueUnacknowledged',
      ['discardSocket', { code: undefined }],
      ['announce', { state: 'reconnecting' }],
      ['report', { type: 'connection-lost', attempt: 1, retryInMs: 75 }],
    ]);
  });

  it('abandons an attempt that does not open in time, and tries again after the backoff', () => {
    const { actor, clock, taken } = start();
    taken();
    clock.advance(2999);
    expect(actor.value).toBe('connecting.opening');
    clock.advance(1);
    expect(taken()[0]).toEqual(['report', { type: 'connect-failed', error: 'TimeoutError' }]);
    clock.advance(75);
    expect(actor.value).toBe('connecting.opening');
    expect(taken()).toEqual([['openSocket', { token: undefined }]]);
  });

  it('pings after a quiet interval, finds a silent connection dead, and counts losses until one lasts and answers', () => {
    const { actor, clock, taken } = start();
    actor.send({ type: 'socket.opened' });
    clock.advance(999);
    actor.send({ type: 'socket.frame', data: 'x' });
    clock.advance(999);
    expect(actor.value).toBe('open.quiet');
    clock.advance(1);
    expect(actor.value).toBe('open.pinged');
    taken();
    clock.advance(500);
    expect(actor.value).toBe('backingOff');
    expect(taken()).toEqual([
      'tokenRefresh stopped',
      ['report', { type: 'connection-dead' }],
      'requeueUnacknowledged',
      ['discardSocket', { code: undefined }],
      ['announce', { state: 'reconnecting' }],
      ['report', { type: 'connection-lost', attempt: 1, retryInMs: 75 }],
    ]);
    clock.advance(75);
    actor.send({ type: 'socket.opened' });
    expect(taken()).toContainEqual(['connected', { reconnection: true }]);
    actor.send({ type: 'socket.lost' });
    expect(actor.context.attempt).toBe(2);
    clock.advance(150);
    actor.send({ type: 'socket.opened' });
    // An answer at once proves little: a relay in trouble may accept, answer and close.
    actor.send({ type: 'socket.frame', data: 'y' });
    expect(actor.context.attempt).toBe(2);
    clock.advance(1000);
    expect(actor.value).toBe('open.pinged');
    expect(actor.context.attempt).toBe(2);
    // Answered after a heartbeat interval open: the backoff starts over.
    actor.send({ type: 'socket.frame', data: 'pong' });
    expect(actor.context.attempt).toBe(0);
  });

  it.each([
    ['connecting', () => undefined, []],
    [
      'open',
      (actor: ReturnType<typeof start>['actor']) => actor.send({ type: 'socket.opened' }),
      ['tokenRefresh stopped'],
    ],
    ['backingOff', (actor: ReturnType<typeof start>['actor']) => actor.send({ type: 'socket.lost' }), []],
  ])('closes for good from %s, with no timer left, and hears nothing more', (_, reach, stopped) => {
    const { actor, clock, taken } = start();
    reach(actor);
    taken();
    actor.send({ type: 'transport.close' });
    expect(actor.value).toBe('closed');
    expect(taken()).toEqual([
      ...stopped,
      ['announce', { state: 'closed' }],
      ['discardSocket', { code: 1000 }],
      'release',
    ]);
    expect(clock.pending).toBe(0);
    actor.send({ type: 'socket.opened' });
    actor.send({ type: 'socket.frame', data: 'late' });
    actor.send({ type: 'transport.close' });
    expect(actor.value).toBe('closed');
    expect(taken()).toEqual([]);
  });

  it('takes an event sent during a step after that step, in order', () => {
    const { clock } = start();
    const seen: unknown[] = [];
    const actor = createConnection(
      settings,
      {
        token: () => Promise.reject(new RangeError('none')),
        tokenRefresh: () => () => undefined,
        // A socket that cannot even be made says so from inside the step that makes it.
        openSocket: () => {
          actor.send({ type: 'socket.unmade', error: 'SyntaxError' });
          seen.push(['openSocket', actor.value]);
        },
        discardSocket: () => undefined,
        sendPing: () => undefined,
        receiveFrame: () => undefined,
        connected: () => undefined,
        requeueUnacknowledged: () => undefined,
        announce: ({ state }) => seen.push(['announce', state]),
        report: (report) => seen.push(['report', report.type]),
        release: () => undefined,
      },
      clock,
    );
    actor.send({ type: 'socket.opened' }); // before start: nothing to hear it
    actor.start();
    expect(seen).toEqual([
      ['openSocket', 'connecting.opening'],
      ['report', 'connect-failed'],
      ['announce', 'reconnecting'],
      ['report', 'connection-lost'],
    ]);
    expect(actor.value).toBe('backingOff');
  });

  it('starts over from a backoff when an effect throws mid-step, and still takes what was queued', () => {
    const clock = new ManualClock(0);
    const seen: string[] = [];
    const actor = createConnection(
      settings,
      {
        token: () => Promise.reject(new RangeError('none')),
        tokenRefresh: () => () => undefined,
        openSocket: () => undefined,
        discardSocket: () => undefined,
        sendPing: () => undefined,
        receiveFrame: () => undefined,
        connected: () => {
          throw new Error('a broken effect');
        },
        requeueUnacknowledged: () => undefined,
        announce: ({ state }) => void seen.push(state),
        report: (report) => void seen.push(report.type),
        release: () => void seen.push('released'),
      },
      clock,
    );
    actor.start();
    actor.send({ type: 'socket.opened' });
    expect(actor.value).toBe('backingOff');
    expect(clock.pending).toBe(1); // the backoff: never stranded without a timer
    expect(seen).toEqual(['open', 'reconnecting', 'connection-lost']);
    actor.send({ type: 'transport.close' });
    expect(actor.value).toBe('closed');
    expect(clock.pending).toBe(0);
  });

  it('ignores a token that comes after its attempt was abandoned', async () => {
    let give: (token: ObtainedToken) => void = () => undefined;
    const { actor, clock, taken } = start({ usesToken: true }, () => new Promise((resolve) => (give = resolve)));
    clock.advance(3000);
    expect(actor.value).toBe('backingOff');
    taken();
    give({ token: 'late', obtainedAt: 0 });
    await turns();
    expect(actor.value).toBe('backingOff');
    expect(taken()).toEqual([]);
  });

  describe('against a hostile relay', () => {
    /** Moves the clock to just before the next attempt, checks none was made, then makes it. */
    const waitsOut = (run: ReturnType<typeof start>) => {
      const delay = run.actor.context.retryInMs;
      run.taken();
      run.clock.advance(delay - 1);
      expect(run.taken()).toEqual([]);
      run.clock.advance(1);
      expect(run.taken()).toContainEqual(['openSocket', { token: undefined }]);
      return delay;
    };

    it('backs off longer each time a relay opens and closes at once, up to the ceiling, never in a tight loop', () => {
      const run = start();
      const delays: number[] = [];
      for (let loop = 0; loop < 8; loop++) {
        run.actor.send({ type: 'socket.opened' });
        run.actor.send({ type: 'socket.lost' });
        expect(run.actor.value).toBe('backingOff');
        // One timer only: the backoff's (no heartbeat or connect timer left behind).
        expect(run.clock.pending).toBe(1);
        delays.push(waitsOut(run));
      }
      expect(delays).toEqual([75, 150, 300, 600, 750, 750, 750, 750]);
    });

    it('backs off longer each time a relay opens but never answers a ping', () => {
      const run = start();
      const attempts: number[] = [];
      for (let loop = 0; loop < 4; loop++) {
        run.actor.send({ type: 'socket.opened' });
        run.clock.advance(settings.heartbeatIntervalMs);
        expect(run.actor.value).toBe('open.pinged');
        run.clock.advance(settings.heartbeatTimeoutMs);
        expect(run.taken()).toContainEqual(['report', { type: 'connection-dead' }]);
        attempts.push(run.actor.context.attempt);
        waitsOut(run);
      }
      expect(attempts).toEqual([1, 2, 3, 4]);
    });

    it('does not read frames a lost socket sends while it backs off, nor start the backoff over for them', () => {
      const run = start();
      run.actor.send({ type: 'socket.opened' });
      run.actor.send({ type: 'socket.lost' });
      run.taken();
      run.actor.send({ type: 'socket.frame', data: 'after close' });
      expect(run.taken()).toEqual([]);
      expect(run.actor.context.attempt).toBe(1);
      expect(run.actor.value).toBe('backingOff');
    });

    it('reconnects at most once a heartbeat interval to a relay that answers the ping of a lasting connection, then closes', () => {
      const run = start();
      const opened: number[] = [];
      for (let loop = 0; loop < 4; loop++) {
        run.actor.send({ type: 'socket.opened' });
        opened.push(run.clock.now());
        run.clock.advance(settings.heartbeatIntervalMs);
        expect(run.actor.value).toBe('open.pinged');
        run.actor.send({ type: 'socket.frame', data: 'pong' });
        expect(run.actor.context.attempt).toBe(0);
        run.actor.send({ type: 'socket.lost' });
        waitsOut(run);
      }
      // The interval it stayed open, then the first delay.
      expect(opened.slice(1).map((at, loop) => at - opened[loop]!)).toEqual([1075, 1075, 1075]);
    });

    it('trusts no connection for the one before it: a flood of frames on a new one that closes before lasting still counts', () => {
      const run = start();
      run.actor.send({ type: 'socket.opened' });
      run.clock.advance(settings.heartbeatIntervalMs);
      run.actor.send({ type: 'socket.frame', data: 'pong' });
      run.actor.send({ type: 'socket.lost' });
      expect(run.actor.context.attempt).toBe(1);
      waitsOut(run);
      run.actor.send({ type: 'socket.opened' });
      for (let frame = 0; frame < 99; frame++) {
        run.actor.send({ type: 'socket.frame', data: 'flood' });
        run.clock.advance(10);
      }
      expect(run.actor.value).toBe('open.quiet');
      run.actor.send({ type: 'socket.lost' });
      expect(run.actor.context.attempt).toBe(2);
    });

    it('still waits at least half the first delay between attempts when a relay answers once, then closes', () => {
      const run = start();
      for (let loop = 0; loop < 5; loop++) {
        run.actor.send({ type: 'socket.opened' });
        run.actor.send({ type: 'socket.frame', data: 'hello' });
        run.actor.send({ type: 'socket.lost' });
        expect(waitsOut(run)).toBeGreaterThanOrEqual(settings.initialDelayMs / 2);
      }
    });
  });
});
