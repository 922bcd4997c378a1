/**
 * A small stand-in for a chat product's SDK (the shape most of them share): a client sends messages
 * to a conversation, with text and an optional structured payload, and hears every message of the
 * conversations it is in, its own included. The server keeps the transcript, as a chat backend does.
 */
export interface ChatMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly author: string;
  readonly text: string;
  /** Structured data the product shows its own way (cards, buttons); ours carries ChatPay messages. */
  readonly payload?: unknown;
}

type Handler = (message: ChatMessage) => void;

export class FakeChatServer {
  /** Everything ever sent, as the chat backend stores it. */
  readonly transcript: ChatMessage[] = [];
  readonly #clients = new Set<{ readonly conversations: Set<string>; readonly handlers: Set<Handler> }>();
  #ids = 0;

  connect(author: string): FakeChatClient {
    const client = { conversations: new Set<string>(), handlers: new Set<Handler>() };
    this.#clients.add(client);
    return new FakeChatClient(
      author,
      client,
      (message) => this.#post(message),
      () => this.#clients.delete(client),
    );
  }

  #post(message: Omit<ChatMessage, 'id'>): ChatMessage {
    const stored = JSON.parse(JSON.stringify({ ...message, id: `msg-${++this.#ids}` })) as ChatMessage;
    this.transcript.push(stored);
    for (const client of this.#clients) {
      if (!client.conversations.has(stored.conversationId)) continue;
      // Delivered later, as over a network.
      setTimeout(() => client.handlers.forEach((handler) => handler(structuredClone(stored))), 0);
    }
    return stored;
  }
}

export class FakeChatClient {
  readonly author: string;
  readonly #state: { readonly conversations: Set<string>; readonly handlers: Set<Handler> };
  readonly #post: (message: Omit<ChatMessage, 'id'>) => ChatMessage;
  readonly #leave: () => void;

  constructor(
    author: string,
    state: { readonly conversations: Set<string>; readonly handlers: Set<Handler> },
    post: (message: Omit<ChatMessage, 'id'>) => ChatMessage,
    leave: () => void,
  ) {
    this.author = author;
    this.#state = state;
    this.#post = post;
    this.#leave = leave;
  }

  join(conversationId: string): void {
    this.#state.conversations.add(conversationId);
  }

  async sendMessage(conversationId: string, content: { text: string; payload?: unknown }): Promise<{ id: string }> {
    await Promise.resolve();
    if (!this.#state.conversations.has(conversationId)) throw new Error('Not in this conversation.');
    const { id } = this.#post({ conversationId, author: this.author, ...content });
    return { id };
  }

  on(event: 'message', handler: Handler): () => void {
    this.#state.handlers.add(handler);
    return () => this.#state.handlers.delete(handler);
  }

  disconnect(): void {
    this.#state.handlers.clear();
    this.#leave();
  }
}
