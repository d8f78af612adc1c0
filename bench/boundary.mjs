// The boundary question of issue #7: the payload as JSON text (what the package ships) against
// serde-wasm-bindgen reading the JS object, on one build of the same rules (`scripts/build.sh
// serde-boundary`, so only the boundary differs). Each variant × case runs in its own process.
//   node boundary.mjs            the table (µs per call, median of 7 samples) and both builds' sizes
//   node boundary.mjs <variant> <case>   one measurement, one JSON line
// Variants:
//   text       JSON.stringify → TextEncoder → Engine.validate (JSON text in, JSON text out: "" when
//              valid and unchanged, else a flat list of issues, then the normalised value when it
//              changed) → JSON.parse of the issues: the shipped boundary, without the message step
//   swb-in     serde-wasm-bindgen reads the object → JSON text out → JSON.parse
//   swb        serde-wasm-bindgen both ways: the object in, the result built as JS objects
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { userValid, userInvalid, participantValid, participantInvalid } from './fixtures.mjs';
import { NOW } from './peers/common.mjs';
import { measure, median } from './run-one.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUILD = join(here, 'build', 'serde-boundary');
const VARIANTS = ['text', 'swb-in', 'swb'];
const CASES = { userValid: [0, userValid], userInvalid: [0, userInvalid], participantValid: [1, participantValid], participantInvalid: [1, participantInvalid] };

async function engine() {
  const glue = await import(pathToFileURL(join(BUILD, 'openspecimen_validate.js')).href);
  glue.initSync({ module: readFileSync(join(BUILD, 'openspecimen_validate_bg.wasm')) });
  return new glue.Engine('{}');
}

const encoder = new TextEncoder();

/** The issues of the flat list `[valid, code, path, field, severity, params, …]`. */
function flatIssues(flat) {
  const issues = [];
  for (let i = 1; i + 4 < flat.length; i += 5) issues.push({ code: flat[i], path: flat[i + 1], field: flat[i + 2] });
  return issues;
}

/** One call of `variant`, returning the issues (objects with code and field). */
function call(wasm, variant, kind, payload) {
  switch (variant) {
    case 'text': {
      const out = wasm.validate(kind, encoder.encode(JSON.stringify(payload)), NOW);
      if (out === '') return [];
      const end = out.indexOf('\n');
      return flatIssues(JSON.parse(end < 0 ? out : out.slice(0, end)));
    }
    case 'swb-in':
      return JSON.parse(wasm.validateValueToText(kind, payload, NOW)).issues;
    case 'swb':
      return wasm.validateValue(kind, payload, NOW).issues;
    default:
      throw new Error(`unknown variant ${variant}; use ${VARIANTS.join(', ')}`);
  }
}

const summary = (issues) => issues.map((issue) => `${issue.code}@${issue.field}`).join(' ');

async function one(variant, caseName) {
  const wasm = await engine();
  const [kind, payload] = CASES[caseName];
  // The variants must find the same issues, or the timing compares different work.
  const expected = summary(call(wasm, 'text', kind, payload));
  const got = summary(call(wasm, variant, kind, payload));
  if (got !== expected) throw new Error(`${variant} ${caseName}: ${got} differs from the text boundary's ${expected}`);
  const { nsPerOp } = measure(() => call(wasm, variant, kind, payload).length, { warmupMs: 500, samples: 7, sampleMs: 200 });
  console.log(JSON.stringify({ variant, case: caseName, nsPerOp: Math.round(median(nsPerOp)) }));
}

function table() {
  const rows = [];
  for (const caseName of Object.keys(CASES)) {
    const cells = VARIANTS.map((variant) => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), variant, caseName], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr.trim().split('\n').slice(-3).join('\n'));
      return (JSON.parse(child.stdout.trim().split('\n').pop()).nsPerOp / 1000).toFixed(2);
    });
    rows.push(`| ${caseName} | ${cells.join(' | ')} |`);
  }
  console.log(`| case (µs per call) | ${VARIANTS.join(' | ')} |`);
  console.log(`|---|${VARIANTS.map(() => '---:').join('|')}|`);
  console.log(rows.join('\n'));
  const wasmBytes = (file) => readFileSync(file);
  const shipped = wasmBytes(join(here, '..', 'pkg', 'wasm', 'openspecimen_validate_bg.wasm'));
  const withSerde = wasmBytes(join(BUILD, 'openspecimen_validate_bg.wasm'));
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  console.log(`\n.wasm, gzip -9: shipped (text boundary) ${gz(shipped)} B; with the serde-wasm-bindgen entry points too ${gz(withSerde)} B`);
}

const [variant, caseName] = process.argv.slice(2);
if (variant) await one(variant, caseName);
else table();
