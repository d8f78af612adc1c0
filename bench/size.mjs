// Bundle size of each peer (validateUser + validateParticipant) and of the WASM package.
// esbuild --bundle --minify --format=esm --platform=browser; gzip -9 (node:zlib) and brotli q11.
//   node size.mjs
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..', 'pkg');
const PEERS = ['zod', 'valibot', 'ajv', 'plain'];

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
const n = (x) => (x === undefined ? '' : x.toLocaleString('en-US'));

function version(name) {
  try {
    return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

async function bundle(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0].contents, inputs: Object.keys(result.metafile.inputs) };
}

const rows = [];
const LABELS = {
  zod: `Zod ${version('zod')} (classic)`,
  valibot: `Valibot ${version('valibot')}`,
  ajv: `AJV ${version('ajv')} + ajv-formats ${version('ajv-formats')} (runtime compile)`,
  plain: 'hand-written',
};
for (const peer of PEERS) {
  const { bytes } = await bundle(`export { validateUser, validateParticipant } from './peers/${peer}.mjs';`, here);
  rows.push([LABELS[peer], bytes.length, gzip(bytes), brotli(bytes)]);
}

const notes = [];
const wasmDir = join(pkg, 'wasm');
const wasmFiles = existsSync(wasmDir) ? readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')) : [];
let wasmRow = null;
for (const file of wasmFiles) {
  const bytes = readFileSync(join(wasmDir, file));
  wasmRow = [`WASM \`pkg/wasm/${file}\``, bytes.length, gzip(bytes), brotli(bytes)];
  rows.push(wasmRow);
}
if (wasmFiles.length === 0) notes.push('WASM module not built (no pkg/wasm/*.wasm): skipped.');

if (existsSync(join(pkg, 'index.js'))) {
  try {
    // What a browser loads: pkg/index.js and its static imports. Bundled and minified like the peers…
    const { bytes, inputs } = await bundle(`export { validateUser, validateParticipant } from './index.js';`, pkg);
    const jsRow = ['WASM package JS (index.js + imports, bundled)', bytes.length, gzip(bytes), brotli(bytes)];
    rows.push(jsRow);
    // …and as shipped: one request per file, unminified.
    const files = inputs.map((f) => join(process.cwd(), f)).filter((f) => existsSync(f) && !f.endsWith('entry.mjs'));
    let raw = 0;
    let gz = 0;
    let br = 0;
    for (const file of files) {
      const b = readFileSync(file);
      raw += b.length;
      gz += gzip(b);
      br += brotli(b);
    }
    rows.push([`WASM package JS as shipped (${files.length} files, unminified, each compressed)`, raw, gz, br]);
    if (wasmRow) rows.push(['WASM total (.wasm + bundled JS)', wasmRow[1] + jsRow[1], wasmRow[2] + jsRow[2], wasmRow[3] + jsRow[3]]);
    notes.push(`WASM package JS files: ${files.map((f) => relative(pkg, f)).join(', ')}.`);
  } catch (error) {
    notes.push(`WASM package JS could not be bundled: ${error.message.split('\n')[0]}`);
  }
} else {
  notes.push('pkg/index.js not found: WASM package JS skipped.');
}

console.log('| bundle | min (B) | gzip -9 (B) | brotli q11 (B) |');
console.log('|---|---:|---:|---:|');
for (const [label, min, gz, br] of rows) console.log(`| ${label} | ${n(min)} | ${n(gz)} | ${n(br)} |`);
console.log('');
console.log(`esbuild ${version('esbuild')}: --bundle --minify --format=esm --platform=browser; entry exports validateUser and validateParticipant.`);
for (const note of notes) console.log(note);
