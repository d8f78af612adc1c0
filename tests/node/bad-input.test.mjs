// Bad input through every public entry point: whatever a form hands over, the call answers with
// issues (it never throws, except for bad options, which throw a TypeError), within a hang guard,
// without touching the caller's object, and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../pkg/index.js';
import { VALID_USER } from '../support/payloads.mjs';

const { validateUser, validateParticipant, validateRegistration, validateField, validateMany, createValidator } = api;

/** Not a benchmark: a call that takes longer is taken for a hang. */
const HANG_GUARD_MS = 5000;
const NOW = Date.UTC(2026, 0, 1);
const PATCH = Object.freeze({ mode: 'patch' });
const FIXED = createValidator({ now: NOW });


// The participant and registration rules may still be placeholders that accept everything while they
// are written; the assertions that need them say so and are skipped until then.
const participantRules = validateParticipant({ gender: 1 }).issues.some((i) => i.code === 'PARTICIPANT_INVALID_GENDER');
const registrationRules = validateRegistration({}).issues.some((i) => i.code === 'CPR_PARTICIPANT_DETAIL_REQUIRED');
const needsParticipantRules = participantRules ? false : 'the participant rules are not in the build yet';

// ---------------------------------------------------------------------------------------------------
// Checks shared by every case

// Things a snapshot names rather than walks (prototypes, accessors, symbols) get stable ids.
const identities = new WeakMap();
const symbolIds = new Map();
let nextIdentity = 0;

function identity(thing) {
  if (thing === null || thing === undefined) return String(thing);
  const table = typeof thing === 'symbol' ? symbolIds : identities;
  if (!table.has(thing)) table.set(thing, nextIdentity++);
  return `#${table.get(thing)}`;
}

function primitive(value) {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return identity(value);
    default:
      return String(value);
  }
}

/** A snapshot, as text, of everything reachable from `root` (own property descriptors, prototypes,
 * extensibility, Map/Set entries, typed-array bytes, Date times), cycles and any depth included. */
function snapshot(root) {
  const ids = new Map();
  const lines = [];
  const work = [];
  const ref = (value) => {
    if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return primitive(value);
    if (!ids.has(value)) {
      ids.set(value, ids.size);
      work.push(value);
    }
    return `@${ids.get(value)}`;
  };
  ref(root);
  while (work.length > 0) {
    const value = work.pop();
    const parts = [`@${ids.get(value)}`, identity(Object.getPrototypeOf(value)), Object.isExtensible(value)];
    for (const key of Reflect.ownKeys(value)) {
      const d = Reflect.getOwnPropertyDescriptor(value, key);
      const content = 'value' in d ? ref(d.value) : `get ${identity(d.get)} set ${identity(d.set)}`;
      parts.push(`${primitive(key)}=${content}/${+d.enumerable}${+d.configurable}${+!!d.writable}`);
    }
    if (value instanceof Map) for (const [k, v] of value) parts.push(`map ${ref(k)}=${ref(v)}`);
    if (value instanceof Set) for (const v of value) parts.push(`set ${ref(v)}`);
    if (ArrayBuffer.isView(value)) parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex'));
    if (value instanceof Date) parts.push(`time ${value.getTime()}`);
    lines.push(parts.join(' '));
  }
  return lines;
}

function assertUnchanged(before, after, label) {
  if (before.length === after.length && before.every((line, index) => line === after[index])) return;
  const index = before.findIndex((line, i) => line !== after[i]);
  assert.fail(`${label}: the input changed: ${before[index]?.slice(0, 200)} -> ${after[index]?.slice(0, 200)}`);
}

function checkIssue(issue, label) {
  assert.equal(typeof issue, 'object', label);
  assert.equal(typeof issue.code, 'string', label);
  assert.match(issue.code, /^[A-Z][A-Z_]*$/, label);
  assert.ok(Array.isArray(issue.path), `${label}: path`);
  for (const step of issue.path) {
    assert.ok(typeof step === 'string' || (Number.isInteger(step) && step >= 0), `${label}: path step ${String(step)}`);
  }
  assert.equal(typeof issue.field, 'string', `${label}: field`);
  assert.equal(typeof issue.message, 'string', `${label}: message`);
  assert.ok(issue.message.length > 0, `${label}: empty message`);
  assert.doesNotMatch(issue.message, /\{\w+\}/, `${label}: a placeholder left in "${issue.message}"`);
  assert.ok(issue.severity === 'error' || issue.severity === 'warning', `${label}: severity ${issue.severity}`);
  if ('params' in issue) {
    assert.equal(typeof issue.params, 'object', `${label}: params`);
    for (const [name, value] of Object.entries(issue.params)) {
      assert.ok(typeof value === 'string' || typeof value === 'number', `${label}: params.${name}`);
    }
  }
}

function checkIssues(issues, label) {
  assert.ok(Array.isArray(issues), `${label}: issues is not an array`);
  issues.forEach((issue, index) => checkIssue(issue, `${label} issue ${index}`));
}

function checkResult(result, label) {
  assert.equal(typeof result, 'object', label);
  assert.equal(typeof result.valid, 'boolean', `${label}: valid`);
  checkIssues(result.issues, label);
  assert.equal(result.valid, !result.issues.some((issue) => issue.severity === 'error'), `${label}: valid vs errors`);
  if (!result.valid) assert.equal(result.value, null, `${label}: value of an invalid result`);
  else assert.ok(result.value !== null && typeof result.value === 'object', `${label}: value of a valid result`);
}

function checkStandard(result, label) {
  assert.equal(typeof result, 'object', label);
  if ('issues' in result) {
    assert.ok(!('value' in result), `${label}: both value and issues`);
    assert.ok(result.issues.length > 0, `${label}: empty issues`);
    checkIssues(result.issues, label);
    for (const issue of result.issues) assert.equal(issue.severity, 'error', `${label}: a warning fails the schema`);
  } else {
    assert.ok('value' in result, `${label}: neither value nor issues`);
  }
}

/** Runs `call` under the hang guard; it must not throw. */
function timed(label, call) {
  const started = performance.now();
  let out;
  try {
    out = call();
  } catch (error) {
    assert.fail(`${label} threw ${error?.name}: ${error?.message}`);
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < HANG_GUARD_MS, `${label} took ${elapsed.toFixed(0)} ms`);
  return out;
}

const prototypeKeys = Reflect.ownKeys(Object.prototype);

/** The module is not poisoned and nothing leaked into Object.prototype. */
function checkStillHealthy(label) {
  const result = validateUser(VALID_USER);
  assert.equal(result.valid, true, `${label}: a valid user no longer validates`);
  assert.deepEqual(result.issues, [], `${label}: a valid user now has issues`);
  assert.deepEqual(result.value, VALID_USER, `${label}: a valid user's value changed`);
  assert.deepEqual(Reflect.ownKeys(Object.prototype), prototypeKeys, `${label}: Object.prototype changed`);
  for (const name of ['polluted', 'x', 'isAdmin']) assert.equal({}[name], undefined, `${label}: Object.prototype.${name}`);
}

// Where a bad value goes: the payload itself, a field of each kind, validateField's value and payload.
const PLACES = [
  ['validateUser', (v) => validateUser(v), 'result'],
  ['validateUser patch', (v) => validateUser(v, PATCH), 'result'],
  ['validateParticipant', (v) => validateParticipant(v), 'result'],
  ['validateRegistration', (v) => validateRegistration(v), 'result'],
  ['schema user', (v) => FIXED.user.validate(v), 'result'],
  ['~standard user', (v) => FIXED.user['~standard'].validate(v), 'standard'],
  ['~standard participant', (v) => FIXED.participant['~standard'].validate(v), 'standard'],
  ['~standard registration', (v) => FIXED.registration['~standard'].validate(v), 'standard'],
  ['validateMany', (v) => validateMany('user', [v, VALID_USER]), 'many'],
  ['user.firstName', (v) => validateUser({ ...VALID_USER, firstName: v }), 'result'],
  ['user.ipRange', (v) => validateUser({ ...VALID_USER, apiUser: true, ipRange: v }), 'result'],
  ['user.unknown', (v) => validateUser({ ...VALID_USER, extra: v }), 'result'],
  ['participant.birthDate', (v) => validateParticipant({ birthDate: v }, PATCH), 'result'],
  ['participant.pmis', (v) => validateParticipant({ pmis: v }), 'result'],
  ['participant.pmis[0].siteName', (v) => validateParticipant({ pmis: [{ siteName: v, mrn: '1' }] }), 'result'],
  ['participant.races', (v) => validateParticipant({ races: v }), 'result'],
  ['registration.participant', (v) => validateRegistration({ participant: v }), 'result'],
  ['registration.participant.uid', (v) => validateRegistration({ participant: { uid: v } }), 'result'],
  ['validateField user firstName', (v) => validateField('user', 'firstName', v), 'issues'],
  ['validateField participant pmis[0].mrn', (v) => validateField('participant', 'pmis[0].mrn', v), 'issues'],
  ['validateField registration participant.birthDate', (v) => validateField('registration', 'participant.birthDate', v), 'issues'],
  ['validateField payload', (v) => validateField('user', 'firstName', 'Ann', v), 'issues'],
  ['schema validateField', (v) => FIXED.participant.validateField('deathDate', v, { birthDate: v }), 'issues'],
];

/** For the largest inputs, whose snapshots cost most: the whole payload of every kind, and a field. */
const HEAVY_PLACES = new Set([
  'validateUser',
  'validateUser patch',
  'validateParticipant',
  'validateRegistration',
  '~standard participant',
  'validateMany',
  'participant.pmis',
  'validateField participant pmis[0].mrn',
  'validateField payload',
]);

/**
 * Puts a fresh `make()` in every place (`heavy`: one `make()` in HEAVY_PLACES only); checks the answer's shape, the hang guard, that the input is
 * unchanged (its snapshot, or its Proxy target's: `make` may return `{ [PROXIED]: true, target, proxy }`)
 * and that the module still works. Returns the answers
 * by place, for the case's own assertions.
 */
function runEverywhere(name, make, { heavy = false } = {}) {
  const answers = {};
  // A heavy input is made and snapshotted once, and compared after all its places.
  const shared = heavy ? make() : undefined;
  const sharedBefore = heavy ? snapshot(shared) : undefined;
  for (const [place, call, shape] of PLACES) {
    if (heavy && !HEAVY_PLACES.has(place)) continue;
    const label = `${name} @ ${place}`;
    const made = heavy ? shared : make();
    const value = made?.[PROXIED] ? made.proxy : made;
    const watched = made?.[PROXIED] ? made.target : made;
    const before = heavy ? null : snapshot(watched);
    const out = timed(label, () => call(value));
    if (shape === 'result') checkResult(out, label);
    if (shape === 'standard') checkStandard(out, label);
    if (shape === 'issues') checkIssues(out, label);
    if (shape === 'many') {
      assert.equal(out.length, 2, label);
      out.forEach((result, index) => checkResult(result, `${label} [${index}]`));
      assert.equal(out[1].valid, true, `${label}: the valid payload beside it`);
    }
    if (shape === 'result' && out.valid && typeof value === 'object' && value !== null) {
      assert.notEqual(out.value, value, `${label}: the result's value is the caller's object`);
    }
    if (!heavy) assertUnchanged(before, snapshot(watched), label);
    answers[place] = out;
  }
  if (heavy) assertUnchanged(sharedBefore, snapshot(shared), `${name} (one of its places)`);
  checkStillHealthy(name);
  return answers;
}

const PROXIED = Symbol('proxied');
const proxied = (target, handler) => ({ [PROXIED]: true, target, proxy: new Proxy(target, handler) });
const boom = () => {
  throw new Error('trap');
};

const errorsOf = (result) => result.issues.filter((issue) => issue.severity === 'error');
const summary = (issues) => issues.map((issue) => `${issue.code}@${JSON.stringify(issue.path)}:${issue.params?.reason ?? ''}`);

/** A non-object payload: exactly one INVALID_REQUEST at [] from every validate function. */
function assertRootOnly(answers, reason) {
  for (const place of ['validateUser', 'validateUser patch', 'validateParticipant', 'validateRegistration', 'schema user']) {
    const issues = answers[place].issues;
    assert.equal(issues.length, 1, `${place}: ${summary(issues)}`);
    assert.equal(issues[0].code, 'INVALID_REQUEST', place);
    assert.deepEqual(issues[0].path, [], place);
    assert.equal(issues[0].field, '', place);
    if (reason) assert.equal(issues[0].params.reason, reason, place);
  }
  for (const place of ['~standard user', '~standard participant', '~standard registration']) {
    assert.deepEqual(answers[place].issues.map((issue) => [issue.code, issue.path.length]), [['INVALID_REQUEST', 0]], place);
  }
  assert.equal(answers.validateMany[0].issues.length, 1, 'validateMany');
}

/** The first name's errors: exactly one `code` (with `reason`) at ['firstName']. */
function assertFirstName(answers, code, reason) {
  const errors = errorsOf(answers['user.firstName']);
  assert.deepEqual(summary(errors), [`${code}@["firstName"]:${reason ?? ''}`]);
}

function assertUnsupported(answers, type) {
  assertFirstName(answers, 'INVALID_REQUEST', 'unsupported');
  assert.equal(errorsOf(answers['user.firstName'])[0].params.type, type);
  const field = answers['validateField user firstName'];
  assert.deepEqual(summary(field), ['INVALID_REQUEST@["firstName"]:unsupported']);
}

// ---------------------------------------------------------------------------------------------------
// The cases: each a class of bad input, in every place

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

function nested(depth, leaf, wrap) {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

test('null', () => {
  const answers = runEverywhere('null', () => null);
  assertRootOnly(answers, 'notObject');
  assertFirstName(answers, 'USER_FIRST_NAME_REQUIRED');
});

test('undefined', () => {
  const answers = runEverywhere('undefined', () => undefined);
  assertRootOnly(answers);
  // JSON drops a key whose value is undefined: the server never sees it.
  assertFirstName(answers, 'USER_FIRST_NAME_REQUIRED');
});

test('numbers', () => {
  for (const number of [0, -1, 42, 1.5, -0, Number.MAX_VALUE, Number.MIN_VALUE]) {
    const answers = runEverywhere(`number ${number}`, () => number);
    assertRootOnly(answers, 'notObject');
    assert.deepEqual(errorsOf(answers['user.firstName']), [], 'a number is text for a text field');
  }
});

test('strings, empty and blank', () => {
  for (const text of ['text', '', '   ', '{"firstName":"Ann"}']) {
    const answers = runEverywhere(`string ${JSON.stringify(text)}`, () => text);
    assertRootOnly(answers, 'notObject');
  }
});

test('booleans', () => {
  assertRootOnly(runEverywhere('true', () => true), 'notObject');
  assertRootOnly(runEverywhere('false', () => false), 'notObject');
});

test('arrays', () => {
  for (const [name, make] of [
    ['empty array', () => []],
    ['array of payloads', () => [{ ...VALID_USER }, 1]],
    ['array with properties', () => Object.assign([1, 2], { firstName: 'Ann' })],
  ]) {
    const answers = runEverywhere(name, make);
    assertRootOnly(answers, 'notObject');
    assertFirstName(answers, 'INVALID_REQUEST', 'notText');
  }
});

test('functions', () => {
  const answers = runEverywhere('function', () => Object.assign(() => 1, { firstName: 'Ann' }));
  assertRootOnly(answers, 'unsupported');
  assertUnsupported(answers, 'function');
  runEverywhere('class', () => class Payload {});
  runEverywhere('async function', () => async () => {});
});

test('BigInt', () => {
  const answers = runEverywhere('BigInt', () => 10n ** 30n);
  assertRootOnly(answers, 'unsupported');
  assertUnsupported(answers, 'BigInt');
});

test('symbols', () => {
  const answers = runEverywhere('symbol', () => Symbol('payload'));
  assertRootOnly(answers, 'unsupported');
  assertUnsupported(answers, 'symbol');
  // A symbol key is invisible to JSON, as to the server.
  runEverywhere('symbol key', () => ({ ...VALID_USER, [Symbol('k')]: NaN }));
});

test('NaN, Infinity and -Infinity', () => {
  for (const [number, type] of [
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ]) {
    const answers = runEverywhere(type, () => number);
    assertRootOnly(answers, 'unsupported');
    assertUnsupported(answers, type);
    const id = validateUser({ ...VALID_USER, id: number });
    assert.deepEqual(summary(errorsOf(id)), ['INVALID_REQUEST@["id"]:unsupported'], type);
  }
});

test('NaN in birthDate is INVALID_REQUEST (unsupported) at birthDate', { skip: needsParticipantRules }, () => {
  for (const result of [validateParticipant({ birthDate: NaN }), validateParticipant({ birthDate: NaN }, PATCH)]) {
    const errors = errorsOf(result).filter((issue) => issue.path[0] === 'birthDate');
    assert.deepEqual(summary(errors), ['INVALID_REQUEST@["birthDate"]:unsupported']);
    assert.equal(errors[0].params.type, 'NaN');
  }
  const field = validateField('participant', 'birthDate', NaN);
  assert.deepEqual(summary(field), ['INVALID_REQUEST@["birthDate"]:unsupported']);
});

test('a 10 MB string as the payload, a field value and a key', () => {
  const answers = runEverywhere('10 MB string', () => TEN_MB);
  assertRootOnly(answers, 'tooLarge');
  // A payload over the limit is reported as a whole: its text never reaches WebAssembly.
  assert.deepEqual(summary(answers['user.firstName'].issues), ['INVALID_REQUEST@[]:tooLarge']);
  const field = answers['validateField user firstName'];
  assert.deepEqual(summary(field), ['INVALID_REQUEST@["firstName"]:tooLarge']);
  assert.equal(field[0].params.max, 1024 * 1024);
  runEverywhere('10 MB key', () => ({ [TEN_MB]: 1 }), { heavy: true });
});

test('objects nested 10,000 deep, in pmis and in an unknown field', () => {
  const deepObject = () => nested(10_000, {}, (inner) => ({ a: inner }));
  const deepArray = () => nested(10_000, [], (inner) => [inner]);
  const answers = runEverywhere('10,000 deep', deepObject);
  for (const [label, result, field] of [
    ['pmis (objects)', validateParticipant({ pmis: deepObject() }), 'pmis'],
    ['pmis (lists)', validateParticipant({ pmis: deepArray() }), 'pmis'],
    ['pmis entry', validateParticipant({ pmis: [deepObject()] }), 'pmis'],
    ['unknown field', validateUser({ ...VALID_USER, extra: deepObject() }), 'extra'],
    ['unknown field (PATCH)', validateUser({ extra: deepArray() }, PATCH), 'extra'],
    ['firstName', answers['user.firstName'], 'firstName'],
  ]) {
    const invalid = result.issues.filter((issue) => issue.code === 'INVALID_REQUEST');
    assert.equal(invalid.length, 1, `${label}: ${summary(result.issues)}`);
    // Too deep for JSON.stringify (the whole body is unreadable) or for the parser (reported at the field).
    const [issue] = invalid;
    assert.ok(['unreadable', 'tooDeep'].includes(issue.params.reason), `${label}: ${summary(invalid)}`);
    if (issue.params.reason === 'tooDeep') assert.equal(issue.path[0], field, label);
    else assert.deepEqual(issue.path, [], label);
    assert.equal(result.valid, false, label);
  }
  // Just past the parser's 64 levels, where JSON.stringify still copes: reported at the field.
  const past = validateUser({ ...VALID_USER, extra: nested(100, 1, (inner) => [inner]) });
  assert.deepEqual(summary(errorsOf(past)).map((line) => line.replace(/,0/g, '')), ['INVALID_REQUEST@["extra"]:tooDeep']);
  runEverywhere('100 deep', () => nested(100, { x: NaN }, (inner) => ({ a: inner })));
});

test('cyclic objects and lists', () => {
  const cyclic = () => {
    const payload = { ...VALID_USER };
    payload.self = payload;
    return payload;
  };
  assertRootOnly(runEverywhere('cyclic object', cyclic), 'unreadable');
  const list = () => {
    const pmis = [{ siteName: 'S', mrn: '1' }];
    pmis.push(pmis);
    return { pmis };
  };
  const answers = runEverywhere('cyclic list', list);
  assert.deepEqual(summary(answers['participant.pmis'].issues), ['INVALID_REQUEST@[]:unreadable']);
  // Shared (not cyclic) references are fine.
  const shared = { siteName: 'S', mrn: '1' };
  runEverywhere('shared references', () => ({ pmis: [shared, shared], a: shared, b: shared }));
});

test('__proto__, constructor and prototype keys do not pollute Object.prototype', () => {
  const fromJson = () => JSON.parse('{"__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"x":1}},"firstName":"Ann"}');
  const answers = runEverywhere('__proto__ via JSON.parse', fromJson);
  const patch = answers['validateUser patch'];
  assert.deepEqual(
    patch.issues.map((issue) => `${issue.code}@${issue.field}`),
    ['UNKNOWN_FIELD@__proto__', 'UNKNOWN_FIELD@constructor'],
  );
  assert.equal(Object.hasOwn(patch.value, '__proto__'), true, 'the value keeps the key as data');
  assert.equal(Object.getPrototypeOf(patch.value), Object.prototype);
  const defined = () => {
    const payload = { ...VALID_USER };
    Object.defineProperty(payload, '__proto__', { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(payload, 'prototype', { value: { isAdmin: true }, enumerable: true });
    return payload;
  };
  runEverywhere('__proto__ via defineProperty', defined);
  runEverywhere('constructor key', () => ({ ...VALID_USER, constructor: 'Object', prototype: null, hasOwnProperty: 1, toString: 'x' }));
  const field = validateField('user', '__proto__.polluted', true);
  checkIssues(field, 'validateField __proto__ path');
  const nestedField = validateField('registration', 'participant.__proto__', { polluted: 1 });
  checkIssues(nestedField, 'validateField participant.__proto__');
  checkStillHealthy('__proto__ paths');
});

test('getters that throw', () => {
  const topLevel = () => Object.defineProperty({ ...VALID_USER }, 'lastName', { get: boom, enumerable: true });
  assertRootOnly(runEverywhere('throwing getter', topLevel), 'unreadable');
  const deep = () => ({ pmis: [Object.defineProperty({ mrn: '1' }, 'siteName', { get: boom, enumerable: true })] });
  runEverywhere('throwing getter in pmis', deep);
  // A getter that throws something other than an Error.
  runEverywhere('getter throwing a string', () => Object.defineProperty({}, 'a', { get: () => { throw 'no'; }, enumerable: true }));
  runEverywhere('getter throwing undefined', () => Object.defineProperty({}, 'a', { get: () => { throw undefined; }, enumerable: true }));
  runEverywhere('toJSON that throws', () => ({ firstName: { toJSON: boom } }));
});

test('Proxies whose traps throw', () => {
  for (const trap of ['get', 'ownKeys', 'getOwnPropertyDescriptor', 'has', 'getPrototypeOf']) {
    const answers = runEverywhere(`Proxy ${trap} trap`, () => proxied({ ...VALID_USER }, { [trap]: boom }));
    for (const place of ['validateUser', 'validateParticipant', 'validateRegistration']) {
      const result = answers[place];
      // A trap JSON.stringify never calls lets the payload through; one it calls makes it unreadable.
      if (!result.valid && result.issues.some((issue) => issue.params?.reason === 'unreadable')) {
        assert.equal(result.issues.length, 1, `${trap} @ ${place}`);
      }
    }
  }
  runEverywhere('revoked Proxy', () => {
    const target = { firstName: 'Ann' };
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return { [PROXIED]: true, target, proxy };
  });
  runEverywhere('Proxy in a field', () => proxied({ mrn: '1' }, { ownKeys: boom }));
});

test('epoch dates: 1960 is a birth date; 1e20 and MAX_SAFE_INTEGER are not', () => {
  const at = (result, key) => result.issues.filter((issue) => issue.path[0] === key);
  for (const value of [-315_619_200_000, '-315619200000', new Date('1960-01-01T00:00:00Z')]) {
    runEverywhere(`1960 as ${typeof value}`, () => value);
    if (participantRules) {
      assert.deepEqual(summary(at(validateParticipant({ birthDate: value }, { ...PATCH, now: NOW }), 'birthDate')), []);
    }
  }
  for (const value of [1e20, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, '1e309', 1e300, '99999999999999999999']) {
    runEverywhere(`epoch ${value}`, () => value);
    if (participantRules) {
      const errors = at(validateParticipant({ birthDate: value }, PATCH), 'birthDate').filter((i) => i.severity === 'error');
      assert.equal(errors.length, 1, `${value}: ${summary(errors)}`);
    }
  }
});

test('Date objects, invalid and valid', () => {
  const invalid = runEverywhere('invalid Date', () => new Date(NaN));
  assertFirstName(invalid, 'INVALID_REQUEST', 'unsupported');
  assert.equal(errorsOf(invalid['user.firstName'])[0].params.type, 'Invalid Date');
  if (participantRules) {
    assert.deepEqual(summary(errorsOf(invalid['participant.birthDate'])), ['INVALID_REQUEST@["birthDate"]:unsupported']);
    const valid = runEverywhere('valid Date', () => new Date('1990-06-15T10:00:00Z'));
    assert.deepEqual(summary(errorsOf(valid['participant.birthDate'])), []);
  } else {
    runEverywhere('valid Date', () => new Date('1990-06-15T10:00:00Z'));
  }
  runEverywhere('Date with a toJSON of its own', () => Object.assign(new Date(0), { toJSON: () => NaN }));
});

test('lone UTF-16 surrogates in values and keys', () => {
  for (const lone of ['\ud800', '\udfff', 'a\ud83d', '\ude00b', '\udc00\ud800']) {
    const answers = runEverywhere(`lone surrogate ${escape(lone)}`, () => lone);
    assertFirstName(answers, 'INVALID_REQUEST', 'brokenText');
    const keyed = runEverywhere(`lone surrogate key ${escape(lone)}`, () => ({ [lone]: 1, firstName: 'Ann' }));
    const warnings = keyed['validateUser patch'].issues;
    assert.deepEqual(warnings.map((issue) => issue.code), ['UNKNOWN_FIELD']);
  }
  // A well-formed pair is fine.
  const emoji = runEverywhere('surrogate pair', () => 'Ann \ud83d\ude00');
  assert.deepEqual(errorsOf(emoji['user.firstName']), []);
});

test('frozen and sealed payloads', () => {
  const frozen = () => Object.freeze({ ...VALID_USER, pmis: Object.freeze([Object.freeze({ siteName: ' S ', mrn: '1' })]) });
  const answers = runEverywhere('frozen', frozen);
  assert.equal(answers.validateUser.valid, true);
  runEverywhere('sealed', () => Object.seal({ ...VALID_USER, firstName: '  Ann  ' }));
  runEverywhere('non-extensible', () => Object.preventExtensions({ firstName: ' Ann ' }));
  // The trimmed value is a new object; the frozen input stays as it was.
  const input = frozen();
  const result = validateParticipant({ ...input });
  checkResult(result, 'frozen participant');
});

test('very long pmis lists (100,000 entries)', () => {
  const tiny = () => ({ pmis: Array.from({ length: 100_000 }, () => ({})) });
  runEverywhere('100,000 empty pmis', tiny, { heavy: true });
  const real = () => ({ pmis: Array.from({ length: 100_000 }, (_, i) => ({ siteName: `Site ${i}`, mrn: `${i}` })) });
  const answers = runEverywhere('100,000 pmis', real, { heavy: true });
  // 3 MB of JSON: over the 1 MiB limit.
  assert.deepEqual(summary(answers['participant.pmis'].issues), ['INVALID_REQUEST@[]:tooLarge']);
  // Within the limit, with a repeated site: every repeat is reported, quickly.
  const repeats = { pmis: Array.from({ length: 30_000 }, (_, i) => ({ siteName: `S${i % 2}`, mrn: '1' })) };
  const result = timed('30,000 repeated sites', () => validateParticipant(repeats));
  checkResult(result, '30,000 repeated sites');
  if (participantRules) assert.equal(result.issues.filter((i) => i.code === 'PARTICIPANT_DUP_MRN_SITE').length, 29_998);
});

test('sparse arrays', () => {
  // eslint-disable-next-line no-sparse-arrays
  runEverywhere('sparse pmis', () => ({ pmis: [, { siteName: 'S', mrn: '1' }, , ] }));
  runEverywhere('sparse races', () => ({ races: Object.assign(new Array(5), { 2: 'Asian' }) }));
  runEverywhere('huge sparse array', () => {
    const holes = [];
    holes.length = 1_000_000;
    return holes;
  }, { heavy: true });
});

test('objects with a null prototype and class instances', () => {
  const bare = () => Object.assign(Object.create(null), VALID_USER);
  const answers = runEverywhere('null prototype', bare);
  assert.equal(answers.validateUser.valid, true);
  assert.deepEqual(answers.validateUser.issues, []);
  class UserForm {
    #secret = 'hidden';
    constructor() {
      Object.assign(this, VALID_USER);
    }
    get fullName() {
      return `${this.firstName} ${this.lastName}`;
    }
    toString() {
      return this.#secret;
    }
  }
  const instance = runEverywhere('class instance', () => new UserForm());
  assert.equal(instance.validateUser.valid, true);
  assert.deepEqual(instance.validateUser.issues, []);
  runEverywhere('boxed primitives', () => ({ firstName: new String('Ann'), id: new Number(NaN), apiUser: new Boolean(false) }));
  runEverywhere('Error object', () => new Error('x'));
  runEverywhere('Promise', () => Promise.resolve(1));
  runEverywhere('WeakMap', () => new WeakMap());
  runEverywhere('RegExp', () => /a+/g);
});

test('Map and Set values', () => {
  const map = runEverywhere('Map', () => new Map([['firstName', 'Ann']]));
  assertFirstName(map, 'INVALID_REQUEST', 'notText');
  const set = runEverywhere('Set', () => new Set(['Asian', NaN]));
  assertFirstName(set, 'INVALID_REQUEST', 'notText');
});

test('typed arrays and buffers', () => {
  for (const [name, make] of [
    ['Uint8Array', () => new Uint8Array([1, 2, 3])],
    ['Float64Array with NaN', () => new Float64Array([NaN, Infinity])],
    ['BigInt64Array', () => new BigInt64Array([1n])],
    ['ArrayBuffer', () => new ArrayBuffer(8)],
    ['DataView', () => new DataView(new ArrayBuffer(4))],
  ]) {
    runEverywhere(name, make);
  }
});

test('10,000 unknown keys', () => {
  const many = () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
  const answers = runEverywhere('10,000 unknown keys', many, { heavy: true });
  const patch = answers['validateUser patch'];
  assert.equal(patch.valid, true);
  assert.equal(patch.issues.length, 10_000);
  assert.ok(patch.issues.every((issue) => issue.code === 'UNKNOWN_FIELD' && issue.severity === 'warning'));
});

// Regression tests for two findings: repeated keys and repeated sites were found with nested scans,
// quadratic in their count. The bounds are far above what the linear code takes (a few ms) and far
// below what the quadratic code took within the 1 MiB limit (14 s for 80,000 keys, 9 s for 30,000 sites).
test('40,000 unknown keys take well under 2 s', () => {
  const many = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, 0]));
  const started = performance.now();
  validateUser(many, PATCH);
  assert.ok(performance.now() - started < 2000, `${(performance.now() - started).toFixed(0)} ms`);
});

test('20,000 pmis with distinct sites take well under 2 s', () => {
  const pmis = Array.from({ length: 20_000 }, (_, i) => ({ siteName: `S${i}`, mrn: '1' }));
  const started = performance.now();
  validateParticipant({ pmis });
  assert.ok(performance.now() - started < 2000, `${(performance.now() - started).toFixed(0)} ms`);
});

test('extremely long keys', () => {
  runEverywhere('500,000-character key', () => ({ ['k'.repeat(500_000)]: 1, firstName: 'Ann' }), { heavy: true });
  runEverywhere('long key in pmis', () => ({ pmis: [{ ['s'.repeat(100_000)]: 'x' }] }));
  runEverywhere('empty key', () => ({ '': 1, ' ': 2 }));
});

test('NUL and control characters', () => {
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u2028\u2029\ufeff';
  const answers = runEverywhere('control characters', () => `${controls}Ann${controls}`);
  checkResult(answers['user.firstName'], 'control characters');
  runEverywhere('NUL only', () => '\u0000');
  runEverywhere('control keys', () => ({ [controls]: controls, '\u0000unsupported': 'NaN' }));
  // The marker key the JS layer uses, sent by a caller: an object where text belongs, never a crash.
  const marker = validateUser({ ...VALID_USER, firstName: { '\u0000unsupported': 'NaN' } });
  assert.equal(marker.valid, false);
});

test('numbers as strings', () => {
  for (const text of ['1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1_000', '9223372036854775808', '-0', '1.0', ' 7 ']) {
    runEverywhere(`string ${text}`, () => text);
  }
  const id = validateUser({ ...VALID_USER, id: '1e309' });
  assert.deepEqual(summary(errorsOf(id)), ['INVALID_REQUEST@["id"]:notInteger']);
  const digits = validateUser({ ...VALID_USER, id: ' 7 ' });
  assert.equal(digits.valid, true);
});

test('bad field paths and kinds', () => {
  for (const path of ['', '.', '[0]', 'a..b', 'pmis[x]', 'a.'.repeat(100_000), 'pmis' + '[0]'.repeat(10_000), 'pmis[999999]', 'a[500000][500000]']) {
    const issues = timed(`path ${path.slice(0, 20)}`, () => validateField('participant', path, 'x'));
    checkIssues(issues, `path ${path.slice(0, 20)}`);
    assert.ok(issues.length <= 1, `path ${path.slice(0, 20)}: ${summary(issues)}`);
  }
  assert.throws(() => validateField('user', 42, 'x'), TypeError);
  assert.throws(() => validateField('specimen', 'x', 1), TypeError);
  assert.throws(() => validateField('__proto__', 'x', 1), TypeError);
  assert.throws(() => validateField('constructor', 'x', 1), TypeError);
  checkStillHealthy('bad paths');
});

test('bad options throw a TypeError naming the option, whatever the payload', () => {
  const cyclicSettings = {};
  cyclicSettings.self = cyclicSettings;
  const cases = [
    [{ mode: 'post' }, /options\.mode/],
    [{ locale: 7 }, /options\.locale/],
    [{ now: 'soon' }, /options\.now/],
    [{ now: NaN }, /options\.now/],
    [{ now: new Date(NaN) }, /options\.now/],
    [{ serverVersion: 'five' }, /options\.serverVersion/],
    [{ settings: 'strict' }, /options\.settings/],
    [{ settings: { uidPattern: '(' } }, /options\.settings\.uidPattern/],
    [{ settings: { uidMandatory: 1 } }, /options\.settings\.uidMandatory/],
    [{ permissibleValues: { colour: [] } }, /options\.permissibleValues\.colour/],
    [{ permissibleValues: { gender: 'Male' } }, /options\.permissibleValues\.gender/],
    [{ messages: 5 }, /options\.messages/],
    [{ mdoe: 'put' }, /options\.mdoe/],
    [{ settings: cyclicSettings }, /options/],
    [42, /options/],
    [[], /options/],
    ['patch', /options/],
  ];
  for (const [options, message] of cases) {
    const label = Object.keys(Object(options)).join(',') || String(options);
    assert.throws(() => createValidator(options), { name: 'TypeError', message }, `createValidator ${label}`);
    assert.throws(() => validateUser(VALID_USER, options), { name: 'TypeError', message }, `validateUser ${label}`);
    assert.throws(() => validateParticipant(null, options), TypeError, `validateParticipant ${label}`);
    assert.throws(() => validateField('user', 'firstName', 'x', null, options), TypeError, `validateField ${label}`);
  }
  // An options object whose getter throws: the getter's own error comes through; nothing is left half set up.
  assert.throws(() => createValidator({ get mode() { throw new RangeError('getter'); } }), RangeError);
  checkStillHealthy('bad options');
});
