// Times ONE implementation on ONE case, in this process alone, and prints one JSON line.
//   node run-one.mjs <impl> <case> [--warmup-ms=500] [--samples=7] [--sample-ms=200]
// impl: wasm | zod | valibot | ajv | plain
// case: userValid | userInvalid | participantValid | participantInvalid | batch10k | field
// BENCH_WASM_ENTRY=/path/to/index.js times another build of the WASM package.
// Warm-up, then N samples each timing a fixed loop sized to about --sample-ms; the median is reported.
import {
  userValid, userInvalid, participantValid, participantInvalid, invalidEmail, generateParticipants,
} from './fixtures.mjs';
import { NOW } from './peers/common.mjs';
import { pathToFileURL } from 'node:url';

export const IMPLS = ['wasm', 'zod', 'valibot', 'ajv', 'plain'];
export const CASES = ['userValid', 'userInvalid', 'participantValid', 'participantInvalid', 'batch10k', 'field'];
const BATCH_SIZE = 10_000;
const BATCH_SEED = 42;

function option(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? fallback : Number(arg.slice(name.length + 3));
}

/** The implementation as { validateUser, validateParticipant, validateBatch?, validateUserEmail, variant }. */
async function load(impl) {
  if (impl === 'wasm') {
    // BENCH_WASM_ENTRY points at another build of the package (default: ../pkg).
    const mod = await import(process.env.BENCH_WASM_ENTRY ? pathToFileURL(process.env.BENCH_WASM_ENTRY).href : '../pkg/index.js');
    const v = mod.createValidator({ now: NOW });
    const options = { now: NOW };
    let validateBatch = null;
    let variant = 'validate per item';
    if (typeof v.participant.validateMany === 'function') {
      validateBatch = (list) => v.participant.validateMany(list);
      variant = 'participant.validateMany';
    } else if (typeof mod.validateMany === 'function') {
      validateBatch = (list) => mod.validateMany('participant', list, options);
      variant = 'validateMany';
    }
    return {
      validateUser: (p) => v.user.validate(p),
      validateParticipant: (p) => v.participant.validate(p),
      validateUserEmail: (value) => v.user.validateField('emailAddress', value),
      validateBatch,
      variant,
    };
  }
  if (!IMPLS.includes(impl)) throw new Error(`unknown impl ${impl}; use ${IMPLS.join(', ')}`);
  const mod = await import(`./peers/${impl}.mjs`);
  return { ...mod, validateBatch: null, variant: undefined };
}

/** Count of issues of one result, or of a batch's results (a batch API may return either shape). */
function countIssues(result) {
  if (Array.isArray(result)) {
    let n = 0;
    for (const r of result) n += r.issues ? r.issues.length : 0;
    return n;
  }
  if (result && Array.isArray(result.results)) return countIssues(result.results);
  return result && result.issues ? result.issues.length : 0;
}

/** One operation of the case; returns a number so the work cannot be optimised away. */
function operation(impl, name) {
  switch (name) {
    case 'userValid':
      return () => impl.validateUser(userValid).issues.length;
    case 'userInvalid':
      return () => impl.validateUser(userInvalid).issues.length;
    case 'participantValid':
      return () => impl.validateParticipant(participantValid).issues.length;
    case 'participantInvalid':
      return () => impl.validateParticipant(participantInvalid).issues.length;
    case 'batch10k': {
      const batch = generateParticipants(BATCH_SIZE, BATCH_SEED);
      if (impl.validateBatch) return () => countIssues(impl.validateBatch(batch));
      const validate = impl.validateParticipant;
      return () => {
        let n = 0;
        for (let i = 0; i < batch.length; i++) n += validate(batch[i]).issues.length;
        return n;
      };
    }
    case 'field':
      return () => impl.validateUserEmail(invalidEmail).length;
    default:
      throw new Error(`unknown case ${name}; use ${CASES.join(', ')}`);
  }
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function measure(op, { warmupMs, samples, sampleMs }) {
  let sink = 0;
  // Warm-up, which also estimates the time of one operation.
  let ops = 0;
  const warmStart = process.hrtime.bigint();
  const warmEnd = warmStart + BigInt(Math.round(warmupMs * 1e6));
  let now = warmStart;
  do {
    sink += op();
    ops++;
    if ((ops & 7) === 0 || ops < 8) now = process.hrtime.bigint();
  } while (now < warmEnd);
  const estimate = Number(process.hrtime.bigint() - warmStart) / ops;
  const loop = Math.max(1, Math.round((sampleMs * 1e6) / estimate));
  const nsPerOp = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < loop; i++) sink += op();
    nsPerOp.push(Number(process.hrtime.bigint() - t0) / loop);
  }
  return { loop, nsPerOp, sink };
}

async function main() {
  const [implName, caseName] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!implName || !caseName) {
    console.error(`usage: node run-one.mjs <${IMPLS.join('|')}> <${CASES.join('|')}> [--warmup-ms=500] [--samples=7] [--sample-ms=200]`);
    process.exit(64);
  }
  const settings = { warmupMs: option('warmup-ms', 500), samples: option('samples', 7), sampleMs: option('sample-ms', 200) };
  let impl;
  try {
    impl = await load(implName);
  } catch (error) {
    console.log(JSON.stringify({ impl: implName, case: caseName, error: `import failed: ${error.message.split('\n')[0]}` }));
    process.exit(2);
  }
  const op = operation(impl, caseName);
  const issuesPerOp = op();
  const { loop, nsPerOp, sink } = measure(op, settings);
  const out = {
    impl: implName,
    case: caseName,
    nsPerOp: Math.round(median(nsPerOp)),
    samples: nsPerOp.map((x) => Math.round(x)),
    loop,
    issuesPerOp,
  };
  if (caseName === 'batch10k') {
    out.items = BATCH_SIZE;
    out.nsPerItem = Math.round((median(nsPerOp) / BATCH_SIZE) * 10) / 10;
  }
  if (impl.variant) out.variant = caseName === 'batch10k' ? impl.variant : undefined;
  if (sink === -1) out.sink = sink; // never true; keeps `sink` alive
  console.log(JSON.stringify(out));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
