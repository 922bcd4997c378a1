import { describe, expect, it } from 'vitest';
import {
  customerTimeline,
  paymentRequestMachine,
  type CancelReason,
  type CustomerRequest,
  type PaymentRequestContext,
  type PaymentRequestSnapshot,
  type Phase,
  type RequestTerms,
  type WireMessage,
} from '@chatpay/core';
import {
  connectPaymentRequest,
  paymentRequestStateOf,
  type PaymentRequestState,
} from '../src/payment-request/payment-request.connect.js';
import { PAYMENT_REQUEST_MESSAGES_EN as words } from '../src/payment-request/payment-request.messages.js';

const TERMS: RequestTerms = {
  amount: { minor: 123456, currency: 'EUR' },
  reason: 'Replacement charger <b>now</b>',
  expiresAt: Date.UTC(2030, 0, 1),
  agentKey: {
    suite: 'HPKE-v1/DHKEM-P256-HKDF-SHA256/HKDF-SHA256/AES-128-GCM',
    publicKey: 'A'.repeat(87),
    signingKey: 'B'.repeat(87),
    agentId: 'agent-1',
  },
};

interface At {
  readonly unverified?: boolean;
  /** The sealed card kept for a retry; a request that reached `sendFailed` through sealing has one. */
  readonly outgoing?: boolean;
  readonly cancelReason?: CancelReason;
}

/**
 * A snapshot of the real machine on the customer's side resting in `phase`: what each phase allows
 * comes from the statechart itself, never from a copy of it in the test.
 */
function snapshotAt(phase: Phase, at: At = {}): PaymentRequestSnapshot {
  const context: PaymentRequestContext = {
    side: 'customer',
    requestId: 'r-1',
    conversationId: 'c-1',
    viewWindowMs: 600_000,
    draft: null,
    terms: TERMS,
    outgoing: (at.outgoing ?? true) ? ({ type: 'request.submitted' } as WireMessage) : null,
    sealed: null,
    viewDeadline: null,
    failure: null,
    trust: at.unverified ? 'unverified' : 'vouched',
    keys: 'none',
    conflict: false,
    cancelReason: at.cancelReason ?? null,
  };
  return paymentRequestMachine.resolveState({ value: phase, context });
}

function stateAt(phase: Phase, at: At = {}, locale = 'de-DE'): PaymentRequestState {
  const snapshot = snapshotAt(phase, at);
  return { snapshot, view: customerTimeline(snapshot), terms: TERMS, locale };
}

describe('what the payment request shows and offers in each phase', () => {
  it.each<[string, Phase, At, string, boolean, readonly string[]]>([
    ['the request, before a choice', 'waitingForCustomer', {}, '', false, ['decline', 'enter-payment']],
    ['the card being entered', 'customerEntering', {}, '', true, ['decline']],
    ['the card being sealed', 'preparing', {}, 'Sending…', false, []],
    ['the card being sent', 'sending', {}, 'Sending…', false, []],
    ['a failed send', 'sendFailed', {}, 'Sending failed. Try again.', false, ['try-again']],
    [
      'a failed send with nothing kept to send again',
      'sendFailed',
      { outgoing: false },
      'Sending failed. Try again.',
      false,
      [],
    ],
    ['the card with the agent', 'cardSubmitted', {}, 'Sent. Waiting for the agent.', false, []],
    ['the card being opened', 'opening', {}, 'Sent. Waiting for the agent.', false, []],
    ['the card being viewed', 'cardViewing', {}, 'Sent. Waiting for the agent.', false, []],
    ['completed', 'completed', {}, 'Payment Accepted', false, []],
    ['declined', 'declined', {}, 'You declined this payment', false, []],
    ['the request expired', 'requestExpired', {}, 'This request has expired', false, []],
    ['the view window ran out', 'cardExpired', {}, 'This request has ended. The agent may send a new one.', false, []],
    ['cancelled by the agent', 'cancelled', { cancelReason: 'agent' }, 'The agent cancelled this request', false, []],
    [
      'replaced by a new request',
      'cancelled',
      { cancelReason: 'replaced' },
      'The agent sent a new request in place of this one',
      false,
      [],
    ],
    ['an unreadable card', 'cardRejected', {}, 'The agent cancelled this request', false, []],
  ])('%s', (_name, phase, at, announced, cardForm, actions) => {
    const view = connectPaymentRequest(stateAt(phase, at), words);
    expect(view.announced).toBe(announced);
    expect(view.cardForm).toBe(cardForm);
    expect(view.actions.map((action) => action.id)).toEqual(actions);
  });

  it('labels each button in its words, with Enter Payment and Try Again as the main actions', () => {
    expect(connectPaymentRequest(stateAt('waitingForCustomer'), words).actions).toEqual([
      { id: 'decline', label: 'Decline', primary: false },
      { id: 'enter-payment', label: 'Enter Payment', primary: true },
    ]);
    expect(connectPaymentRequest(stateAt('sendFailed'), words).actions).toEqual([
      { id: 'try-again', label: 'Try Again', primary: true },
    ]);
  });

  it('offers only what the machine allows now', () => {
    for (const phase of ['waitingForCustomer', 'customerEntering', 'sendFailed', 'completed'] as const) {
      const state = stateAt(phase);
      const view = connectPaymentRequest(state, words);
      const offered = new Set(view.actions.map((action) => action.id));
      expect(offered.has('enter-payment')).toBe(state.snapshot.can({ type: 'request.open' }));
      expect(offered.has('decline')).toBe(state.snapshot.can({ type: 'request.decline' }));
      expect(offered.has('try-again')).toBe(state.snapshot.can({ type: 'request.retry' }));
      expect(view.cardForm).toBe(state.snapshot.can({ type: 'card.submit' }));
    }
  });
});

describe('what the payment request shows of its terms', () => {
  it('formats the amount for the locale and keeps the reason as the text it is', () => {
    const view = connectPaymentRequest(stateAt('waitingForCustomer'), words);
    expect(view.title).toBe('Payment request');
    expect(view.amount).toMatch(/^1\.234,56\s€$/);
    expect(view.reasonLabel).toBe('For');
    expect(view.reason).toBe('Replacement charger <b>now</b>');
    expect(connectPaymentRequest(stateAt('waitingForCustomer', {}, 'en-US'), words).amount).toBe('€1,234.56');
  });

  it('badges a request nobody vouched for, in every phase, and no other', () => {
    for (const phase of ['waitingForCustomer', 'customerEntering', 'completed'] as const) {
      expect(connectPaymentRequest(stateAt(phase, { unverified: true }), words).badge).toEqual({
        text: 'UNVERIFIED · development mode',
        description: words.unverifiedDescription,
      });
      expect(connectPaymentRequest(stateAt(phase), words).badge).toBeNull();
    }
    expect(words.unverifiedDescription).toContain('Do not enter a real card');
  });

  it('says everything in the words it is given', () => {
    const other = {
      ...words,
      title: 'Zahlungsanforderung',
      decline: 'Ablehnen',
      status: { ...words.status, declined: 'Abgelehnt' },
    };
    expect(connectPaymentRequest(stateAt('waitingForCustomer'), other).title).toBe('Zahlungsanforderung');
    expect(connectPaymentRequest(stateAt('customerEntering'), other).actions[0]!.label).toBe('Ablehnen');
    expect(connectPaymentRequest(stateAt('declined'), other).announced).toBe('Abgelehnt');
  });
});

describe('the English words of the payment request', () => {
  it('name every status of the customer timeline', () => {
    expect(Object.keys(words.status).sort()).toEqual(
      [
        'payment-requested',
        'entering-payment',
        'sending',
        'try-again',
        'waiting-for-agent',
        'payment-accepted',
        'declined',
        'request-expired',
        'card-expired',
        'cancelled',
        'replaced',
      ].sort(),
    );
  });
});

describe('reading a request', () => {
  it('takes its snapshot, timeline and terms as they are now', () => {
    const snapshot = snapshotAt('customerEntering');
    const request = {
      actor: { getSnapshot: () => snapshot },
      timeline: () => customerTimeline(snapshot),
      terms: TERMS,
    } as unknown as CustomerRequest;
    const state = paymentRequestStateOf(request, 'fr-FR');
    expect(state.snapshot).toBe(snapshot);
    expect(state.view.status).toBe('entering-payment');
    expect(state.terms).toBe(TERMS);
    expect(state.locale).toBe('fr-FR');
  });
});
