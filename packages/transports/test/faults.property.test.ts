import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type CardDetails,
  type SessionReport,
  type Transport,
  type WireMessage,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { withFaults, type Fault } from '@chatpay/transports/testing';

const TTL = 15 * 60 * 1000;
const VIEW = 10 * 60 * 1000;
const CARD: CardDetails = {
  number: '5555555555554444',
  name: 'Grace Hopper',
  expiry: '11/29',
  securityCode: '319',
  brand: 'mastercard',
};

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'deliver' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' } as const) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((ms) => ({ kind: 'delay', ms }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fail' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fail-after-delivery' } as const) },
);

type Scenario = 'pay-and-complete' | 'decline' | 'expire' | 'cancel';
type Step =
  | { readonly kind: 'act' }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'disconnect' | 'reconnect'; readonly side: 'agent' | 'customer' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'act' } as const) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((ms) => ({ kind: 'advance', ms }) as const) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('disconnect' as const, 'reconnect' as const),
      side: fc.constantFrom('agent' as const, 'customer' as const),
    }),
  },
);

/** Lets promises, timers of zero and WebCrypto finish. */
async function settle(rounds = 4): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A memory pair that logs every message that crosses, as JSON: the wire as a chat backend would see it. */
function loggedPair(log: string[]): [Transport, Transport] {
  const ends = createMemoryTransportPair();
  return ends.map((end) => ({
    ...end,
    send: (message: WireMessage) => {
      log.push(JSON.stringify(message));
      return end.send(message);
    },
  })) as [Transport, Transport];
}

/** How each scenario must end once the network has recovered and the people have done what it offers. */
const OUTCOME: Record<Scenario, string> = {
  'pay-and-complete': 'completed',
  decline: 'declined',
  cancel: 'cancelled',
  expire: 'requestExpired',
};

describe('the whole flow over transports that drop, duplicate, delay, reorder, fail and disconnect', () => {
  it('ends as the people meant on both sides once the network recovers, and never sends card data unsealed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Scenario>('pay-and-complete', 'decline', 'expire', 'cancel'),
        fc.array(fault, { maxLength: 12 }),
        fc.array(fault, { maxLength: 12 }),
        fc.array(fault, { maxLength: 12 }),
        fc.array(fault, { maxLength: 12 }),
        fc.array(step, { maxLength: 30 }),
        async (scenario, agentSends, customerSends, agentReceives, customerReceives, steps) => {
          const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
          const wire: string[] = [];
          const reports: SessionReport[] = [];
          const [agentInner, customerInner] = loggedPair(wire);
          let faulty = true;
          const schedule = (faults: Fault[]) => (_: unknown, index: number) =>
            (faulty && faults[index]) || ({ kind: 'deliver' } as const);
          const ends = {
            agent: withFaults(agentInner, { clock, outgoing: schedule(agentSends), incoming: schedule(agentReceives) }),
            customer: withFaults(customerInner, {
              clock,
              outgoing: schedule(customerSends),
              incoming: schedule(customerReceives),
            }),
          };
          const options = { conversationId: 'conv-1', clock, onReport: (r: SessionReport) => reports.push(r) };
          const agent = createAgentSession({
            ...agentTrust(),
            ...options,
            transport: ends.agent,
            requestTtlMs: TTL,
            viewWindowMs: VIEW,
          });
          const customer = createCustomerSession({ ...customerTrust(), ...options, transport: ends.customer });
          const request = agent.createRequest();
          expect(request.review({ amount: { minor: 999, currency: 'GBP' }, reason: 'Spare part' }).ok).toBe(true);
          expect(request.send().ok).toBe(true);

          /** What each person does next in this scenario, when they can; Try Again whenever it shows. */
          const act = async () => {
            const peer = customer.request(request.requestId);
            const agentStatus = request.timeline().status;
            if (agentStatus === 'try-again') request.retry();
            if (scenario === 'cancel' && agentStatus === 'waiting-for-customer') request.cancel();
            if (scenario === 'pay-and-complete' && agentStatus === 'view-card') {
              if (request.timeline().phase === 'cardSubmitted') await request.viewCard();
              request.complete();
            }
            if (!peer) return;
            const status = peer.timeline().status;
            if (status === 'try-again') peer.retry();
            if (status === 'payment-requested' && (scenario === 'pay-and-complete' || scenario === 'decline')) {
              if (scenario === 'decline') peer.decline();
              else peer.open();
            }
            if (status === 'entering-payment') await peer.pay(CARD);
          };

          for (const next of steps) {
            if (next.kind === 'act') await act();
            else if (next.kind === 'advance') clock.advance(next.ms);
            else if (next.kind === 'disconnect') ends[next.side].disconnect();
            else ends[next.side].reconnect();
            await settle();
            await customer.idle();
          }

          // The network recovers: faults stop, and each connection drops and comes back, as after a blip.
          // Sessions resynchronise only through the transports' reconnect cue, as in production.
          faulty = false;
          const blip = () => {
            for (const end of [ends.agent, ends.customer]) {
              end.disconnect();
              end.reconnect();
            }
          };
          blip();
          for (let round = 0; round < 6; round++) {
            clock.advance(35_000); // every delayed message lands
            await settle(6);
            await customer.idle();
            await act();
            await settle(6);
          }
          if (scenario === 'expire') clock.advance(TTL + VIEW);
          blip();
          // WebCrypto runs on real time: on a busy machine it may need more turns than usual to finish.
          const ended = () =>
            request.timeline().phase === OUTCOME[scenario] &&
            customer.request(request.requestId)?.timeline().phase === OUTCOME[scenario];
          for (let round = 0; round < 20 && (round === 0 || !ended()); round++) {
            await settle(8);
            await customer.idle();
          }

          // Nothing was lost: each scenario ends as the people meant, on both sides, within the deadlines.
          expect(request.timeline().phase).toBe(OUTCOME[scenario]);
          expect(customer.request(request.requestId)?.timeline().phase).toBe(OUTCOME[scenario]);
          expect(agent.secretsHeld).toEqual({ keys: 0, openedCards: 0 });

          const seen = [...wire, JSON.stringify(reports)].join('\n');
          for (const secret of [CARD.number, CARD.name, CARD.expiry, 'securityCode'])
            expect(seen).not.toContain(secret);
          agent.close();
          customer.close();
        },
      ),
      { numRuns: Number(process.env.CHATPAY_RUNS ?? 60) },
    );
  }, 120_000);
});
