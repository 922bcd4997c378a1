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
import {
  nextPaymentRequestMemory,
  PAYMENT_REQUEST_FRESH,
  type PaymentRequestMemory,
  type PaymentRequestMemoryEvent,
} from '../src/payment-request/payment-request.memory.js';
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
  /** A card reached the agent before the request ended; by default, in the phases that follow one. */
  readonly cardSent?: boolean;
}

const AFTER_A_CARD: ReadonlySet<Phase> = new Set([
  'cardSubmitted',
  'opening',
  'cardViewing',
  'completed',
  'cardExpired',
  'cardRejected',
]);

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
    cardSent: at.cardSent ?? AFTER_A_CARD.has(phase),
  };
  return paymentRequestMachine.resolveState({ value: phase, context });
}

function stateAt(
  phase: Phase,
  at: At = {},
  locale = 'de-DE',
  memory: PaymentRequestMemory = PAYMENT_REQUEST_FRESH,
  cardFormLoaded = true,
): PaymentRequestState {
  const snapshot = snapshotAt(phase, at);
  return {
    snapshot,
    view: customerTimeline(snapshot),
    terms: TERMS,
    locale,
    memory,
    cardSent: snapshot.context.cardSent,
    cardFormLoaded,
  };
}

/** The bubble's memory after `events`, from a fresh one. */
const remembered = (...events: PaymentRequestMemoryEvent[]) =>
  events.reduce(nextPaymentRequestMemory, PAYMENT_REQUEST_FRESH);

const NOT_CHARGED = 'You have not been charged.';

describe('what the payment request shows and offers in each phase', () => {
  it.each<[string, Phase, At, string, string | null, boolean, readonly string[]]>([
    ['the request, before a choice', 'waitingForCustomer', {}, '', null, false, ['decline', 'enter-payment']],
    ['the card being entered', 'customerEntering', {}, 'Enter your card details', null, true, ['decline']],
    ['the card being sealed', 'preparing', {}, 'Sending…', null, false, []],
    ['the card being sent', 'sending', {}, 'Sending…', null, false, []],
    ['a failed send', 'sendFailed', {}, 'Sending failed. Try again.', null, false, ['try-again']],
    [
      'a failed send with nothing kept to send again',
      'sendFailed',
      { outgoing: false },
      'Sending failed. Try again.',
      null,
      false,
      [],
    ],
    ['the card with the agent', 'cardSubmitted', {}, 'Sent. Waiting for the agent.', null, false, []],
    ['the card being opened', 'opening', {}, 'Sent. Waiting for the agent.', null, false, []],
    ['the card being viewed', 'cardViewing', {}, 'Sent. Waiting for the agent.', null, false, []],
    ['completed', 'completed', {}, 'Payment Accepted', null, false, []],
    ['declined', 'declined', {}, 'You declined this payment', NOT_CHARGED, false, []],
    ['the request expired', 'requestExpired', {}, 'This request has expired', NOT_CHARGED, false, []],
    [
      'the view window ran out',
      'cardExpired',
      {},
      'This request has ended. The agent may send a new one.',
      null,
      false,
      [],
    ],
    [
      'cancelled by the agent',
      'cancelled',
      { cancelReason: 'agent' },
      'The agent cancelled this request',
      NOT_CHARGED,
      false,
      [],
    ],
    [
      'replaced by a new request',
      'cancelled',
      { cancelReason: 'replaced' },
      'The agent sent a new request in place of this one',
      NOT_CHARGED,
      false,
      [],
    ],
    // A card reached the agent: it may have been charged before the end, so "not charged" is not said.
    ['an unreadable card', 'cardRejected', {}, 'The agent cancelled this request', null, false, []],
    [
      'cancelled by the agent after the card arrived',
      'cancelled',
      { cancelReason: 'agent', cardSent: true },
      'The agent cancelled this request',
      null,
      false,
      [],
    ],
  ])('%s', (_name, phase, at, announced, notCharged, cardForm, actions) => {
    const view = connectPaymentRequest(stateAt(phase, at), words);
    expect(view.announced).toBe(announced);
    expect(view.notCharged).toBe(notCharged);
    expect(view.cardForm).toBe(cardForm);
    expect(view.question).toBeNull();
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

describe('the card form, loaded on demand', () => {
  const at = (phase: Phase, memory: PaymentRequestMemory, loaded = false) =>
    connectPaymentRequest(stateAt(phase, {}, 'de-DE', memory, loaded), words);
  const loading = remembered({ type: 'opened' }, { type: 'form-loading' });
  const failed = nextPaymentRequestMemory(loading, { type: 'form-failed' });

  it.each<[string, Phase, PaymentRequestMemory, boolean, Partial<ReturnType<typeof connectPaymentRequest>>]>([
    [
      'a request that can be opened: prefetched, nothing shown of it',
      'waitingForCustomer',
      PAYMENT_REQUEST_FRESH,
      false,
      { cardForm: false, formLoad: null, loadForm: false, prefetchForm: true, announced: '' },
    ],
    [
      'a request that can be opened, the form there already: nothing to prefetch',
      'waitingForCustomer',
      PAYMENT_REQUEST_FRESH,
      true,
      { prefetchForm: false },
    ],
    [
      'the form wanted, not loaded, no load yet: the element loads it',
      'customerEntering',
      PAYMENT_REQUEST_FRESH,
      false,
      { cardForm: false, formLoad: 'loading', loadForm: true, announced: 'Loading the secure form…' },
    ],
    [
      'the form loading',
      'customerEntering',
      loading,
      false,
      { cardForm: false, formLoad: 'loading', loadForm: false, announced: 'Loading the secure form…' },
    ],
    [
      'the form loaded',
      'customerEntering',
      nextPaymentRequestMemory(loading, { type: 'form-loaded' }),
      false,
      { cardForm: true, formLoad: null, loadForm: false, announced: 'Enter your card details' },
    ],
    [
      'the form prefetched: drawn at once, with no wait',
      'customerEntering',
      PAYMENT_REQUEST_FRESH,
      true,
      { cardForm: true, formLoad: null, loadForm: false, announced: 'Enter your card details' },
    ],
    [
      'the form failed to load',
      'customerEntering',
      failed,
      false,
      { cardForm: false, formLoad: 'failed', loadForm: false, announced: words.formFailed },
    ],
    [
      'Try again: loaded again',
      'customerEntering',
      nextPaymentRequestMemory(failed, { type: 'form-retried' }),
      false,
      { cardForm: false, formLoad: 'loading', loadForm: true },
    ],
    [
      'a failed load once the form is no longer wanted: nothing said of it',
      'declined',
      failed,
      false,
      { cardForm: false, formLoad: null, loadForm: false, announced: 'You declined this payment' },
    ],
  ])('%s', (_name, phase, memory, loaded, expected) => {
    expect(at(phase, memory, loaded)).toMatchObject(expected);
  });

  it('offers Try again, first, only after the form failed to load', () => {
    expect(at('customerEntering', failed).actions).toEqual([
      { id: 'form-retry', label: 'Try again', primary: true },
      { id: 'decline', label: 'Decline', primary: false },
    ]);
    expect(at('customerEntering', loading).actions.map((action) => action.id)).toEqual(['decline']);
  });

  it('says the failure in a message that asks to check the connection', () => {
    expect(words.formFailed).toBe('The secure form did not load. Check your connection and try again.');
  });
});

describe('the decline question', () => {
  const asked = remembered({ type: 'decline-asked' });

  it.each<[string, Phase, boolean, readonly string[]]>([
    ['before a choice: instead of Decline and Enter Payment', 'waitingForCustomer', false, ['keep', 'confirm-decline']],
    [
      'while the card is entered: instead of Decline, the form staying',
      'customerEntering',
      true,
      ['keep', 'confirm-decline'],
    ],
  ])('is asked %s', (_name, phase, cardForm, actions) => {
    const view = connectPaymentRequest(stateAt(phase, {}, 'de-DE', asked), words);
    expect(view.question).toBe('Decline this payment?');
    expect(view.cardForm).toBe(cardForm);
    expect(view.actions).toEqual([
      { id: 'keep', label: 'Keep', primary: true },
      { id: 'confirm-decline', label: 'Yes, decline', primary: false },
    ]);
    expect(view.actions.map((action) => action.id)).toEqual(actions);
  });

  it('is no longer asked once the request cannot be declined, nor after Keep', () => {
    for (const phase of ['requestExpired', 'cancelled', 'sending', 'completed'] as const) {
      const view = connectPaymentRequest(stateAt(phase, {}, 'de-DE', asked), words);
      expect(view.question).toBeNull();
      expect(view.actions.map((action) => action.id)).not.toContain('confirm-decline');
    }
    const kept = connectPaymentRequest(
      stateAt('waitingForCustomer', {}, 'de-DE', nextPaymentRequestMemory(asked, { type: 'decline-kept' })),
      words,
    );
    expect(kept.question).toBeNull();
    expect(kept.actions.map((action) => action.id)).toEqual(['decline', 'enter-payment']);
  });
});

describe('the card paid with', () => {
  const sealed = remembered({ type: 'sealed', card: { brand: 'visa', lastFour: '1111' } });

  it('names the brand and the last four digits with Payment Accepted, when this page sealed the card', () => {
    expect(connectPaymentRequest(stateAt('completed', {}, 'de-DE', sealed), words).announced).toBe(
      'Payment Accepted — Visa •••• 1111',
    );
    const amex = remembered({ type: 'sealed', card: { brand: 'american-express', lastFour: '0005' } });
    expect(connectPaymentRequest(stateAt('completed', {}, 'de-DE', amex), words).announced).toBe(
      'Payment Accepted — American Express •••• 0005',
    );
  });

  it('says only Payment Accepted when the card is not known here (a reloaded page), and names it nowhere else', () => {
    expect(connectPaymentRequest(stateAt('completed'), words).announced).toBe('Payment Accepted');
    for (const phase of ['cardSubmitted', 'sendFailed', 'declined', 'cardExpired', 'cancelled'] as const) {
      expect(connectPaymentRequest(stateAt(phase, {}, 'de-DE', sealed), words).announced).not.toContain('1111');
    }
  });

  it('shows the brand id as it is for a brand it does not know', () => {
    const gift = remembered({ type: 'sealed', card: { brand: 'acme-gift', lastFour: '0001' } });
    expect(connectPaymentRequest(stateAt('completed', {}, 'de-DE', gift), words).announced).toBe(
      'Payment Accepted — acme-gift •••• 0001',
    );
  });
});

describe("the bubble's memory", () => {
  it.each<[string, PaymentRequestMemoryEvent[], Partial<PaymentRequestMemory>]>([
    ['fresh: nothing to ask, nothing to focus', [], { askingToDecline: false, focus: null, paid: null }],
    ['Enter Payment: the focus goes to the form', [{ type: 'opened' }], { focus: 'card-form' }],
    [
      'Decline: the question, with the focus on Keep',
      [{ type: 'decline-asked' }],
      { askingToDecline: true, focus: 'keep' },
    ],
    [
      'Keep: no question, the focus back on Decline',
      [{ type: 'decline-asked' }, { type: 'decline-kept' }],
      { askingToDecline: false, focus: 'decline' },
    ],
    [
      'Yes, decline: no question, the focus on the outcome',
      [{ type: 'decline-asked' }, { type: 'decline-confirmed' }],
      { askingToDecline: false, focus: 'status' },
    ],
    [
      'a card sealed: its brand and last four, the focus on the status',
      [{ type: 'opened' }, { type: 'sealed', card: { brand: 'visa', lastFour: '1111' } }],
      { paid: { brand: 'visa', lastFour: '1111' }, focus: 'status' },
    ],
    ['Try Again: the focus on the status', [{ type: 'retried' }], { focus: 'status' }],
    ['the focus taken', [{ type: 'opened' }, { type: 'focused' }], { focus: null }],
    [
      'the form needed: loading, the focus kept for it',
      [{ type: 'opened' }, { type: 'form-loading' }],
      { formLoad: 'loading', focus: 'card-form' },
    ],
    [
      'the form loaded: the focus still kept for it, until it is drawn',
      [{ type: 'opened' }, { type: 'form-loading' }, { type: 'form-loaded' }],
      { formLoad: 'loaded', focus: 'card-form' },
    ],
    [
      'the form failed while the customer waited: the focus on Try again',
      [{ type: 'opened' }, { type: 'form-loading' }, { type: 'form-failed' }],
      { formLoad: 'failed', focus: 'form-retry' },
    ],
    [
      'the form failed with the focus elsewhere: it stays where it is going',
      [{ type: 'decline-asked' }, { type: 'form-loading' }, { type: 'form-failed' }],
      { formLoad: 'failed', focus: 'keep' },
    ],
    [
      'Try again after a failed load: loaded again, the focus for the form',
      [{ type: 'opened' }, { type: 'form-loading' }, { type: 'form-failed' }, { type: 'form-retried' }],
      { formLoad: 'idle', focus: 'card-form' },
    ],
  ])('%s', (_name, events, expected) => {
    expect(remembered(...events)).toMatchObject(expected);
  });

  it('keeps of a sealed card only its brand and last four digits', () => {
    const card = { brand: 'visa', lastFour: '1111', number: '4111111111111111' };
    expect(remembered({ type: 'sealed', card }).paid).toEqual({ brand: 'visa', lastFour: '1111' });
  });

  it('never changes the memory it is given', () => {
    const before = remembered({ type: 'decline-asked' });
    nextPaymentRequestMemory(before, { type: 'decline-kept' });
    expect(before).toEqual({ paid: null, askingToDecline: true, formLoad: 'idle', focus: 'keep' });
    expect(PAYMENT_REQUEST_FRESH).toEqual({ paid: null, askingToDecline: false, formLoad: 'idle', focus: null });
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
      notCharged: 'Ihnen wurde nichts berechnet.',
      declineQuestion: 'Diese Zahlung ablehnen?',
    };
    expect(connectPaymentRequest(stateAt('waitingForCustomer'), other).title).toBe('Zahlungsanforderung');
    expect(connectPaymentRequest(stateAt('customerEntering'), other).actions[0]!.label).toBe('Ablehnen');
    expect(connectPaymentRequest(stateAt('declined'), other).announced).toBe('Abgelehnt');
    expect(connectPaymentRequest(stateAt('declined'), other).notCharged).toBe('Ihnen wurde nichts berechnet.');
    const asked = stateAt('waitingForCustomer', {}, 'de-DE', remembered({ type: 'decline-asked' }));
    expect(connectPaymentRequest(asked, other).question).toBe('Diese Zahlung ablehnen?');
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
    const memory = remembered({ type: 'decline-asked' });
    const state = paymentRequestStateOf(request, 'fr-FR', memory, false);
    expect(state.snapshot).toBe(snapshot);
    expect(state.view.status).toBe('entering-payment');
    expect(state.terms).toBe(TERMS);
    expect(state.locale).toBe('fr-FR');
    expect(state.memory).toBe(memory);
    expect(state.cardFormLoaded).toBe(false);
  });
});
