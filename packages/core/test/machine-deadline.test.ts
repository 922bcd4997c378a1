// The machine reads no clock of its own: its deadlines run on the clock a session provides, and a
// machine given none fails loudly at the first deadline instead of reading the system's time.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { deadlineActor, paymentRequestMachine } from '../src/payment-request.machine.js';
import type { RequestTerms } from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { START, TTL, USD_12_50 } from './support/flow.js';

/** Terms as a customer's actor starts from: only `expiresAt` matters to the deadline. */
const terms = { ...USD_12_50, expiresAt: START + TTL } as unknown as RequestTerms;
const input = { side: 'customer', requestId: 'r-1', conversationId: 'conv-1', terms } as const;

describe("the machine's deadlines", () => {
  it('fail the actor with not-provided when no deadline actor is given', () => {
    const actor = createActor(paymentRequestMachine, { input });
    actor.subscribe({ error: () => undefined });
    actor.start();
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('error');
    expect(snapshot.error).toMatchObject({ code: 'not-provided' });
  });

  it('run on the clock given with provide(), and only when that clock reaches them', () => {
    const clock = new ManualClock(START);
    const actor = createActor(paymentRequestMachine.provide({ actors: { deadline: deadlineActor(clock) } }), {
      input,
    });
    actor.start();
    expect(actor.getSnapshot().value).toBe('waitingForCustomer');
    clock.advance(TTL - 1);
    expect(actor.getSnapshot().value).toBe('waitingForCustomer');
    clock.advance(1);
    expect(actor.getSnapshot().value).toBe('requestExpired');
  });
});
