import fc from 'fast-check';
import {
  generateAgentKeyPair,
  generateSigningKeyPair,
  PROTOCOL_VERSION,
  sealCard,
  signMessage,
  type MessageOf,
  type UnsignedMessage,
  type WireMessage,
} from '@chatpay/core';
import { createFlow, USD_12_50 } from './flow.js';
import { settle, VISA } from './scripted-transport.js';
import type { TestApi } from '../../../../test-support/expect.js';

/**
 * An adversary with full control of the transport — it drops, delays, duplicates, reorders, replays,
 * alters and forges — but without either endpoint's private keys. Whatever it does: the customer never
 * sees Payment Accepted unless the agent completed, nothing throws, no card data crosses in clear, and
 * once the customer has spoken for the request every forgery is reported and changes nothing, and the
 * agent opens no card but the customer's. (Before the customer's first word the customer has no key
 * the agent could know: a party on the wire may then speak first as the customer — decline, or pay with
 * a card of its own — and the customer's own words are then shown to the agent as a conflict.
 * docs/security.md says why that is the most end-to-end signatures can give without a customer login.)
 */
type Forgery =
  | 'completed-to-customer'
  | 'cancelled-to-customer'
  | 'declined-to-agent'
  | 'card-to-agent'
  | 'request-to-customer'
  | 'altered-copy'
  | 'retargeted-copy';

type Step =
  | { readonly kind: 'deliver' | 'duplicate' | 'drop'; readonly pick: number }
  | { readonly kind: 'forge'; readonly forgery: Forgery; readonly pick: number }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'customer'; readonly action: 'open' | 'decline' | 'pay' | 'retry' }
  | { readonly kind: 'agent'; readonly action: 'cancel' | 'view' | 'complete' };

const FORGERIES: readonly Forgery[] = [
  'completed-to-customer',
  'cancelled-to-customer',
  'declined-to-agent',
  'card-to-agent',
  'request-to-customer',
  'altered-copy',
  'retargeted-copy',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('deliver' as const, 'duplicate' as const, 'drop' as const),
      pick: fc.nat(6),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('forge' as const),
      forgery: fc.constantFrom(...FORGERIES),
      pick: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 12 * 60_000 }) }),
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
);

const MALLORY = { ...VISA, number: '5555555555554444', name: 'Mallory Adversary', brand: 'mastercard' } as const;

async function sign(message: Record<string, unknown>, key: CryptoKey): Promise<WireMessage> {
  const unsigned = {
    version: PROTOCOL_VERSION,
    id: `forged-${Math.random().toString(36).slice(2, 14)}`,
    sentAt: 0,
    ...message,
  } as UnsignedMessage;
  return (await signMessage(unsigned, key)) as WireMessage;
}

/** Runs in vitest (Node) and in the three browser engines: `runs` cases of fast-check. */
export function adversarySuite({ describe, it, expect }: TestApi, runs: number): void {
  describe('the flow under an adversary that controls the transport', () => {
    it('never shows a forged outcome, never opens a foreign card, reports every forgery and never throws', async () => {
      const own = await generateSigningKeyPair();
      const ownAgent = await generateAgentKeyPair('agent-1');
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
          const flow = createFlow();
          const request = flow.agent.createRequest();
          expect(request.review(USD_12_50).ok).toBe(true);
          expect(request.send().ok).toBe(true);
          let agentCompleted = false;
          /** Who first spoke to the agent for the customer: the customer, the adversary, or nobody yet. */
          const said: { first: 'customer' | 'adversary' | null } = { first: null };
          const customerSpeaks = (index: number) => {
            const item = flow.wire.inFlight[index];
            const speech = ['request.opened', 'request.declined', 'request.submitted'];
            if (item?.to === 'agent' && speech.includes(item.message.type)) said.first ??= 'customer';
          };
          const viewed: string[] = [];
          const seen: WireMessage[] = [];
          const { requestId } = request;
          const base = { requestId, conversationId: 'conv-1' };

          const forge = async (
            forgery: Forgery,
            pick: number,
          ): Promise<{ to: 'agent' | 'customer'; message: unknown }> => {
            const created = seen.find((message) => message.type === 'request.created') as
              MessageOf<'request.created'> | undefined;
            const any = seen.length > 0 ? seen[pick % seen.length]! : undefined;
            switch (forgery) {
              case 'completed-to-customer':
                return {
                  to: 'customer',
                  message: await sign({ ...base, type: 'request.completed', body: {} }, own.keyPair.privateKey),
                };
              case 'cancelled-to-customer':
                return {
                  to: 'customer',
                  message: await sign(
                    { ...base, type: 'request.cancelled', body: { reason: 'agent' } },
                    own.keyPair.privateKey,
                  ),
                };
              case 'declined-to-agent':
                return {
                  to: 'agent',
                  message: await sign(
                    { ...base, type: 'request.declined', body: {}, customerKey: own.publicKey },
                    own.keyPair.privateKey,
                  ),
                };
              case 'card-to-agent': {
                if (!created) return { to: 'agent', message: { junk: pick } };
                const sealed = await sealCard(MALLORY, created.body.agentKey, {
                  ...base,
                  terms: created.body,
                  customerKey: own.publicKey,
                });
                return {
                  to: 'agent',
                  message: await sign(
                    { ...base, type: 'request.submitted', body: { sealed }, customerKey: own.publicKey },
                    own.keyPair.privateKey,
                  ),
                };
              }
              case 'request-to-customer': {
                const body = {
                  ...USD_12_50,
                  expiresAt: 10 ** 13,
                  agentKey: {
                    ...ownAgent.agentKey,
                    ...(created?.body.agentKey.vouch ? { vouch: created.body.agentKey.vouch } : {}),
                  },
                };
                return {
                  to: 'customer',
                  message: await sign({ ...base, type: 'request.created', body }, ownAgent.keys.signing.privateKey),
                };
              }
              case 'altered-copy':
                if (!any) return { to: 'customer', message: { junk: pick } };
                return {
                  to: 'customerKey' in any ? 'agent' : 'customer',
                  message: {
                    ...any,
                    id: `altered-${pick}-${Math.random().toString(36).slice(2, 10)}`,
                    sentAt: any.sentAt + 1,
                  },
                };
              case 'retargeted-copy':
                if (!any) return { to: 'agent', message: { junk: pick } };
                return {
                  to: 'customerKey' in any ? 'agent' : 'customer',
                  message: {
                    ...any,
                    id: `retarget-${pick}-${Math.random().toString(36).slice(2, 10)}`,
                    requestId: `other-request-${pick}`,
                  },
                };
            }
          };

          for (const next of steps) {
            await settle(4);
            for (const item of flow.wire.inFlight) if (!seen.includes(item.message)) seen.push(item.message);
            const peer = flow.customer.request(requestId);
            switch (next.kind) {
              case 'deliver':
              case 'duplicate':
              case 'drop':
                if (flow.wire.inFlight.length === 0) break;
                if (next.kind !== 'drop') customerSpeaks(next.pick % flow.wire.inFlight.length);
                flow.wire[next.kind](next.pick % flow.wire.inFlight.length);
                break;
              case 'forge': {
                const { to, message } = await forge(next.forgery, next.pick);
                const reports = flow.reports[to];
                const before = reports.length;
                // Until the customer has spoken, a party on the wire may speak first in its place.
                const speaksFirst = next.forgery.endsWith('-to-agent') && said.first !== 'customer';
                if (speaksFirst) said.first = 'adversary';
                flow.wire.inject(to, message);
                await (to === 'agent' ? flow.agent.idle() : flow.customer.idle());
                // Every forgery is refused, rejected, held or ignored, and said so.
                if (!speaksFirst) expect(reports.length).toBeGreaterThan(before);
                break;
              }
              case 'advance':
                flow.clock.advance(next.ms);
                break;
              case 'customer':
                if (!peer) break;
                if (next.action === 'pay') await peer.pay(VISA);
                else peer[next.action]();
                break;
              case 'agent':
                if (next.action === 'view') {
                  const card = await request.viewCard();
                  if (card.ok) viewed.push(card.value.name);
                } else if (next.action === 'complete') {
                  if (request.complete().ok) agentCompleted = true;
                } else request.cancel();
                break;
            }
            await flow.agent.idle();
            await flow.customer.idle();
            if (flow.customer.request(requestId)?.timeline().phase === 'completed') expect(agentCompleted).toBe(true);
          }
          for (let index = 0; index < flow.wire.inFlight.length; index++) customerSpeaks(index);
          await flow.exchange();
          if (said.first !== 'adversary') expect(viewed.every((name) => name === VISA.name)).toBe(true);
          if (flow.customer.request(requestId)?.timeline().phase === 'completed') expect(agentCompleted).toBe(true);
          const wire = flow.wire.log.join('\n');
          expect(wire).not.toContain(VISA.number);
          expect(wire).not.toContain(VISA.name);
          flow.agent.close();
          flow.customer.close();
        }),
        { numRuns: runs },
      );
    }, 120_000);
  });
}
