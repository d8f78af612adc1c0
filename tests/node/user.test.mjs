// Update User through the package, as a portal calls it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateUser, validateField, createValidator } from '../../pkg/index.js';
import { VALID_USER } from '../support/payloads.mjs';

const errors = (result) => result.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.code}@${issue.field}`);
const warnings = (result) => result.issues.filter((issue) => issue.severity === 'warning').map((issue) => `${issue.code}@${issue.field}`);

test('the documentation example validates with no error', () => {
  const example = {
    id: 1, lastName: 'Admin', firstName: 'Admin', domainName: 'openspecimen', emailAddress: 'admin@admin.com',
    phoneNumber: '1234567890', loginName: 'admin@admin.com', activityStatus: 'Active', type: 'SUPER',
    instituteName: 'Hospital for Rare Diseases', address: 'HRD, New City',
  };
  const result = validateUser(example);
  assert.equal(result.valid, true);
  assert.deepEqual(errors(result), []);
  assert.deepEqual(warnings(result), ['PUT_RESETS_FIELD@primarySite']);
  assert.equal(result.value.firstName, 'Admin');
});

test('a complete body is valid and its value normalised', () => {
  const result = validateUser({ ...VALID_USER, firstName: '  Ann ', type: 'regular', activityStatus: 'Archived', dnd: 'true' });
  assert.deepEqual(result.issues, []);
  assert.equal(result.valid, true);
  assert.deepEqual(result.value, { ...VALID_USER, firstName: 'Ann', type: 'NONE', activityStatus: 'Closed', dnd: true });
});

test('each required field, with the server codes', () => {
  const result = validateUser({});
  assert.deepEqual(errors(result), [
    'USER_FIRST_NAME_REQUIRED@firstName',
    'USER_LAST_NAME_REQUIRED@lastName',
    'USER_INVALID_EMAIL@emailAddress',
    'USER_LOGIN_NAME_REQUIRED@loginName',
    'USER_DOMAIN_NAME_REQUIRED@domainName',
    'USER_INST_REQUIRED@instituteName',
  ]);
  for (const issue of result.issues) assert.ok(issue.message.length > 10, issue.code);
});

test('email boundaries: 255 passes, 256 fails; admin@localhost valid; a..b@x not', () => {
  const email = (n) => `${'a'.repeat(n - 12)}@example.org`;
  assert.deepEqual(errors(validateUser({ ...VALID_USER, emailAddress: email(255) })), []);
  assert.deepEqual(errors(validateUser({ ...VALID_USER, emailAddress: email(256) })), ['FIELD_TOO_LONG@emailAddress']);
  assert.deepEqual(errors(validateUser({ ...VALID_USER, emailAddress: 'admin@localhost' })), []);
  const bad = validateUser({ ...VALID_USER, emailAddress: 'a..b@x' });
  assert.deepEqual(errors(bad), ['USER_INVALID_EMAIL@emailAddress']);
  assert.equal(bad.issues[0].message, 'Enter an email address such as name@example.org.');
});

test('names: 255 code points pass, 256 fail, with max and length params', () => {
  assert.deepEqual(errors(validateUser({ ...VALID_USER, lastName: '😀'.repeat(255) })), []);
  const result = validateUser({ ...VALID_USER, lastName: '😀'.repeat(256) });
  assert.deepEqual(errors(result), ['FIELD_TOO_LONG@lastName']);
  assert.deepEqual(result.issues[0].params, { max: 255, length: 256 });
  assert.match(result.issues[0].message, /Last name is too long: 256 characters, at most 255/);
});

test('type and activity status: exact values, Regular and Archived aliases', () => {
  const bad = validateUser({ ...VALID_USER, type: 'super' });
  assert.deepEqual(errors(bad), ['USER_INVALID_TYPE@type']);
  assert.equal(bad.issues[0].params.type, 'super');
  assert.deepEqual(errors(validateUser({ ...VALID_USER, activityStatus: 'archived' })), ['ACTIVITY_STATUS_INVALID@activityStatus']);
  assert.equal(validateUser({ ...VALID_USER, type: 'REGULAR' }).value.type, 'NONE');
});

test('api users need an IP range', () => {
  assert.deepEqual(errors(validateUser({ ...VALID_USER, apiUser: true })), ['USER_IP_REQ@ipRange']);
  assert.deepEqual(errors(validateUser({ ...VALID_USER, apiUser: true, ipRange: '10.0.0.0/8, ::1' })), []);
  const bad = validateUser({ ...VALID_USER, apiUser: true, ipRange: '10.0.0.0/33' });
  assert.deepEqual(errors(bad), ['USER_INVALID_IP@ipRange']);
  assert.equal(bad.issues[0].params.ipRange, '10.0.0.0/33');
  assert.deepEqual(errors(validateUser({ ...VALID_USER, apiUser: 1 })), ['INVALID_REQUEST@apiUser']);
});

test('contact users and the reserved system login', () => {
  const contact = { firstName: 'C', lastName: 'D', emailAddress: 'c@d.org', instituteName: 'I', type: 'CONTACT' };
  assert.deepEqual(errors(validateUser(contact)), []);
  assert.deepEqual(errors(validateUser({ ...VALID_USER, loginName: '$system' })), ['USER_SYS_LOGIN_NAME@loginName']);
});

test('warnings: PUT resets and unknown keys, not for GET fields; warnings alone stay valid', () => {
  const { primarySite, manageForms, ...rest } = VALID_USER;
  const result = validateUser({ ...rest, emailAdress: 'typo@x.org', creationDate: 1548909110207 });
  assert.equal(result.valid, true);
  assert.deepEqual(warnings(result), [
    'PUT_RESETS_FIELD@primarySite',
    'PUT_RESETS_FIELD@manageForms',
    'UNKNOWN_FIELD@emailAdress',
  ]);
  assert.deepEqual(validateUser({ ...VALID_USER }, { mode: 'patch' }).issues, []);
});

test('patch checks only the keys present', () => {
  assert.deepEqual(validateUser({ emailAddress: 'ok@example.org' }, { mode: 'patch' }).issues, []);
  assert.deepEqual(errors(validateUser({ firstName: '' }, { mode: 'patch' })), ['USER_FIRST_NAME_REQUIRED@firstName']);
});

test('validateField returns only that field, and sees the rest of the payload', () => {
  assert.deepEqual(errors({ issues: validateField('user', 'emailAddress', 'nope') }), ['USER_INVALID_EMAIL@emailAddress']);
  assert.deepEqual(validateField('user', 'emailAddress', 'ok@example.org'), []);
  assert.deepEqual(errors({ issues: validateField('user', 'ipRange', '', { ...VALID_USER, apiUser: true }) }), ['USER_IP_REQ@ipRange']);
  assert.deepEqual(validateField('user', 'ipRange', '', { ...VALID_USER, apiUser: false }), []);
  const schema = createValidator({ mode: 'patch' }).user;
  assert.deepEqual(errors({ issues: schema.validateField('loginName', '', { type: 'NONE' }) }), ['USER_LOGIN_NAME_REQUIRED@loginName']);
  assert.deepEqual(schema.validateField('loginName', '', { type: 'CONTACT' }), []);
});
