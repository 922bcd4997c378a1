// The chat page (one origin): the agent's console on the left, the customer's chat on the right. The
// customer's card form runs in a frame on another origin; this page only passes sealed messages on.
import { createAgentSession, createMemoryTransportPair, type WireMessage } from '@chatpay/core';
import { createPostMessageTransport } from '@chatpay/transports';
import '@chatpay/agent/define';

const frameOrigin = document.documentElement.dataset.frameOrigin!;
const [agentEnd, chatBackend] = createMemoryTransportPair(); // stands in for the chat backend
// No server here to vouch for the keys: development only (docs/security.md shows how a real integration vouches).
const agent = createAgentSession({
  conversationId: 'conv-1',
  agentId: 'agent-1',
  transport: agentEnd,
  dangerouslySkipKeyVouching: true,
});

const composer = document.querySelector('chatpay-request-composer')!;
composer.session = agent;
composer.addEventListener('chatpay-request-sent', ({ detail }) => {
  const chip = document.createElement('chatpay-status-chip');
  chip.request = agent.request(detail.requestId);
  document.querySelector('#timeline')!.append(chip);
});

const frame = document.querySelector<HTMLIFrameElement>('#card-frame')!;
frame.src = `${frameOrigin}/frame.html`;
let stopForwarding: (() => void) | undefined;
frame.addEventListener('load', () => {
  // A reloaded frame is a new window: the old forwarding ends with it.
  stopForwarding?.();
  const toFrame = createPostMessageTransport({
    target: frame.contentWindow!,
    targetOrigin: frameOrigin,
    onReport: (report) => console.warn('ChatPay postMessage:', report),
  });
  // The page forwards both ways and reads nothing: the card is sealed inside the frame.
  const stopDown = chatBackend.subscribe((message) => void toFrame.send(message as WireMessage).catch(() => undefined));
  const stopUp = toFrame.subscribe((message) => void chatBackend.send(message as WireMessage));
  stopForwarding = () => {
    stopDown();
    stopUp();
    toFrame.close();
  };
});
