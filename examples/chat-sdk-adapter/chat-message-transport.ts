import type { Transport, WireMessage } from '@chatpay/core';
import type { FakeChatClient } from './fake-chat-sdk.js';

/** The payload type that marks a chat message as carrying a ChatPay message. */
const PAYLOAD_TYPE = 'chatpay/v1';

/**
 * ChatPay over a chat product's own messages: each ChatPay message rides as the structured payload
 * of a chat message in the same conversation, with a short text for clients that do not show
 * payloads. The text never says more than that a card payment is in progress: the card itself is
 * sealed inside the payload, and nothing else in a ChatPay message is secret.
 */
export function createChatMessageTransport(client: FakeChatClient, conversationId: string): Transport {
  let closed = false;
  return {
    async send(message: WireMessage) {
      if (closed) throw new Error('The chat transport is closed.');
      await client.sendMessage(conversationId, {
        text: 'Card payment (open in the agent console or the chat widget)',
        payload: { type: PAYLOAD_TYPE, message },
      });
    },
    subscribe(listener) {
      return client.on('message', (chat) => {
        // The SDK echoes our own messages back to us: a transport must not.
        if (chat.conversationId !== conversationId || chat.author === client.author) return;
        const payload = chat.payload as { type?: unknown; message?: unknown } | undefined;
        if (payload?.type !== PAYLOAD_TYPE) return;
        try {
          listener(payload.message);
        } catch {
          // A listener's failure is its own: the SDK's other handlers still run.
        }
      });
    },
    close() {
      closed = true;
      client.disconnect();
    },
  };
}
