// Patterns come from server settings (biospecimen.participant_uid_pattern, mpi_pattern), so a portal
// cannot vet them: a pattern that backtracks catastrophically in a backtracking engine
// ('(a+)+$' on 'aaaa…a!') must still answer at once. The Rust engine is bounded (it never visits an
// (instruction, position) pair twice), so each check is linear in the value; this proves it from JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createValidator, validateParticipant, validateField } from '../../pkg/index.js';

/** A hang guard, not a benchmark. */
const GUARD_MS = 1000;

function timed(label, call) {
  const started = performance.now();
  const out = call();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < GUARD_MS, `${label} took ${elapsed.toFixed(0)} ms`);
  return out;
}

const codesAt = (result, key) => result.issues.filter((issue) => issue.path.at(-1) === key).map((issue) => issue.code);

// While the participant rules or the pattern engine are placeholders, only the time bound is checked.
const participantRules = validateParticipant({ gender: 1 }).issues.some((i) => i.code === 'PARTICIPANT_INVALID_GENDER');
let patternEngine = false;
try {
  patternEngine = createValidator({ settings: { uidPattern: '[0-9]+' } }).participant.validate({ uid: '12' }).valid;
} catch {
  patternEngine = false;
}
const rulesIn = participantRules && patternEngine;

const EVIL = [
  ['(a+)+$', 'a'],
  ['(a|a)*b', 'a'],
  ['(a*)*b', 'a'],
  ['(a|aa)+$', 'a'],
  ['(.*a){12}', 'a'],
  ['(x+x+)+y', 'x'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'],
  ['(?:a?){40}a{40}', 'a'],
  ['(\\w+\\s?)+$', 'w'],
];

test("uidPattern '(a+)+$' on 'a' × 49 + '!' answers at once", () => {
  const validator = timed('createValidator', () => createValidator({ settings: { uidPattern: '(a+)+$' } }));
  const uid = 'a'.repeat(49) + '!';
  for (const [label, call] of [
    ['participant', () => validator.participant.validate({ uid })],
    ['participant, 50 times', () => Array.from({ length: 50 }, () => validator.participant.validate({ uid })).at(-1)],
    ['registration', () => validator.registration.validate({ participant: { uid } })],
    ['~standard', () => validator.participant['~standard'].validate({ uid })],
  ]) {
    const result = timed(label, call);
    if (rulesIn) assert.ok(!('valid' in result) || result.valid === false, label);
  }
  const field = timed('validateField', () => validator.participant.validateField('uid', uid));
  if (rulesIn) {
    assert.deepEqual(field.map((issue) => issue.code), ['PARTICIPANT_INVALID_UID']);
    assert.deepEqual(codesAt(validator.participant.validate({ uid }), 'uid'), ['PARTICIPANT_INVALID_UID']);
    assert.deepEqual(codesAt(validator.participant.validate({ uid: 'a'.repeat(50) }), 'uid'), [], 'a match is fine');
  }
});

// Over 50 code points a uid or empi is FIELD_TOO_LONG and the pattern is not run: still quick.
test('a 10,000-character uid is FIELD_TOO_LONG, and the pattern stays safe on it', () => {
  const validator = createValidator({ settings: { uidPattern: '(a+)+$', mpiPattern: '(a|aa)+$' } });
  for (const value of ['a'.repeat(9_999) + '!', 'a'.repeat(10_000), '!'.repeat(10_000)]) {
    const result = timed(`uid of ${value.length}`, () => validator.participant.validate({ uid: value, empi: value }));
    if (rulesIn) {
      assert.ok(codesAt(result, 'uid').includes('FIELD_TOO_LONG'), `${codesAt(result, 'uid')}`);
      assert.ok(codesAt(result, 'empi').includes('FIELD_TOO_LONG'), `${codesAt(result, 'empi')}`);
    }
    timed('validateField', () => validateField('participant', 'uid', value, null, { settings: { uidPattern: '(a+)+$' } }));
  }
});

test('other catastrophic patterns answer at once, on short and long values', () => {
  for (const [pattern, letter] of EVIL) {
    const validator = timed(`compile ${pattern}`, () => createValidator({ settings: { uidPattern: pattern, mpiPattern: pattern } }));
    for (const value of [letter.repeat(30) + '!', letter.repeat(49) + '!', letter.repeat(5_000) + '!']) {
      const result = timed(`${pattern} on ${value.length}`, () => validator.participant.validate({ uid: value, empi: value }));
      assert.equal(typeof result.valid, 'boolean');
    }
  }
});

test('huge or nested counted repetitions compile or throw a TypeError, quickly', () => {
  const deep = (open, close, depth) => open.repeat(depth) + 'a' + close.repeat(depth);
  for (const pattern of [
    '(a{100}){100}',
    'a{1000}{1000}',
    '((a{50}){50}){50}',
    'a{2147483647}',
    '(?:(?:(?:(?:a*)*)*)*)*b',
    deep('(', ')', 500),
    // Nesting deep enough to overflow a recursive parser's stack in WebAssembly.
    deep('(', ')', 20_000),
    deep('(?:', ')*', 20_000),
    deep('(?=', ')', 20_000),
  ]) {
    let validator = null;
    timed(`compile ${pattern.slice(0, 30)}`, () => {
      try {
        validator = createValidator({ settings: { uidPattern: pattern } });
      } catch (error) {
        assert.equal(error.name, 'TypeError', `${pattern.slice(0, 30)}: ${error.message}`);
        assert.match(error.message, /options\.settings\.uidPattern/);
      }
    });
    if (validator) {
      for (const value of ['a'.repeat(49) + '!', 'a'.repeat(10_000)]) {
        timed(`${pattern.slice(0, 30)} on ${value.length}`, () => validator.participant.validate({ uid: value }));
      }
    }
  }
});

test('the largest pattern that compiles, on 50-character values, answers at once', () => {
  // The engine caps a compiled program (counted repetitions expand); find a pattern near that cap.
  let validator = null;
  let source = '';
  for (const count of [20_000, 10_000, 5_000, 3_000, 2_000, 1_000, 500, 250]) {
    source = `(?:(?:a|b)?(?=[ab]*)c?){${count}}$`;
    try {
      validator = createValidator({ settings: { uidPattern: source, mpiPattern: source } });
      break;
    } catch (error) {
      assert.equal(error.name, 'TypeError', error.message);
    }
  }
  assert.ok(validator, 'some counted repetition compiles');
  for (const value of ['ab'.repeat(25), 'a'.repeat(49) + '!', 'c'.repeat(50), 'x'.repeat(50)]) {
    for (let round = 0; round < 5; round++) {
      timed(`${source.slice(-8)} on ${value.slice(0, 5)}…`, () => validator.participant.validate({ uid: value, empi: value }));
    }
  }
});

test("the documented SSN pattern (lookaheads) works", { skip: rulesIn ? false : 'the pattern engine or the participant rules are not in the build yet' }, () => {
  const ssn = '^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$';
  const validator = createValidator({ settings: { uidPattern: ssn } });
  for (const uid of ['123-45-6789', '865-01-0001']) assert.deepEqual(codesAt(validator.participant.validate({ uid }), 'uid'), [], uid);
  for (const uid of ['000-45-6789', '666-45-6789', '912-45-6789', '123-00-6789', '123-45-0000', '123456789']) {
    assert.deepEqual(codesAt(validator.participant.validate({ uid }), 'uid'), ['PARTICIPANT_INVALID_UID'], uid);
  }
});
