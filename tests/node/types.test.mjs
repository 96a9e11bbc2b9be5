// The TypeScript declarations (generated from the Rust types) type-check a program that uses
// them, and reject what the contract rejects: `tsc --noEmit` on typecheck/*.ts, compiled
// against the installed package as a user's project would be.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { prefix } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = resolve(here, '../../node_modules/.bin/tsc');

test('tsc --noEmit: the declarations type-check an example program, strictly', () => {
  const dir = mkdtempSync(join(prefix, 'ts-'));
  try {
    const files = readdirSync(join(here, 'typecheck')).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('example.ts'));
    for (const f of files) copyFileSync(join(here, 'typecheck', f), join(dir, f));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom'],
          types: [],
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
        },
        files,
      }),
    );
    // A module project, like the package.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    const r = spawnSync(tsc, ['-p', dir], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
