// Run before a package is packed or published: stops `npm pack` and `npm publish`, which would ship the
// workspace's `workspace:*` dependency ranges as they are. `pnpm pack` and `pnpm publish` replace them
// with the packages' versions (docs/publishing.md). The tool is told by the path of the one running
// this script (`npm_execpath`), which each sets for itself.
import { basename } from 'node:path';

if (!/^pnpm(\.c?js)?$/.test(basename(process.env.npm_execpath ?? ''))) {
  console.error('ChatPay packages are packed and published with pnpm (`pnpm pack`, `pnpm publish`), which replaces');
  console.error(
    'their workspace:* dependencies with versions; npm would ship them unresolved. See docs/publishing.md.',
  );
  process.exit(1);
}
