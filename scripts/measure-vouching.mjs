// Prints the min+gzip cost, in the customer's browser, of checking the integrator's vouch (a compact
// JWS, ES256, against a published JWKS) each way we considered: with jose, and with WebCrypto alone
// (what ChatPay ships, `VouchVerifier`); then what the other parts of the security model cost, each
// alone. Each is bundled for the browser with esbuild, minified, then gzipped.
//   node scripts/measure-vouching.mjs
import { HOW, minGzip, sizeLine } from './lib/min-gzip.mjs';

const candidates = {
  'jose: compactVerify + importJWK': `
    import { compactVerify, importJWK } from 'jose';
    export async function verify(jws, jwk) {
      return compactVerify(jws, await importJWK(jwk, 'ES256'));
    }`,
  "ChatPay's VouchVerifier (WebCrypto)": `export { VouchVerifier } from './src/vouching.ts';`,
  "ChatPay's message signatures (WebCrypto)": `export { signMessage, verifyMessage } from './src/signing.ts';`,
  // The rest of what keeps the promise on the agent's side, each alone.
  "the agent's key store (IndexedDB and memory)": `export { createIndexedDbKeyStore, createMemoryKeyStore } from './src/key-store.ts';`,
  'the tab lock (Web Locks)': `export { createTabLocks } from './src/tab-lock.ts';`,
};

console.log(`min+gzip bytes, ${HOW}`);
for (const [name, contents] of Object.entries(candidates)) {
  console.log(sizeLine(name, await minGzip(contents, 'packages/core')));
}
