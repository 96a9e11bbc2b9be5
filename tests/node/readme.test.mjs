// The package README's example runs as written, against the installed package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageDir, prefix } from './helpers.mjs';

test('README: the example under "## Example" runs and prints what its comments say', () => {
  // The README as installed (npm pack ships it).
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const section = readme.split(/^## Example$/m)[1];
  assert.ok(section, 'README has an "## Example" section');
  const code = section.match(/^```js\n([\s\S]*?)^```$/m)?.[1];
  assert.ok(code, 'the section has a ```js block');

  // A file of its own in the install folder, so that `import 'doudi'` finds the package.
  const dir = mkdtempSync(join(prefix, 'readme-'));
  try {
    writeFileSync(join(dir, 'example.mjs'), code);
    const r = spawnSync(process.execPath, [join(dir, 'example.mjs')], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    // Every `console.log(…); // expected` in the example prints what its comment says.
    const promised = [...code.matchAll(/console\.log\(.*\); \/\/ (.*?)(?: \(.*\))?$/gm)].map((m) => m[1]);
    assert.ok(promised.length >= 2);
    for (const p of promised) assert.ok(lines.includes(p), `printed ${JSON.stringify(p)}; got:\n${r.stdout}`);
    assert.equal(lines[0], 'eligible 1530.00');
    assert.ok(lines.includes('members[0].agee - 不认识的字段“agee”（可能是拼写错误）'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
