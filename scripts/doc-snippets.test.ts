// The guides' code is the examples' code: each code block of a checked guide names the region of a
// file it is taken from (`<!-- from: <path>#<region> -->` just before it), and must be that region,
// dedented, character for character. The files are run by their own tests, so the guide cannot
// drift from code that works. Shell blocks are commands: each `node <file>` they run must exist. A
// text block after `<!-- output: <file> -->` is what that example's `runPayment` prints.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const GUIDES = ['docs/getting-started.md'];
const FROM = /^<!-- from: (\S+)#([\w-]+) -->$/;
const OUTPUT = /^<!-- output: (\S+) -->$/;

interface Block {
  readonly lang: string;
  readonly code: string;
  /** The `from:` (or `output:`) comment among the lines just before the block, if any. */
  readonly from: string | undefined;
  readonly line: number;
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let at = 0; at < lines.length; at++) {
    const open = /^```(\w*)$/.exec(lines[at]!);
    if (!open) continue;
    const end = lines.indexOf('```', at + 1);
    if (end === -1) throw new Error(`an unclosed code block at line ${at + 1}`);
    const before = lines.slice(Math.max(0, at - 2), at).find((line) => FROM.test(line) || OUTPUT.test(line));
    blocks.push({ lang: open[1]!, code: lines.slice(at + 1, end).join('\n'), from: before, line: at + 1 });
    at = end;
  }
  return blocks;
}

/** The lines between `#region name` and `#endregion name` (in any comment syntax), without their common indentation. */
function regionOf(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`#region ${name}$`).test(line.trim()));
  const end = lines.findIndex((line, index) => index > start && new RegExp(`#endregion ${name}$`).test(line.trim()));
  if (start === -1 || end === -1) throw new Error(`no region ${name}`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length));
  return body.map((line) => line.slice(indent)).join('\n');
}

describe.each(GUIDES)('%s', (guide) => {
  const blocks = blocksOf(readFileSync(guide, 'utf8'));

  it('has code blocks to check', () => {
    expect(blocks.filter((block) => block.from).length).toBeGreaterThan(3);
  });

  for (const block of blocks) {
    if (block.lang === 'sh') {
      it(`line ${block.line}: runs files that exist`, () => {
        for (const [, file] of block.code.matchAll(/\bnode (\S+\.mjs)/g)) expect(existsSync(file!), file).toBe(true);
      });
      continue;
    }
    const output = OUTPUT.exec(block.from ?? '');
    if (output) {
      it(`line ${block.line}: is what ${output[1]} prints`, async () => {
        const lines: string[] = [];
        const { runPayment } = (await import(`../${output[1]}`)) as {
          runPayment(print: (line: string) => void): Promise<unknown>;
        };
        await runPayment((line) => lines.push(line));
        expect(block.code).toBe(lines.join('\n'));
      });
      continue;
    }
    it(`line ${block.line}: is the region it names`, () => {
      expect(block.from, 'a code block without <!-- from: path#region -->').toBeDefined();
      const [, file, region] = FROM.exec(block.from!)!;
      expect(block.code).toBe(regionOf(readFileSync(file!, 'utf8'), region!));
    });
  }

  it('notices a block that differs from its region', () => {
    const text = 'a\n  // #region r\n  const x = 1;\n  // #endregion r\n';
    expect(regionOf(text, 'r')).toBe('const x = 1;');
    expect(regionOf(text, 'r')).not.toBe('const x = 2;');
    expect(() => regionOf(text, 'missing')).toThrow('no region missing');
  });
});
