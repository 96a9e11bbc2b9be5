// Shared by the tests of the npm package `doudi`. They run against the packed tarball as a user
// installs it: scripts/js-test.sh installs target/npm/doudi-<version>.tgz into a temporary
// folder and passes it as DOUDI_JS_PREFIX. DOUDI_CLI, when set, is the `doudi` binary, for
// checking that the JS API and the command line agree.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const prefix = process.env.DOUDI_JS_PREFIX;
export const cli = process.env.DOUDI_CLI || null;

if (!prefix) {
  throw new Error('DOUDI_JS_PREFIX is not set: run scripts/js-test.sh, which installs the packed package and sets it');
}

/** The installed package's folder (node_modules/doudi). */
export const packageDir = join(prefix, 'node_modules', 'doudi');

/** Imports the installed package the way `import 'doudi'` would from the install folder. */
export async function loadDoudi() {
  const require = createRequire(join(prefix, 'package.json'));
  return import(pathToFileURL(require.resolve('doudi')).href);
}

/** The contract's worked example: Tianjin, 2020-04-15, three people, counted income 1500. */
export function tianjinFamily() {
  return {
    jurisdiction: 'tianjin',
    as_of: '2020-04-15',
    members: [
      { relation: 'self', age: 45, monthly_income: '1500' },
      { relation: 'spouse', age: 43 },
      { relation: 'child', age: 12 },
    ],
  };
}

/** A one-person household with `member` merged into its member and `top` into the household. */
export function household(member = {}, top = {}) {
  return { jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ age: 40, ...member }], ...top };
}

/** Runs `doudi ARGS…` with `input` on stdin: { status, stdout, stderr }. */
export function runCli(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

export { execFileSync };
