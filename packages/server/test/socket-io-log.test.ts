import { describe, expect, it } from 'vitest';
import { ConfigError } from '@chatpay/core';
import { createChatPayLog } from '@chatpay/server';

const sender = { role: 'customer', subject: 'customer-42' } as const;
const input = (id: string, text = `{"id":"${id}"}`) => ({ id, text, sender, acceptedAt: 0 });

describe('the bounded ChatPay log of a Socket.IO chat', () => {
  it('numbers each conversation’s messages from 1, keeps a message sent again once, and reads after a number', () => {
    const log = createChatPayLog();
    expect(log.append('conv-1', input('m1'))).toMatchObject({ kept: true, duplicate: false, entry: { seq: 1 } });
    expect(log.append('conv-2', input('m1'))).toMatchObject({ kept: true, duplicate: false, entry: { seq: 1 } });
    expect(log.append('conv-1', input('m2'))).toMatchObject({ kept: true, entry: { seq: 2 } });
    expect(log.append('conv-1', input('m1'))).toMatchObject({ kept: true, duplicate: true, entry: { seq: 1 } });
    expect(log.after('conv-1', 0).map((entry) => entry.id)).toEqual(['m1', 'm2']);
    expect(log.after('conv-1', 1).map((entry) => entry.id)).toEqual(['m2']);
    expect(log.after('conv-1', 99)).toEqual([]);
    expect(log.after('conv-unknown', 0)).toEqual([]);
  });

  it('refuses a message past a conversation’s bound rather than dropping an older one', () => {
    const log = createChatPayLog({ maxMessagesPerConversation: 2 });
    log.append('conv-1', input('m1'));
    log.append('conv-1', input('m2'));
    expect(log.append('conv-1', input('m3'))).toEqual({ kept: false, code: 'conversation-full' });
    expect(log.after('conv-1', 0).map((entry) => entry.id)).toEqual(['m1', 'm2']);
  });

  it('forgets the conversation least recently written to past the bound on conversations or characters', () => {
    const byCount = createChatPayLog({ maxConversations: 2 });
    byCount.append('conv-1', input('m1'));
    byCount.append('conv-2', input('m1'));
    byCount.append('conv-1', input('m2'));
    byCount.append('conv-3', input('m1'));
    expect(['conv-1', 'conv-2', 'conv-3'].map((id) => byCount.after(id, 0).length)).toEqual([2, 0, 1]);
    const byChars = createChatPayLog({ maxChars: 25 });
    byChars.append('conv-1', input('m1', 'x'.repeat(10)));
    byChars.append('conv-2', input('m1', 'x'.repeat(10)));
    byChars.append('conv-3', input('m1', 'x'.repeat(10)));
    expect(['conv-1', 'conv-2', 'conv-3'].map((id) => byChars.after(id, 0).length)).toEqual([0, 1, 1]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a bound of %s with a ConfigError', (bound) => {
    expect(() => createChatPayLog({ maxMessagesPerConversation: bound })).toThrow(ConfigError);
    expect(() => createChatPayLog({ maxChars: bound })).toThrow(ConfigError);
  });
});
