// Checks a custom-elements manifest against the format's official JSON schema (the schema.json that
// the `custom-elements-manifest` package publishes), with Ajv.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('custom-elements-manifest'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** What is wrong with `manifest` against the schema, one line each (`/modules/0/…: must have …`); none when valid. */
export function manifestProblems(manifest) {
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}
