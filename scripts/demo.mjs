// The demo (examples/demo: agent console and customer chat side by side over a local relay) is not
// built yet. This says so plainly instead of failing obscurely.
console.log('The ChatPay demo is not available yet.');
console.log('Until it is, the whole flow runs in a terminal:');
console.log('  npx pnpm@10.34.8 build && node examples/node-flow/flow.mjs');
process.exitCode = 1;
