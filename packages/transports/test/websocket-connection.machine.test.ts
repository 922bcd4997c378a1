import { describe, expect, it } from 'vitest';
import { ManualClock } from '@chatpay/core/testing';
import { createActor, fromCallback, fromPromise, type EventObject } from 'xstate';
import type { ObtainedToken } from '../src/join-token-refresh.js';
import {
  backoffDelay,
  webSocketConnectionMachine,
  type ConnectionSettings,
} from '../src/websocket-connection.machine.js';

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
    (_: unknown, params?: unknown): void =>
      void effects.push(params === undefined ? name : [name, params]);
  const machine = webSocketConnectionMachine.provide({
    actors: {
      token: fromPromise<ObtainedToken>(token ?? (() => Promise.reject(new RangeError('none')))),
      tokenRefresh: fromCallback<EventObject, ObtainedToken | undefined>(({ input }) => {
        effects.push(['tokenRefresh', input?.token]);
      }),
    },
    actions: {
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
  });
  const actor = createActor(machine, { clock, input: { ...settings, ...overrides } });
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
    expect(actor.getSnapshot().value).toEqual({ connecting: 'opening' });
    expect(taken()).toEqual([['openSocket', { token: undefined }]]);
    actor.send({ type: 'socket.opened' });
    expect(actor.getSnapshot().value).toEqual({ open: 'quiet' });
    expect(taken()).toEqual([
      ['announce', { state: 'open' }],
      ['connected', { reconnection: false }],
      ['tokenRefresh', undefined],
    ]);
  });

  it('asks for a token first when it has a provider, and opens with it', async () => {
    const { actor, taken } = start({ usesToken: true }, () => Promise.resolve({ token: 't-1', obtainedAt: 0 }));
    expect(actor.getSnapshot().value).toEqual({ connecting: 'fetchingToken' });
    await turns();
    expect(taken()).toEqual([['openSocket', { token: 't-1' }]]);
    actor.send({ type: 'socket.opened' });
    expect(taken()).toContainEqual(['tokenRefresh', 't-1']);
  });

  it('reports a provider that fails by its error name, and backs off', async () => {
    const { actor, taken } = start({ usesToken: true });
    await turns();
    expect(actor.getSnapshot().value).toBe('backingOff');
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
    expect(actor.getSnapshot().value).toEqual({ connecting: 'opening' });
    clock.advance(1);
    expect(taken()[0]).toEqual(['report', { type: 'connect-failed', error: 'TimeoutError' }]);
    clock.advance(75);
    expect(actor.getSnapshot().value).toEqual({ connecting: 'opening' });
    expect(taken()).toEqual([['openSocket', { token: undefined }]]);
  });

  it('pings after a quiet interval, finds a silent connection dead, and counts losses until a frame arrives', () => {
    const { actor, clock, taken } = start();
    actor.send({ type: 'socket.opened' });
    clock.advance(999);
    actor.send({ type: 'socket.frame', data: 'x' });
    clock.advance(999);
    expect(actor.getSnapshot().value).toEqual({ open: 'quiet' });
    clock.advance(1);
    expect(actor.getSnapshot().value).toEqual({ open: 'pinged' });
    taken();
    clock.advance(500);
    expect(actor.getSnapshot().value).toBe('backingOff');
    expect(taken()).toEqual([
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
    expect(actor.getSnapshot().context.attempt).toBe(2);
    clock.advance(150);
    actor.send({ type: 'socket.opened' });
    actor.send({ type: 'socket.frame', data: 'y' });
    expect(actor.getSnapshot().context.attempt).toBe(0);
  });

  it.each([
    ['connecting', () => undefined],
    ['open', (actor: ReturnType<typeof start>['actor']) => actor.send({ type: 'socket.opened' })],
    ['backingOff', (actor: ReturnType<typeof start>['actor']) => actor.send({ type: 'socket.lost' })],
  ])('closes for good from %s, with no timer left', (_, reach) => {
    const { actor, clock, taken } = start();
    reach(actor);
    taken();
    actor.send({ type: 'transport.close' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(taken()).toEqual([['announce', { state: 'closed' }], ['discardSocket', { code: 1000 }], 'release']);
    expect(clock.pending).toBe(0);
  });
});
