// The demo's three pages: the agent console, the customer chat, and both side by side.

/** The languages the demo offers, each with ChatPay's catalogues (the demo's own words stay English). */
export const LANGUAGES = { en: 'English', es: 'Español', fr: 'Français', de: 'Deutsch', ar: 'العربية' };
const RIGHT_TO_LEFT = ['ar'];

/**
 * How the agent and customer pages look: `lang` (one of LANGUAGES) and `themed`, which restyles both
 * with the worked example of docs/theming.md (examples/theming/theme.css).
 * @typedef {{ lang: string, themed: boolean }} Look
 */

const base = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  /* Hidden means hidden, whatever display a rule below gives the element (the timelines are grids). */
  [hidden] { display: none !important; }
  body { margin: 0; }
  .timeline, #history { list-style: none; margin: 0; padding: 1rem; display: grid; gap: 0.5rem; align-content: start; }
  .line { display: grid; gap: 0.125rem; max-inline-size: 36rem; }
  .line .who { font-size: 0.75rem; opacity: 0.75; }
  .line .text { padding: 0.5rem 0.75rem; border-radius: 0.75rem; background: color-mix(in srgb, CanvasText 8%, Canvas); }
  .line.mine { justify-self: end; }
  .line.mine .text { background: color-mix(in srgb, #0b57d0 18%, Canvas); }
  form.chat { display: flex; gap: 0.5rem; padding: 1rem; border-block-start: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
  form.chat input { flex: 1; font: inherit; min-block-size: 2.75rem; padding-inline: 0.75rem; }
  form.chat button { font: inherit; min-block-size: 2.75rem; padding-inline: 1rem; }
  h1 { font-size: 1.125rem; margin: 0; }
`;

/**
 * The start of every page, up to its own styles.
 * @param {string} title
 * @param {string} attributes
 * @param {Look} look
 */
const head = (title, attributes = '', look = { lang: 'en', themed: false }) => `<!doctype html>
<html lang="${look.lang}" dir="${RIGHT_TO_LEFT.includes(look.lang) ? 'rtl' : 'ltr'}"${look.themed ? ' class="acme-chat"' : ''}${attributes}>
<head>
  <meta charset="utf-8" />
  <link rel="icon" href="data:," />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${title}</title>${look.themed ? '\n  <link rel="stylesheet" href="/theme.css" />' : ''}
  <style>${base}`;

/**
 * The agent's page. `data-relay` is the relay's address, `data-role` what the page asks join tokens
 * for (from the demo server's `/demo/token`).
 * @param {string} relayUrl @param {Look} look
 */
export function agentPage(relayUrl, look) {
  return `${head('ChatPay demo: agent console', ` data-relay="${relayUrl}" data-role="agent"`, look)}
    /* The page is the window's height: the timeline scrolls, and the chat box and the composer stay in view. */
    body { display: grid; grid-template-columns: 14rem 1fr; grid-template-rows: auto 1fr; block-size: 100vh; }
    header { grid-column: 1 / -1; padding: 0.75rem 1rem; display: grid; gap: 0.5rem; border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
    nav { border-inline-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); padding: 0.5rem; min-block-size: 0; overflow: auto; }
    nav ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    nav button { inline-size: 100%; min-block-size: 2.75rem; display: flex; justify-content: space-between; align-items: center; font: inherit; text-align: start; padding-inline: 0.75rem; border: 0; border-radius: 0.5rem; background: transparent; color: inherit; cursor: pointer; }
    nav button[aria-current='true'] { background: color-mix(in srgb, CanvasText 10%, Canvas); font-weight: 600; }
    main { display: grid; grid-template-rows: auto 1fr auto auto auto; min-block-size: 0; }
    chatpay-payment-ask { padding-inline: 1rem; }
    main > h2 { font-size: 1rem; margin: 0; padding: 0.75rem 1rem; }
    #timelines { overflow: auto; min-block-size: 0; }
    chatpay-request-composer { padding: 1rem; border-block-start: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
  </style>
</head>
<body>
  <header>
    <h1>Agent console</h1>
    <chatpay-payment-banner></chatpay-payment-banner>
  </header>
  <nav aria-label="Conversations"><ul id="conversations"></ul></nav>
  <main>
    <h2 id="conversation-title"></h2>
    <div id="timelines"></div>
    <chatpay-payment-ask></chatpay-payment-ask>
    <form class="chat" id="agent-chat" aria-label="Reply">
      <input aria-label="Message" autocomplete="off" />
      <button type="submit">Send</button>
    </form>
    <chatpay-request-composer currency="USD"></chatpay-request-composer>
  </main>
  <script type="module" src="/agent.js"></script>
</body>
</html>`;
}

/** The customer's page (see `agentPage`). @param {string} relayUrl @param {Look} look */
export function customerPage(relayUrl, look) {
  return `${head('ChatPay demo: customer chat', ` data-relay="${relayUrl}" data-role="customer"`, look)}
    /* The page is the window's height: the messages scroll, and the chat box stays in view. */
    body { display: grid; grid-template-rows: auto 1fr auto auto; block-size: 100vh; }
    header { padding: 0.75rem 1rem; border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
    main { overflow: auto; min-block-size: 0; }
    chatpay-pay-securely-offer { padding-inline: 1rem; }
  </style>
</head>
<body>
  <header><h1>Chat with support · <span id="customer-name"></span></h1></header>
  <main><ol id="history" aria-label="Messages" aria-live="polite"></ol></main>
  <!-- Shown when a card number is typed into the chat box: "Pay securely instead?" -->
  <chatpay-pay-securely-offer for="customer-masker"></chatpay-pay-securely-offer>
  <form class="chat" id="customer-chat" aria-label="Write a message">
    <chatpay-card-masker id="customer-masker"><input aria-label="Message" autocomplete="off" /></chatpay-card-masker>
    <button type="submit">Send</button>
  </form>
  <script type="module" src="/customer.js"></script>
</body>
</html>`;
}

export function sideBySidePage() {
  return `${head('ChatPay demo')}
    body { display: grid; grid-template-rows: auto 1fr; block-size: 100vh; }
    header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: 0.5rem 1rem; border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
    label, select, button { font: inherit; }
    .sides { display: grid; grid-template-columns: 3fr 2fr; min-block-size: 0; }
    iframe { inline-size: 100%; block-size: 100%; border: 0; border-inline-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
  </style>
</head>
<body>
  <header>
    <h1>ChatPay demo</h1>
    <label>Customer
      <select id="customer">
        <option value="c-1">Grace Hopper</option><option value="c-2">Alan Turing</option><option value="c-3">Katherine Johnson</option>
      </select>
    </label>
    <label>Time limits
      <select id="limits">
        <option value="">Normal: 15 min to pay, 10 min to view</option>
        <option value="ttl=60000&amp;view=45000">Short: 1 min to pay, 45 s to view</option>
        <option value="ttl=20000&amp;view=15000">Very short: 20 s to pay, 15 s to view</option>
      </select>
    </label>
    <label>Language
      <select id="lang">
        ${Object.entries(LANGUAGES)
          .map(([code, name]) => `<option value="${code}" lang="${code}">${name}</option>`)
          .join('')}
      </select>
    </label>
    <label><input type="checkbox" id="themed" /> Acme theme (docs/theming.md)</label>
    <label><input type="checkbox" id="failing" /> Relay fails every send</label>
    <a href="/agent.html" target="_blank" rel="noopener" id="agent-window">Agent in its own window</a>
    <a href="/customer.html" target="_blank" rel="noopener" id="customer-window">Customer in its own window</a>
  </header>
  <div class="sides">
    <iframe id="agent" title="Agent console" src="/agent.html"></iframe>
    <iframe id="customer-frame" title="Customer chat" src="/customer.html?conversation=c-1"></iframe>
  </div>
  <script type="module">
    const customer = document.querySelector('#customer');
    const limits = document.querySelector('#limits');
    const lang = document.querySelector('#lang');
    const themed = document.querySelector('#themed');
    const reload = () => {
      const look = new URLSearchParams({ lang: lang.value, ...(themed.checked ? { theme: 'acme' } : {}) });
      const agentUrl = '/agent.html?' + (limits.value ? limits.value + '&' : '') + look;
      document.querySelector('#agent').src = agentUrl;
      document.querySelector('#agent-window').href = agentUrl;
      const customerUrl = '/customer.html?conversation=' + customer.value + '&' + look;
      document.querySelector('#customer-frame').src = customerUrl;
      document.querySelector('#customer-window').href = customerUrl;
    };
    for (const control of [customer, limits, lang, themed]) control.addEventListener('change', reload);
    const failing = document.querySelector('#failing');
    failing.addEventListener('change', (event) =>
      fetch('/control/failing', { method: 'POST', body: event.target.checked ? 'on' : 'off' }),
    );
    // The relay's switch is the server's: after a reload, show it as it is.
    fetch('/control/failing').then((response) => response.text()).then((state) => (failing.checked = state === 'on'));
  </script>
</body>
</html>`;
}
