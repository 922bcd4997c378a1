// Serves a folder of built files over HTTP on this machine, for the examples' dist/ folders: ES modules
// do not load from file://, and this needs nothing but Node.
//   node scripts/serve.mjs <folder> [--port 4313] [--host 127.0.0.1]
// Only GET and HEAD; only files inside the folder (no `..`, no link that leads out of it); a folder's
// index.html for the folder; each file with its content type.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The content type of each kind of file an example's build writes, or a page might load. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** What a file of an unknown kind is served as: bytes, which a browser will not run as a script. */
const UNKNOWN_TYPE = 'application/octet-stream';

/** The content type for `path`, by its extension. */
export const contentTypeOf = (path) => CONTENT_TYPES[extname(path).toLowerCase()] ?? UNKNOWN_TYPE;

/** Whether `path` is `root` itself or inside it (both absolute, resolved). */
const isInside = (root, path) => {
  const rest = relative(root, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
};

/**
 * The file a request path names inside `root` (absolute, with links resolved), or the HTTP status
 * that refuses it: 400 for a path that is not a clean absolute path (bad percent-encoding, a NUL, a
 * backslash, a `..` segment), 404 for what is not a file inside the folder.
 */
export async function fileFor(root, requestPath) {
  let path;
  try {
    path = decodeURIComponent(requestPath);
  } catch {
    return { status: 400 };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return { status: 400 };
  if (path.split('/').some((segment) => segment === '..')) return { status: 400 };
  let realRoot;
  try {
    realRoot = await realpath(root);
  } catch {
    return { status: 404 }; // the folder went away while serving (a rebuild, a clean)
  }
  let file = resolve(realRoot, `.${path}`);
  if (!isInside(realRoot, file)) return { status: 400 };
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    // A link inside the folder may point out of it: only where it really leads counts.
    file = await realpath(file);
    if (!isInside(realRoot, file) || !(await stat(file)).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { status: 200, file };
}

/**
 * Starts serving `root`. `port` 0 picks a free port; `host` is this machine only unless told
 * otherwise. Resolves with the address and a function that stops the server.
 */
export async function serveFolder({ root, port = 4313, host = '127.0.0.1' }) {
  const folder = resolve(root);
  if (!(await stat(folder)).isDirectory()) throw new Error(`Not a folder: ${root}`);
  const server = createServer(async (request, response) => {
    const refuse = (status, text, headers = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405, 'Only GET and HEAD.', { allow: 'GET, HEAD' });
    }
    const target = request.url ?? '/';
    let found;
    try {
      found = await fileFor(folder, target.split(/[?#]/)[0]);
    } catch {
      return refuse(500, 'The server could not read the folder.');
    }
    if (found.status === 400) return refuse(400, 'Bad path.');
    if (found.status !== 200) return refuse(404, 'Not found.');
    response.writeHead(200, {
      'content-type': contentTypeOf(found.file),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(found.file)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    host: address.address,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '4313' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (positionals.length !== 1 || !/^\d+$/.test(values.port)) {
    console.error('Usage: node scripts/serve.mjs <folder> [--port 4313] [--host 127.0.0.1]');
    process.exit(2);
  }
  try {
    const { url } = await serveFolder({ root: positionals[0], port: Number(values.port), host: values.host });
    console.log(`Serving ${resolve(positionals[0])} on ${url}  (stop with Ctrl+C)`);
  } catch (error) {
    console.error(error.code === 'ENOENT' ? `No such folder: ${positionals[0]}` : error.message);
    process.exit(1);
  }
}
