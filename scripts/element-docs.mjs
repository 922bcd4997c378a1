// The elements' API, from their sources: a custom-elements manifest per package (for editors and other
// software, checked against the format's schema), framework types generated from it (each package's
// `types/`: React, Preact, Solid, Vue) and docs/elements.md (for people), so that none of them can drift
// from the code. scripts/lib/elements-manifest.mjs makes the manifests, scripts/lib/framework-types.mjs
// the types.
//   node scripts/element-docs.mjs          writes them
//   node scripts/element-docs.mjs --check  fails if what is committed differs, or a manifest breaks the schema
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { manifestOf } from './lib/elements-manifest.mjs';
import { manifestProblems } from './lib/manifest-schema.mjs';
import { frameworkTypes } from './lib/framework-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The element packages. */
export const ELEMENT_PACKAGES = ['customer', 'agent', 'masker'];

/** How to use the generated framework types: the intro's second part. */
const FRAMEWORKS = [
  '## Types for frameworks',
  'Each element package ships types generated from its manifest, in `types/`, as types-only entry points: `@chatpay/customer/react`, `/preact`, `/solid`, `/vue` and `/jsx` (the same for `@chatpay/agent` and `@chatpay/masker`). Load the ones the application uses once, in any file the compiler reads (or list them in `compilerOptions.types`):',
  "```ts\nimport type {} from '@chatpay/agent/react';\nimport type {} from '@chatpay/customer/react';\n```",
  [
    "- **React 19** sets a custom element's properties (objects included) and listens to its events with `on` and the event's exact name: `<chatpay-request-composer session={agent} onchatpay-request-sent={(event) => event.detail.requestId} />`. The types check each property, attribute and handler (`event.detail` is the event's detail type, `event.target` the element) and refuse unknown `chatpay-` tags. React 18 and earlier do neither: reach the elements there through a ref.",
    '- **Preact** (`/preact`) takes the same names as React.',
    '- **Solid** (`/solid`): `prop:request={request}` for a property, `attr:postal-code` for an attribute, `on:chatpay-card-sealed={handler}` for an event.',
    "- **Vue 3** (`/vue`): every element is a typed global component (`GlobalComponents`) for templates checked by vue-tsc; a handler is `@chatpay-card-sealed` in a template and `onChatpayCardSealed` in a render function. Tell Vue's template compiler that the tags are custom elements, or it looks for components of those names: `compilerOptions: { isCustomElement: (tag) => tag.startsWith('chatpay-') }` (in `@vitejs/plugin-vue`'s `template` options, or `app.config.compilerOptions` when templates are compiled in the browser).",
    '- **Other JSX libraries** (Stencil, Qwik…) extend their `JSX.IntrinsicElements` with `CustomElements` from `/jsx`.',
    '- **Svelte** takes the tags as they are, without checking their props: no Svelte types are generated.',
  ].join('\n'),
].join('\n\n');

const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function elementSection(packageName, declaration) {
  const fields = declaration.members.filter((member) => member.kind === 'field');
  const attributes = declaration.attributes ?? [];
  const parts = [
    `## \`<${declaration.tagName}>\``,
    `\`@chatpay/${packageName}\` · class \`${declaration.name}\``,
    declaration.description,
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((field) => [
        code(field.name),
        code(field.attribute ?? attributes.find((attribute) => attribute.fieldName === field.name)?.name),
        code(field.type?.text),
        code(field.default),
        cell(field.description),
      ]),
    ),
    table(
      ['attribute', 'description'],
      attributes
        .filter((attribute) => !attribute.fieldName && !fields.some((field) => field.attribute === attribute.name))
        .map((attribute) => [code(attribute.name), cell(attribute.description)]),
    ),
    table(
      ['event', 'type', 'description'],
      (declaration.events ?? []).map((event) => [code(event.name), code(event.type?.text), cell(event.description)]),
    ),
    table(
      ['slot', 'description'],
      (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
    ),
    table(
      ['part', 'description'],
      (declaration.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
    ),
    table(
      ['CSS custom property', 'description'],
      (declaration.cssProperties ?? []).map((property) => [code(property.name), cell(property.description)]),
    ),
  ];
  return parts.filter(Boolean).join('\n\n');
}

/** docs/elements.md from `[package name, manifest]` pairs: the intro, then a section per element. */
export async function elementDocs(manifests) {
  const sections = [];
  for (const [name, manifest] of manifests) {
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.customElement || declaration.tagName) sections.push(elementSection(name, declaration));
      }
    }
  }
  const text = [
    '# Elements',
    "<!-- Generated by `node scripts/element-docs.mjs` from the elements' sources; do not edit by hand. -->",
    "Every ChatPay element, its properties (objects such as sessions and requests are set as properties, never attributes), attributes, events, slots, parts and CSS custom properties. Every element also reads the shared tokens described in [theming](theming.md). The same facts are in each package's `custom-elements.json`, for editors and other software: its modules are the published files (`dist/….js`), each define module lists the tags that importing it registers, and each event names its type (`CustomEvent<Detail>`, the detail type exported by the package).",
    FRAMEWORKS,
    ...sections,
  ].join('\n\n');
  return prettier.format(text, { ...(await prettier.resolveConfig(`${root}docs/elements.md`)), parser: 'markdown' });
}

/** Every generated file, by path from the repository's root, and the manifests' schema problems. */
export async function generate() {
  const files = new Map();
  const problems = [];
  const manifests = [];
  for (const name of ELEMENT_PACKAGES) {
    const dir = `${root}packages/${name}`;
    const manifest = manifestOf(dir);
    manifests.push([name, manifest]);
    problems.push(...manifestProblems(manifest).map((problem) => `packages/${name}/custom-elements.json ${problem}`));
    files.set(`packages/${name}/custom-elements.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    const types = await frameworkTypes(manifest, { root, packageName: `@chatpay/${name}` });
    for (const [file, text] of Object.entries(types)) files.set(`packages/${name}/types/${file}`, text);
  }
  files.set('docs/elements.md', await elementDocs(manifests));
  return { files, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, problems } = await generate();
  const check = process.argv.includes('--check');
  for (const problem of problems) console.error(`invalid manifest: ${problem}`);
  let stale = 0;
  for (const [path, text] of files) {
    if (check) {
      let current = '';
      try {
        current = readFileSync(`${root}${path}`, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) {
        console.error(`${path} is out of date: run node scripts/element-docs.mjs`);
        stale += 1;
      }
    } else {
      mkdirSync(dirname(`${root}${path}`), { recursive: true });
      writeFileSync(`${root}${path}`, text);
      console.log(`wrote ${path}`);
    }
  }
  process.exitCode = stale || problems.length ? 1 : 0;
}
