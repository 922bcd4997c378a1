import { fromPromise } from 'xstate';
import { actorOf, isIn, type AgentSide } from './agent-side.js';
import { generateAgentKeyPair } from './agent-key-pair.js';
import { loadCardSealing } from './card-sealing.loader.js';
import { SealError } from './seal-error.js';
import { SessionError } from './errors.js';
import { MAX_VOUCH_LENGTH, type WireMessage } from './protocol.js';
import type { SideEffects } from './session-base.js';
import { signMessage } from './signing.js';
import { TrustError } from './vouching.js';

/**
 * What the agent's machine does for one of this agent's requests (given with `provide()`):
 * `prepareMessage` makes the request's key pairs, has the integrator vouch for them, keeps them and
 * signs the request; `deliver` sends it (and ends the request it replaces); `openCard` opens the card
 * once, spending the key that opens it; `forgetSecrets` drops the keys and the opened card.
 */
export function agentEffects(side: AgentSide, requestId: string): SideEffects {
  const { clock, link } = side;
  return {
    actors: {
      prepareMessage: fromPromise(async ({ input }) => {
        const { draft } = input.context;
        if (!draft) throw new SessionError('not-allowed-now', 'There is no confirmed request to send.');
        const { keys, agentKey } = await generateAgentKeyPair(side.agentId);
        const expiresAt = clock.now() + side.requestTtlMs;
        const vouch = side.options.vouch
          ? await side.options.vouch({
              agentId: side.agentId,
              requestId,
              conversationId: side.conversationId,
              encryptionKey: agentKey.publicKey,
              signingKey: agentKey.signingKey,
              expiresAt,
            })
          : undefined;
        if (vouch !== undefined && (typeof vouch !== 'string' || vouch.length > MAX_VOUCH_LENGTH)) {
          throw new TrustError(
            'malformed-vouch',
            `The vouch from the server is not a compact JWS of at most ${MAX_VOUCH_LENGTH} characters.`,
          );
        }
        // Cancelled or closed while the keys were being made: the keys are dropped with this scope.
        if (!isIn(side, requestId, 'preparing')) throw new SessionError('not-allowed-now', 'The request ended.');
        side.keyring.set(requestId, keys);
        // Kept before the request leaves: a reload the moment after Send still finds the keys.
        await side.keyring.keep(requestId, keys, expiresAt + side.viewWindowMs);
        // Cancelled or closed while the keys were being stored: they went with the request (in order, after
        // the write), and no tab lock is taken for a request that has ended.
        if (!isIn(side, requestId, 'preparing')) throw new SessionError('not-allowed-now', 'The request ended.');
        const actor = actorOf(side, requestId);
        if (actor) side.keyring.claim(requestId, actor);
        const replaces = side.replacing.get(requestId);
        const unsigned = link.stamp(requestId, 'request.created', {
          amount: draft.amount,
          reason: draft.reason,
          expiresAt,
          agentKey: vouch ? { ...agentKey, vouch } : agentKey,
          ...(replaces ? { replaces } : {}),
        });
        return (await signMessage(unsigned, keys.signing.privateKey)) as WireMessage;
      }),
      deliver: fromPromise(async ({ input }) => {
        await link.deliver(input.message);
        const created = input.message.type === 'request.created' ? input.message.body : undefined;
        if (created?.replaces) side.replaceOld(created);
        // The code that opens the card that answers it is fetched now, so that it is here when the card
        // is (a failed fetch is forgotten: the card's arrival tries again).
        if (created) loadCardSealing().catch(() => undefined);
      }),
      openCard: fromPromise(async ({ input }) => {
        const { sealed, terms, conversationId } = input.context;
        const keys = side.keyring.get(requestId);
        const customerKey = side.customerKeys.get(requestId);
        if (!keys?.encryption || !sealed || !terms || !customerKey)
          throw new SealError('key-gone', 'The key for this request is gone; the card cannot be opened.');
        const { openCard } = await loadCardSealing();
        const card = await openCard(sealed, keys.encryption, { requestId, conversationId, terms, customerKey });
        // The card opens once: the key that opens it is gone from the store before the card is shown (a
        // reload then cannot open it again); the signing key stays until the request ends.
        await side.keyring.spendEncryptionKey(requestId, keys, terms.expiresAt);
        // The view window may have closed, or the session, while the card was opening: then it is dropped at once.
        if (isIn(side, requestId, 'opening')) side.cards.set(requestId, card);
      }),
    },
    forgetSecrets: () => {
      // Notices already asked for were given the signing key when they were asked for.
      if (side.keyring.has(requestId)) side.keyring.drop(requestId);
      side.keyring.letGo(requestId);
      side.cards.delete(requestId);
    },
  };
}
