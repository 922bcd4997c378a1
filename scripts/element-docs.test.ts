// The committed custom-elements manifests (from scripts/element-docs.mjs) against what the packages
// ship: every module they name is a file the build writes (build first: npx rollup -c
// rollup.config.mjs) and the package publishes, each define module says which tag it registers, every
// event names its detail type and the package exports it, and the schema accepts them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { manifestSources, moduleReferences, publishedModule } from './lib/elements-manifest.mjs';
import { manifestProblems } from './lib/manifest-schema.mjs';

/**
 * Elements that `define.js` leaves to be defined when first needed: the customer's card form, which the
 * payment request loads (`card-form.loader.ts`) when the form is to be shown, and the agent's card
 * viewer, which the status chip loads (`card-viewer.loader.ts`) once there is a card to view.
 */
const DEFINED_ON_DEMAND: readonly string[] = ['chatpay-card-form', 'chatpay-card-viewer'];

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['customer', 'agent', 'masker'] as const;

interface Reference {
  readonly name: string;
  readonly module?: string;
  readonly package?: string;
}
interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly superclass?: Reference;
  readonly events?: readonly { readonly name: string; readonly type?: { readonly text: string } }[];
}
interface Manifest {
  readonly modules: readonly {
    readonly path: string;
    readonly declarations?: readonly Declaration[];
    readonly exports?: readonly { readonly kind: string; readonly name: string; readonly declaration: Reference }[];
  }[];
}
interface PackageJson {
  readonly files: readonly string[];
  readonly exports: Record<string, { readonly types: string; readonly default?: string }>;
}

const read = <T>(path: string): T => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as T;
const manifestOf = (name: string) => read<Manifest>(`packages/${name}/custom-elements.json`);
const packageOf = (name: string) => read<PackageJson>(`packages/${name}/package.json`);
const declarationsOf = (manifest: Manifest) => manifest.modules.flatMap((module) => module.declarations ?? []);

/** The names a built module's declaration file exports (types included). */
function exportedNames(declarationFile: string): string[] {
  const program = ts.createProgram([declarationFile], { noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(declarationFile)!);
  return symbol ? checker.getExportsOfModule(symbol).map((exported) => exported.name) : [];
}

describe.each(PACKAGES)('the manifest of @chatpay/%s', (name) => {
  const manifest = manifestOf(name);
  const pkg = packageOf(name);

  it('passes the custom-elements-manifest schema', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('names only modules the build writes and the package publishes', () => {
    const references = moduleReferences(manifest);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference, 'a published path').toMatch(/^dist\/.+\.js$/);
      expect(pkg.files.some((folder) => reference.startsWith(`${folder}/`))).toBe(true);
      expect(existsSync(`${root}packages/${name}/${reference}`), `${reference} is built`).toBe(true);
    }
  });

  it('points each export at a built module that exports that name', () => {
    const references = manifest.modules.flatMap((module) => [
      ...(module.exports ?? []).map((entry) => entry.declaration),
      ...(module.declarations ?? []).map((declaration): Reference => ({ name: declaration.name, module: module.path })),
    ]);
    for (const reference of references.filter((reference) => !reference.package)) {
      const built = readFileSync(`${root}packages/${name}/${reference.module}`, 'utf8');
      const names = [...built.matchAll(/^export \{([^}]*)\}/gm)].flatMap((match) =>
        match[1]!.split(',').map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop(),
        ),
      );
      expect(names, `${reference.module} exports ${reference.name}`).toContain(reference.name);
    }
  });

  it("lists the package's elements and define modules, each one of its exports", () => {
    const exported = new Set(Object.values(pkg.exports).map((target) => target.default?.replace(/^\.\//, '')));
    const expected = manifestSources(`${root}packages/${name}`).map((file) => publishedModule(file, file));
    expect(manifest.modules.map((module) => module.path).sort()).toEqual(expected);
    for (const module of manifest.modules) expect(exported.has(module.path), module.path).toBe(true);
  });

  it('says which tags each define module registers: its own, and those of the define modules it imports', () => {
    const tags = declarationsOf(manifest).map((declaration) => declaration.tagName!);
    const defineModules = manifest.modules.filter((module) => /(^|[/.])define\.js$/.test(module.path));
    const definedBy = (path: string) =>
      (manifest.modules.find((module) => module.path === path)?.exports ?? []).filter(
        (entry) => entry.kind === 'custom-element-definition',
      );
    expect(defineModules.length).toBeGreaterThan(0);
    for (const module of defineModules) {
      const definitions = definedBy(module.path);
      expect(definitions.length, `${module.path} defines`).toBeGreaterThan(0);
      expect(new Set(definitions.map((definition) => definition.name)).size).toBe(definitions.length);
      for (const definition of definitions) {
        const declaring = manifest.modules.find((candidate) => candidate.path === definition.declaration.module);
        const declaration = declaring?.declarations?.find(
          (candidate) => candidate.name === definition.declaration.name,
        );
        expect(declaration?.tagName, `${module.path} ${definition.name}`).toBe(definition.name);
      }
    }
    // The package's define module registers every element but those its elements load on demand, and
    // each element is the first (its own call) of some define module.
    expect(
      definedBy('dist/define.js')
        .map((definition) => definition.name)
        .sort(),
    ).toEqual(tags.filter((tag) => !DEFINED_ON_DEMAND.includes(tag)).sort());
    for (const tag of tags) {
      expect(
        defineModules.some((module) => definedBy(module.path)[0]?.name === tag),
        tag,
      ).toBe(true);
    }
  });

  it('holds custom elements only, with their superclass named where it lives', () => {
    for (const declaration of declarationsOf(manifest)) {
      expect(declaration.customElement, declaration.name).toBe(true);
      const superclass = declaration.superclass!;
      expect(superclass.package ?? superclass.module, `${declaration.name}'s superclass`).toBeTruthy();
    }
  });

  it('types every event with its detail, which the package exports', () => {
    const exported = exportedNames(`${root}packages/${name}/dist/index.d.ts`);
    const events = declarationsOf(manifest).flatMap((declaration) => declaration.events ?? []);
    for (const event of events) {
      const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
      expect(detail, `${event.name}'s detail`).toBeDefined();
      if (/^[A-Z]/.test(detail!)) expect(exported, `${detail} exported by @chatpay/${name}`).toContain(detail);
    }
  });
});

describe('the schema check', () => {
  it('refuses a module without a path and an export that names no declaration', () => {
    const manifest = structuredClone(manifestOf('masker')) as unknown as {
      modules: { path?: string; exports: { declaration?: unknown }[] }[];
    };
    delete manifest.modules[0]!.exports[0]!.declaration;
    delete manifest.modules[1]!.path;
    const problems = manifestProblems(manifest);
    expect(problems).toContain("/modules/1: must have required property 'path'");
    expect(problems.some((problem) => problem.startsWith('/modules/0/exports/0'))).toBe(true);
  });

  it('finds the masker extending the browser’s HTMLElement', () => {
    expect(declarationsOf(manifestOf('masker'))[0]?.superclass).toEqual({ name: 'HTMLElement', package: 'global:' });
  });
});
