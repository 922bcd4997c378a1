// Starts relay-node.ts as a child process (bundled from the sources with esbuild into a temporary
// file), and stops or kills it by process id.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { JWK } from 'jose';

let bundled: Promise<string> | undefined;

/** The node's script, bundled once per test run: its dependencies included, Node's own modules not. */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatpay-relay-node-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'relay-node.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./relay-node.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      alias: { '@chatpay/core': fileURLToPath(new URL('../../../core/src/index.ts', import.meta.url)) },
      // ws tries these optional native add-ons and does without them.
      external: ['bufferutil', 'utf-8-validate'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

export interface RelayProcess {
  readonly port: number;
  readonly pid: number;
  /** SIGKILL: the node dies at once, with whatever it had under way. */
  kill(): Promise<void>;
  /** SIGTERM: the node drains and closes. */
  stop(): Promise<void>;
}

export async function startRelayProcess(options: {
  readonly redisUrl: string;
  readonly publicJwk: JWK;
  readonly origin: string;
  readonly nodeId: string;
  readonly limits?: Record<string, number>;
}): Promise<RelayProcess> {
  const script = await bundle();
  const child: ChildProcess = spawn(process.execPath, [script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CHATPAY_REDIS_URL: options.redisUrl,
      CHATPAY_PUBLIC_JWK: JSON.stringify(options.publicJwk),
      CHATPAY_ORIGIN: options.origin,
      CHATPAY_NODE_ID: options.nodeId,
      ...(options.limits ? { CHATPAY_LIMITS: JSON.stringify(options.limits) } : {}),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`the relay node exited: ${errors.trim()}`)));
  });
  const signal = async (name: 'SIGKILL' | 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, name);
    await exited;
  };
  return { port, pid: child.pid!, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
