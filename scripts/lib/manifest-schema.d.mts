// Types of manifest-schema.mjs, for the TypeScript that reads it (scripts/element-docs.test.ts).
export function manifestProblems(manifest: unknown): string[];
