#!/usr/bin/env node
// Serves the built site (web/dist) at http://127.0.0.1:PORT (default 8080) with the right
// MIME types (application/wasm), using the browser tests' tiny static server.
//   node scripts/serve.mjs [PORT] [DIR]
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { handler } from '../tests/browser/support/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const dir = resolve(process.argv[3] ?? join(root, 'web', 'dist'));

const server = createServer(handler(dir, null));
server.on('error', (err) => {
  console.error(`serve: ${err.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dir} at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
});
