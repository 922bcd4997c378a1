import {
  createAgentSession,
  createCustomerSession,
  createMemoryKeyStore,
  createMemoryTransportPair,
  createSingleTabLocks,
  generateAgentKeyPair,
  generateSigningKeyPair,
  openCard,
  sealCard,
  type CardDetails,
  type SealingContext,
  type WireMessage,
} from '../../src/index.js';
import { ManualClock } from '../../src/testing.js';
import { check, checkEqual, rejectionCode } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';

/** One card per brand the form knows, plus a gift card without a security code and one with a postal code. */
export const CARDS: readonly CardDetails[] = [
  { brand: 'visa', number: '4111111111111111', name: 'Ada Lovelace', expiry: '12/30', securityCode: '737' },
  { brand: 'mastercard', number: '5555555555554444', name: 'Grace Hopper', expiry: '01/29', securityCode: '123' },
  { brand: 'american-express', number: '378282246310005', name: 'Alan Turing', expiry: '06/31', securityCode: '1234' },
  { brand: 'discover', number: '6011111111111117', name: 'Édith Piaf', expiry: '03/28', securityCode: '321' },
  { brand: 'diners-club', number: '3056930009020004', name: 'Nikola Tesla', expiry: '09/27', securityCode: '456' },
  { brand: 'jcb', number: '3566002020360505', name: '山田 太郎', expiry: '11/30', securityCode: '789' },
  { brand: 'unionpay', number: '6200000000000005', name: 'Li Wei', expiry: '02/29', securityCode: '012' },
  { brand: 'maestro', number: '6759649826438453', name: 'Hans Müller', expiry: '05/30', securityCode: '654' },
  { brand: 'elo', number: '6362970000457013', name: 'João Silva', expiry: '08/29', securityCode: '987' },
  { brand: 'mir', number: '2200000000000004', name: 'Ivan Petrov', expiry: '10/28', securityCode: '246' },
  { brand: 'hiper', number: '6370950000000005', name: 'Ana Souza', expiry: '04/31', securityCode: '135' },
  { brand: 'gift-acme', number: '6035710000000000001', name: '', expiry: '12/35', securityCode: '' },
  {
    brand: 'visa',
    number: '4000056655665556',
    name: "O'Brien-Smith",
    expiry: '07/30',
    securityCode: '999',
    postalCode: 'SW1A 1AA',
  },
];

/** The customer's signing key the context names: the uncompressed P-256 point's 87 base64url characters. */
export const CUSTOMER_KEY = `B${'q9R8s7T6u5V4w3X2y1Z0_-aB'.repeat(4)}`.slice(0, 87);

export const CONTEXT: SealingContext = {
  requestId: 'req-0123456789',
  conversationId: 'conv-1',
  terms: { amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' },
  customerKey: CUSTOMER_KEY,
};

const AGENT_ID = 'agent-1';

const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

/** The HPKE key pair of a fresh request: present until the card is opened. */
async function freshKeys() {
  const { keys, agentKey } = await generateAgentKeyPair(AGENT_ID);
  const encryption = keys.encryption;
  check(encryption !== null, 'a fresh key pair has its encryption keys');
  return { encryption, signing: keys.signing, agentKey };
}

export interface Case {
  readonly name: string;
  readonly run: () => Promise<void>;
}

export const sealingCases: readonly Case[] = [
  {
    name: "the agent's two private keys (encryption and signing) are generated non-extractable",
    run: async () => {
      const { encryption, signing, agentKey } = await freshKeys();
      for (const [what, key] of [
        ['encryption', encryption.privateKey],
        ['signing', signing.privateKey],
      ] as const) {
        checkEqual(key.extractable, false, `${what} private key extractable`);
        for (const format of ['jwk', 'pkcs8'] as const) {
          const error = await rejectionCode(crypto.subtle.exportKey(format, key));
          check(error !== '', `exporting the ${what} private key as ${format} must fail`);
        }
      }
      checkEqual(encryption.privateKey.algorithm.name, 'ECDH', 'encryption algorithm');
      checkEqual(signing.privateKey.algorithm.name, 'ECDSA', 'signing algorithm');
      checkEqual(agentKey.publicKey.length, 87, 'public key length');
      checkEqual(agentKey.signingKey.length, 87, 'signing key length');
      check(agentKey.publicKey !== agentKey.signingKey, 'the two public keys differ');
      checkEqual(agentKey.agentId, AGENT_ID, 'agent id');
      checkEqual(agentKey.vouch, undefined, 'a fresh key is not yet vouched for');
    },
  },
  ...CARDS.map((card) => ({
    name: `seals and opens a ${card.brand} card${card.postalCode ? ' with a postal code' : ''}`,
    run: async () => {
      const { encryption, agentKey } = await freshKeys();
      const sealed = await sealCard(card, agentKey, CONTEXT);
      checkEqual(await openCard(sealed, encryption, CONTEXT), card, 'opened card');
    },
  })),
  {
    name: 'hides the length of the name: short and long names seal to the same size',
    run: async () => {
      const { agentKey } = await freshKeys();
      const short = await sealCard({ ...CARDS[0]!, name: 'Al' }, agentKey, CONTEXT);
      const long = await sealCard({ ...CARDS[0]!, name: 'Alexandra Konstantinopoulou-Richardson' }, agentKey, CONTEXT);
      checkEqual(short.ciphertext.length, long.ciphertext.length, 'ciphertext lengths');
    },
  },
  ...(
    [
      ['another request id', { ...CONTEXT, requestId: 'req-other-000' }],
      ['another conversation', { ...CONTEXT, conversationId: 'conv-2' }],
      ['a changed amount', { ...CONTEXT, terms: { ...CONTEXT.terms, amount: { minor: 125000, currency: 'USD' } } }],
      ['a changed currency', { ...CONTEXT, terms: { ...CONTEXT.terms, amount: { minor: 1250, currency: 'EUR' } } }],
      ['a changed reason', { ...CONTEXT, terms: { ...CONTEXT.terms, reason: 'Replacement charger x100' } }],
      ['another customer key', { ...CONTEXT, customerKey: flip(CUSTOMER_KEY, 50) }],
    ] as const
  ).map(([what, context]) => ({
    name: `refuses to open a card sealed for ${what} with cannot-open`,
    run: async () => {
      const { encryption, agentKey } = await freshKeys();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      checkEqual(await rejectionCode(openCard(sealed, encryption, context)), 'cannot-open', 'error code');
    },
  })),
  {
    name: 'a card sealed with customer key A does not open with customer key B in the context',
    run: async () => {
      const { encryption, agentKey } = await freshKeys();
      const [a, b] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
      const sealed = await sealCard(CARDS[0]!, agentKey, { ...CONTEXT, customerKey: a.publicKey });
      checkEqual(
        await rejectionCode(openCard(sealed, encryption, { ...CONTEXT, customerKey: b.publicKey })),
        'cannot-open',
        'opened with customer key B',
      );
      // The same sealed card still opens with A: only the key named in the context changed.
      checkEqual(
        await openCard(sealed, encryption, { ...CONTEXT, customerKey: a.publicKey }),
        CARDS[0]!,
        'opened with customer key A',
      );
    },
  },
  {
    name: "refuses to open a card sealed to another request's key",
    run: async () => {
      const mine = await freshKeys();
      const other = await freshKeys();
      const sealed = await sealCard(CARDS[0]!, other.agentKey, CONTEXT);
      checkEqual(await rejectionCode(openCard(sealed, mine.encryption, CONTEXT)), 'cannot-open', 'error code');
    },
  },
  {
    name: 'refuses a ciphertext or encapsulated key with a flipped character',
    run: async () => {
      const { encryption, agentKey } = await freshKeys();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      const ciphertext = { ...sealed, ciphertext: flip(sealed.ciphertext, 40) };
      checkEqual(await rejectionCode(openCard(ciphertext, encryption, CONTEXT)), 'cannot-open', 'flipped ciphertext');
      const enc = { ...sealed, enc: flip(sealed.enc, 30) };
      check(
        ['cannot-open', 'malformed-payload'].includes(await rejectionCode(openCard(enc, encryption, CONTEXT))),
        'flipped enc',
      );
    },
  },
  {
    name: 'refuses malformed or oversized payloads before trying to decrypt',
    run: async () => {
      const { encryption, agentKey } = await freshKeys();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      const bad = [
        { ...sealed, ciphertext: sealed.ciphertext + 'A'.repeat(4096) },
        { ...sealed, ciphertext: sealed.ciphertext.slice(0, 100) },
        { ...sealed, ciphertext: '!!!!' },
        { ...sealed, enc: sealed.enc.slice(0, 80) },
        { ...sealed, enc: '' },
      ];
      for (const payload of bad) {
        checkEqual(await rejectionCode(openCard(payload, encryption, CONTEXT)), 'malformed-payload', 'error code');
      }
    },
  },
  {
    name: 'refuses to seal to a key that is not a P-256 public key, or an incomplete card',
    run: async () => {
      const { agentKey } = await freshKeys();
      const key = { ...agentKey, publicKey: 'A'.repeat(87) };
      checkEqual(await rejectionCode(sealCard(CARDS[0]!, key, CONTEXT)), 'untrusted-key', 'bad key');
      const card = { ...CARDS[0]!, number: '4111 1111' };
      checkEqual(await rejectionCode(sealCard(card, agentKey, CONTEXT)), 'invalid-card', 'bad card');
    },
  },
  ...(
    [
      ['complete', 'completed'],
      ['cancel', 'cancelled'],
      ['expire', 'expired'],
    ] as const
  ).map(([ending, ended]) => ({
    name: `after the request is ${ended} the card cannot be viewed again and the transport saw ciphertext only`,
    run: async () => {
      const clock = new ManualClock(Date.UTC(2026, 0, 1));
      const [agentEnd, customerEnd] = createMemoryTransportPair();
      const log: WireMessage[] = [];
      const agentSend = agentEnd.send.bind(agentEnd);
      const customerSend = customerEnd.send.bind(customerEnd);
      agentEnd.send = (message) => (log.push(message), agentSend(message));
      customerEnd.send = (message) => (log.push(message), customerSend(message));
      // Keys in memory and locks of this page alone: each case starts from nothing, in every engine.
      const agent = createAgentSession({
        ...agentTrust(AGENT_ID),
        conversationId: 'conv-1',
        transport: agentEnd,
        clock,
        viewWindowMs: 60_000,
        keyStore: createMemoryKeyStore({ clock }),
        tabLocks: createSingleTabLocks(),
      });
      const customer = createCustomerSession({
        ...customerTrust(),
        conversationId: 'conv-1',
        transport: customerEnd,
        clock,
        keyStore: createMemoryKeyStore({ clock }),
      });
      try {
        const request = agent.createRequest();
        check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
        check(request.send().ok, 'send');
        await waitFor(() => customer.requests.length === 1);
        const peer = customer.requests[0]!;
        check(peer.open().ok, 'open');
        check((await peer.pay(CARDS[0]!)).ok, 'pay');
        await waitFor(() => request.timeline().phase === 'cardSubmitted');
        const viewed = await request.viewCard();
        check(viewed.ok, 'view');
        checkEqual(request.card(), CARDS[0]!, 'the card while it is viewed');
        if (ending === 'complete') check(request.complete().ok, 'complete');
        if (ending === 'cancel') check(request.cancel().ok, 'cancel');
        if (ending === 'expire') clock.advance(60_000);
        checkEqual(request.card(), null, 'card after the end');
        const again = await request.viewCard();
        check(!again.ok, 'viewing again must fail');
        const wire = JSON.stringify(log);
        check(
          log.some((message) => message.type === 'request.submitted'),
          'the sealed card crossed',
        );
        for (const secret of [CARDS[0]!.number, CARDS[0]!.name, `"${CARDS[0]!.securityCode}"`]) {
          check(!wire.includes(secret), 'the transport carried card data');
        }
      } finally {
        agent.close();
        customer.close();
      }
    },
  })),
];

async function waitFor(done: () => boolean): Promise<void> {
  for (let round = 0; round < 2000 && !done(); round++) await new Promise((resolve) => setTimeout(resolve, 0));
  check(done(), 'never reached the expected state');
}
