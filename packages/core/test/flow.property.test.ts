import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardDetails } from '@chatpay/core';
import { createFlow, TTL, VIEW } from './support/flow.js';
import { CARDS } from './support/sealing-cases.js';
import { until } from './support/scripted-transport.js';

type Step =
  | { readonly kind: 'deliver' | 'duplicate'; readonly pick: number }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'customer'; readonly action: 'open' | 'decline' | 'pay' | 'retry' }
  | { readonly kind: 'agent'; readonly action: 'cancel' | 'view' | 'complete' }
  | { readonly kind: 'fail-next-send'; readonly side: 'agent' | 'customer' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom('deliver' as const, 'duplicate' as const), pick: fc.nat(8) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 12 * 60 * 1000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('customer' as const),
      action: fc.constantFrom('open' as const, 'decline' as const, 'pay' as const, 'retry' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('agent' as const),
      action: fc.constantFrom('cancel' as const, 'view' as const, 'complete' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fail-next-send' as const),
      side: fc.constantFrom('agent' as const, 'customer' as const),
    }),
  },
);

const card: fc.Arbitrary<CardDetails> = fc
  .record({ base: fc.constantFrom(...CARDS), name: fc.string({ minLength: 3, maxLength: 40, unit: 'grapheme-ascii' }) })
  .map(({ base, name }) => ({ ...base, name: `${name.replace(/[^A-Za-z]/g, 'x')} Holder` }));

/** The card's number in any grouping: its digits with optional spaces, dashes, dots or slashes between them. */
const anyGrouping = (number: string) => new RegExp(number.split('').join('[\\s./-]*'));

describe('the whole flow under arbitrary orders, duplicates and delays of the messages', () => {
  it('ends in the same phase on both sides, never throws, and sends no card data unsealed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), card, async (steps, customerCard) => {
        const flow = createFlow();
        const request = flow.agent.createRequest();
        expect(request.review({ amount: { minor: 4200, currency: 'EUR' }, reason: 'Order 1234567890123' }).ok).toBe(
          true,
        );
        expect(request.send().ok).toBe(true);
        await until(() => request.timeline().phase === 'waitingForCustomer');

        for (const next of steps) {
          const peer = flow.customer.request(request.requestId);
          switch (next.kind) {
            case 'deliver':
            case 'duplicate':
              if (flow.wire.inFlight.length > 0) flow.wire[next.kind](next.pick % flow.wire.inFlight.length);
              break;
            case 'advance':
              flow.clock.advance(next.ms);
              break;
            case 'fail-next-send':
              flow.wire.failSends(next.side, 1);
              break;
            case 'customer':
              if (!peer) break;
              if (next.action === 'pay') await peer.pay(customerCard);
              else peer[next.action]();
              break;
            case 'agent':
              if (next.action === 'view') await request.viewCard();
              else request[next.action]();
              break;
          }
          await flow.customer.idle();
        }

        // Let the network catch up, recover a failed send the way a person would, then let every deadline
        // pass. A notice whose send failed is reported, and goes again on the resync a reconnect brings.
        await flow.exchange();
        flow.customer.request(request.requestId)?.retry();
        await flow.exchange();
        flow.clock.advance(TTL + VIEW);
        await flow.exchange();
        flow.agent.resync();
        flow.customer.resync();
        await flow.exchange();

        const [agentPhase, customerPhase] = flow.phases(request);
        expect(request.timeline().settled).toBe(true);
        if (customerPhase !== undefined) expect(customerPhase).toBe(agentPhase);
        else expect(['cancelled', 'requestExpired']).toContain(agentPhase);

        const wire = [...flow.wire.log, JSON.stringify(flow.reports)].join('\n');
        expect(wire).not.toMatch(anyGrouping(customerCard.number));
        expect(wire).not.toContain(customerCard.name);
        // No security code next to a card: no card field names, no expiry, no labelled code.
        expect(wire).not.toMatch(/securityCode|"expiry"/);
        expect(wire).not.toContain(customerCard.expiry);
        if (customerCard.securityCode) {
          expect(wire).not.toMatch(new RegExp(`(cvv|cvc|csc|code)\\W{0,3}${customerCard.securityCode}`, 'i'));
        }
      }),
      { numRuns: Number(process.env.CHATPAY_RUNS ?? 150) },
    );
  });
});
