// Types of elements-manifest.mjs, for the TypeScript that reads it (scripts/element-docs.test.ts).
export function manifestSources(packageDir: string): string[];
export function publishedModule(reference: string, from: string): string;
export function manifestOf(packageDir: string): unknown;
export function moduleReferences(manifest: unknown): string[];
