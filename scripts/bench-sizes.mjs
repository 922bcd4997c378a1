// Prints the min+gzip bytes of each bundle ChatPay measures (scripts/lib/bundles.mjs), against its
// budget, with the minified bytes each package contributes.
//   node scripts/bench-sizes.mjs   (part of: npm run bench)
import { BUNDLES, CUSTOMER_LIBRARIES, measure } from './lib/bundles.mjs';
import { HOW, sizeLine } from './lib/min-gzip.mjs';

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

console.log('\nthe libraries the customer page needs, each alone:');
let floor = 0;
for (const library of CUSTOMER_LIBRARIES) {
  const size = await measure(library);
  floor += size.gzip;
  console.log(sizeLine(`  ${library.name}`, size));
}
console.log(`  together (sum of each alone)${String(floor).padStart(38)} gzip`);
