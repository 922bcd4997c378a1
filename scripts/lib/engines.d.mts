// Types of engines.mjs, for the TypeScript that reads it (test-support/chromium.ts).
export interface Engine {
  name: string;
  paths: string[];
  debian: string[];
}
export const ENGINES: Engine[];
export const FONTS: Engine;
export function selectedEngines(): Engine[];
export function pathOf(name: string, index?: number): string;
