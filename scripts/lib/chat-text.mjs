// Deterministic chat text for measuring card maskers: the same seed gives the same text on every
// machine and in every run. Each generator starts its own random sequence from its seed, so what one
// makes never depends on what was made before it.
//   cardSparseLog   a support chat log, about 1 message in 50 carrying a card (some with expiry and code)
//   cardDenseLog    short customer messages (20 to 80 characters), about 80 % carrying a card, written
//                   in the ways people type them, in several languages and digit scripts
//   cardFreeLog     the same kind of short messages with no card: order, phone and tracking numbers,
//                   dates, amounts, in English, Arabic, Chinese and emoji
//   digitsWithSeparators, cardsWithDetails   adversarial single strings
// Every card put in is returned beside its message (`cards[i]`, or undefined), with its digits in ASCII
// and how it was written, so a measurement can check what a masker left readable.
import { Buffer } from 'node:buffer';

/** The seed the card-sparse log has always used: its text, and so its figures, compare across runs. */
export const SPARSE_SEED = 0x5eed_c0de;
export const DENSE_SEED = 0xde45_e001;
export const FREE_SEED = 0xf4ee_0002;
export const ADVERSARIAL_SEED = 0xad5e_0003;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
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

/** Seeded choices. */
class Dice {
  constructor(seed) {
    this.random = mulberry32(seed);
  }
  /** An integer from `min` to `max`, both included. */
  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  /** `count` random ASCII digits. */
  digits(count) {
    let out = '';
    for (let index = 0; index < count; index++) out += String(this.int(0, 9));
    return out;
  }
}

const pad2 = (value) => String(value).padStart(2, '0');
const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');
/** Length in characters (code points), as a person counts them. */
const characters = (text) => [...text].length;

// Digits ---------------------------------------------------------------------------------------------

/** The zero of each digit script these generators write. */
const DIGIT_ZEROS = {
  ASCII: 0x30,
  'Arabic-Indic': 0x660,
  'Eastern Arabic-Indic': 0x6f0,
  Devanagari: 0x966,
  'full-width': 0xff10,
};
const ZERO_LIST = Object.values(DIGIT_ZEROS);

/** `text`'s ASCII digits written in `script`. */
const inScript = (text, script) =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(DIGIT_ZEROS[script] + digit.charCodeAt(0) - 0x30));

/**
 * The digits of `text`, in order and in ASCII, everything else left out: digits of the scripts these
 * generators write (ASCII, Arabic-Indic, Eastern Arabic-Indic, Devanagari, full-width) are read.
 */
export function asciiDigits(text) {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    for (const zero of ZERO_LIST) {
      if (code >= zero && code <= zero + 9) {
        out += String.fromCharCode(0x30 + code - zero);
        break;
      }
    }
  }
  return out;
}

/**
 * Whether `output` (what a masker made of a message) still shows more of `card` than its last four
 * digits: every digit but the last four, in order, once separators and other characters are left out.
 */
export const isLeftReadable = (card, output) => asciiDigits(output).includes(card.digits.slice(0, -4));

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

/** Names of the separators between a card's groups, for reports. */
const SEPARATOR_NAMES = new Map([
  ['', 'no separator'],
  [' ', 'spaces'],
  ['-', 'dashes'],
  ['.', 'dots'],
  ['\u00a0', 'no-break spaces'],
]);

/**
 * A Luhn-valid Visa, Mastercard or Amex number in its groups (4-4-4-4, Amex 4-6-5), joined by one of
 * `separators`, in ASCII digits: `{ text, digits, separator, script }` (`separator` named for reports).
 */
function cardNumber(dice, separators) {
  const scheme = dice.pick(['visa', 'visa', 'visa', 'mastercard', 'mastercard', 'mastercard-2', 'amex']);
  let payload;
  if (scheme === 'visa') payload = '4' + dice.digits(14);
  else if (scheme === 'mastercard') payload = '5' + dice.int(1, 5) + dice.digits(13);
  else if (scheme === 'mastercard-2') payload = String(dice.int(2221, 2720)) + dice.digits(11);
  else payload = dice.pick(['34', '37']) + dice.digits(12);
  const number = payload + luhnCheckDigit(payload);
  const groups =
    scheme === 'amex' ? [number.slice(0, 4), number.slice(4, 10), number.slice(10)] : number.match(/.{4}/g);
  const separator = dice.pick(separators);
  return { text: groups.join(separator), digits: number, separator: SEPARATOR_NAMES.get(separator), script: 'ASCII' };
}

// The card-sparse chat log ----------------------------------------------------------------------------
// (Its vocabulary and the order of its random choices are kept as they were, so the text is the same.)

const SPARSE_SEPARATORS = ['', ' ', ' ', ' ', '-', '-', '.', '\u00a0'];

const expiry = (d) => {
  const month = pad2(d.int(1, 12));
  const year = d.int(25, 33);
  return d.pick([
    `${month}/${year}`,
    `${month}/${year}`,
    `${month}/20${year}`,
    `${month}-${year}`,
    `${month} / ${year}`,
  ]);
};
/** A security code for `card` (ASCII digits and separators): four digits for an Amex, three otherwise. */
const securityCode = (d, card) => d.digits(card.replace(/\D/g, '').length === 15 ? 4 : 3);

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

const orderNumber = (d) =>
  d.pick([`#${d.digits(d.int(6, 8))}`, `ORD-${d.int(2023, 2025)}-${d.digits(6)}`, `A${d.digits(5)}`]);
const phone = (d) =>
  d.pick([
    `+44 20 ${d.digits(4)} ${d.digits(4)}`,
    `+1 (${d.digits(3)}) ${d.digits(3)}-${d.digits(4)}`,
    `+971 50 ${d.digits(3)} ${d.digits(4)}`,
    `+33 6 ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))}`,
    `+91 ${d.digits(5)} ${d.digits(5)}`,
    `+49${d.digits(11)}`,
  ]);
const date = (d) =>
  d.pick([
    `${d.int(2023, 2025)}-${pad2(d.int(1, 12))}-${pad2(d.int(1, 28))}`,
    `${pad2(d.int(1, 28))}/${pad2(d.int(1, 12))}/${d.int(2023, 2025)}`,
    `${d.pick(['May', 'June', 'July', 'Sept'])} ${d.int(1, 28)}`,
    `${pad2(d.int(8, 20))}:${pad2(d.int(0, 59))}`,
  ]);
const amount = (d) =>
  d.pick([
    `$${d.int(1, 999)}.${pad2(d.int(0, 99))}`,
    `€${d.int(5, 300)}`,
    `£${d.int(1, 99)}.99`,
    `AED ${d.int(1, 9)},${d.digits(3)}`,
    `${d.int(10, 500)} USD`,
  ]);
const url = (d) =>
  d.pick([
    `https://shop.example.com/orders/${d.digits(8)}?ref=${d.digits(4)}`,
    `https://track.example.net/p/${d.digits(16)}`,
    `www.example.com/item/${d.digits(6)}-${d.digits(6)}`,
    `https://help.example.org/articles/${d.digits(12)}-refund-policy`,
  ]);

// Every sentence starts and ends with something other than a digit, so sentences put side by side
// never join into one long run of digits.
const sentences = [
  (d) => `${d.pick(greetings)}, ${d.pick(names)} here.`,
  (d) => `${d.pick(greetings)} ${d.pick(emoji)}`,
  (d) => `I ordered ${d.pick(products)} on ${date(d)} and it still hasn't arrived.`,
  (d) => `My order ${orderNumber(d)} says delivered but I have nothing ${d.pick(emoji)}`,
  (d) => `Can you check the status of order ${orderNumber(d)} please?`,
  (d) => `You can reach me on ${phone(d)} after ${date(d)}, thanks.`,
  (d) => `Call me at ${phone(d)} if that's easier.`,
  (d) => `I was charged ${amount(d)} twice for the same thing.`,
  (d) => `The total was ${amount(d)} but the site showed ${amount(d)} at checkout.`,
  (d) => `Here is the link: ${url(d)} - it gives an error.`,
  (d) => `The tracking page ${url(d)} has not changed since ${date(d)}.`,
  (d) => `Sure, I've issued a refund of ${amount(d)}; it should show in ${d.int(3, 10)} working days.`,
  (d) => `Thanks for waiting, ${d.pick(names)}. Let me look into that for you.`,
  () => `Could you confirm the email address on the account?`,
  (d) => `Yes it's ${d.pick(names).toLowerCase()}${d.int(1, 99)}@example.com.`,
  (d) => `${d.pick(arabic)} ${d.pick(emoji)}`,
  (d) => `${d.pick(arabic)} ${orderNumber(d)} ${d.pick(arabic)}.`,
  (d) => `Ok ${d.pick(emoji)}`,
  () => `lol no worries`,
  () => `Is there anything else I can help you with today?`,
  (d) => `My card expires ${expiry(d)}, will that be a problem?`,
  (d) => `The code on the parcel is ${d.digits(4)}-${d.digits(4)}, does that help?`,
  (d) => `We're open ${pad2(d.int(8, 10))}:00 to ${pad2(d.int(17, 22))}:00 every day.`,
  (d) => `Room ${d.int(100, 999)}, building ${d.int(1, 9)}, floor ${d.int(1, 30)} please.`,
];

const cardSentences = [
  (d, card) => `My card number is ${card}.`,
  (d, card) => `Card: ${card} exp ${expiry(d)} cvv ${securityCode(d, card)}`,
  (d, card) => `ok here it is ${card}, expiry ${expiry(d)}, security code ${securityCode(d, card)} ${d.pick(emoji)}`,
  (d, card) => `use this one: ${card} 👍`,
  (d, card) => `Can you charge ${card} for the ${amount(d)} please?`,
  (d, card) => `رقم البطاقة ${card} شكرا`,
  (d, card) => `sorry wrong one, it's ${card} expiring ${expiry(d)}.`,
  (d, card) => `card ${card} ${expiry(d)} ${securityCode(d, card)} thanks`,
];

/** Messages until `bytes` of UTF-8 are reached: `{ messages, cards, bytes }`. */
function collect(bytes, next) {
  const messages = [];
  const cards = [];
  let total = 0;
  while (total < bytes) {
    const { text, card } = next();
    messages.push(text);
    cards.push(card);
    total += utf8Bytes(text);
  }
  return { messages, cards, bytes: total };
}

/**
 * A support chat log of about `bytes` of UTF-8: messages of one to four sentences (English, some
 * Arabic, French, Spanish and emoji; order and phone numbers, dates, amounts, URLs), about 1 in 50
 * carrying a Luhn-valid card number, some with an expiry date and security code.
 */
export function cardSparseLog({ bytes = 10_000_000, seed = SPARSE_SEED } = {}) {
  const d = new Dice(seed);
  return collect(bytes, () => {
    const parts = [];
    const count = d.int(1, 4);
    for (let index = 0; index < count; index++) parts.push(d.pick(sentences)(d));
    let card;
    if (d.random() < 1 / 50) {
      card = cardNumber(d, SPARSE_SEPARATORS);
      parts.splice(d.int(0, parts.length), 0, d.pick(cardSentences)(d, card.text));
    }
    return { text: parts.join(' '), card };
  });
}

// Short messages: card-dense and card-free ------------------------------------------------------------

const SHORT_MIN = 20;
const SHORT_MAX = 80;
const DENSE_SEPARATORS = ['', ' ', ' ', ' ', ' ', '-', '-', '.', '\u00a0'];

const chinese = ['我的订单还没到', '请帮我查一下', '谢谢', '退款什么时候到账？', '包裹到哪里了', '可以改地址吗'];
const emojiRun = (d) => d.pick(emoji) + (d.random() < 0.3 ? d.pick(emoji) : '');

/**
 * Sentences of a customer giving a card, by language, with the digit scripts people type in it and
 * how often (the rest in ASCII). `c` is the card as written, `details` an expiry and code (or '').
 */
const CARD_MESSAGES = [
  {
    scripts: [],
    share: 0.62,
    sentences: [
      (d, c) => `card ${c}`,
      (d, c) => `here: ${c} ${emojiRun(d)}`,
      (d, c) => `my card is ${c}`,
      (d, c) => `${c} thanks`,
      (d, c) => `use ${c} please`,
      (d, c) => `number is ${c} 👍`,
      (d, c) => `ok it's ${c}`,
      (d, c) => `Card number: ${c}`,
      (d, c) => `sorry, the right one is ${c}`,
      (d, c) => `${c}`,
    ],
  },
  {
    scripts: [['Arabic-Indic', 0.35]],
    share: 0.16,
    sentences: [(d, c) => `رقم البطاقة ${c}`, (d, c) => `بطاقتي ${c} شكرا`, (d, c) => `تفضل ${c} 🙏`],
  },
  {
    scripts: [['full-width', 0.25]],
    share: 0.1,
    sentences: [(d, c) => `我的卡号是${c}`, (d, c) => `卡号：${c}，谢谢`, (d, c) => `${c} 麻烦了`],
  },
  {
    scripts: [['Eastern Arabic-Indic', 0.5]],
    share: 0.04,
    sentences: [(d, c) => `شماره کارت ${c}`, (d, c) => `کارت من ${c} است`],
  },
  {
    scripts: [['Devanagari', 0.2]],
    share: 0.04,
    sentences: [(d, c) => `मेरा कार्ड नंबर ${c} है`, (d, c) => `कार्ड ${c} धन्यवाद`],
  },
  {
    scripts: [],
    share: 0.04,
    sentences: [(d, c) => `mi tarjeta es ${c}`, (d, c) => `ma carte : ${c}`, (d, c) => `номер карты ${c}`],
  },
];

/** What may follow a card in a short message: an expiry, a security code, or both. */
const details = (d, card) => {
  const code = d.digits(card.digits.length === 15 ? 4 : 3);
  return d.pick([
    ` ${expiry(d)}`,
    ` ${expiry(d)} ${code}`,
    ` exp ${expiry(d)} cvv ${code}`,
    ` ${code}`,
    `, expires ${expiry(d)}`,
    ` exp ${expiry(d)}, cvc ${code}`,
  ]);
};

function pickWeighted(d, entries) {
  let at = d.random();
  for (const entry of entries) if ((at -= entry.share) < 0) return entry;
  return entries.at(-1);
}

/** A short message with a card, `{ text, card }`: `card.separator` and `card.script` say how it was written. */
function shortCardMessage(d) {
  const language = pickWeighted(d, CARD_MESSAGES);
  const card = cardNumber(d, DENSE_SEPARATORS);
  const after = d.random() < 0.3 ? details(d, card) : '';
  let script = 'ASCII';
  for (const [name, share] of language.scripts) if (d.random() < share) script = name;
  const written = inScript(card.text, script);
  const text = d.pick(language.sentences)(d, written + inScript(after, script));
  return { text, card: { ...card, text: written, script } };
}

const localPhone = (d) =>
  d.pick([
    `050 ${d.digits(3)} ${d.digits(4)}`,
    `(${d.int(201, 989)}) ${d.digits(3)}-${d.digits(4)}`,
    `07${d.digits(3)} ${d.digits(6)}`,
    `0${d.int(1, 9)} ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))} ${pad2(d.int(0, 99))}`,
  ]);
/** Marketplace order numbers (3-7-7 digits) and parcel tracking numbers (22 digits in groups of 4). */
const marketplaceOrder = (d) => `${d.digits(3)}-${d.digits(7)}-${d.digits(7)}`;
const trackingNumber = (d) => `9400 ${d.digits(4)} ${d.digits(4)} ${d.digits(4)} ${d.digits(4)} ${d.digits(2)}`;

/** Short customer messages with no card in them. */
const shortSentences = [
  (d) => `${d.pick(greetings)}, ${d.pick(names)} here ${d.pick(emoji)}`,
  (d) => `order ${orderNumber(d)} hasn't arrived ${emojiRun(d)}`,
  (d) => `where is my order ${orderNumber(d)}?`,
  (d) => `call me on ${phone(d)}`,
  (d) => `my number is ${localPhone(d)}`,
  (d) => `I was charged ${amount(d)} on ${date(d)}`,
  (d) => `refund of ${amount(d)} please ${d.pick(emoji)}`,
  (d) => `${d.pick(arabic)} ${orderNumber(d)}`,
  (d) => `${d.pick(arabic)} ${d.pick(emoji)} ${d.pick(arabic)}`,
  (d) => `${d.pick(chinese)}，订单号 ${orderNumber(d)}`,
  (d) => `${d.pick(chinese)} ${emojiRun(d)}`,
  (d) => `order ${marketplaceOrder(d)} please`,
  (d) => `tracking says ${trackingNumber(d)}`,
  (d) => `delivery on ${date(d)} between ${pad2(d.int(8, 12))}:00 and ${pad2(d.int(13, 20))}:00?`,
  (d) => `ok thanks ${emojiRun(d)} see you ${date(d)}`,
  (d) => `my card expires ${expiry(d)}, is that ok?`,
  (d) => `the code on the parcel is ${d.digits(4)}-${d.digits(4)}`,
  (d) => `room ${d.int(100, 999)}, floor ${d.int(1, 30)} please`,
  (d) => `${d.pick(names)} ${d.pick(names)}, ${d.int(1, 200)} ${d.pick(['High St', 'Park Ave', 'Rue Verte'])}`,
  (d) => d.pick(sentences)(d),
];

/** One sentence from `make` that is 20 to 80 characters long (tried again until it is). */
function shortOne(d, make) {
  for (;;) {
    const made = make(d);
    const length = characters(typeof made === 'string' ? made : made.text);
    if (length >= SHORT_MIN && length <= SHORT_MAX) return typeof made === 'string' ? { text: made } : made;
  }
}

/**
 * About `bytes` of UTF-8 of short customer messages (20 to 80 characters), `cardShare` of them giving a
 * Luhn-valid card: separated by spaces, dashes, dots, nothing or no-break spaces; about 30 % with an
 * expiry or security code after; in English, Arabic, Chinese, Persian, Hindi, Spanish, French and
 * Russian sentences, some with the card in that script's digits. The others are `cardFreeLog`'s kind.
 */
export function cardDenseLog({ bytes = 10_000_000, seed = DENSE_SEED, cardShare = 0.8 } = {}) {
  const d = new Dice(seed);
  return collect(bytes, () =>
    d.random() < cardShare ? shortOne(d, shortCardMessage) : shortOne(d, (dice) => dice.pick(shortSentences)(dice)),
  );
}

/**
 * About `bytes` of UTF-8 of short customer messages (20 to 80 characters) with no card at all: order,
 * phone and parcel tracking numbers, dates, times, amounts, addresses; English, Arabic, Chinese, emoji.
 */
export function cardFreeLog({ bytes = 10_000_000, seed = FREE_SEED } = {}) {
  return cardDenseLog({ bytes, seed, cardShare: 0 });
}

// Adversarial single strings ----------------------------------------------------------------------------

/**
 * `length` characters of random ASCII digits with a single space or dash after about one digit in
 * five; never two separators together, nor one at either end: every group boundary starts candidates.
 */
export function digitsWithSeparators({ length = 1_000_000, seed = ADVERSARIAL_SEED } = {}) {
  const d = new Dice(seed);
  const out = [];
  let afterDigit = false;
  for (let index = 0; index < length; index++) {
    const separate = afterDigit && index < length - 1 && d.random() < 0.2;
    out.push(separate ? d.pick([' ', '-']) : String(d.int(0, 9)));
    afterDigit = !separate;
  }
  return out.join('');
}

/**
 * `length` characters of Luhn-valid cards one after another, each in groups of four (Amex 4-6-5) with
 * single spaces, followed by an expiry and a security code: `4111 1111 1111 1111 12/29 123 5500…`.
 * Every card is masked, and every expiry and code is looked for after it.
 */
export function cardsWithDetails({ length = 1_000_000, seed = ADVERSARIAL_SEED } = {}) {
  const d = new Dice(seed);
  let out = '';
  while (out.length < length) {
    const card = cardNumber(d, [' ']);
    out += `${card.text} ${pad2(d.int(1, 12))}/${d.int(25, 33)} ${d.digits(card.digits.length === 15 ? 4 : 3)} `;
  }
  return out.slice(0, length);
}
