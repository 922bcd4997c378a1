import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  generateAgentKeyPair,
  ManualClock,
  openCard,
  sealCard,
  type CardDetails,
  type SealingContext,
  type WireMessage,
} from '../../src/index.js';
import { check, checkEqual, rejectionCode } from '../../../../test-support/check.js';

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

export const CONTEXT: SealingContext = {
  requestId: 'req-0123456789',
  conversationId: 'conv-1',
  terms: { amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' },
};

const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

export interface Case {
  readonly name: string;
  readonly run: () => Promise<void>;
}

export const sealingCases: readonly Case[] = [
  {
    name: "the agent's private key is generated non-extractable",
    run: async () => {
      const { keyPair, agentKey } = await generateAgentKeyPair();
      checkEqual(keyPair.privateKey.extractable, false, 'private key extractable');
      const error = await rejectionCode(crypto.subtle.exportKey('jwk', keyPair.privateKey));
      check(error !== '', 'exporting the private key must fail');
      checkEqual(agentKey.publicKey.length, 87, 'public key length');
    },
  },
  ...CARDS.map((card) => ({
    name: `seals and opens a ${card.brand} card`,
    run: async () => {
      const { keyPair, agentKey } = await generateAgentKeyPair();
      const sealed = await sealCard(card, agentKey, CONTEXT);
      checkEqual(await openCard(sealed, keyPair, CONTEXT), card, 'opened card');
    },
  })),
  {
    name: 'hides the length of the name: short and long names seal to the same size',
    run: async () => {
      const { agentKey } = await generateAgentKeyPair();
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
    ] as const
  ).map(([what, context]) => ({
    name: `refuses to open a card sealed for ${what} with cannot-open`,
    run: async () => {
      const { keyPair, agentKey } = await generateAgentKeyPair();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      checkEqual(await rejectionCode(openCard(sealed, keyPair, context)), 'cannot-open', 'error code');
    },
  })),
  {
    name: "refuses to open a card sealed to another request's key",
    run: async () => {
      const mine = await generateAgentKeyPair();
      const other = await generateAgentKeyPair();
      const sealed = await sealCard(CARDS[0]!, other.agentKey, CONTEXT);
      checkEqual(await rejectionCode(openCard(sealed, mine.keyPair, CONTEXT)), 'cannot-open', 'error code');
    },
  },
  {
    name: 'refuses a ciphertext or encapsulated key with a flipped character',
    run: async () => {
      const { keyPair, agentKey } = await generateAgentKeyPair();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      const ciphertext = { ...sealed, ciphertext: flip(sealed.ciphertext, 40) };
      checkEqual(await rejectionCode(openCard(ciphertext, keyPair, CONTEXT)), 'cannot-open', 'flipped ciphertext');
      const enc = { ...sealed, enc: flip(sealed.enc, 30) };
      check(
        ['cannot-open', 'malformed-payload'].includes(await rejectionCode(openCard(enc, keyPair, CONTEXT))),
        'flipped enc',
      );
    },
  },
  {
    name: 'refuses malformed or oversized payloads before trying to decrypt',
    run: async () => {
      const { keyPair, agentKey } = await generateAgentKeyPair();
      const sealed = await sealCard(CARDS[0]!, agentKey, CONTEXT);
      const bad = [
        { ...sealed, ciphertext: sealed.ciphertext + 'A'.repeat(4096) },
        { ...sealed, ciphertext: sealed.ciphertext.slice(0, 100) },
        { ...sealed, ciphertext: '!!!!' },
        { ...sealed, enc: sealed.enc.slice(0, 80) },
        { ...sealed, enc: '' },
      ];
      for (const payload of bad) {
        checkEqual(await rejectionCode(openCard(payload, keyPair, CONTEXT)), 'malformed-payload', 'error code');
      }
    },
  },
  {
    name: 'refuses to seal to a key that is not a P-256 public key, or an incomplete card',
    run: async () => {
      const { agentKey } = await generateAgentKeyPair();
      const key = { ...agentKey, publicKey: 'A'.repeat(87) };
      checkEqual(await rejectionCode(sealCard(CARDS[0]!, key, CONTEXT)), 'untrusted-key', 'bad key');
      const card = { ...CARDS[0]!, number: '4111 1111' };
      checkEqual(await rejectionCode(sealCard(card, agentKey, CONTEXT)), 'invalid-card', 'bad card');
    },
  },
  ...(['complete', 'cancel', 'expire'] as const).map((ending) => ({
    name: `after the request is ${ending}d the card cannot be viewed again and the transport saw ciphertext only`,
    run: async () => {
      const clock = new ManualClock(Date.UTC(2026, 0, 1));
      const [agentEnd, customerEnd] = createMemoryTransportPair();
      const log: WireMessage[] = [];
      const agentSend = agentEnd.send.bind(agentEnd);
      const customerSend = customerEnd.send.bind(customerEnd);
      agentEnd.send = (message) => (log.push(message), agentSend(message));
      customerEnd.send = (message) => (log.push(message), customerSend(message));
      const agent = createAgentSession({ conversationId: 'conv-1', transport: agentEnd, clock, viewWindowMs: 60_000 });
      const customer = createCustomerSession({ conversationId: 'conv-1', transport: customerEnd, clock });
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
      if (ending === 'complete') check(request.complete().ok, 'complete');
      if (ending === 'cancel') check(request.cancel().ok, 'cancel');
      if (ending === 'expire') clock.advance(60_000);
      checkEqual(request.card(), null, 'card after the end');
      const again = await request.viewCard();
      check(!again.ok, 'viewing again must fail');
      const wire = JSON.stringify(log);
      for (const secret of [CARDS[0]!.number, CARDS[0]!.name, `"${CARDS[0]!.securityCode}"`]) {
        check(!wire.includes(secret), 'the transport carried card data');
      }
      agent.close();
      customer.close();
    },
  })),
];

async function waitFor(done: () => boolean): Promise<void> {
  for (let round = 0; round < 2000 && !done(); round++) await new Promise((resolve) => setTimeout(resolve, 0));
  check(done(), 'never reached the expected state');
}
