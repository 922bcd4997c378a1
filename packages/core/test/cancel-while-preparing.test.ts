import { describe, expect, it } from 'vitest';
import {
  createAgentSession,
  createMemoryKeyStore,
  createMemoryTransportPair,
  type KeyStore,
  type TabLocks,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { expectOk, START, USD_12_50 } from './support/flow.js';
import { until } from './support/scripted-transport.js';
import { agentTrust } from '../../../test-support/trust.js';

describe('a request cancelled while its keys are being stored', () => {
  it('ends cancelled, leaves no keys behind and takes no tab lock', async () => {
    const clock = new ManualClock(START);
    const store = createMemoryKeyStore({ clock });
    let release: () => void = () => {};
    let writes = 0;
    // A key store whose first write waits until the test lets it finish.
    const slow: KeyStore = {
      ...store,
      put: async (keys) => {
        writes++;
        if (writes === 1) await new Promise<void>((resolve) => (release = resolve));
        return store.put(keys);
      },
    };
    const held: string[] = [];
    const tabLocks: TabLocks = {
      acrossTabs: true,
      hold: async (name) => {
        held.push(name);
        return { held: true, onChange: () => () => {}, release: () => {} };
      },
    };
    const [end] = createMemoryTransportPair();
    const agent = createAgentSession({
      ...agentTrust(),
      conversationId: 'c-1',
      transport: end,
      clock,
      keyStore: slow,
      tabLocks,
    });
    const request = agent.createRequest();
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => writes === 1);
    expectOk(request.cancel());
    release();
    await agent.idle();
    // The store's work goes in order: the delete runs after the write it waited for.
    for (let round = 0; round < 20; round++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(request.timeline().phase).toBe('cancelled');
    expect(held).toEqual([]);
    expect(
      await store.get({ agentId: agentTrust().agentId, conversationId: 'c-1' }, request.requestId),
    ).toBeUndefined();
    agent.close();
  });
});
