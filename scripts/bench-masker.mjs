// Measures @chatpay/masker's maskCardNumbers beside redact-pii 3.4.0 (a dev dependency), in the same run
// and on the same texts:
//   1. the min+gzip bytes maskCardNumbers and findCardNumbers cost in a browser bundle (esbuild
//      --bundle --minify, ESM, ES2022, then gzip -9 with node:zlib);
//   2. on three generated 10 MB texts (scripts/lib/chat-text.mjs, seeded, so every run times the same
//      text): a support chat log where 1 message in 50 carries a card ("card-sparse"), short customer
//      messages of which 80 % carry a card written in the ways people type them ("card-dense"), and the
//      same kind of messages with none ("card-free"); for maskCardNumbers, redact-pii with card numbers
//      only (its fastest configuration) and redact-pii with its defaults (on the start of each text
//      only: it is slow): throughput in MB/s over a pass message by message, and per-message p50/p99 in
//      passes of their own (performance.now() around each call), each the median of 5 passes after a
//      warm-up pass, the functions' passes taking turns; then, untimed, the inserted cards each
//      left readable and the card-free messages in which each found a card;
//   3. maskCardNumbers on two adversarial single strings (digits with single separators; cards with
//      expiry and code back to back), each at 0.25, 0.5 and 1 MB, to see whether time grows linearly.
// The TypeScript source is bundled for Node with esbuild into a temporary file and imported from there.
// A benchmark, not a test: nothing fails on time.
//   node scripts/bench-masker.mjs      (or: pnpm run bench)
import { build } from 'esbuild';
import { SyncRedactor } from 'redact-pii';
import * as redactPiiPatterns from 'redact-pii/lib/built-ins/simple-regexp-patterns.js';
import {
  cardDenseLog,
  cardFreeLog,
  cardSparseLog,
  cardsWithDetails,
  digitsWithSeparators,
  DENSE_SEED,
  FREE_SEED,
  isLeftReadable,
  SPARSE_SEED,
  ADVERSARIAL_SEED,
} from './lib/chat-text.mjs';
import { HOW, minGzip, sizeLine } from './lib/min-gzip.mjs';
import { sourceAlias } from './lib/source-alias.mjs';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MASKER_DIR = fileURLToPath(new URL('../packages/masker', import.meta.url));
const TEXT_BYTES = 10_000_000; // MB here and below means 10^6 bytes of UTF-8.
/** redact-pii's defaults run at a few MB/s: they are timed on this share of each text, from its start. */
const DEFAULTS_SHARE = 0.2;
const RUNS = 5;
const ADVERSARIAL_SIZES = [250_000, 500_000, 1_000_000];

const benchStart = performance.now();

const cpus = os.cpus();
const load = os.loadavg().map((value) => value.toFixed(2));
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ` +
    `${os.platform()} ${os.arch()}, load average ${load.join(' ')}`,
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

// redact-pii 3.4.0 ---------------------------------------------------------------------------------

// Card numbers only: every other built-in redactor off, each named by the library's own list of patterns
// plus its name redactor (each must be `{ enabled: false }`: a bare `false` leaves it on).
const otherBuiltIns = Object.keys(redactPiiPatterns)
  .filter((name) => redactPiiPatterns[name] instanceof RegExp && name !== 'creditCardNumber')
  .concat('names');
const cardsOnly = new SyncRedactor({
  builtInRedactors: Object.fromEntries(otherBuiltIns.map((name) => [name, { enabled: false }])),
});
const defaults = new SyncRedactor();
// A check that the configuration does what it says: the phone number stays, the card goes.
const SAMPLE_PHONE = '415 555 0134';
const SAMPLE_CARD = ['4111', '1111', '1111', '1111'].join(' '); // a test number, not a real card
const sample = `call me on ${SAMPLE_PHONE}, card ${SAMPLE_CARD}`;
const cardsOnlySample = cardsOnly.redact(sample);
if (!cardsOnlySample.includes(SAMPLE_PHONE) || cardsOnlySample.includes(SAMPLE_CARD.slice(0, 9))) {
  throw new Error('redact-pii is not configured for card numbers only: it changed the phone number or kept the card');
}
console.log(
  `\nredact-pii 3.4.0, card numbers only (${otherBuiltIns.length} other built-ins off: ${otherBuiltIns.join(', ')}) ` +
    `makes "call me on <phone>, card <test card>" into "${cardsOnlySample}"; with its defaults, into ` +
    `"${defaults.redact(sample)}"`,
);

// The texts ------------------------------------------------------------------------------------------

const hex = (seed) => `0x${seed.toString(16)}`;
const TEXTS = [
  {
    name: 'card-sparse',
    about: `chat log, 1 to 4 sentences a message, about 1 in 50 with a card (seed ${hex(SPARSE_SEED)})`,
    ...cardSparseLog({ bytes: TEXT_BYTES }),
  },
  {
    name: 'card-dense',
    about: `short messages of 20 to 80 characters, about 80 % with a card (seed ${hex(DENSE_SEED)})`,
    ...cardDenseLog({ bytes: TEXT_BYTES }),
  },
  {
    name: 'card-free',
    about: `short messages of 20 to 80 characters, no card (seed ${hex(FREE_SEED)})`,
    ...cardFreeLog({ bytes: TEXT_BYTES }),
  },
];

const FUNCTIONS = [
  { name: 'maskCardNumbers', run: (text) => maskCardNumbers(text), foundCard: (text, output) => output !== text },
  {
    name: 'redact-pii, cards only',
    run: (text) => cardsOnly.redact(text),
    foundCard: (_text, output) => output.includes('CREDIT_CARD_NUMBER'),
  },
  {
    name: 'redact-pii, defaults',
    share: DEFAULTS_SHARE,
    run: (text) => defaults.redact(text),
    foundCard: (_text, output) => output.includes('CREDIT_CARD_NUMBER'),
  },
];

const MB = (bytes) => (bytes / 1e6).toFixed(2);
const micro = (ms) => (ms * 1000).toFixed(1);
const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');
const count = (value) => value.toLocaleString('en-GB');
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** `median [lowest-highest]`, each with `format`. */
const spread = (values, format) =>
  `${format(median(values))} [${format(Math.min(...values))}-${format(Math.max(...values))}]`;
let sink = 0; // every output's length, so that no call can be skipped

/** The messages of `text` a function is timed on: all of them, or the first `share` of the bytes. */
function partOf(text, share = 1) {
  if (share === 1) return { messages: text.messages, cards: text.cards, bytes: text.bytes };
  const messages = [];
  let bytes = 0;
  for (const message of text.messages) {
    if (bytes >= text.bytes * share) break;
    messages.push(message);
    bytes += utf8Bytes(message);
  }
  return { messages, cards: text.cards.slice(0, messages.length), bytes };
}

/** MB/s of one pass over `messages`, message by message, timed as a whole. */
function throughputPass(run, messages, bytes) {
  const start = performance.now();
  for (let index = 0; index < messages.length; index++) sink += run(messages[index]).length;
  return bytes / 1e6 / ((performance.now() - start) / 1000);
}

/** p50 and p99 milliseconds per message in one pass, performance.now() around each call. */
function latencyPass(run, messages) {
  const times = new Float64Array(messages.length);
  for (let index = 0; index < messages.length; index++) {
    const start = performance.now();
    sink += run(messages[index]).length;
    times[index] = performance.now() - start;
  }
  times.sort();
  const at = (p) => times[Math.max(0, Math.ceil(p * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}

/** How a card was written, for the count of those left readable: its separator, or a script other than ASCII. */
const styleOf = (card) => (card.script === 'ASCII' ? `${card.separator}` : `${card.script} digits`);
/** A message's shape, digits and letters aside: one example of each shape of false find is shown. */
const shapeOf = (text) => text.replace(/\p{Nd}+/gu, '9').replace(/\p{L}+/gu, 'a');
const FALSE_FIND_EXAMPLES = 2;

/**
 * Untimed: the inserted cards left readable (in all, and by how they were written), and the messages
 * without a card in which a card was found, with an example of the commonest shapes.
 */
function checkPass({ run, foundCard }, { messages, cards }) {
  const byStyle = new Map();
  const shapes = new Map();
  let readable = 0;
  let inserted = 0;
  let falseFinds = 0;
  let cardFree = 0;
  for (let index = 0; index < messages.length; index++) {
    const output = run(messages[index]);
    const card = cards[index];
    if (!card) {
      cardFree++;
      if (!foundCard(messages[index], output)) continue;
      falseFinds++;
      const shape = shapes.get(shapeOf(messages[index])) ?? { count: 0, example: [messages[index], output] };
      shape.count++;
      shapes.set(shapeOf(messages[index]), shape);
      continue;
    }
    inserted++;
    const style = byStyle.get(styleOf(card)) ?? { readable: 0, inserted: 0 };
    style.inserted++;
    if (isLeftReadable(card, output)) {
      readable++;
      style.readable++;
    }
    byStyle.set(styleOf(card), style);
  }
  const examples = [...shapes.values()].sort((a, b) => b.count - a.count).slice(0, FALSE_FIND_EXAMPLES);
  return { readable, inserted, falseFinds, cardFree, byStyle, examples };
}

// 2. The three texts, each function on each --------------------------------------------------------

console.log(
  `\nthroughput: MB/s of UTF-8 over a pass message by message; per message: performance.now() around each ` +
    `call, in passes of their own; each the median [lowest-highest] of ${RUNS} passes after a warm-up pass, ` +
    `the functions taking turns. "left readable": the output still shows every digit of the card but its ` +
    `last four, in order (separators and other characters left out). "false finds": messages without a ` +
    `card in which a card was masked (maskCardNumbers: the output differs; redact-pii: CREDIT_CARD_NUMBER).`,
);
const rows = [];
for (const text of TEXTS) {
  const carrying = text.cards.filter(Boolean).length;
  console.log(
    `\n${text.name}: ${count(text.messages.length)} messages, ${MB(text.bytes)} MB, ${count(carrying)} carrying ` +
      `a card; ${text.about}`,
  );
  // findCardNumbers against the cards put in, untimed.
  let found = 0;
  let foundWithout = 0;
  for (let index = 0; index < text.messages.length; index++) {
    const matches = findCardNumbers(text.messages[index]).length;
    found += matches;
    if (!text.cards[index] && matches > 0) foundWithout++;
  }
  console.log(
    `  findCardNumbers (untimed): ${count(found)} cards found, ${count(carrying)} inserted; ` +
      `${count(foundWithout)} messages without a card where one was found`,
  );

  const timed = FUNCTIONS.map((fn) => ({ fn, part: partOf(text, fn.share), speeds: [], p50s: [], p99s: [] }));
  for (const { fn, part } of timed) for (const message of part.messages) sink += fn.run(message).length;
  for (let pass = 0; pass < RUNS; pass++) {
    for (const entry of timed) entry.speeds.push(throughputPass(entry.fn.run, entry.part.messages, entry.part.bytes));
  }
  for (let pass = 0; pass < RUNS; pass++) {
    for (const entry of timed) {
      const { p50, p99 } = latencyPass(entry.fn.run, entry.part.messages);
      entry.p50s.push(p50);
      entry.p99s.push(p99);
    }
  }
  for (const { fn, part, speeds, p50s, p99s } of timed) {
    const check = checkPass(fn, part);
    const readable = check.inserted > 0 ? `${count(check.readable)} of ${count(check.inserted)}` : '-';
    const falseFinds = check.cardFree > 0 ? `${count(check.falseFinds)} of ${count(check.cardFree)}` : '-';
    rows.push({ text: text.name, fn: fn.name, speeds, p50s, p99s, readable, falseFinds });
    const scope = part.messages === text.messages ? '' : ` (on the first ${MB(part.bytes)} MB)`;
    console.log(
      `  ${fn.name}${scope}: ${spread(speeds, (value) => value.toFixed(1))} MB/s; per message p50 ` +
        `${spread(p50s, micro)} µs, p99 ${spread(p99s, micro)} µs; cards left readable: ${readable}; ` +
        `false finds: ${falseFinds}`,
    );
    const missed = [...check.byStyle].filter(([, style]) => style.readable > 0);
    if (missed.length > 0) {
      const styles = missed
        .sort(([, a], [, b]) => b.readable - a.readable)
        .map(([name, style]) => `${name} ${count(style.readable)} of ${count(style.inserted)}`);
      console.log(`    left readable, by how they were written: ${styles.join('; ')}`);
    }
    for (const { count: times, example } of check.examples) {
      console.log(`    false find (${count(times)} like it): "${example[0]}" -> "${example[1]}"`);
    }
  }
}

console.log(
  `\n| text | function | MB/s, median [range] | p50 µs | p99 µs | cards left readable | false finds |\n` +
    '| --- | --- | --- | --- | --- | --- | --- |',
);
for (const row of rows) {
  console.log(
    `| ${row.text} | ${row.fn} | ${spread(row.speeds, (value) => value.toFixed(1))} | ${micro(median(row.p50s))} | ` +
      `${micro(median(row.p99s))} | ${row.readable} | ${row.falseFinds} |`,
  );
}
console.log(`(redact-pii, defaults: on the first ${DEFAULTS_SHARE * 100} % of each text's bytes)`);

// 3. Adversarial single strings, at three sizes ----------------------------------------------------

/** Milliseconds of each of `RUNS` calls of maskCardNumbers on `text`, after a warm-up call. */
function timeCalls(text) {
  sink += maskCardNumbers(text).length;
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    sink += maskCardNumbers(text).length;
    times.push(performance.now() - start);
  }
  return times;
}

const ADVERSARIAL = [
  {
    about: 'random digits with a single space or dash after about 1 in 5, one string',
    make: (length) => digitsWithSeparators({ length }),
  },
  {
    about: 'Luhn-valid cards in groups, each with an expiry and a security code, back to back in one string',
    make: (length) => cardsWithDetails({ length }),
  },
];
const ms = (value) => value.toFixed(0);
/** `compare` of each of `values` with the one before, then of the last with the first. */
const ratios = (values, compare) =>
  [...values.slice(1).map((value, index) => compare(value, values[index])), compare(values.at(-1), values[0])].join(
    ', ',
  );
const timeRatio = (a, b) => (a / b).toFixed(2);
const SIZE_PAIRS = ratios(
  ADVERSARIAL_SIZES.map((size) => `${size / 1e6}`),
  (a, b) => `${a}/${b} MB`,
);
const LINEAR_RATIOS = ratios(ADVERSARIAL_SIZES, (a, b) => a / b);
console.log(
  `\nadversarial input (seed ${hex(ADVERSARIAL_SEED)}), maskCardNumbers: ms per call, median [range] of ${RUNS} ` +
    `calls after a warm-up call; each size is the start of the largest. Linear time doubles with the size.`,
);
for (const { about, make } of ADVERSARIAL) {
  const largest = make(Math.max(...ADVERSARIAL_SIZES));
  console.log(
    `\n${about} (${count(findCardNumbers(largest).length)} Luhn-valid card numbers found in ${MB(largest.length)} MB)`,
  );
  const medians = [];
  const fastest = [];
  for (const size of ADVERSARIAL_SIZES) {
    const times = timeCalls(largest.slice(0, size));
    medians.push(median(times));
    fastest.push(Math.min(...times));
    console.log(`  ${MB(size)} MB: ${spread(times, ms)} ms, ${(size / 1e6 / (median(times) / 1000)).toFixed(1)} MB/s`);
  }
  console.log(
    `  time ratios ${SIZE_PAIRS} (linear: ${LINEAR_RATIOS}): medians ${ratios(medians, timeRatio)}; ` +
      `fastest calls ${ratios(fastest, timeRatio)}`,
  );
}

if (sink === 0) console.log('(nothing was measured)');
console.log(`\nthe whole benchmark took ${((performance.now() - benchStart) / 1000).toFixed(0)} s`);
