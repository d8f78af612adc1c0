// Runs run-one.mjs for every implementation × case, each in its own process, one after another,
// and prints a Markdown table of µs per operation, the WASM/peer ratios and the machine.
// Writes results/latest.json.
//   node run.mjs [--impls=wasm,zod] [--cases=userValid,field] [--warmup-ms=500] [--samples=7] [--sample-ms=200]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPLS, CASES } from './run-one.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PEERS = IMPLS.filter((i) => i !== 'wasm');

function listOption(name, all) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return all;
  const picked = arg.slice(name.length + 3).split(',').filter(Boolean);
  for (const p of picked) if (!all.includes(p)) throw new Error(`--${name}: unknown ${p}; use ${all.join(', ')}`);
  return all.filter((x) => picked.includes(x));
}
const impls = listOption('impls', IMPLS);
const cases = listOption('cases', CASES);
const timingArgs = process.argv.filter((a) => /^--(warmup-ms|samples|sample-ms)=/.test(a));

function version(pkg) {
  try {
    return JSON.parse(readFileSync(join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** Runs one impl × case in a child process; returns its JSON line, or { error }. */
function runOne(impl, name) {
  const child = spawnSync(process.execPath, [join(here, 'run-one.mjs'), impl, name, ...timingArgs], {
    cwd: here,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  const line = child.stdout.trim().split('\n').filter(Boolean).pop();
  try {
    const out = JSON.parse(line);
    if (out.error || child.status !== 0) return { impl, case: name, error: out.error ?? `exit ${child.status}` };
    return out;
  } catch {
    const why = (child.stderr || child.error?.message || `exit ${child.status}`).trim().split('\n').slice(-1)[0];
    return { impl, case: name, error: why };
  }
}

/** 2–3 significant digits, thousands separated. */
function fmt(x) {
  if (x === undefined || x === null || !Number.isFinite(x)) return 'n/a';
  const digits = x >= 100 ? 3 : x >= 1 ? 3 : 2;
  const r = Number(x.toPrecision(digits));
  return r >= 1000 ? r.toLocaleString('en-US') : String(r);
}

const results = [];
const byKey = new Map();
let wasmBroken = null;
for (const impl of impls) {
  for (const name of cases) {
    let out;
    if (impl === 'wasm' && wasmBroken) out = { impl, case: name, error: wasmBroken };
    else {
      process.stderr.write(`${impl} ${name} … `);
      out = runOne(impl, name);
      process.stderr.write(out.error ? `n/a (${out.error})\n` : `${fmt(out.nsPerOp / 1000)} µs\n`);
      if (impl === 'wasm' && out.error?.startsWith('import failed')) wasmBroken = out.error;
    }
    results.push(out);
    byKey.set(`${impl}/${name}`, out);
  }
}

/** µs per op of a row; `perItem` for the batch row divided by its items. */
function micros(impl, name, perItem = false) {
  const r = byKey.get(`${impl}/${name}`);
  if (!r || r.error) return undefined;
  return perItem ? r.nsPerItem / 1000 : r.nsPerOp / 1000;
}

const rows = [];
for (const name of cases) {
  if (name === 'batch10k') {
    rows.push(['batch10k (µs per 10,000)', name, false]);
    rows.push(['batch10k (µs per item)', name, true]);
  } else rows.push([name, name, false]);
}

const lines = [];
lines.push(`| case (µs/op) | ${impls.join(' | ')} |`);
lines.push(`|---|${impls.map(() => '---:').join('|')}|`);
for (const [label, name, perItem] of rows) {
  lines.push(`| ${label} | ${impls.map((i) => fmt(micros(i, name, perItem))).join(' | ')} |`);
}

const peersShown = PEERS.filter((p) => impls.includes(p));
if (impls.includes('wasm') && peersShown.length > 0) {
  lines.push('');
  lines.push('WASM time ÷ peer time (above 1: WASM is slower)');
  lines.push('');
  lines.push(`| case | ${peersShown.map((p) => `wasm/${p}`).join(' | ')} |`);
  lines.push(`|---|${peersShown.map(() => '---:').join('|')}|`);
  for (const [label, name, perItem] of rows) {
    if (perItem) continue; // same ratio as the whole batch
    const w = micros('wasm', name);
    const cells = peersShown.map((p) => {
      const v = micros(p, name);
      return w === undefined || v === undefined ? 'n/a' : `${fmt(w / v)}×`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown';
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpu,
  cores: os.cpus().length,
  versions: Object.fromEntries(['zod', 'valibot', 'ajv', 'ajv-formats'].map((p) => [p, version(p)])),
};
const batchVariant = byKey.get('wasm/batch10k')?.variant;
lines.push('');
lines.push(`Date ${meta.date}; Node ${meta.node}; CPU ${cpu} (${meta.cores} cores).`);
lines.push(`Peers: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
if (batchVariant) lines.push(`WASM batch: ${batchVariant}.`);
const failures = results.filter((r) => r.error);
if (failures.length > 0) {
  const reasons = [...new Set(failures.map((r) => `${r.impl}: ${r.error}`))];
  lines.push(`n/a: ${reasons.join('; ')}`);
}
console.log(lines.join('\n'));

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify({ ...meta, impls, cases, results }, null, 2)}\n`);
