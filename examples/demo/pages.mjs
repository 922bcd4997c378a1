// The demo's three pages: the agent console, the customer chat, and both side by side.

const base = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
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

/** The start of every page, up to its own styles. */
const head = (title, attributes = '') => `<!doctype html>
<html lang="en"${attributes}>
<head>
  <meta charset="utf-8" />
  <link rel="icon" href="data:," />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${title}</title>
  <style>${base}`;

export function agentPage(relayUrl) {
  return `${head('ChatPay demo: agent console', ` data-relay="${relayUrl}"`)}
    body { display: grid; grid-template-columns: 14rem 1fr; grid-template-rows: auto 1fr; min-block-size: 100vh; }
    header { grid-column: 1 / -1; padding: 0.75rem 1rem; display: grid; gap: 0.5rem; border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
    nav { border-inline-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); padding: 0.5rem; }
    nav ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    nav button { inline-size: 100%; min-block-size: 2.75rem; display: flex; justify-content: space-between; align-items: center; font: inherit; text-align: start; padding-inline: 0.75rem; border: 0; border-radius: 0.5rem; background: transparent; color: inherit; cursor: pointer; }
    nav button[aria-current='true'] { background: color-mix(in srgb, CanvasText 10%, Canvas); font-weight: 600; }
    main { display: grid; grid-template-rows: auto 1fr auto auto; min-block-size: 0; }
    main > h2 { font-size: 1rem; margin: 0; padding: 0.75rem 1rem; }
    #timelines { overflow: auto; }
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

export function customerPage(relayUrl) {
  return `${head('ChatPay demo: customer chat', ` data-relay="${relayUrl}"`)}
    body { display: grid; grid-template-rows: auto 1fr auto; min-block-size: 100vh; }
    header { padding: 0.75rem 1rem; border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, Canvas); }
    main { overflow: auto; }
  </style>
</head>
<body>
  <header><h1>Chat with support · <span id="customer-name"></span></h1></header>
  <main><ol id="history" aria-label="Messages" aria-live="polite"></ol></main>
  <form class="chat" id="customer-chat" aria-label="Write a message">
    <chatpay-card-masker><input aria-label="Message" autocomplete="off" /></chatpay-card-masker>
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
    .sides { display: grid; grid-template-columns: 3fr 2fr; }
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
    <label><input type="checkbox" id="failing" /> Relay fails every send</label>
    <a href="/agent.html" target="_blank" rel="noopener">Agent in its own window</a>
    <a href="/customer.html" target="_blank" rel="noopener" id="customer-window">Customer in its own window</a>
  </header>
  <div class="sides">
    <iframe id="agent" title="Agent console" src="/agent.html"></iframe>
    <iframe id="customer-frame" title="Customer chat" src="/customer.html?conversation=c-1"></iframe>
  </div>
  <script type="module">
    const customer = document.querySelector('#customer');
    const limits = document.querySelector('#limits');
    const reload = () => {
      const query = limits.value ? '?' + limits.value : '';
      document.querySelector('#agent').src = '/agent.html' + query;
      const customerUrl = '/customer.html?conversation=' + customer.value;
      document.querySelector('#customer-frame').src = customerUrl;
      document.querySelector('#customer-window').href = customerUrl;
    };
    customer.addEventListener('change', reload);
    limits.addEventListener('change', reload);
    document.querySelector('#failing').addEventListener('change', (event) =>
      fetch('/control/failing', { method: 'POST', body: event.target.checked ? 'on' : 'off' }),
    );
  </script>
</body>
</html>`;
}
