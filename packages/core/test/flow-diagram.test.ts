// The state diagram in docs/flow.md is drawn from the machine itself: this test fails when they differ.
// To redraw it after changing the machine: CHATPAY_WRITE_DOCS=1 npx vitest run packages/core/test/flow-diagram.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paymentRequestMachine } from '@chatpay/core';

const DOC = new URL('../../../docs/flow.md', import.meta.url);
const BEGIN = '```mermaid';
const END = '```';

interface Node {
  readonly key: string;
  readonly type: string;
  readonly always?: readonly Transition[];
  readonly transitions: Map<string, readonly Transition[]>;
}
interface Transition {
  readonly target?: readonly Node[];
  readonly guard?: { readonly type?: string } | string;
}

/** An event's name as a person reads it: the invoked actor's outcome, or the event type. */
function label(event: string, transition: Transition): string {
  const outcome = /^xstate\.(done|error)\.actor\.\d+\.paymentRequest\.(\w+)/.exec(event);
  const invoked = /^xstate\.(done|error)\.actor\.(.+)$/.exec(event);
  const name = outcome ? `${outcome[1]}` : invoked ? `${invoked[1]}` : event;
  const guard = typeof transition.guard === 'string' ? transition.guard : transition.guard?.type;
  return guard ? `${name} [${guard}]` : name;
}

/** The machine as a Mermaid state diagram: one line per distinct transition between top-level states. */
export function diagram(): string {
  const states = Object.values(paymentRequestMachine.root.states) as unknown as Node[];
  const lines = new Set<string>(['stateDiagram-v2', '  [*] --> start']);
  for (const state of states) {
    const edges: [string, Transition][] = [
      ...(state.always ?? []).map((transition) => ['always', transition] as [string, Transition]),
      ...[...state.transitions].flatMap(([event, list]) =>
        list.map((transition) => [event, transition] as [string, Transition]),
      ),
    ];
    for (const [event, transition] of edges) {
      for (const target of transition.target ?? []) {
        const text = event === 'always' ? label('', transition).trim() : label(event, transition);
        lines.add(`  ${state.key} --> ${target.key}${text ? `: ${text}` : ''}`);
      }
    }
    if (state.type === 'final') lines.add(`  ${state.key} --> [*]`);
  }
  return [...lines].join('\n');
}

describe('docs/flow.md', () => {
  it('draws the machine as it is', () => {
    const text = readFileSync(DOC, 'utf8');
    const start = text.indexOf(BEGIN) + BEGIN.length + 1;
    const end = text.indexOf(END, start);
    const drawn = diagram();
    if (process.env.CHATPAY_WRITE_DOCS) writeFileSync(DOC, `${text.slice(0, start)}${drawn}\n${text.slice(end)}`);
    else expect(text.slice(start, end).trimEnd()).toBe(drawn);
  });
});
