// Every module a package exports can be imported on a server (server rendering, a Node script): none
// reaches for the DOM when it loads. Each is imported from the built package (`dist`, which the test
// command builds first) in a Node process of its own, where no other module has put DOM shims in place.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PACKAGES = fileURLToPath(new URL('../packages', import.meta.url));

/** `[package folder, export name, file]` for every JavaScript module each package exports. */
const exported = readdirSync(PACKAGES).flatMap((folder) => {
  const manifest = JSON.parse(readFileSync(join(PACKAGES, folder, 'package.json'), 'utf8')) as {
    exports?: Record<string, string | { default?: string; import?: string }>;
  };
  return Object.entries(manifest.exports ?? {}).flatMap(([name, target]) => {
    const file = typeof target === 'string' ? target : (target.default ?? target.import);
    return file?.endsWith('.js') ? [[folder, name, file] as const] : [];
  });
});

describe('on a server', () => {
  it('finds the define modules of both sides and the masker among the exports', () => {
    const names = exported.map(([folder, name]) => `${folder} ${name}`);
    for (const name of ['agent ./define', 'customer ./define', 'masker ./define', 'masker ./card-masker'])
      expect(names).toContain(name);
  });

  it.each(exported)('imports %s %s (%s) without a DOM', async (folder, _name, file) => {
    const path = join(PACKAGES, folder, file);
    expect(existsSync(path), `${path} is missing: build first (npm run build)`).toBe(true);
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `const module = await import(${JSON.stringify(path)}); console.log(Object.keys(module).length);`,
    ]);
    // Each exports something: a module that loads but lost its exports would not be usable either.
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });
});
