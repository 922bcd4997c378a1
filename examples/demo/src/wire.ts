// What both demo pages share: the relay's address and join tokens, the time limits chosen, and a plain
// chat channel.
import { createWebSocketTransport, type WebSocketTransport } from '@chatpay/transports';

export interface Conversation {
  readonly id: string;
  readonly customer: string;
}

export const CONVERSATIONS: readonly Conversation[] = [
  { id: 'c-1', customer: 'Grace Hopper' },
  { id: 'c-2', customer: 'Alan Turing' },
  { id: 'c-3', customer: 'Katherine Johnson' },
];

/** What was said before the demo opened, so each conversation reads like a chat already under way. */
export const HISTORY: Readonly<
  Record<string, readonly { readonly from: 'customer' | 'agent'; readonly text: string }[]>
> = {
  'c-1': [
    { from: 'customer', text: 'Hi, the charger I bought last month stopped working.' },
    { from: 'agent', text: 'Sorry to hear that! I can send a replacement today; it is 12.50 with express delivery.' },
    { from: 'customer', text: 'Yes please, I can pay now.' },
  ],
  'c-2': [{ from: 'customer', text: 'Hello, I would like to renew my subscription.' }],
  'c-3': [{ from: 'customer', text: 'Can I pay the outstanding invoice here?' }],
};

const relay = document.documentElement.dataset.relay!;
const query = new URLSearchParams(location.search);

/** Time limits from the page's address (`?ttl=…&view=…`, in ms), for seeing expiry without waiting. */
export const limits = {
  requestTtlMs: Number(query.get('ttl')) || undefined,
  viewWindowMs: Number(query.get('view')) || undefined,
};

type Role = 'agent' | 'customer';

/**
 * A join token for the relay, from the demo server playing the integrator's backend (same origin,
 * so it knows who asks: here, anyone who opened the page).
 */
async function joinToken(conversationId: string, role: Role): Promise<string> {
  const response = await fetch('/demo/token', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversation: conversationId, role }),
  });
  if (!response.ok) throw new Error(`No join token (${response.status}).`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * ChatPay's messages for one conversation, through the relay: with a join token (asked for again on
 * every reconnection and before it expires) and the conversation's log (a reloaded page gets its
 * requests back, and a reconnection resumes where it left off).
 */
export function paymentTransport(
  conversationId: string,
  role: Role = document.documentElement.dataset.role as Role,
): WebSocketTransport {
  return createWebSocketTransport({
    url: relay,
    history: true,
    token: () => joinToken(conversationId, role),
    sendTimeoutMs: 5000,
  });
}

/** The ordinary chat of one conversation, through the demo server: text only, as a chat product would carry it. */
export function chatChannel(conversationId: string, onText: (from: string, text: string) => void) {
  let socket: WebSocket | undefined;
  const waiting: string[] = [];
  const connect = () => {
    socket = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/chat/${conversationId}`,
    );
    socket.onopen = () => waiting.splice(0).forEach((frame) => socket!.send(frame));
    socket.onmessage = (event) => {
      try {
        const { chat } = JSON.parse(String(event.data)) as { chat?: { from: string; text: string } };
        if (chat) onText(chat.from, chat.text);
      } catch {
        // Not chat: ignored.
      }
    };
    socket.onclose = () => setTimeout(connect, 1000);
  };
  connect();
  return (from: string, text: string) => {
    const frame = JSON.stringify({ chat: { from, text } });
    if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
    else waiting.push(frame);
  };
}

/** One line of chat in a timeline. */
export function chatLine(from: string, text: string, mine: boolean): HTMLLIElement {
  const item = document.createElement('li');
  item.className = mine ? 'line mine' : 'line';
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = from;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  body.dir = 'auto'; // a message keeps its own direction whatever the page's
  item.append(who, body);
  return item;
}
