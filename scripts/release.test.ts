// What releasing the packages relies on, checked without publishing: the Changesets configuration
// releases every public package, and only those, at one version; each package carries the project's licence.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const packages = readdirSync(new URL('packages/', root)).map((dir) => ({
  dir,
  manifest: JSON.parse(read(`packages/${dir}/package.json`)) as { name: string; version: string; private?: boolean },
}));
const published = packages.filter(({ manifest }) => !manifest.private);
const config = JSON.parse(read('.changeset/config.json')) as { fixed: string[][]; access: string; baseBranch: string };

it('releases every public package together, at one version, publicly', () => {
  expect(config.fixed).toHaveLength(1);
  expect([...config.fixed[0]!].sort()).toEqual(published.map(({ manifest }) => manifest.name).sort());
  expect(new Set(published.map(({ manifest }) => manifest.version)).size).toBe(1);
  expect(config.access).toBe('public');
});

it("gives every package the project's licence, word for word", () => {
  const licence = read('LICENSE');
  for (const { dir } of published) expect(read(`packages/${dir}/LICENSE`), dir).toBe(licence);
});

it('stops `npm pack`, which would ship workspace:* ranges unresolved, and says to use pnpm', async () => {
  for (const { dir } of published) {
    const packing = run('npm', ['pack', '--dry-run'], { cwd: new URL(`packages/${dir}/`, root) });
    await expect(packing, dir).rejects.toMatchObject({ stderr: expect.stringContaining('pnpm pack') });
  }
}, 60_000);
