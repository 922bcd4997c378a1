import { ConfigError, createAgentSession } from '@chatpay/core';
import { createPostMessageTransport, type TransportReport } from '../../src/index.js';
import { transportContract } from '../../src/testing.js';
import { createBroadcastChannelTransport } from '../../src/index.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, testVoucher } from '../../../../test-support/trust.js';

const here = new URL('.', import.meta.url);
/** The same server under another host name is another origin. */
const otherOrigin = `http://127.0.0.1:${location.port}`;

/** The query of the card form's frame: the page it answers to, and the tests' published vouching keys. */
async function formQuery(parent: string): Promise<string> {
  const keys = JSON.stringify(await testVoucher.trustedKeys());
  return `?parent=${encodeURIComponent(parent)}&keys=${encodeURIComponent(keys)}`;
}

function frame(origin: string, page: string, query = ''): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.title = page;
  iframe.src = `${origin}${here.pathname}${page}${query}`;
  document.body.append(iframe);
  return new Promise((resolve) => iframe.addEventListener('load', () => resolve(iframe), { once: true }));
}

afterEach(() => document.body.replaceChildren());

describe('the postMessage transport', () => {
  it('carries a whole payment to a card form in a frame on another origin', async () => {
    const iframe = await frame(otherOrigin, 'frame.html', await formQuery(location.origin));
    let crossOrigin = false;
    try {
      void iframe.contentWindow!.document.body;
    } catch {
      crossOrigin = true;
    }
    check(crossOrigin, 'the frame is on another origin: the page cannot read it');
    const transport = createPostMessageTransport({ target: iframe.contentWindow!, targetOrigin: otherOrigin });
    const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport });
    const request = agent.createRequest();
    check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
    check(request.send().ok, 'send');
    await waitUntil(() => request.timeline().status === 'view-card', 'the card from the frame');
    const card = await request.viewCard();
    check(card.ok && card.value.number === '4111111111111111', 'the card the frame sealed opens here');
    transport.close();
    agent.close();
  });

  it('ignores and reports messages from another origin or another window', async () => {
    const reports: TransportReport[] = [];
    const target = await frame(otherOrigin, 'frame.html', await formQuery('http://nowhere.invalid'));
    const transport = createPostMessageTransport({
      target: target.contentWindow!,
      targetOrigin: otherOrigin,
      onReport: (report) => reports.push(report),
    });
    const got: unknown[] = [];
    transport.subscribe((message) => got.push(message));
    await frame(location.origin, 'rogue.html'); // right shape, wrong origin
    await frame(otherOrigin, 'rogue.html'); // right origin, wrong window
    await waitUntil(() => reports.length === 2, 'two reports');
    checkEqual(
      reports.map((report) => (report.type === 'message-refused' ? report.reason : report.type)).sort(),
      ['origin', 'source'],
      'one for the origin, one for the window',
    );
    checkEqual(got, [], 'nothing passed on');
    transport.close();
  });

  it('refuses "*" as the target origin', () => {
    let refused: unknown;
    try {
      createPostMessageTransport({ target: window, targetOrigin: '*' });
    } catch (error) {
      refused = error;
    }
    check(refused instanceof ConfigError, 'a typed configuration error');
    checkEqual((refused as ConfigError).option, 'targetOrigin', 'naming the option');
  });
});

describe('the postMessage transport between a page and a frame', () => {
  /** A frame holding one end; the page holds the other. */
  async function pair() {
    const iframe = document.createElement('iframe');
    iframe.title = 'contract end';
    const ready = new Promise<void>((resolve) => {
      const onReady = (event: MessageEvent) => {
        if (event.data !== 'pm-end-ready' || event.source !== iframe.contentWindow) return;
        window.removeEventListener('message', onReady);
        resolve();
      };
      window.addEventListener('message', onReady);
    });
    iframe.src = `${here.pathname}pm-end.html`;
    document.body.append(iframe);
    await ready;
    const b = (iframe.contentWindow as unknown as { end: ReturnType<typeof createPostMessageTransport> }).end;
    const a = createPostMessageTransport({ target: iframe.contentWindow!, targetOrigin: location.origin });
    return { a, b, dispose: () => (a.close(), b.close(), iframe.remove()) };
  }
  for (const contractCase of transportContract(pair)) {
    it(`meets the contract: ${contractCase.name}`, () => contractCase.run());
  }
});

describe('the BroadcastChannel transport in a browser', () => {
  let count = 0;
  for (const contractCase of transportContract(() => {
    const channel = `browser-contract-${++count}`;
    const a = createBroadcastChannelTransport({ channel });
    const b = createBroadcastChannelTransport({ channel });
    return { a, b, dispose: () => (a.close(), b.close()) };
  })) {
    it(`meets the contract: ${contractCase.name}`, () => contractCase.run());
  }
});
