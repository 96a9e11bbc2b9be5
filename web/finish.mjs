#!/usr/bin/env node
// The last touches of a build (web/post-build.sh, run by Trunk in its staging directory):
//   node finish.mjs index.html NAME.wasm   the boot <style>'s sha256 into the CSP in place
//                                          of 'sha256-__BOOT_CSS__', and the wasm's raw
//                                          size into <meta name="doudi-app" data-wasm-size>
//                                          (and its comments left out: the first load counts
//                                          its bytes; the stylesheets it links are minified
//                                          by lightningcss, their integrity="sha384-…" rewritten
//                                          to match, and of the scripts it names with an
//                                          integrity, init.js and the wasm-bindgen loader,
//                                          minified by terser, their integrity rewritten)
//   node finish.mjs --strip FILE...        the whole-line // comments of scripts the first
//                                          load fetches under their own names (sw.js, the
//                                          embed loaders) left out; the sources keep them
//   node finish.mjs --compress DIR         NAME.br (brotli 11) and NAME.gz (gzip 9) beside
//                                          every .html, .js, .css, .wasm, .json, .svg in DIR
//                                          (not the tree below), when it saves bytes
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'lightningcss';
import { minify } from 'terser';

const [first, second] = process.argv.slice(2);

if (first === '--strip') {
  for (const file of process.argv.slice(3)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.split('\n').filter((line) => !/^\s*\/\/(?!#)/.test(line)).join('\n'));
  }
} else if (first === '--compress') {
  const dir = second ?? '.';
  for (const name of readdirSync(dir)) {
    if (!/\.(html|js|mjs|css|wasm|json|svg)$/.test(name)) continue;
    const file = join(dir, name);
    const data = readFileSync(file);
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    const gz = gzipSync(data, { level: 9 });
    if (br.length < data.length) writeFileSync(`${file}.br`, br);
    if (gz.length < data.length) writeFileSync(`${file}.gz`, gz);
  }
} else {
  const [html, wasm] = [first, second];
  let text = readFileSync(html, 'utf8').replace(/\s*<!--[\s\S]*?-->/g, '');
  const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  if (styles.length !== 1) fail(`${html}: expected one <style>, found ${styles.length}`);
  const hash = createHash('sha256').update(styles[0][1], 'utf8').digest('base64');
  if (!text.includes("'sha256-__BOOT_CSS__'")) fail(`${html}: no 'sha256-__BOOT_CSS__' in its CSP`);
  text = text.replace("'sha256-__BOOT_CSS__'", `'sha256-${hash}'`);
  const meta = /<meta name="doudi-app"[^>]*?(\s*\/?>)/;
  if (!meta.test(text)) fail(`${html}: no <meta name="doudi-app">`);
  const size = statSync(wasm).size;
  text = text.replace(meta, (tag, end) => `${tag.slice(0, -end.length)} data-wasm-size="${size}"${end}`);
  text = text.replace(/<link rel="stylesheet" href="([^"]+)" integrity="sha384-[^"]+"/g, (_, href) => {
    const css = join(dirname(html), basename(href));
    // lightningcss: comments and whitespace out, rules written short (about 200 bytes
    // brotli less than the comments alone); no browser targets, so nothing is prefixed.
    const stripped = transform({ filename: basename(css), code: readFileSync(css), minify: true }).code.toString('utf8');
    writeFileSync(css, stripped);
    const sri = createHash('sha384').update(stripped, 'utf8').digest('base64');
    return `<link rel="stylesheet" href="${href}" integrity="sha384-${sri}"`;
  });
  // The scripts it names with an integrity (init.js, the wasm-bindgen loader): minified
  // (terser: no comments, names shortened, code compressed), the integrity rewritten to match.
  const minified = new Map();
  const tags = [...text.matchAll(/<(?:script|link)\b[^>]*\bintegrity="sha384-[^"]+"[^>]*>/g)].map((m) => m[0]);
  for (const tag of tags) {
    const href = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if (!href) continue;
    if (!minified.has(href)) {
      const js = join(dirname(html), basename(href));
      const out = await minify(readFileSync(js, 'utf8'), { module: true, compress: true, mangle: true, format: { comments: false } });
      if (typeof out.code !== 'string' || out.code.length === 0) fail(`${js}: terser wrote nothing`);
      writeFileSync(js, out.code);
      minified.set(href, createHash('sha384').update(out.code, 'utf8').digest('base64'));
    }
    text = text.replace(tag, tag.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${minified.get(href)}"`));
  }
  writeFileSync(html, text);
}

function fail(message) {
  console.error(`finish.mjs: ${message}`);
  process.exit(1);
}
