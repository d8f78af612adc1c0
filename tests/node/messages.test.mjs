// Messages: per-call locale with English fallback, per-code overrides with {param} placeholders, and
// message tables that cover every code the Rust side can report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createValidator, locales, registerLocale, validateUser } from '../../pkg/index.js';
import en from '../../pkg/locales/en.js';
import fr from '../../pkg/locales/fr.js';

const codesRs = readFileSync(new URL('../../src/codes.rs', import.meta.url), 'utf8');
const [codesPart, reasonPart = ''] = codesRs.split(/pub mod reason/);
const CODES = [...codesPart.matchAll(/pub const \w+: &str = "([A-Z_]+)";/g)].map((match) => match[1]);
const REASONS = [...reasonPart.matchAll(/pub const \w+: &str = "(\w+)";/g)].map((match) => match[1]);

const message = (result, code) => result.issues.find((issue) => issue.code === code)?.message;
const tooLong = { firstName: 'x'.repeat(256) };

test('src/codes.rs parses into codes and reasons', () => {
  assert.ok(CODES.length >= 30, `only ${CODES.length} codes found`);
  assert.ok(CODES.includes('USER_FIRST_NAME_REQUIRED') && CODES.includes('DATE_ROLLS_OVER'));
  assert.ok(REASONS.includes('notBoolean') && REASONS.includes('notDate'), REASONS.join());
});

test('every code in src/codes.rs has an English message', () => {
  const missing = CODES.filter((code) => !Object.hasOwn(en.messages, code));
  assert.deepEqual(missing, []);
});

test('every INVALID_REQUEST reason in src/codes.rs has an English wording', () => {
  const missing = REASONS.filter((reason) => !Object.hasOwn(en.messages, `INVALID_REQUEST.${reason}`));
  assert.deepEqual(missing, []);
});

test('every message key names a code of src/codes.rs', () => {
  const unknown = Object.keys(en.messages).filter((key) => key !== 'UNKNOWN_CODE' && !CODES.includes(key.split('.')[0]));
  assert.deepEqual(unknown, []);
});

test('en and fr have the same message keys and the same field labels', () => {
  assert.deepEqual(Object.keys(fr.messages).sort(), Object.keys(en.messages).sort());
  assert.deepEqual(Object.keys(fr.fields).sort(), Object.keys(en.fields).sort());
});

test('each fr template uses the placeholders of its en template', () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  for (const key of Object.keys(en.messages)) {
    assert.deepEqual(placeholders(fr.messages[key]), placeholders(en.messages[key]), key);
  }
});

test('the locale is per call: fr differs from en, and the default is English', () => {
  const english = validateUser({ firstName: '' }, { mode: 'patch' });
  const french = validateUser({ firstName: '' }, { mode: 'patch', locale: 'fr' });
  assert.equal(message(english, 'USER_FIRST_NAME_REQUIRED'), "Enter the user's first name.");
  assert.equal(message(french, 'USER_FIRST_NAME_REQUIRED'), "Saisissez le prénom de l'utilisateur.");
  // The same options object reused, and a fresh call without locale, stay in their own language.
  assert.equal(message(validateUser({ firstName: '' }, { mode: 'patch' }), 'USER_FIRST_NAME_REQUIRED'), "Enter the user's first name.");
});

test('field labels follow the locale', () => {
  const french = validateUser(tooLong, { mode: 'patch', locale: 'fr' });
  assert.equal(message(french, 'FIELD_TOO_LONG'), 'Prénom est trop long : 256 caractères, au plus 255. Raccourcissez-le.');
  const english = validateUser(tooLong, { mode: 'patch' });
  assert.equal(message(english, 'FIELD_TOO_LONG'), 'First name is too long: 256 characters, at most 255. Shorten it.');
});

test('a region tag falls back to its language: fr-CA, fr_BE and FR are French', () => {
  for (const locale of ['fr-CA', 'fr_BE', 'FR', 'fr-ca']) {
    assert.equal(message(validateUser({ firstName: '' }, { mode: 'patch', locale }), 'USER_FIRST_NAME_REQUIRED'), "Saisissez le prénom de l'utilisateur.", locale);
  }
});

test('an unknown locale falls back to English, including names of Object.prototype members', () => {
  for (const locale of ['de', 'zz-ZZ', '', 'constructor', 'toString', '__proto__']) {
    assert.equal(message(validateUser({ firstName: '' }, { mode: 'patch', locale }), 'USER_FIRST_NAME_REQUIRED'), "Enter the user's first name.", locale);
  }
});

test('a key missing from a locale falls back to English, message and label alike', () => {
  registerLocale('xx-test', { messages: { USER_LAST_NAME_REQUIRED: 'LAST!' }, fields: {} });
  const result = validateUser({ firstName: '', lastName: '' }, { mode: 'patch', locale: 'xx-test' });
  assert.equal(message(result, 'USER_LAST_NAME_REQUIRED'), 'LAST!');
  assert.equal(message(result, 'USER_FIRST_NAME_REQUIRED'), "Enter the user's first name.");
  const long = validateUser(tooLong, { mode: 'patch', locale: 'xx-test' });
  assert.equal(message(long, 'FIELD_TOO_LONG'), 'First name is too long: 256 characters, at most 255. Shorten it.');
  assert.ok(Object.hasOwn(locales, 'xx-test'));
});

test('registerLocale rejects a locale without a messages table', () => {
  assert.throws(() => registerLocale('yy', {}), TypeError);
  assert.throws(() => registerLocale('yy', { messages: null }), TypeError);
  assert.throws(() => registerLocale(7, { messages: {} }), TypeError);
});

test('an override fills {param} placeholders, {label} and {path}', () => {
  const validator = createValidator({ mode: 'patch', messages: { FIELD_TOO_LONG: '{label} ({path}): {length} > {max}' } });
  assert.equal(message(validator.user.validate(tooLong), 'FIELD_TOO_LONG'), 'First name (firstName): 256 > 255');
});

test('an override in one locale still wins over that locale', () => {
  const result = validateUser({ firstName: '' }, { mode: 'patch', locale: 'fr', messages: { USER_FIRST_NAME_REQUIRED: 'Prénom !' } });
  assert.equal(message(result, 'USER_FIRST_NAME_REQUIRED'), 'Prénom !');
});

test('an override keyed CODE.reason picks the wording of that reason only', () => {
  const validator = createValidator({ mode: 'patch', messages: { 'INVALID_REQUEST.notBoolean': '{label}: yes or no' } });
  const result = validator.user.validate({ apiUser: 1, id: 1.5 });
  const messages = Object.fromEntries(result.issues.map((issue) => [issue.field, issue.message]));
  assert.equal(messages.apiUser, 'API user: yes or no');
  assert.equal(messages.id, 'ID must be a whole number.');
});

test('a placeholder with no param stays visible', () => {
  const validator = createValidator({ mode: 'patch', messages: { FIELD_TOO_LONG: 'At most {max} ({nosuch}).' } });
  assert.equal(message(validator.user.validate(tooLong), 'FIELD_TOO_LONG'), 'At most 255 ({nosuch}).');
});

test('UNKNOWN_FIELD and PUT_RESETS_FIELD name the field', () => {
  const result = validateUser({ firstNmae: 'Ann' });
  assert.equal(message(result, 'UNKNOWN_FIELD'), '"firstNmae" is not a field OpenSpecimen reads here; it will be ignored. Check its spelling.');
  assert.match(result.issues.find((issue) => issue.code === 'PUT_RESETS_FIELD').message, /^(Primary site|User type|Activity status|Manage forms) is left out/);
});

test('bad message options throw a TypeError naming the option', () => {
  assert.throws(() => createValidator({ messages: 'x' }), { name: 'TypeError', message: /options\.messages/ });
  assert.throws(() => createValidator({ messages: { FIELD_TOO_LONG: 7 } }), { name: 'TypeError', message: /options\.messages\.FIELD_TOO_LONG/ });
});
