// Builds one integration example (examples/<name>) into its dist/: its index.html and one ES module
// bundle, from the packages' sources. Each example's build.mjs only says what differs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { sourceAlias } from './source-alias.mjs';

/**
 * `dir`: the example's folder (ends with "/"); `entry`: { bundleName: sourcePath }; `html`: the page;
 * `options`: extra esbuild options (jsx, define); `assets`: other files served as they are, by name.
 * Resolves with the files by name; writes them to `dir/dist/` unless `write` is false.
 */
export async function buildExample({ dir, entry, html, options = {}, assets = {}, write = true }) {
  const result = await build({
    entryPoints: entry,
    bundle: true,
    format: 'esm',
    minify: true,
    outdir: `${dir}dist`,
    write: false,
    plugins: [sourceAlias],
    logLevel: 'silent',
    ...options,
  });
  const files = { 'index.html': html, ...assets };
  for (const file of result.outputFiles) files[file.path.slice(`${dir}dist/`.length)] = file.text;
  if (write) {
    mkdirSync(`${dir}dist`, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(`${dir}dist/${name}`, text);
  }
  return files;
}
