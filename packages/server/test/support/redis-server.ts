// A real redis-server for tests: Debian's, on a free loopback port, in a directory of its own,
// started and stopped by process id.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/**
 * Whether the Redis tests can run here. Without redis-server they are skipped, saying so, except
 * in CI, where they must run (and so fail loudly if it is missing).
 */
export function redisAvailability(): { readonly run: boolean; readonly why: string } {
  if (existsSync(REDIS_SERVER)) return { run: true, why: '' };
  if (process.env.CI) return { run: true, why: '' };
  return {
    run: false,
    why: `${REDIS_SERVER} is not installed (Debian: apt-get install redis-server; node scripts/bootstrap.mjs does it as root)`,
  };
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Answers once the server says PONG to a raw PING. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.once('error', () => resolve(false));
    socket.on('data', (chunk) => {
      reply += String(chunk);
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.write('PING\r\n');
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly pid: number | undefined;
  /** Stops it by its process id: SIGTERM (a clean shutdown) or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and directory (with AOF, it reloads what it had). */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

/**
 * Starts redis-server. `persistence: 'aof'` writes every command to an append-only file, fsynced on
 * each write, so a restart reloads everything acknowledged; `'none'` keeps nothing across restarts.
 */
export async function startRedisServer(options: { readonly persistence?: 'aof' | 'none' } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'chatpay-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--loglevel',
    'warning',
    ...(options.persistence === 'aof' ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let failure = '';
    started.stderr?.on('data', (chunk) => (failure += String(chunk)));
    const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    child = started;
    for (let round = 0; round < 200; round++) {
      if (await pings(port)) return;
      if (started.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    started.kill('SIGKILL');
    await exited;
    throw new Error(`redis-server did not start on port ${port}: ${failure.trim()}`);
  };
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    process.kill(running.pid, signal);
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    dispose: async () => {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
