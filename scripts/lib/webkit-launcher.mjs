// WebKit for the element tests: Debian's WebKitGTK MiniBrowser, driven through WebKitWebDriver on a
// virtual display (Xvfb). The launcher starts both, each in a process group of its own, when the
// runner starts, and stops those groups (MiniBrowser and WebKit's own processes with them), by the
// process ids it started, when the runner stops, exits, or is ended by SIGTERM or SIGHUP.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (`-displayfd`) and resolves to that display's number. */
function startDisplay(xvfbPath, started) {
  const xvfb = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(xvfb);
  return new Promise((resolve, reject) => {
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${errors.trim()}`)));
    xvfb.stdio[3].once('data', (chunk) => resolve(Number(String(chunk).trim())));
  });
}

/** Waits until the WebDriver server at `port` answers its status endpoint. */
async function whenReady(port, driver, timeoutMs = 15000) {
  const giveUp = Date.now() + timeoutMs;
  while (Date.now() < giveUp) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

class WebKitLauncher extends WebdriverLauncher {
  /** @type {import('node:child_process').ChildProcess[]} */
  #started = [];
  #paths;

  constructor(paths) {
    super({
      hostname: '127.0.0.1',
      path: '/',
      port: 0,
      capabilities: { 'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] } },
    });
    this.#paths = paths;
  }

  async initialize(config) {
    process.once('exit', () => this.#stopProcesses());
    for (const signal of ['SIGTERM', 'SIGHUP']) {
      process.once(signal, () => {
        this.#stopProcesses();
        process.kill(process.pid, signal); // then end as the signal asked
      });
    }
    try {
      const display = await startDisplay(this.#paths.xvfb, this.#started);
      const port = await freePort();
      const driver = spawn(this.#paths.driver, [`--port=${port}`, '--host=127.0.0.1'], {
        env: { ...process.env, DISPLAY: `:${display}` },
        stdio: 'ignore',
        detached: true,
      });
      this.#started.push(driver);
      await whenReady(port, driver);
      this.options.port = port;
    } catch (error) {
      this.#stopProcesses();
      throw error;
    }
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    this.#stopProcesses();
  }

  /** Ends each process group started, newest first. */
  #stopProcesses() {
    for (const child of this.#started.splice(0).reverse()) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group has ended already
      }
    }
  }
}

/**
 * The WebKit launcher.
 * @param {{ driver: string, browser: string, xvfb: string }} paths  WebKitWebDriver, MiniBrowser, Xvfb
 */
export const webkitLauncher = (paths) => new WebKitLauncher(paths);
