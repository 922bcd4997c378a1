// The examples' static server: files of the folder only, each with its content type.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { serveFolder } from './serve.mjs';

interface Served {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const SECRET = 'the secret next to the folder';
let place: string;
let server: Served;

beforeAll(async () => {
  place = mkdtempSync(join(tmpdir(), 'chatpay-serve-'));
  const root = join(place, 'dist');
  mkdirSync(join(root, 'nested'), { recursive: true });
  writeFileSync(join(place, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>root</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, 'chatpay.mjs'), 'export {};');
  writeFileSync(join(root, 'style.css'), 'body {}');
  writeFileSync(join(root, 'app.js.map'), '{}');
  writeFileSync(join(root, 'data.json'), '{}');
  writeFileSync(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'blob.xyz'), 'bytes');
  writeFileSync(join(root, '..notes'), 'a name that starts with two dots');
  writeFileSync(join(root, 'nested', 'index.html'), '<!doctype html><title>nested</title>');
  symlinkSync(join(place, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(place, join(root, 'folder-out'));
  server = (await serveFolder({ root, port: 0 })) as Served;
});

afterAll(async () => {
  await server?.close();
  rmSync(place, { recursive: true, force: true });
});

/** A request with `path` sent exactly as written (fetch would tidy `..` away first). */
function raw(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port: server.port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
      );
    });
    sent.on('error', fail);
    sent.end();
  });
}

describe('node scripts/serve.mjs <folder>', () => {
  it('listens on this machine only unless told otherwise', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', '<title>root</title>'],
    ['/index.html', 'text/html; charset=utf-8', '<title>root</title>'],
    ['/index.html?v=2', 'text/html; charset=utf-8', '<title>root</title>'],
    ['/nested/', 'text/html; charset=utf-8', '<title>nested</title>'],
    ['/nested', 'text/html; charset=utf-8', '<title>nested</title>'],
    ['/app.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['/chatpay.mjs', 'text/javascript; charset=utf-8', 'export {};'],
    ['/style.css', 'text/css; charset=utf-8', 'body {}'],
    ['/app.js.map', 'application/json; charset=utf-8', '{}'],
    ['/data.json', 'application/json; charset=utf-8', '{}'],
    ['/logo.svg', 'image/svg+xml', '<svg'],
    ['/blob.xyz', 'application/octet-stream', 'bytes'],
    ['/..notes', 'application/octet-stream', 'two dots'],
  ])('serves %s as %s', async (path, type, content) => {
    const answer = await raw(path);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe(type);
    expect(answer.body).toContain(content);
  });

  it('says nosniff, so a browser keeps to the content type', async () => {
    const response = await fetch(`${server.url}app.js`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    '/../secret.txt',
    '/nested/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/nested/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%00/../secret.txt',
    '/index.html%00.js',
    '/%zz',
    'secret.txt',
    'http://127.0.0.1/../secret.txt',
  ])('refuses %s, a way out of the folder or not a clean path (400)', async (path) => {
    const answer = await raw(path);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain(SECRET);
  });

  it.each(['/link-out.txt', '/folder-out/secret.txt', '/folder-out/', '/missing.js', '/nested/missing/'])(
    'answers 404 for %s: a link that leads out of the folder, or nothing there',
    async (path) => {
      const answer = await raw(path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    },
  );

  it('answers HEAD without a body and refuses every other method', async () => {
    const head = await raw('/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.type).toBe('text/javascript; charset=utf-8');
    expect(head.body).toBe('');
    const post = await raw('/app.js', 'POST');
    expect(post.status).toBe(405);
    expect(post.body).not.toContain('export');
  });

  it('answers 404 and keeps serving when the folder goes away under it', async () => {
    const gone = mkdtempSync(join(tmpdir(), 'chatpay-serve-gone-'));
    writeFileSync(join(gone, 'index.html'), 'here');
    const other = (await serveFolder({ root: gone, port: 0 })) as Served;
    try {
      rmSync(gone, { recursive: true, force: true });
      const first = await fetch(`${other.url}index.html`);
      expect(first.status).toBe(404);
      expect((await fetch(other.url)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('refuses to start on something that is not a folder', async () => {
    await expect(serveFolder({ root: join(place, 'secret.txt'), port: 0 })).rejects.toThrow('Not a folder');
    await expect(serveFolder({ root: join(place, 'nowhere'), port: 0 })).rejects.toThrow();
  });
});
