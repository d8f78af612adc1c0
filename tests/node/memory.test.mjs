// WebAssembly memory stays flat: a million validations (valid and invalid users and participants,
// registrations, validateField calls, payloads from a few bytes to 200 KB) grow the module's memory
// during a warm-up and never after it. Linear memory never shrinks, so any leak, or a heap that
// fragments, shows as growth of memory.buffer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateUser, validateParticipant, validateRegistration, validateField, createValidator } from '../../pkg/index.js';
// The glue's initSync returns the module's exports once it is initialised (pkg/index.js did that).
import { initSync } from '../../pkg/wasm/openspecimen_validate.js';

const TOTAL = Number(process.env.MEMORY_TEST_CALLS ?? 1_000_000);
const WARM_UP = 50_000;
const SAMPLE_EVERY = 50_000;

const wasm = initSync();
const memoryBytes = () => wasm.memory.buffer.byteLength;

/** A small deterministic generator (mulberry32), so a failure replays exactly. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20_260_101);
const pick = (list) => list[Math.floor(next() * list.length)];
const text = (length) => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzé 日本-.@';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
};

function user() {
  const valid = {
    id: Math.floor(next() * 1e6),
    firstName: text(1 + Math.floor(next() * 20)),
    lastName: text(1 + Math.floor(next() * 20)),
    emailAddress: `${text(5).replace(/[^a-z]/g, 'x')}@example.org`,
    loginName: text(8),
    domainName: 'openspecimen',
    instituteName: 'Inst A',
    primarySite: 'Site A1',
    type: pick(['NONE', 'SUPER', 'INSTITUTE', 'Regular', 'CONTACT']),
    activityStatus: pick(['Active', 'Locked', 'Archived', '']),
    manageForms: pick([true, false, 'true']),
  };
  switch (Math.floor(next() * 8)) {
    case 0:
      return { ...valid, firstName: '', emailAddress: 'not an email', type: 'ADMIN' };
    case 1:
      return { ...valid, firstName: text(300 + Math.floor(next() * 300)), apiUser: true, ipRange: '10.0.0.0/8, 300.1.1.1' };
    case 2:
      return { ...valid, unknownA: 1, unknownB: [1, 2, { c: NaN }], id: 'x' };
    case 3:
      return { firstName: '  padded  ', extra: text(5000) };
    default:
      return valid;
  }
}

function participant() {
  const pmis = Array.from({ length: Math.floor(next() * 12) }, (_, i) => ({ siteName: `Site ${i % 5}`, mrn: text(6) }));
  const valid = {
    firstName: text(10),
    lastName: text(10),
    uid: '123-45-6789',
    birthDate: pick(['1960-01-01', -315_619_200_000, '1990-06-15T10:00:00Z', '2000-02-29']),
    vitalStatus: pick(['Alive', 'Dead', 'Unknown']),
    gender: pick(['Male Gender', 'Female Gender', 'Unknown']),
    races: [pick(['White', 'Asian', 'Unknown'])],
    ethnicities: ['Not Reported'],
    pmis,
    activityStatus: 'Active',
  };
  switch (Math.floor(next() * 6)) {
    case 0:
      return { ...valid, gender: 'Robot', races: ['Martian', 7], deathDate: '2024-02-30', birthDate: 'soon' };
    case 1:
      return { ...valid, pmis: [...pmis, ...pmis, { mrn: 'no site' }], emailAddress: 'a@@b' };
    default:
      return valid;
  }
}

// A pool of payloads, made once, so the loop measures the validator and not the generator.
const users = Array.from({ length: 500 }, user);
const participants = Array.from({ length: 500 }, participant);
const big = { firstName: 'Ann', notes: text(200_000) }; // crosses the boundary as a 200 KB string
const patch = createValidator({ mode: 'patch', now: Date.UTC(2026, 0, 1), settings: { uidPattern: '[0-9]{3}-[0-9]{2}-[0-9]{4}' } });
const fields = [
  ['user', 'firstName', () => text(Math.floor(next() * 40))],
  ['user', 'emailAddress', () => pick(['a@b', 'bad', '"q"@x.org', ''])],
  ['participant', 'pmis[1].siteName', () => pick(['Site 0', '', null])],
  ['participant', 'birthDate', () => pick(['2999-01-01', '1960-01-01', NaN, 'x'])],
  ['registration', 'participant.uid', () => text(12)],
];

function call(index) {
  switch (index % 10) {
    case 0:
    case 1:
    case 2:
      return validateUser(users[index % users.length]);
    case 3:
      return patch.user.validate(users[(index >> 3) % users.length]);
    case 4:
    case 5:
      return validateParticipant(participants[index % participants.length]);
    case 6:
      return validateRegistration({ ppid: 'P-1', participant: participants[(index >> 2) % participants.length] });
    case 7:
      return patch.participant['~standard'].validate(participants[(index >> 1) % participants.length]);
    case 8: {
      const [kind, path, value] = fields[(index >> 4) % fields.length];
      return validateField(kind, path, value(), kind === 'user' ? users[index % users.length] : undefined);
    }
    default:
      return index % 1000 === 9 ? validateUser(big) : validateUser(users[(index >> 5) % users.length]);
  }
}

test(`WebAssembly memory stops growing after ${WARM_UP.toLocaleString('en')} calls (${TOTAL.toLocaleString('en')} calls)`, () => {
  const start = memoryBytes();
  const started = performance.now();
  let afterWarmUp = 0;
  const samples = [];
  let invalid = 0;
  for (let index = 0; index < TOTAL; index++) {
    const result = call(index);
    // Read the results as a form would (the lazy `value` included), so nothing is left half used.
    if (Array.isArray(result)) invalid += result.length > 0 ? 1 : 0; // validateField's issues
    else if ('valid' in result) invalid += result.valid ? 0 : 1;
    else invalid += 'issues' in result ? 1 : 0; // Standard Schema
    if ((index & 63) === 0 && result.valid) void result.value;
    if (index + 1 === WARM_UP) afterWarmUp = memoryBytes();
    if ((index + 1) % SAMPLE_EVERY === 0) samples.push(memoryBytes());
  }
  const seconds = (performance.now() - started) / 1000;
  const end = memoryBytes();
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `memory: ${kib(start)} at start, ${kib(afterWarmUp)} after ${WARM_UP} calls, ${kib(end)} after ${TOTAL} ` +
      `(${invalid} invalid results) in ${seconds.toFixed(1)} s; samples every ${SAMPLE_EVERY}: ${samples.map(kib).join(' ')}`,
  );
  assert.ok(invalid > TOTAL / 10 && invalid < TOTAL, 'the mix has valid and invalid payloads');
  assert.equal(end, afterWarmUp, `memory grew after the warm-up: ${samples.map(kib).join(' ')}`);
  for (const sample of samples.slice(1)) assert.equal(sample, afterWarmUp, `memory moved: ${samples.map(kib).join(' ')}`);
});
