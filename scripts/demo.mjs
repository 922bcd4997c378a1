// The demo (examples/demo: agent console and customer chat side by side over a local relay) is not
// built yet. This says so plainly instead of failing obscurely.
console.log('The ChatPay demo is not available yet.');
console.log('Until it is, `npm test` runs the whole flow between an agent and a customer session;');
console.log('see packages/core/test/sessions.test.ts for the flow step by step.');
process.exitCode = 1;
