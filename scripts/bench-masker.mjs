// Measures @chatpay/masker: (1) the min+gzip bytes maskCardNumbers and findCardNumbers cost in a
// browser bundle (esbuild --bundle --minify, ESM, ES2022, then gzip -9 with node:zlib); (2) the
// throughput and per-message latency of maskCardNumbers over a generated 10 MB chat log (seeded,
// so every run times the same text; about 1 message in 50 carries a Luhn-valid card number, some with
// an expiry date and security code), checking that it masks as many cards as were put in; (3) its
// throughput on a worst-case 1 MB input of digits and single separators. The TypeScript source is
// bundled for Node with esbuild into a temporary file and imported from there. A benchmark, not a
// test: nothing fails on time.
//   node scripts/bench-masker.mjs      (or: pnpm run bench)
import { build } from 'esbuild';
import { HOW, minGzip, sizeLine } from './lib/min-gzip.mjs';
import { sourceAlias } from './lib/source-alias.mjs';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const MASKER_DIR = fileURLToPath(new URL('../packages/masker', import.meta.url));
const LOG_BYTES = 10_000_000; // MB here and below means 10^6 bytes of UTF-8.
const WORST_CASE_BYTES = 1_000_000;
const SEED = 0x5eed_c0de;

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`,
);

// 1. Size ------------------------------------------------------------------------------------------

console.log(`\nmin+gzip bytes, ${HOW}`);
for (const name of ['maskCardNumbers', 'findCardNumbers']) {
  const size = await minGzip(`export { ${name} } from './src/index.ts';`, MASKER_DIR);
  console.log(sizeLine(`${name} with its dependencies`, size));
}

// Import the TypeScript source in Node 20: bundle it for Node into a temporary file.
const bundled = await build({
  stdin: {
    contents: `export { maskCardNumbers, findCardNumbers } from './src/index.ts';`,
    resolveDir: MASKER_DIR,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  metafile: true,
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'silent',
  plugins: [sourceAlias],
});
// Which source was measured: the working tree may differ from any commit.
const sources = Object.keys(bundled.metafile.inputs)
  .filter((input) => input.includes('packages/masker/src/') || input.includes('packages/cards/src/'))
  .sort();
const sourceHash = createHash('sha256');
for (const input of sources) sourceHash.update(input).update(readFileSync(new URL(`../${input}`, import.meta.url)));
console.log(
  `\nmasker source measured: ${sources.length} files, sha256 ${sourceHash.digest('hex').slice(0, 12)} ` +
    `(${sources.map((input) => input.split('/').at(-1)).join(', ')})`,
);
const tempDir = mkdtempSync(join(os.tmpdir(), 'bench-masker-'));
let maskCardNumbers, findCardNumbers;
try {
  const file = join(tempDir, 'masker.mjs');
  writeFileSync(file, bundled.outputFiles[0].contents);
  ({ maskCardNumbers, findCardNumbers } = await import(pathToFileURL(file).href));
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}

// A deterministic chat log -------------------------------------------------------------------------

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1)); // inclusive
const pick = (list) => list[Math.floor(random() * list.length)];
const digits = (count) => {
  let out = '';
  for (let index = 0; index < count; index++) out += String(int(0, 9));
  return out;
};
const pad2 = (value) => String(value).padStart(2, '0');

/** The digit that makes `payload` + digit pass the Luhn check. */
function luhnCheckDigit(payload) {
  let sum = 0;
  for (let index = payload.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = payload.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A Luhn-valid Visa, Mastercard or Amex number, written in one of the ways people type them. */
function cardNumber() {
  const scheme = pick(['visa', 'visa', 'visa', 'mastercard', 'mastercard', 'mastercard-2', 'amex']);
  let payload;
  if (scheme === 'visa') payload = '4' + digits(14);
  else if (scheme === 'mastercard') payload = '5' + int(1, 5) + digits(13);
  else if (scheme === 'mastercard-2') payload = String(int(2221, 2720)) + digits(11);
  else payload = pick(['34', '37']) + digits(12);
  const number = payload + luhnCheckDigit(payload);
  const groups =
    scheme === 'amex' ? [number.slice(0, 4), number.slice(4, 10), number.slice(10)] : number.match(/.{4}/g);
  const separator = pick(['', ' ', ' ', ' ', '-', '-', '.', '\u00a0']);
  return groups.join(separator);
}

const expiry = () => {
  const month = pad2(int(1, 12));
  const year = int(25, 33);
  return pick([`${month}/${year}`, `${month}/${year}`, `${month}/20${year}`, `${month}-${year}`, `${month} / ${year}`]);
};
const securityCode = (card) => digits(card.replace(/\D/g, '').length === 15 ? 4 : 3);

const greetings = [
  'Hi',
  'Hello',
  'Hey there',
  'Good morning',
  'Good evening',
  'Hi team',
  'Hello again',
  'مرحبا',
  'السلام عليكم',
  'Bonjour',
  'Hola',
  'Hi 👋',
];
const names = ['Sara', 'Omar', 'Li', 'Priya', 'Jonas', 'Fatima', 'Mateo', 'Aisha', 'Tom', 'Yuki', 'Noor', 'Ahmed'];
const products = [
  'headphones',
  'the blue jacket',
  'a phone case',
  'running shoes',
  'the 55" TV',
  'a gift card',
  'the lamp',
];
const emoji = ['😊', '🙏', '👍', '📦', '💳', '😅', '🎉', '❤️', '🤔', '😀', '🚚', '✅'];
const arabic = [
  'شكرا جزيلا',
  'أين طلبي؟',
  'أريد استرداد المبلغ',
  'متى يصل الطلب؟',
  'هل يمكنك المساعدة؟',
  'تم الدفع بالأمس',
  'الطلب لم يصل بعد',
  'رقم الطلب هو',
];

const orderNumber = () => pick([`#${digits(int(6, 8))}`, `ORD-${int(2023, 2025)}-${digits(6)}`, `A${digits(5)}`]);
const phone = () =>
  pick([
    `+44 20 ${digits(4)} ${digits(4)}`,
    `+1 (${digits(3)}) ${digits(3)}-${digits(4)}`,
    `+971 50 ${digits(3)} ${digits(4)}`,
    `+33 6 ${pad2(int(0, 99))} ${pad2(int(0, 99))} ${pad2(int(0, 99))} ${pad2(int(0, 99))}`,
    `+91 ${digits(5)} ${digits(5)}`,
    `+49${digits(11)}`,
  ]);
const date = () =>
  pick([
    `${int(2023, 2025)}-${pad2(int(1, 12))}-${pad2(int(1, 28))}`,
    `${pad2(int(1, 28))}/${pad2(int(1, 12))}/${int(2023, 2025)}`,
    `${pick(['May', 'June', 'July', 'Sept'])} ${int(1, 28)}`,
    `${pad2(int(8, 20))}:${pad2(int(0, 59))}`,
  ]);
const amount = () =>
  pick([
    `$${int(1, 999)}.${pad2(int(0, 99))}`,
    `€${int(5, 300)}`,
    `£${int(1, 99)}.99`,
    `AED ${int(1, 9)},${digits(3)}`,
    `${int(10, 500)} USD`,
  ]);
const url = () =>
  pick([
    `https://shop.example.com/orders/${digits(8)}?ref=${digits(4)}`,
    `https://track.example.net/p/${digits(16)}`,
    `www.example.com/item/${digits(6)}-${digits(6)}`,
    `https://help.example.org/articles/${digits(12)}-refund-policy`,
  ]);

// Every sentence starts and ends with something other than a digit, so sentences put side by side
// never join into one long run of digits.
const sentences = [
  () => `${pick(greetings)}, ${pick(names)} here.`,
  () => `${pick(greetings)} ${pick(emoji)}`,
  () => `I ordered ${pick(products)} on ${date()} and it still hasn't arrived.`,
  () => `My order ${orderNumber()} says delivered but I have nothing ${pick(emoji)}`,
  () => `Can you check the status of order ${orderNumber()} please?`,
  () => `You can reach me on ${phone()} after ${date()}, thanks.`,
  () => `Call me at ${phone()} if that's easier.`,
  () => `I was charged ${amount()} twice for the same thing.`,
  () => `The total was ${amount()} but the site showed ${amount()} at checkout.`,
  () => `Here is the link: ${url()} - it gives an error.`,
  () => `The tracking page ${url()} has not changed since ${date()}.`,
  () => `Sure, I've issued a refund of ${amount()}; it should show in ${int(3, 10)} working days.`,
  () => `Thanks for waiting, ${pick(names)}. Let me look into that for you.`,
  () => `Could you confirm the email address on the account?`,
  () => `Yes it's ${pick(names).toLowerCase()}${int(1, 99)}@example.com.`,
  () => `${pick(arabic)} ${pick(emoji)}`,
  () => `${pick(arabic)} ${orderNumber()} ${pick(arabic)}.`,
  () => `Ok ${pick(emoji)}`,
  () => `lol no worries`,
  () => `Is there anything else I can help you with today?`,
  () => `My card expires ${expiry()}, will that be a problem?`,
  () => `The code on the parcel is ${digits(4)}-${digits(4)}, does that help?`,
  () => `We're open ${pad2(int(8, 10))}:00 to ${pad2(int(17, 22))}:00 every day.`,
  () => `Room ${int(100, 999)}, building ${int(1, 9)}, floor ${int(1, 30)} please.`,
];

const cardSentences = [
  (card) => `My card number is ${card}.`,
  (card) => `Card: ${card} exp ${expiry()} cvv ${securityCode(card)}`,
  (card) => `ok here it is ${card}, expiry ${expiry()}, security code ${securityCode(card)} ${pick(emoji)}`,
  (card) => `use this one: ${card} 👍`,
  (card) => `Can you charge ${card} for the ${amount()} please?`,
  (card) => `رقم البطاقة ${card} شكرا`,
  (card) => `sorry wrong one, it's ${card} expiring ${expiry()}.`,
  (card) => `card ${card} ${expiry()} ${securityCode(card)} thanks`,
];

function message() {
  const parts = [];
  const count = int(1, 4);
  for (let index = 0; index < count; index++) parts.push(pick(sentences)());
  let card;
  if (random() < 1 / 50) {
    card = cardNumber();
    parts.splice(int(0, parts.length), 0, pick(cardSentences)(card));
  }
  return { text: parts.join(' '), card };
}

const messages = [];
const insertedCards = [];
let logBytes = 0;
while (logBytes < LOG_BYTES) {
  const { text, card } = message();
  messages.push(text);
  insertedCards.push(card);
  logBytes += Buffer.byteLength(text, 'utf8');
}
const cardCount = insertedCards.filter(Boolean).length;
const MB = (bytes) => (bytes / 1e6).toFixed(2);
const micro = (ms) => (ms * 1000).toFixed(1);

// 2. Throughput and latency over the chat log ------------------------------------------------------

console.log(
  `\nchat log: ${messages.length} messages, ${MB(logBytes)} MB UTF-8 (mulberry32 seed 0x${SEED.toString(16)}), ${cardCount} carrying a card`,
);
let sink = 0;
for (const text of messages) sink += maskCardNumbers(text).length; // warm-up pass, not timed
const times = new Float64Array(messages.length);
const passStart = performance.now();
for (let index = 0; index < messages.length; index++) {
  const start = performance.now();
  sink += maskCardNumbers(messages[index]).length;
  times[index] = performance.now() - start;
}
const passMs = performance.now() - passStart;
const sorted = times.slice().sort();
const percentile = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
console.log(
  `maskCardNumbers throughput: ${(logBytes / 1e6 / (passMs / 1000)).toFixed(1)} MB/s ` +
    `(${MB(logBytes)} MB in ${passMs.toFixed(0)} ms: wall clock of one pass, message by message, per-message ` +
    `performance.now() calls included, after one untimed warm-up pass; default options)`,
);
console.log(
  `maskCardNumbers per message (performance.now() around each call, same pass): ` +
    `p50 ${micro(percentile(0.5))} µs, p99 ${micro(percentile(0.99))} µs, max ${micro(sorted.at(-1))} µs`,
);

// Check, outside the timing: the cards found (and so masked) against the cards put in.
let cardsMasked = 0;
let leaked = 0;
let misplaced = 0;
let falsePositives = 0;
for (let index = 0; index < messages.length; index++) {
  const text = messages[index];
  const found = findCardNumbers(text).length;
  cardsMasked += found;
  const card = insertedCards[index];
  if (card && maskCardNumbers(text).includes(card)) leaked++;
  const lastFour = card?.replace(/\D/g, '').slice(-4);
  if (card && !findCardNumbers(text).some((match) => match.lastFour === lastFour)) misplaced++;
  if (!card && found > 0) falsePositives++;
}
console.log(
  `cards masked (findCardNumbers on each message, untimed): ${cardsMasked}; cards inserted: ${cardCount}` +
    `; inserted cards still readable after masking: ${leaked}; found with other last four digits: ${misplaced}` +
    `; messages without a card where one was found: ${falsePositives}`,
);
if (cardsMasked !== cardCount) console.log(`WARNING: ${cardsMasked} cards masked but ${cardCount} inserted`);
if (leaked > 0 || misplaced > 0) {
  console.log(`WARNING: ${leaked} inserted cards left readable, ${misplaced} found with other last four digits`);
}

// 3. Worst case: 1 MB of digits and single separators ----------------------------------------------

// Digits, with a space or dash after about 1 digit in 5; never two separators together, nor one at either end.
const worstChars = [];
for (let index = 0; index < WORST_CASE_BYTES; index++) {
  const afterDigit = index > 0 && worstChars[index - 1] <= '9' && worstChars[index - 1] >= '0';
  worstChars.push(afterDigit && index < WORST_CASE_BYTES - 1 && random() < 0.2 ? pick([' ', '-']) : String(int(0, 9)));
}
const worst = worstChars.join('');
sink += maskCardNumbers(worst).length; // warm-up
const worstTimes = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  sink += maskCardNumbers(worst).length;
  worstTimes.push(performance.now() - start);
}
worstTimes.sort((a, b) => a - b);
const worstMs = worstTimes[2];
console.log(
  `\nworst case: ${MB(worst.length)} MB of random digits with a single space or dash after ~1 in 5, one string ` +
    `(${findCardNumbers(worst).length} Luhn-valid card numbers in it)`,
);
console.log(
  `maskCardNumbers throughput: ${(worst.length / 1e6 / (worstMs / 1000)).toFixed(1)} MB/s ` +
    `(median of 5 timed calls after 1 warm-up: ${worstMs.toFixed(0)} ms; fastest ${worstTimes[0].toFixed(0)} ms, ` +
    `slowest ${worstTimes[4].toFixed(0)} ms)`,
);

// 4. Against redact-pii, the fastest peer, on three kinds of text ----------------------------------

// redact-pii 3.4.0 in its fastest configuration (card numbers only: each other built-in redactor off),
// and in its default one for reference. Only its synchronous, regular-expression redactor is used.
const { SyncRedactor } = createRequire(import.meta.url)('redact-pii');
const OTHER_REDACTORS = ['credentials', 'digits', 'emailAddress', 'ipAddress', 'names', 'password', 'phoneNumber'];
OTHER_REDACTORS.push('streetAddress', 'url', 'username', 'usSocialSecurityNumber', 'zipcode');
const cardsOnly = new SyncRedactor({
  builtInRedactors: Object.fromEntries(OTHER_REDACTORS.map((name) => [name, { enabled: false }])),
});
const defaults = new SyncRedactor();
if (cardsOnly.redact('call 555 123 4567, card 4111 1111 1111 1111') !== 'call 555 123 4567, card CREDIT_CARD_NUMBER') {
  throw new Error('redact-pii is not configured for card numbers only');
}

const chinese = ['我的订单还没到', '请帮我查一下', '谢谢', '退款什么时候到账？'];
const shortCardMessage = (card) =>
  pick([
    `card ${card}`,
    `${card} exp ${expiry()} cvv ${securityCode(card)}`,
    `here: ${card} 🙏`,
    `رقم البطاقة ${card}`,
    `my card is ${card}, ${expiry()}`,
    `${pick(chinese)} ${card}`,
    `${card}`,
    `use ${card} please`,
  ]);
const shortMessage = () =>
  pick([
    `${pick(greetings)} ${pick(emoji)}`,
    `order ${orderNumber()} ${pick(emoji)}`,
    `call me ${phone()}`,
    `${pick(arabic)}`,
    `${pick(chinese)}，${orderNumber()}`,
    `charged ${amount()} on ${date()}`,
    `lol ok ${pick(emoji)}`,
    `${pick(sentences)()}`,
  ]);
/** About `bytes` of short messages (cut to 20 to 80 characters), `cardShare` of them carrying a card. */
function shortMessages(bytes, cardShare) {
  const texts = [];
  const cards = [];
  for (let total = 0; total < bytes;) {
    const card = random() < cardShare ? cardNumber() : undefined;
    let text = card ? shortCardMessage(card) : shortMessage();
    if (!card && text.length > 80) text = text.slice(0, 80).replace(/[\d\s]+$/, '');
    texts.push(text);
    cards.push(card);
    total += Buffer.byteLength(text, 'utf8');
  }
  return { texts, cards, bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) };
}

const TEXTS = [
  { name: 'card-sparse (the chat log above)', texts: messages, cards: insertedCards, bytes: logBytes },
  { name: 'card-dense (short messages, 80 % with a card)', ...shortMessages(LOG_BYTES / 2, 0.8) },
  { name: 'card-free (short messages, no card)', ...shortMessages(LOG_BYTES / 2, 0) },
];
const FUNCTIONS = [
  { name: 'maskCardNumbers', run: (text) => maskCardNumbers(text) },
  { name: 'redact-pii, cards only', run: (text) => cardsOnly.redact(text) },
  { name: 'redact-pii, defaults', run: (text) => defaults.redact(text) },
];
const RUNS = 5;
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Whether more than the last four digits of `card` can still be read, in order, in `output`. */
const leftReadable = (card, output) => output.replace(/\D/g, '').includes(card.replace(/\D/g, '').slice(0, -4));

console.log(
  `\nagainst redact-pii 3.4.0 (median of ${RUNS} passes message by message after a warm-up pass; range in brackets)`,
);
const rows = [];
for (const { name, texts, cards, bytes } of TEXTS) {
  console.log(`\n${name}: ${texts.length} messages, ${MB(bytes)} MB, ${cards.filter(Boolean).length} carrying a card`);
  for (const { name: fn, run } of FUNCTIONS) {
    // The default configuration is slow: it is timed on a tenth of the text.
    const part = fn.endsWith('defaults') ? texts.slice(0, Math.ceil(texts.length / 10)) : texts;
    const partBytes = part === texts ? bytes : part.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
    for (const text of part) sink += run(text).length;
    const speeds = [];
    for (let pass = 0; pass < RUNS; pass++) {
      const start = performance.now();
      for (const text of part) sink += run(text).length;
      speeds.push(partBytes / 1e6 / ((performance.now() - start) / 1000));
    }
    const each = new Float64Array(part.length);
    for (let index = 0; index < part.length; index++) {
      const start = performance.now();
      sink += run(part[index]).length;
      each[index] = performance.now() - start;
    }
    each.sort();
    const at = (p) => each[Math.max(0, Math.ceil(p * each.length) - 1)];
    let readable = 0;
    for (let index = 0; index < part.length; index++) {
      if (cards[index] && leftReadable(cards[index], run(part[index]))) readable++;
    }
    const cardsIn = cards.slice(0, part.length).filter(Boolean).length;
    const row = {
      text: name.split(' ')[0],
      fn,
      speed: median(speeds),
      low: Math.min(...speeds),
      high: Math.max(...speeds),
      p50: at(0.5),
      p99: at(0.99),
      readable: cardsIn ? `${readable} of ${cardsIn}` : '-',
    };
    rows.push(row);
    console.log(
      `  ${fn}: ${row.speed.toFixed(1)} MB/s [${row.low.toFixed(1)}-${row.high.toFixed(1)}], per message p50 ` +
        `${micro(row.p50)} µs, p99 ${micro(row.p99)} µs; cards left readable: ${row.readable}` +
        (part === texts ? '' : ` (on the first ${part.length} messages)`),
    );
  }
}
console.log(
  '\n| text | function | MB/s | p50 µs | p99 µs | cards left readable |\n| --- | --- | --- | --- | --- | --- |',
);
for (const row of rows) {
  console.log(
    `| ${row.text} | ${row.fn} | ${row.speed.toFixed(1)} | ${micro(row.p50)} | ${micro(row.p99)} | ${row.readable} |`,
  );
}

// 5. Linear time on adversarial input ----------------------------------------------------------------

console.log('\nadversarial input at three sizes (the same digits and separators as above): time should grow with size');
const sizeTimes = [];
for (const size of [250_000, 500_000, 1_000_000]) {
  const piece = worst.slice(0, size);
  sink += maskCardNumbers(piece).length;
  const start = performance.now();
  sink += maskCardNumbers(piece).length;
  sizeTimes.push(performance.now() - start);
  console.log(`  ${MB(size)} MB: ${sizeTimes.at(-1).toFixed(0)} ms`);
}
console.log(`  1 MB / 0.25 MB time ratio: ${(sizeTimes[2] / sizeTimes[0]).toFixed(1)} (4 is linear)`);
if (sink === 0) console.log('(nothing was masked)');
