// Packs every package in packages/ as `pnpm publish` would (workspace:* ranges replaced by versions) and
// makes fresh apps outside the workspace that install those tarballs, as a new user's app would.
//   node examples/packed-apps/packing.mjs <dir>   packs every package into <dir> and lists the tarballs
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
/** The workspace's pinned pnpm, run by this Node. */
const PNPM = join(root, 'node_modules/pnpm/bin/pnpm.cjs');

/** Runs the workspace's pnpm in `cwd`; rejects with its output if it fails. */
export const pnpm = (cwd, args) =>
  run(process.execPath, [PNPM, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } });

/** Every package in packages/: `{ name, dir, manifest }`. */
export function workspacePackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, 'packages', entry.name);
      return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
    })
    .filter(({ manifest }) => !manifest.private);
}

/** Packs each package into `dir` with `pnpm pack`; resolves to `{ '@chatpay/core': '<dir>/chatpay-core-0.1.0.tgz', … }`. */
export async function packAll(dir) {
  mkdirSync(dir, { recursive: true });
  const tarballs = {};
  for (const { dir: packageDir, manifest } of workspacePackages()) {
    await pnpm(packageDir, ['pack', '--pack-destination', dir]);
    tarballs[manifest.name] = join(dir, `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`);
  }
  return tarballs;
}

/** The versions the fresh apps install, pinned in this example's package.json. */
export function pinnedVersions() {
  const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  return manifest.devDependencies;
}

/**
 * Writes a fresh app in `dir` (outside any workspace) that depends on `dependencies` and on every ChatPay
 * tarball (each `@chatpay/*` dependency of a tarball resolving to its tarball too), writes `files`, and
 * installs with pnpm, from its store where it can.
 */
export async function freshApp(dir, { tarballs, dependencies, files }) {
  mkdirSync(dir, { recursive: true });
  const local = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  const manifest = {
    name: 'fresh-app',
    private: true,
    type: 'module',
    dependencies: { ...local, ...dependencies },
    pnpm: { overrides: local },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  await pnpm(dir, ['install', '--prefer-offline', '--config.confirm-modules-purge=false']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node examples/packed-apps/packing.mjs <dir>');
  console.log(Object.values(await packAll(dir)).join('\n'));
}
