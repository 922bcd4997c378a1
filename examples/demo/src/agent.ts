// The agent console: conversations with activity dots, each conversation's timeline (chat and payment
// requests with their status chips), the customer's ask to pay by card, the request composer, and the
// banner for cards that arrive elsewhere.
import {
  createAgentRegistry,
  createAgentSession,
  type AgentRequest,
  type AgentSession,
  type JsonWebKeySet,
  type VouchRequest,
} from '@chatpay/core';
import '@chatpay/agent/define';
import { AGENT_MESSAGES_AR } from '@chatpay/agent/locales/ar';
import { AGENT_MESSAGES_DE } from '@chatpay/agent/locales/de';
import { AGENT_MESSAGES_ES } from '@chatpay/agent/locales/es';
import { AGENT_MESSAGES_FR } from '@chatpay/agent/locales/fr';
import { registerMessages } from '@chatpay/ui';
import { keepNewestInView } from './newest-in-view.js';
import { chatChannel, chatLine, CONVERSATIONS, HISTORY, limits, paymentTransport } from './wire.js';

// The page's `lang` (the demo's Language switch) picks the catalogue.
for (const [locale, catalogue] of Object.entries({
  es: AGENT_MESSAGES_ES,
  fr: AGENT_MESSAGES_FR,
  de: AGENT_MESSAGES_DE,
  ar: AGENT_MESSAGES_AR,
}))
  registerMessages(locale, catalogue);

const registry = createAgentRegistry();
const list = document.querySelector<HTMLUListElement>('#conversations')!;
const timelines = document.querySelector<HTMLElement>('#timelines')!;
const title = document.querySelector<HTMLHeadingElement>('#conversation-title')!;
const composer = document.querySelector('chatpay-request-composer')!;
const chatForm = document.querySelector<HTMLFormElement>('#agent-chat')!;
const banner = document.querySelector('chatpay-payment-banner')!;
const ask = document.querySelector('chatpay-payment-ask')!;
// The timelines scroll (the composer stays in view): the one in view keeps to its newest line.
const newest = keepNewestInView(timelines);

const sessions = new Map<string, AgentSession>();
const chipped = new Set<string>();
const sayTo = new Map<string, (from: string, text: string) => void>();
const nameOf = (id: string) => CONVERSATIONS.find((conversation) => conversation.id === id)?.customer ?? id;

// The demo's server plays the integrator's backend: it signed this agent in (a cookie), vouches for each
// request's keys, and publishes the keys customers check vouches with.
const { agentId } = (await (await fetch('/demo/session', { credentials: 'same-origin' })).json()) as {
  agentId: string;
};
const vouch = async (request: VouchRequest): Promise<string> => {
  const response = await fetch('/demo/vouch', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`The server did not vouch for the request (${response.status}).`);
  return ((await response.json()) as { vouch: string }).vouch;
};
const trustedKeys = async () => (await (await fetch('/.well-known/chatpay-jwks.json')).json()) as JsonWebKeySet;

for (const { id, customer } of CONVERSATIONS) {
  const session = createAgentSession({
    conversationId: id,
    transport: paymentTransport(id, 'agent'),
    agentId,
    vouch,
    trustedKeys,
    ...(limits.requestTtlMs ? { requestTtlMs: limits.requestTtlMs } : {}),
    ...(limits.viewWindowMs ? { viewWindowMs: limits.viewWindowMs } : {}),
  });
  sessions.set(id, session);
  registry.add(session);
  // Requests rebuilt from the conversation's history (a reload, another tab) get their chip too.
  session.subscribe(({ type, request }) => {
    if (type === 'request-added' && request.timeline().phase !== 'draft') addChip(id, request);
  });

  const timeline = document.createElement('ol');
  timeline.className = 'timeline';
  timeline.dataset.conversation = id;
  timeline.setAttribute('aria-label', `Conversation with ${customer}`);
  timeline.hidden = true;
  for (const line of HISTORY[id] ?? []) {
    timeline.append(chatLine(line.from === 'agent' ? 'Agent' : customer, line.text, line.from === 'agent'));
  }
  timelines.append(timeline);
  newest.follow(timeline);
  sayTo.set(
    id,
    chatChannel(id, (from, text) => timeline.append(chatLine(from, text, false))),
  );

  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.conversation = id;
  button.textContent = customer;
  const dot = document.createElement('chatpay-activity-dot');
  dot.registry = registry;
  dot.conversationId = id;
  button.append(dot);
  button.addEventListener('click', () => open(id));
  item.append(button);
  list.append(item);
}

function open(id: string): void {
  registry.setConversationInView(id);
  title.textContent = nameOf(id);
  for (const timeline of timelines.querySelectorAll<HTMLOListElement>('ol')) {
    timeline.hidden = timeline.dataset.conversation !== id;
  }
  for (const button of list.querySelectorAll('button')) {
    button.setAttribute('aria-current', String(button.dataset.conversation === id));
  }
  composer.session = sessions.get(id);
  ask.session = sessions.get(id);
  newest.toNewest();
}

function addChip(conversationId: string, request: AgentRequest): void {
  if (chipped.has(request.requestId)) return;
  chipped.add(request.requestId);
  const item = document.createElement('li');
  item.className = 'line request';
  const chip = document.createElement('chatpay-status-chip');
  chip.request = request;
  item.append(chip);
  timelines.querySelector(`ol[data-conversation="${conversationId}"]`)!.append(item);
}

composer.addEventListener('chatpay-request-sent', ({ detail }) => {
  addChip(detail.conversationId, sessions.get(detail.conversationId)!.request(detail.requestId)!);
});

// "The customer would like to pay by card": Start a card request brings the composer to the agent.
ask.addEventListener('chatpay-card-request-chosen', () => composer.focus());

banner.registry = registry;
banner.nameOf = nameOf;
banner.addEventListener('chatpay-view-conversation', ({ detail }) => open(detail.conversationId));

chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = chatForm.querySelector('input')!;
  const id = registry.conversationInView;
  if (!id || !input.value.trim()) return;
  sayTo.get(id)!('Agent', input.value);
  timelines.querySelector(`ol[data-conversation="${id}"]`)!.append(chatLine('Agent', input.value, true));
  input.value = '';
});

open(CONVERSATIONS[0]!.id);
