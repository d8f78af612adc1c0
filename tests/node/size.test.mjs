// The size budget (a size check, not a timing): what a browser downloads for `import … from
// 'openspecimen-validate'` — the .wasm and the JS (glue, wrapper, messages), each minified and gzip -9 —
// stays within 35 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const BUDGET_BYTES = 35 * 1024;
const pkg = (path) => fileURLToPath(new URL(`../../pkg/${path}`, import.meta.url));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

export async function measure() {
  const wasm = readFileSync(pkg('wasm/openspecimen_validate_bg.wasm'));
  const bundle = await build({
    entryPoints: [pkg('index.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0].contents;
  return { wasm: wasm.length, wasmGzip: gzip(wasm), js: js.length, jsGzip: gzip(js) };
}

test(`.wasm + JS, gzip -9, within ${BUDGET_BYTES} bytes`, async () => {
  const size = await measure();
  const total = size.wasmGzip + size.jsGzip;
  console.log(`# size: wasm ${size.wasm} B (${size.wasmGzip} gzip), JS ${size.js} B (${size.jsGzip} gzip), total ${total} B gzip`);
  assert.ok(size.wasmGzip > 1000 && size.jsGzip > 1000, 'both parts were measured');
  assert.ok(total <= BUDGET_BYTES, `${total} B gzip exceeds the ${BUDGET_BYTES} B budget`);
});
