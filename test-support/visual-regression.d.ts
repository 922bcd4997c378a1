// @web/test-runner-visual-regression 0.10 types its entry as a re-export of `browser/commands.mjs`,
// which has no `.d.mts` beside it; this is that file's declaration.
declare module '@web/test-runner-visual-regression' {
  /** Compares a screenshot of `element` with the baseline called `name` (see web-test-runner.config.mjs). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
