// Prints the min+gzip cost of sealing a card in the customer's browser with each standard
// construction we considered: HPKE through @hpke/core (what ChatPay ships) and JWE ECDH-ES with
// AES-GCM through jose. Each is bundled for the browser with esbuild, minified, then gzipped.
//   node scripts/measure-sealing.mjs
import { HOW, minGzip, sizeLine } from './lib/min-gzip.mjs';

const candidates = {
  'HPKE (@hpke/core), seal only': `
    import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
    export async function seal(key, data, aad) {
      const suite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
      return suite.seal({ recipientPublicKey: await suite.kem.deserializePublicKey(key) }, data, aad);
    }`,
  'JWE ECDH-ES + A128GCM (jose), encrypt only': `
    import { CompactEncrypt, importJWK } from 'jose';
    export async function seal(jwk, data) {
      const key = await importJWK(jwk, 'ECDH-ES');
      return new CompactEncrypt(data).setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM' }).encrypt(key);
    }`,
  "ChatPay's sealCard (HPKE + card checks)": `export { sealCard } from './src/card-sealing.ts';`,
};

console.log(`min+gzip bytes, ${HOW}`);
for (const [name, contents] of Object.entries(candidates)) {
  console.log(sizeLine(name, await minGzip(contents, 'packages/core')));
}
