// One relay node as its own process, on the Redis store, for tests and measurements that kill a
// node for real. Configured by its environment; prints `listening <port>` once it takes upgrades.
//   CHATPAY_REDIS_URL, CHATPAY_PUBLIC_JWK (JSON), CHATPAY_ORIGIN, CHATPAY_NODE_ID, CHATPAY_LIMITS (JSON, optional)
import { createRelay, createRedisStore, silentLogger } from '../../src/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const store = await createRedisStore({ redis: env('CHATPAY_REDIS_URL') });
const relay = createRelay({
  tokenKeys: JSON.parse(env('CHATPAY_PUBLIC_JWK')) as Record<string, string>,
  allowedOrigins: [env('CHATPAY_ORIGIN')],
  allowMissingOrigin: true,
  store,
  nodeId: env('CHATPAY_NODE_ID'),
  logger: silentLogger,
  processMetrics: false,
  ...(process.env.CHATPAY_LIMITS ? { limits: JSON.parse(process.env.CHATPAY_LIMITS) as Record<string, number> } : {}),
});
const { port } = await relay.listen({ port: 0 });
process.stdout.write(`listening ${port}\n`);
process.on('SIGTERM', () => {
  void relay
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
