// Prints the min+gzip cost of sealing a card in the customer's browser with each standard
// construction we considered: HPKE through @hpke/core (what ChatPay ships) and JWE ECDH-ES with
// AES-GCM through jose. Each is bundled for the browser with esbuild, minified, then gzipped.
//   node scripts/measure-sealing.mjs
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

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

const nodeCryptoShim = {
  name: 'node-crypto-shim',
  setup(build) {
    build.onResolve({ filter: /^crypto$/ }, () => ({ path: 'crypto', namespace: 'shim' }));
    build.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
      contents: 'export const webcrypto = globalThis.crypto;',
    }));
  },
};

console.log('min+gzip bytes, browser ES2022 bundle (esbuild --minify, gzip -9)');
for (const [name, contents] of Object.entries(candidates)) {
  const result = await build({
    stdin: { contents, resolveDir: 'packages/core', loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    plugins: [nodeCryptoShim],
    nodePaths: ['node_modules'],
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`${name.padEnd(48)} ${String(code.length).padStart(7)} min  ${String(gzip).padStart(6)} gzip`);
}
