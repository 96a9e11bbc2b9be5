// A second origin for the embedding tests: serves public/examples/ as a portal would, on
// its own 127.0.0.1 port, with `https://doudi.example` in its pages replaced by the doudi
// test server's origin, and /doudi-frame.js the copy from web/dist (a portal hosts its own
// copy, so its CSP keeps script-src 'self').
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

import { MIME } from './server.mjs';
import { DIST, ROOT } from './site.mjs';

export const EXAMPLES = join(ROOT, 'public', 'examples');

/** Serves the examples on 127.0.0.1:<random port>, pointing at `doudiOrigin`. */
export async function servePortal(doudiOrigin) {
  const requests = [];
  const base = resolve(EXAMPLES);
  const server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file =
        pathname === '/doudi-frame.js' ? join(DIST, 'doudi-frame.js') : resolve(join(base, pathname));
      if (file !== join(DIST, 'doudi-frame.js') && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = Buffer.from(body.toString('utf8').replaceAll('https://doudi.example', doudiOrigin));
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
