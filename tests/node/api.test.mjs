// The package as a portal imports it: the exports, the result shape, options errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../pkg/index.js';

test('exports the functions of the spec', () => {
  for (const name of ['validateUser', 'validateParticipant', 'validateRegistration', 'validateField', 'createValidator']) {
    assert.equal(typeof api[name], 'function', name);
  }
});

test('a result has valid, issues and value, and each issue its fields', () => {
  const result = api.validateUser({ firstName: '' }, { mode: 'patch' });
  assert.equal(result.valid, false);
  assert.equal(result.value, null);
  assert.deepEqual(result.issues, [
    {
      code: 'USER_FIRST_NAME_REQUIRED',
      path: ['firstName'],
      field: 'firstName',
      severity: 'error',
      message: "Enter the user's first name.",
    },
  ]);
});

test('bad options throw a TypeError naming the option', () => {
  assert.throws(() => api.createValidator({ mode: 'post' }), { name: 'TypeError', message: /options\.mode/ });
  assert.throws(() => api.createValidator({ locale: 7 }), { name: 'TypeError', message: /options\.locale/ });
  assert.throws(() => api.createValidator({ now: 'soon' }), { name: 'TypeError', message: /options\.now/ });
  assert.throws(() => api.createValidator({ mdoe: 'put' }), { name: 'TypeError', message: /options\.mdoe/ });
  assert.throws(() => api.validateField('specimen', 'x', 1), { name: 'TypeError', message: /kind/ });
});

test('a payload that is not an object is INVALID_REQUEST at the root', () => {
  for (const payload of [null, undefined, 42, 'text', [1, 2], true]) {
    const result = api.validateUser(payload);
    assert.equal(result.valid, false);
    assert.deepEqual(result.issues.map((issue) => [issue.code, issue.path.length]), [['INVALID_REQUEST', 0]], String(payload));
  }
});

test('validateMany checks a batch in one call, each result as validate would give it', () => {
  const full = {
    firstName: 'Ann', lastName: 'Lee', emailAddress: 'a@b.org', loginName: 'a', domainName: 'd',
    instituteName: 'I', primarySite: '', type: 'NONE', activityStatus: 'Active', manageForms: false,
  };
  const batch = [full, { ...full, firstName: ' ' }, { ...full, type: 'regular' }, 7];
  const results = api.validateMany('user', batch);
  assert.equal(results.length, 4);
  results.forEach((result, index) => {
    const single = api.validateUser(batch[index]);
    assert.deepEqual({ ...result }, { ...single }, `payload ${index}`);
  });
  assert.equal(results[2].value.type, 'NONE');
  assert.throws(() => api.validateMany('user', full), TypeError);
});

test('validateMany answers every slot, holes included, when the batch cannot be sent as JSON', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  // eslint-disable-next-line no-sparse-arrays
  const results = api.validateMany('user', [, cyclic]);
  assert.equal(results.length, 2);
  assert.ok(0 in results && 1 in results, 'no holes');
  assert.deepEqual(results.map((result) => result.issues[0].params.reason), ['unsupported', 'unreadable']);
});

test('the normalised value is the payload as it was validated, even when read after the payload changed', () => {
  const validator = api.createValidator({ mode: 'patch' });
  const payload = { firstName: ' Ann ', type: 'Regular', dnd: 'true' };
  const result = validator.user.validate(payload);
  payload.firstName = 'Changed';
  payload.type = 'SUPER';
  assert.equal(result.valid, true);
  assert.deepEqual(result.value, { firstName: 'Ann', type: 'NONE', dnd: true });
  assert.deepEqual(JSON.parse(JSON.stringify(result)).value, { firstName: 'Ann', type: 'NONE', dnd: true }, 'enumerable');
  // Unchanged payloads give their own text back; Standard Schema gives the normalised value at once.
  assert.deepEqual(validator.user.validate({ firstName: 'Ann' }).value, { firstName: 'Ann' });
  const standard = validator.user['~standard'].validate({ lastName: ' Lee', race: 'x' });
  assert.deepEqual(standard, { value: { lastName: 'Lee', race: 'x' } });
  const registration = validator.registration['~standard'].validate({ participant: { race: ['Asian'], pmis: [{}] } });
  assert.deepEqual(registration, { value: { participant: { pmis: [], races: ['Asian'] } } });
});

test('texts of every size and script cross intact, one after another (the encode buffer is reused)', () => {
  const validator = api.createValidator({ mode: 'patch' });
  const name = ' Zoë 日本 😀 ';
  for (let round = 0; round < 3; round++) {
    assert.deepEqual(validator.user.validate({ firstName: name }).value, { firstName: name.trim() });
    const long = validator.user.validate({ lastName: '日'.repeat(256) });
    assert.deepEqual(long.issues.map((i) => [i.code, i.params.length]), [['FIELD_TOO_LONG', 256]]);
    assert.equal(validator.user.validate({ lastName: '😀'.repeat(255) }).valid, true, 'code points, not UTF-16 units');
    // Past the reused buffer: its own buffer, then the small payloads above again.
    const address = 'é'.repeat(30000) + ' ';
    const big = validator.user.validate({ address });
    assert.equal(big.valid, true);
    assert.equal(big.value.address, address.trim());
  }
});

test('validateMany on a batch larger than one call (over 1 MiB of JSON) answers each payload in order', () => {
  const validator = api.createValidator({ mode: 'patch' });
  const batch = Array.from({ length: 2600 }, (_, index) => ({
    firstName: index % 7 === 0 ? ' ' : ` Ann ${index}`, // blank every 7th: an error
    address: `${index} `.padEnd(400, 'x'),
    ...(index % 11 === 0 ? { dnd: 'maybe' } : {}), // not a boolean every 11th
    ...(index === 1234 ? { lastName: 'L'.repeat(2_000_000) } : {}), // alone over the size limit
  }));
  assert.ok(JSON.stringify(batch).length > 1024 * 1024);
  const results = validator.user.validateMany(batch);
  assert.equal(results.length, batch.length);
  results.forEach((result, index) => {
    assert.deepEqual({ ...result }, { ...validator.user.validate(batch[index]) }, `payload ${index}`);
  });
  assert.equal(results[1].value.firstName, 'Ann 1');
  assert.equal(results[1234].issues[0].params.reason, 'tooLarge');
  const expectedValid = batch.filter((_, index) => index % 7 !== 0 && index % 11 !== 0 && index !== 1234).length;
  assert.equal(results.filter((result) => result.valid).length, expectedValid);
});
