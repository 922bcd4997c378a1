// `npm start`: the ChatPay demo, agent console and customer chat side by side, over a local relay.
//   node scripts/demo.mjs [--port 4310] [--relay-port 4311]
import { parseArgs } from 'node:util';
import { startDemo } from '../examples/demo/server.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4310' }, 'relay-port': { type: 'string', default: '4311' } },
});
const demo = await startDemo({ port: Number(values.port), relayPort: Number(values['relay-port']) });
console.log(`ChatPay demo: ${demo.url}/`);
console.log(`  agent console alone: ${demo.url}/agent.html   customer chat alone: ${demo.url}/customer.html`);
console.log(`  relay: ws://127.0.0.1:${demo.relay.port} (every frame it passes on is printed below)`);
console.log('Stop with Ctrl+C.');
