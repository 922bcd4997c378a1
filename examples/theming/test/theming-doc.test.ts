// docs/theming.md shows examples/theming/theme.css as it is.
// To copy it again after changing the theme: CHATPAY_WRITE_DOCS=1 npx vitest run examples/theming
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DOC = new URL('../../../docs/theming.md', import.meta.url);
const THEME = new URL('../theme.css', import.meta.url);
const BEGIN = '<!-- theme.css: begin';
const END = '<!-- theme.css: end -->';

describe('docs/theming.md', () => {
  it('shows the worked example theme as it is', () => {
    const text = readFileSync(DOC, 'utf8');
    const begin = text.indexOf(BEGIN);
    expect(begin, 'the begin marker').toBeGreaterThanOrEqual(0);
    const start = text.indexOf('\n', begin) + 1;
    const end = text.indexOf(END, start);
    expect(end, 'the end marker').toBeGreaterThan(start);
    const shown = `\n\`\`\`css\n${readFileSync(THEME, 'utf8').trimEnd()}\n\`\`\`\n\n`;
    if (process.env.CHATPAY_WRITE_DOCS) writeFileSync(DOC, `${text.slice(0, start)}${shown}${text.slice(end)}`);
    else expect(text.slice(start, end)).toBe(shown);
  });
});
