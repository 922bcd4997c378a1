// Prints the min+gzip bytes of each bundle ChatPay measures (scripts/lib/bundles.mjs), against its
// budget, with the minified bytes each package contributes.
//   node scripts/bench-sizes.mjs   (part of: npm run bench)
import { BUNDLES, CUSTOMER_LIBRARIES, SPLIT_PAGES, measure, measureSplit } from './lib/bundles.mjs';
import { HOW, SPLIT_HOW, sizeLine } from './lib/min-gzip.mjs';

console.log(`min+gzip bytes, ${HOW}; @chatpay packages from their sources`);
for (const bundle of BUNDLES) {
  const size = await measure(bundle);
  const verdict =
    bundle.budget === undefined
      ? ''
      : size.gzip <= bundle.budget
        ? `  within ${bundle.budget} B`
        : `  OVER ${bundle.budget} B`;
  console.log(`\n${sizeLine(bundle.name, size)}${verdict}`);
  for (const [name, bytes] of size.byPackage) {
    console.log(
      `    ${name.padEnd(28)} ${String(bytes).padStart(7)} min  ${((100 * bytes) / size.min).toFixed(1).padStart(5)} %`,
    );
  }
}

/** ` within N B` or ` OVER N B`. */
const verdictOf = (gzip, budget) => (gzip <= budget ? `  within ${budget} B` : `  OVER ${budget} B`);

for (const page of SPLIT_PAGES) {
  const size = await measureSplit(page);
  console.log(`\n${page.name}: ${SPLIT_HOW}`);
  console.log(
    `${sizeLine('  up front (the entry and its static imports)', size.upFront)}${verdictOf(size.upFront.gzip, page.upFrontBudget)}`,
  );
  console.log(
    `${sizeLine('  everything, once loaded on demand too', size.all)}${verdictOf(size.all.gzip, page.allBudget)}`,
  );
  for (const chunk of size.chunks) {
    // Hashes change with every edit: a chunk is named by its entry, or as shared.
    const name =
      chunk.file === 'stdin.js'
        ? 'entry'
        : chunk.file.startsWith('chunk-')
          ? 'shared chunk'
          : `${chunk.file.replace(/-[A-Z0-9]+\.js$/, '')} (on demand)`;
    console.log(sizeLine(`  ${chunk.upFront ? 'up front' : 'later'}: ${name}`, chunk));
    for (const [name, bytes] of chunk.byPackage) {
      console.log(`      ${name.padEnd(26)} ${String(bytes).padStart(7)} min`);
    }
  }
}

console.log('\nthe libraries the customer page needs, each alone:');
let floor = 0;
for (const library of CUSTOMER_LIBRARIES) {
  const size = await measure(library);
  floor += size.gzip;
  console.log(sizeLine(`  ${library.name}`, size));
}
console.log(`  together (sum of each alone)${String(floor).padStart(38)} gzip`);
