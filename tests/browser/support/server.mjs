// A tiny static file server for the built site (web/dist), for the browser tests and
// scripts/serve.mjs. Listens on 127.0.0.1 only (tests: on a free port the OS picks; the
// test starts and stops it). Not a test file itself (node --test runs *.test.mjs only).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * The request handler: serves files under `root` (index.html for a folder), GET and HEAD
 * only, never outside `root`, precompressed (`name.br`, `name.gz`) where the browser accepts it; records "METHOD url" of each request in `requests` (if given).
 */
export function handler(root, requests, { cors = false } = {}) {
  const base = resolve(root);
  return async (req, res) => {
    requests?.push(`${req.method} ${req.url}`);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      let file = resolve(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      // A precompressed copy beside the file (web/finish.mjs), brotli first, when the
      // browser accepts it; the type stays the file's own.
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body = null;
      let encoding = null;
      for (const [token, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`(^|[,\\s])${token}($|[,;\\s])`).test(accepts)) continue;
        body = await readFile(file + ext).catch(() => null);
        if (body) {
          encoding = token;
          break;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const code = err?.code === 'ENOENT' || err?.code === 'EISDIR' ? 404 : 500;
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(code));
    }
  };
}

/**
 * Serves `root` on 127.0.0.1:<random port>; `cors: true` lets other origins read the files
 * (as <doudi-calculator> on a portal needs).
 * @returns {Promise<{ url: string, port: number, requests: string[], close(): Promise<void> }>}
 */
export async function serveDir(root, options) {
  const requests = [];
  const server = createServer(handler(root, requests, options));
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
