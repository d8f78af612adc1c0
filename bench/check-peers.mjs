// Self-check: every peer (and the WASM package, when it is built) implements the same rules.
// Run: node --test check-peers.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  userValid, userInvalid, userInvalidExpected, participantValid, participantInvalid,
  participantInvalidExpected, invalidEmail, generateParticipants,
} from './fixtures.mjs';
import { NOW } from './peers/common.mjs';

export const PEERS = ['zod', 'valibot', 'ajv', 'plain'];
const peers = {};
for (const name of PEERS) peers[name] = await import(`./peers/${name}.mjs`);

// The WASM package (../pkg), wrapped into the peers' shape: errors only, as the peers emit no
// warnings. Compared only with CHECK_WASM=1, since the package may be unbuilt or still in progress.
let wasm = null;
let wasmSkip = process.env.CHECK_WASM === '1' ? false : 'set CHECK_WASM=1 to compare ../pkg too';
if (!wasmSkip) {
  const mod = await import('../pkg/index.js'); // with CHECK_WASM=1, a package that does not load fails the run
  const v = mod.createValidator({ now: NOW });
  const errorsOnly = (r) => ({ valid: r.valid, issues: r.issues.filter((i) => i.severity !== 'warning') });
  wasm = {
    validateUser: (p) => errorsOnly(v.user.validate(p)),
    validateParticipant: (p) => errorsOnly(v.participant.validate(p)),
    validateUserEmail: (value) => v.user.validateField('emailAddress', value).filter((i) => i.severity !== 'warning'),
  };
}

const keys = (issues) => issues.map((i) => `${i.code}@${i.path.join('.')}`).sort();
const expectedKeys = (list) => list.map(([code, path]) => `${code}@${path.join('.')}`).sort();

const impls = [...PEERS.map((name) => [name, peers[name], false]), ['wasm', wasm, wasmSkip]];

for (const [name, impl, skip] of impls) {
  test(`${name}: valid fixtures are valid`, { skip }, () => {
    assert.deepEqual(keys(impl.validateUser(userValid).issues), []);
    assert.equal(impl.validateUser(userValid).valid, true);
    assert.deepEqual(keys(impl.validateParticipant(participantValid).issues), []);
    assert.equal(impl.validateParticipant(participantValid).valid, true);
  });

  test(`${name}: invalid user gives the expected codes`, { skip }, () => {
    const r = impl.validateUser(userInvalid);
    assert.equal(r.valid, false);
    assert.deepEqual(keys(r.issues), expectedKeys(userInvalidExpected));
  });

  test(`${name}: invalid participant gives the expected codes`, { skip }, () => {
    const r = impl.validateParticipant(participantInvalid);
    assert.equal(r.valid, false);
    assert.deepEqual(keys(r.issues), expectedKeys(participantInvalidExpected));
  });

  test(`${name}: the field check flags the invalid email`, { skip }, () => {
    assert.deepEqual(keys(impl.validateUserEmail(invalidEmail)), ['USER_INVALID_EMAIL@emailAddress']);
    assert.deepEqual(keys(impl.validateUserEmail(userValid.emailAddress)), []);
  });

  test(`${name}: malformed bodies give INVALID_REQUEST at the root and never throw`, { skip }, () => {
    for (const body of [null, 'text', 42, []]) {
      assert.deepEqual(keys(impl.validateUser(body).issues), ['INVALID_REQUEST@'], `user ${JSON.stringify(body)}`);
      assert.deepEqual(keys(impl.validateParticipant(body).issues), ['INVALID_REQUEST@'], `participant ${JSON.stringify(body)}`);
    }
  });
}

test('generated participants: deterministic, about 80 % valid', () => {
  const a = generateParticipants(1000, 7);
  assert.deepEqual(a, generateParticipants(1000, 7));
  assert.notDeepEqual(a, generateParticipants(1000, 8));
  const valid = a.filter((p) => peers.plain.validateParticipant(p).valid).length;
  assert.ok(valid > 750 && valid < 870, `${valid} of 1000 valid`);
});

for (const [name, impl, skip] of impls.filter(([n]) => n !== 'plain')) {
  test(`${name}: same issues as plain on 2,000 generated participants`, { skip }, () => {
    for (const [i, p] of generateParticipants(2000, 42).entries()) {
      const got = keys(impl.validateParticipant(p).issues);
      const want = keys(peers.plain.validateParticipant(p).issues);
      assert.deepEqual(got, want, `participant #${i}: ${JSON.stringify(p)}`);
    }
  });
}
