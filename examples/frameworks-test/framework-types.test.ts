// The generated framework types (packages/*/types, from scripts/element-docs.mjs), type-checked as an
// application would use them: through each package's `exports`, against its built `dist/` (build
// first: npx rollup -c rollup.config.mjs). Each consumer file uses every element correctly and marks
// what must be refused with `@ts-expect-error`, so a type gone missing or loose fails here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The compiler's complaints about `files` and about the generated types they load, one line each. */
function complaints(files: readonly string[]): string[] {
  const program = ts.createProgram(
    files.map((file) => `${root}${file}`),
    {
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      // The generated files are checked too; the libraries' own declarations are theirs.
      skipLibCheck: false,
    },
  );
  const ours = (file: ts.SourceFile) =>
    files.some((name) => file.fileName.endsWith(name)) || file.fileName.startsWith(`${root}packages/`);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program
      .getSourceFiles()
      .filter(ours)
      .flatMap((file) => program.getSemanticDiagnostics(file)),
    ...program
      .getSourceFiles()
      .filter(ours)
      .flatMap((file) => program.getSyntacticDiagnostics(file)),
  ];
  return diagnostics.map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.replace(root, '')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '';
    return `${where} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/** The files of a program that come from the generated types. */
function generatedTypesLoaded(files: readonly string[]): string[] {
  const program = ts.createProgram(
    files.map((file) => `${root}${file}`),
    {
      noEmit: true,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      module: ts.ModuleKind.ESNext,
      types: [],
    },
  );
  return program
    .getSourceFiles()
    .map((file) => file.fileName.replace(root, ''))
    .filter((file) => /^packages\/\w+\/types\//.test(file))
    .sort();
}

describe('generated framework types', () => {
  it('are checked against the built packages', () => {
    for (const name of ['agent', 'customer', 'masker']) {
      expect(
        existsSync(`${root}packages/${name}/dist/index.d.ts`),
        `build first: npx rollup -c rollup.config.mjs`,
      ).toBe(true);
    }
  });

  it('type React 19 JSX: every element, its props, attributes and handlers; wrong ones refused', () => {
    const files = ['examples/frameworks-test/types/react.tsx'];
    expect(generatedTypesLoaded(files)).toEqual(
      ['agent', 'customer', 'masker']
        .flatMap((name) => [`packages/${name}/types/jsx.d.ts`, `packages/${name}/types/react.d.ts`])
        .sort(),
    );
    expect(complaints(files)).toEqual([]);
  });

  it.each([
    ['Preact', 'preact.tsx', 'preact.d.ts'],
    ['Solid', 'solid.tsx', 'solid.d.ts'],
  ])('type %s JSX: every element, its props and handlers; wrong ones refused', (_framework, fixture, types) => {
    const files = [`examples/frameworks-test/types/${fixture}`];
    expect(generatedTypesLoaded(files)).toEqual(
      ['agent', 'customer', 'masker']
        .flatMap((name) => [`packages/${name}/types/jsx.d.ts`, `packages/${name}/types/${types}`])
        .sort(),
    );
    expect(complaints(files)).toEqual([]);
  });

  it("type Vue 3's GlobalComponents: every element's props and handlers; wrong ones refused", () => {
    const files = ['examples/frameworks-test/types/vue.ts'];
    expect(generatedTypesLoaded(files)).toEqual(
      ['agent', 'customer', 'masker'].map((name) => `packages/${name}/types/vue.d.ts`),
    );
    expect(complaints(files)).toEqual([]);
  });
});
