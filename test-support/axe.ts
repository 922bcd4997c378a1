// axe-core over the page as it is now, through shadow roots: every rule axe runs by default (WCAG
// 2.0–2.2 A and AA, and its best practices) and 2.2's target size, which axe leaves off by default.
import axe from 'axe-core';
import { checkEqual } from './check.js';

/** No axe violations in the page as it is now (`state` names it in the failure). */
export async function accessible(state: string): Promise<void> {
  const result = await axe.run(document.body, { rules: { 'target-size': { enabled: true } } });
  checkEqual(
    result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`),
    [],
    `axe, ${state}`,
  );
}
