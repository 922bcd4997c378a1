// One package's custom-elements manifest, from its sources: every `*.element.ts` (the elements' API,
// from their JSDoc and Lit properties) and every define module (which tag each registers), analysed by
// @custom-elements-manifest/analyzer and then corrected where the analyzer cannot know better:
// - every module reference names the published file (`dist/….js`), whatever form the analyzer gave it
//   (`src/x.ts`, `/src/x.js`, `./x.js` relative to the module);
// - a define module lists every tag that importing it defines, also through the define modules it imports;
// - an export names the module that declares the class, not the define module that re-exports it;
// - exports of types only (interfaces, `export type`) are left out: they are not JavaScript exports;
// - members are only what the class declares (not what its constructor sets on other objects);
// - a superclass that is the browser's own (`HTMLElement`) is marked `global:`.
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

/** `src/…` paths of the files the manifest is made from: elements and define modules. */
export function manifestSources(packageDir) {
  return readdirSync(`${packageDir}/src`, { recursive: true })
    .map(String)
    .filter((file) => /(^|[/.])(element|define)\.ts$/.test(file))
    .map((file) => `src/${file}`)
    .sort();
}

/** The published path of a module reference made from the module at `from` (`dist/….js`). */
export function publishedModule(reference, from) {
  const path = reference.startsWith('/')
    ? reference.slice(1)
    : reference.startsWith('.')
      ? posix.join(posix.dirname(from), reference)
      : reference;
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Names a source file exports as types only (`export interface`, `export type`, `export { type X }`). */
function typeOnlyExports(source) {
  const names = new Set();
  const exported = (node) => node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && exported(statement)) {
      names.add(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const specifier of statement.exportClause.elements) {
        if (statement.isTypeOnly || specifier.isTypeOnly) names.add(specifier.name.text);
      }
    }
  }
  return names;
}

/** For each class in a source file, the names of the members it declares. */
function declaredMembers(source) {
  const classes = new Map();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const names = new Set();
    for (const member of statement.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) names.add(member.name.text);
    }
    classes.set(statement.name.text, names);
  }
  return classes;
}

/** The published paths of the define modules a source file imports or re-exports (`./x.define.js`). */
function importedDefineModules(source) {
  return source.statements
    .filter((statement) => ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))
    .map((statement) => statement.moduleSpecifier?.text)
    .filter((specifier) => specifier?.startsWith('.') && /(^|[/.])define\.js$/.test(specifier))
    .map((specifier) => publishedModule(specifier, source.fileName));
}

/**
 * Adds to each define module the definitions of the tags it registers through the define modules it
 * imports (`define.js` registers every element; `status-chip.define.js` the card viewer too), after
 * its own: what importing it defines.
 */
function addImportedDefinitions(manifest, sources) {
  const modules = new Map(manifest.modules.map((module) => [module.path, module]));
  const imports = new Map(
    sources.map((source) => [publishedModule(source.fileName, source.fileName), importedDefineModules(source)]),
  );
  const definitionsOf = (path, seen = new Set()) => {
    if (seen.has(path)) return [];
    seen.add(path);
    const own = (modules.get(path)?.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition');
    return [...own, ...(imports.get(path) ?? []).flatMap((imported) => definitionsOf(imported, seen))];
  };
  for (const module of manifest.modules) {
    const tags = new Set();
    const added = [];
    for (const definition of definitionsOf(module.path)) {
      if (tags.has(definition.name)) continue;
      tags.add(definition.name);
      if (!module.exports?.includes(definition)) added.push(structuredClone(definition));
    }
    if (added.length > 0) module.exports = [...(module.exports ?? []), ...added];
  }
}

/** Rewrites every `module` field under `node` as a published path, relative to the module at `from`. */
function publishReferences(node, from) {
  if (Array.isArray(node)) {
    for (const item of node) publishReferences(item, from);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string') node.module = publishedModule(value, from);
      else publishReferences(value, from);
    }
  }
}

/** The corrected manifest of the package in `packageDir`. */
export function manifestOf(packageDir) {
  const sources = manifestSources(packageDir).map((file) =>
    ts.createSourceFile(file, readFileSync(`${packageDir}/${file}`, 'utf8'), ts.ScriptTarget.ES2022, true),
  );
  const manifest = create({ modules: sources, plugins: [...litPlugin()] });
  const bySource = new Map(sources.map((source) => [source.fileName, source]));

  /** Where each class is declared, by name (published path). */
  const declaredIn = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      declaredIn.set(declaration.name, publishedModule(module.path, module.path));
    }
  }

  for (const module of manifest.modules) {
    const source = bySource.get(module.path);
    const typesOnly = typeOnlyExports(source);
    const members = declaredMembers(source);
    publishReferences(module, module.path);
    module.path = publishedModule(module.path, module.path);

    for (const declaration of module.declarations ?? []) {
      const own = members.get(declaration.name) ?? new Set();
      // What the class declares and shows: not private fields (#x), statics, or what the analyzer
      // took from assignments in the constructor to other objects.
      declaration.members = (declaration.members ?? []).filter(
        (member) =>
          own.has(member.name) && member.privacy !== 'private' && !member.name.startsWith('#') && !member.static,
      );
      const superclass = declaration.superclass;
      if (superclass && !superclass.package && !superclass.module && /^HTML\w*Element$/.test(superclass.name)) {
        declaration.superclass = { name: superclass.name, package: 'global:' };
      }
    }

    module.exports = (module.exports ?? [])
      .filter((entry) => entry.kind !== 'js' || !typesOnly.has(entry.name))
      .map((entry) => {
        const home = declaredIn.get(entry.declaration.name);
        return home && !entry.declaration.package
          ? { ...entry, declaration: { name: entry.declaration.name, module: home } }
          : entry;
      });
  }
  addImportedDefinitions(manifest, sources);
  return manifest;
}

/** Every module reference in a manifest (module paths and `module` fields), to check against what is built. */
export function moduleReferences(manifest) {
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'module' || key === 'path') && typeof value === 'string') found.add(value);
        else visit(value);
      }
    }
  };
  for (const module of manifest.modules) visit(module);
  return [...found].sort();
}
