import { ConfigError } from '@chatpay/core';
import type { Sender } from './store.js';

/** One ChatPay message a Socket.IO chat server accepted, numbered in its conversation. */
export interface ChatPayLogEntry {
  /** 1 for the conversation's first message, then one more for each: clients resume after the last they saw. */
  readonly seq: number;
  /** The message's id, so that a message sent again is not kept twice. */
  readonly id: string;
  /** The message's JSON text, as its sender wrote it. */
  readonly text: string;
  /** Who sent it. */
  readonly sender: Sender;
  /** When the server accepted it, ms since the epoch by the server's clock. */
  readonly acceptedAt: number;
}

/** What `append` did: kept the message (or found it kept already), or refused it because the conversation is full. */
export type ChatPayAppendResult =
  | { readonly kept: true; readonly entry: ChatPayLogEntry; readonly duplicate: boolean }
  | { readonly kept: false; readonly code: 'conversation-full' };

/**
 * Where a Socket.IO chat server keeps each conversation's ChatPay messages, so that a reloaded,
 * reconnected or late page catches up. Synchronous, so that joining a room and reading what it
 * missed happen in one turn of the event loop.
 */
export interface ChatPayLog {
  /** Keeps a message under the next number, or finds it kept already (by id), or refuses it. */
  append(conversationId: string, input: Omit<ChatPayLogEntry, 'seq'>): ChatPayAppendResult;
  /** The conversation's entries after `seq` (0 for all of them), oldest first. */
  after(conversationId: string, seq: number): readonly ChatPayLogEntry[];
  /**
   * What names this numbering of the conversation (undefined while the log holds none of it): a
   * conversation forgotten and begun again, or a log that restarted, numbers from 1 under another
   * epoch, so a page that knew the old numbers reads the new log from its start.
   */
  epoch(conversationId: string): string | undefined;
}

/** The bounds of `createChatPayLog`'s memory. */
export interface ChatPayLogOptions {
  /**
   * Messages kept per conversation; one more is refused (`conversation-full`, the agent sees TRY
   * AGAIN) rather than dropping an older one, which would strand a request. Default 500.
   */
  readonly maxMessagesPerConversation?: number;
  /** Conversations kept; one more forgets the one least recently written to. Default 10,000. */
  readonly maxConversations?: number;
  /** Characters of message text kept in all; past it, the conversations least recently written to are forgotten. Default 64,000,000. */
  readonly maxChars?: number;
}

interface Conversation {
  readonly epoch: string;
  readonly entries: ChatPayLogEntry[];
  readonly byId: Map<string, ChatPayLogEntry>;
  chars: number;
}

const bound = (name: keyof ChatPayLogOptions, value: number | undefined, fallback: number): number => {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < 1) throw new ConfigError(name, `${name} must be a positive integer.`);
  return chosen;
};

/**
 * A bounded in-memory `ChatPayLog` for one server process. It forgets conversations when a bound is
 * reached (least recently written first) and everything when the process ends: a server that must
 * survive a restart, or runs on several nodes, gives `createSocketIoChatPay` a `ChatPayLog` of its own.
 */
export function createChatPayLog(options: ChatPayLogOptions = {}): ChatPayLog {
  const perConversation = bound('maxMessagesPerConversation', options.maxMessagesPerConversation, 500);
  const maxConversations = bound('maxConversations', options.maxConversations, 10_000);
  const maxChars = bound('maxChars', options.maxChars, 64_000_000);
  const conversations = new Map<string, Conversation>();
  let chars = 0;
  // Unique to this log and this conversation's life in it: the log's own random name, and a count.
  const began = globalThis.crypto.randomUUID().slice(0, 8);
  let lives = 0;

  const forgetOldest = (keep: string) => {
    for (const [id, conversation] of conversations) {
      if (conversations.size <= maxConversations && chars <= maxChars) return;
      if (id === keep) continue;
      conversations.delete(id);
      chars -= conversation.chars;
    }
  };

  return {
    append(conversationId, input) {
      let conversation = conversations.get(conversationId);
      const duplicate = conversation?.byId.get(input.id);
      if (duplicate) return { kept: true, entry: duplicate, duplicate: true };
      if (conversation && conversation.entries.length >= perConversation) {
        return { kept: false, code: 'conversation-full' };
      }
      conversation ??= { epoch: `${began}-${(lives += 1).toString(36)}`, entries: [], byId: new Map(), chars: 0 };
      // Most recently written last, so that the first in the map is the one to forget.
      conversations.delete(conversationId);
      conversations.set(conversationId, conversation);
      const entry: ChatPayLogEntry = { ...input, seq: conversation.entries.length + 1 };
      conversation.entries.push(entry);
      conversation.byId.set(entry.id, entry);
      conversation.chars += entry.text.length;
      chars += entry.text.length;
      forgetOldest(conversationId);
      return { kept: true, entry, duplicate: false };
    },
    after(conversationId, seq) {
      const entries = conversations.get(conversationId)?.entries ?? [];
      return entries.slice(Math.max(0, Math.min(seq, entries.length)));
    },
    epoch: (conversationId) => conversations.get(conversationId)?.epoch,
  };
}
