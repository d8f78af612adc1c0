// Update Participant and Update Registration through the package, as a portal calls them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateParticipant, validateRegistration, validateField, createValidator } from '../../pkg/index.js';

// 2026-01-01T12:00:00Z. Dates a day or more away from it are on the same side of "today" in every
// time zone, so these tests do not depend on the machine's zone.
const NOW = Date.UTC(2026, 0, 1, 12);
const at = (options = {}) => ({ now: NOW, ...options });

const full = {
  id: 7,
  firstName: 'Ann',
  lastName: 'Lee',
  uid: '123-45-6789',
  birthDate: '1990-05-20',
  vitalStatus: 'Alive',
  gender: 'Female Gender',
  races: ['Asian'],
  ethnicities: ['Not Reported'],
  pmis: [{ siteName: 'Site A1', mrn: 'MRN-1' }],
  emailAddress: 'ann@example.org',
  activityStatus: 'Active',
};

const SSN = '^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$';

const labels = (result) => result.issues.map((issue) => `${issue.code}@${issue.field}`);
const errors = (result) => result.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.code}@${issue.field}`);
const warnings = (result) => result.issues.filter((issue) => issue.severity === 'warning').map((issue) => `${issue.code}@${issue.field}`);

function assertMessages(result) {
  for (const issue of result.issues) {
    assert.equal(typeof issue.message, 'string', issue.code);
    assert.ok(issue.message.length > 0, `${issue.code} has a message`);
    assert.doesNotMatch(issue.message, /\{\w+\}/, `${issue.code}: every placeholder filled: ${issue.message}`);
  }
}

test('the documentation example (repaired) validates with no issue; race is written as races', () => {
  // update-participant.txt: the second object is the request. No warning is expected: it sends pmis,
  // race (read as races) and ethnicities, so a PUT resets nothing, and every key is known.
  const example = {
    firstName: 'John', gender: 'Male Gender', id: '1', lastName: 'Depp',
    pmis: [{ mrn: '324r6', siteName: 'Lab2' }], race: ['Asian'], ethnicities: ['Hispanic or Latino'],
    uid: '123-45-6789', activityStatus: 'Active',
  };
  const result = validateParticipant(example, at());
  assert.deepEqual(result.issues, []);
  assert.equal(result.valid, true);
  assert.deepEqual(result.value.races, ['Asian']);
  assert.equal('race' in result.value, false);
});

test('a complete body is valid; its value is trimmed and dates are yyyy-MM-dd', () => {
  assert.deepEqual(validateParticipant(full, at()).issues, []);
  const result = validateParticipant({ ...full, firstName: ' Ann ', birthDate: Date.UTC(1990, 4, 20, 10), pmis: [{ siteName: ' Site A1 ', mrn: '' }, {}] }, at());
  assert.deepEqual(result.issues, []);
  assert.equal(result.value.firstName, 'Ann');
  assert.equal(result.value.birthDate, '1990-05-20');
  assert.deepEqual(result.value.pmis, [{ siteName: 'Site A1' }]);
});

test('permissible values: the offending value and the list in force, with messages', () => {
  const result = validateParticipant({ ...full, gender: 'Male', races: ['Asian', 'Martian'], vitalStatus: 1 }, at());
  assert.deepEqual(errors(result), [
    'PARTICIPANT_INVALID_VITAL_STATUS@vitalStatus',
    'PARTICIPANT_INVALID_GENDER@gender',
    'PARTICIPANT_INVALID_RACE@races[1]',
  ]);
  assert.equal(result.valid, false);
  assert.equal(result.value, null);
  assert.deepEqual(result.issues[0].params, { value: '1', allowed: 'Alive, Dead, Unknown, Unspecified' });
  assert.deepEqual(result.issues[1].params, { value: 'Male', allowed: 'Male Gender, Female Gender, Unknown, Unspecified' });
  assert.deepEqual(result.issues[2].path, ['races', 1]);
  assert.equal(result.issues[1].message, '"Male" is not a gender value. Choose one of: Male Gender, Female Gender, Unknown, Unspecified.');
  assertMessages(result);
});

test('dates: the server forms pass, malformed ones are INVALID_REQUEST, the future is refused', () => {
  for (const birthDate of [643161600000, '643161600000', '1990-05-20', '1990-05-20T10:30:00Z', '1990-05-20T10:30:00.123Z']) {
    assert.deepEqual(labels(validateParticipant({ ...full, birthDate }, at())), [], String(birthDate));
  }
  for (const birthDate of ['20/05/1990', '1990-13-01', '1990-01-32', '1990-05-20T10:30:00+01:00', 1.5, true]) {
    const result = validateParticipant({ ...full, birthDate }, at());
    assert.deepEqual(labels(result), ['INVALID_REQUEST@birthDate'], String(birthDate));
    assertMessages(result);
  }
  for (const birthDate of ['2026-01-03', '2026-01-01T12:00:01Z', NOW + 1]) {
    const result = validateParticipant({ ...full, birthDate }, at());
    assert.deepEqual(labels(result), ['PARTICIPANT_INVALID_BIRTH_DATE@birthDate'], String(birthDate));
  }
  // `now` as a Date, and now itself is not in the future.
  assert.deepEqual(labels(validateParticipant({ ...full, birthDate: NOW }, { now: new Date(NOW) })), []);
  // A day that does not exist rolls over.
  const rolled = validateParticipant({ ...full, birthDate: '2023-02-29' }, at());
  assert.deepEqual(warnings(rolled), ['DATE_ROLLS_OVER@birthDate']);
  assert.equal(rolled.valid, true);
  assert.equal(rolled.value.birthDate, '2023-03-01');
  assert.match(rolled.issues[0].message, /2023-03-01/);
});

test('death dates: future, before birth, ignored without a dead vital status', () => {
  const dead = { ...full, vitalStatus: 'Dead' };
  const future = validateParticipant({ ...dead, deathDate: '2026-01-05' }, at());
  assert.deepEqual(labels(future), ['PARTICIPANT_INVALID_DEATH_DATE@deathDate']);
  assert.deepEqual(future.issues[0].params, { reason: 'future' });
  assert.equal(future.issues[0].message, 'The death date cannot be in the future.');
  const before = validateParticipant({ ...dead, deathDate: '1990-05-19' }, at());
  assert.deepEqual(before.issues[0].params, { reason: 'beforeBirth' });
  assert.equal(before.issues[0].message, 'The death date cannot be before the birth date.');
  assert.deepEqual(labels(validateParticipant({ ...dead, deathDate: '1990-05-20' }, at())), [], 'the same day');
  const ignored = validateParticipant({ ...full, deathDate: '2020-01-01' }, at());
  assert.deepEqual(labels(ignored), ['DEATH_DATE_IGNORED@deathDate']);
  assert.equal(ignored.issues[0].severity, 'warning');
  assert.equal(ignored.valid, true);
  assertMessages(ignored);
  // PATCH without a vital status: no warning (the stored one is unknown), the future check applies.
  assert.deepEqual(labels(validateParticipant({ deathDate: '2020-01-01' }, at({ mode: 'patch' }))), []);
  assert.deepEqual(labels(validateParticipant({ deathDate: '2026-01-05' }, at({ mode: 'patch' }))), ['PARTICIPANT_INVALID_DEATH_DATE@deathDate']);
});

test("custom permissible values in the server's response shape", () => {
  const permissibleValues = {
    vital_status: [
      { id: 1, attribute: 'vital_status', value: 'Alive', props: {} },
      { id: 2, attribute: 'vital_status', value: 'Deceased', props: { dead: 'true' } },
      { id: 3, attribute: 'vital_status', value: 'Dead' },
    ],
    gender: [{ value: 'Male' }, { value: 'Female' }],
  };
  const options = at({ permissibleValues });
  const base = { ...full, gender: 'Male' };
  assert.deepEqual(labels(validateParticipant({ ...base, vitalStatus: 'Deceased', deathDate: '2020-01-01' }, options)), []);
  assert.deepEqual(
    labels(validateParticipant({ ...base, vitalStatus: 'Deceased', deathDate: '2027-01-01' }, options)),
    ['PARTICIPANT_INVALID_DEATH_DATE@deathDate'],
  );
  // An object "Dead" without props is not dead.
  assert.deepEqual(labels(validateParticipant({ ...base, vitalStatus: 'Dead', deathDate: '2020-01-01' }, options)), ['DEATH_DATE_IGNORED@deathDate']);
  const result = validateParticipant({ ...full }, options);
  assert.deepEqual(labels(result), ['PARTICIPANT_INVALID_GENDER@gender']);
  assert.equal(result.issues[0].params.allowed, 'Male, Female');
});

test('the SSN pattern through options.settings.uidPattern; uidMandatory', () => {
  const options = at({ settings: { uidPattern: SSN } });
  assert.deepEqual(labels(validateParticipant(full, options)), []);
  for (const uid of ['000-12-3456', '666-12-3456', '123-00-4567', '123-45-0000', '123456789']) {
    const result = validateParticipant({ ...full, uid }, options);
    assert.deepEqual(labels(result), ['PARTICIPANT_INVALID_UID@uid'], uid);
    assert.deepEqual(result.issues[0].params, { uid });
    assert.match(result.issues[0].message, new RegExp(uid));
  }
  assert.deepEqual(labels(validateParticipant({ ...full, uid: '1'.repeat(51) }, options)), ['FIELD_TOO_LONG@uid']);
  const mandatory = at({ settings: { uidMandatory: true } });
  const { uid, ...withoutUid } = full;
  assert.equal(uid, '123-45-6789');
  assert.deepEqual(labels(validateParticipant(withoutUid, mandatory)), ['PARTICIPANT_UID_REQUIRED@uid']);
  assert.deepEqual(labels(validateParticipant({}, { ...mandatory, mode: 'patch' })), []);
  assert.deepEqual(labels(validateParticipant({ uid: ' ' }, { ...mandatory, mode: 'patch' })), ['PARTICIPANT_UID_REQUIRED@uid']);
});

test('an invalid pattern throws a TypeError naming the option', () => {
  for (const call of [
    () => validateParticipant(full, { settings: { uidPattern: '(' } }),
    () => createValidator({ settings: { uidPattern: '(' } }),
  ]) {
    assert.throws(call, (error) => error instanceof TypeError && error.message.includes('options.settings.uidPattern'));
  }
  assert.throws(
    () => validateRegistration({ participant: {} }, { settings: { mpiPattern: '(' } }),
    (error) => error instanceof TypeError && error.message.includes('options.settings.mpiPattern'),
  );
});

test('versions: ethnicity before 4.0, ethnicities from 4.0, sexGenotype checked before 5.0 only', () => {
  const { ethnicities, ...rest } = full;
  assert.deepEqual(ethnicities, ['Not Reported']);
  const old = { ...rest, ethnicity: 'Not Reported' };
  assert.deepEqual(labels(validateParticipant(old, at({ serverVersion: '3.6' }))), []);
  assert.deepEqual(labels(validateParticipant({ ...old, ethnicity: 'Latino' }, at({ serverVersion: '3.6' }))), ['PARTICIPANT_INVALID_ETHNICITY@ethnicity']);
  assert.deepEqual(labels(validateParticipant(full, at({ serverVersion: '3.6' }))), ['PUT_RESETS_FIELD@ethnicity', 'UNKNOWN_FIELD@ethnicities']);
  assert.deepEqual(labels(validateParticipant(old, at({ serverVersion: '4.1' }))), ['PUT_RESETS_FIELD@ethnicities', 'UNKNOWN_FIELD@ethnicity']);
  assert.deepEqual(labels(validateParticipant({ ...full, sexGenotype: 'XY' }, at({ serverVersion: '4.1' }))), ['PARTICIPANT_INVALID_GENOTYPE@sexGenotype']);
  assert.deepEqual(labels(validateParticipant({ ...full, sexGenotype: 'XY' }, at({ serverVersion: '5.0' }))), []);
  assert.deepEqual(labels(validateParticipant({ ...full, sexGenotype: 'X'.repeat(51) }, at({ serverVersion: '5.0' }))), ['FIELD_TOO_LONG@sexGenotype']);
});

test('pmis: a site per MRN, each site once, the repeats marked at their siteName', () => {
  const result = validateParticipant({
    ...full,
    pmis: [{ siteName: 'Site A', mrn: '1' }, { siteName: 'Site A', mrn: '2' }, { mrn: '3' }, 'x'],
  }, at());
  assert.deepEqual(labels(result), ['PARTICIPANT_DUP_MRN_SITE@pmis[1].siteName', 'SITE_NOT_FOUND@pmis[2].siteName', 'INVALID_REQUEST@pmis[3]']);
  assert.deepEqual(result.issues[0].path, ['pmis', 1, 'siteName']);
  assert.deepEqual(result.issues[0].params, { site: 'Site A' });
  assert.match(result.issues[0].message, /Site A/);
  assertMessages(result);
});

test('PUT warns about the lists it clears, PATCH does not; unknown keys warn', () => {
  const { pmis, races, ...rest } = full;
  assert.equal(pmis.length + races.length, 2);
  const put = validateParticipant({ ...rest, fristName: 'x' }, at());
  assert.deepEqual(labels(put), ['PUT_RESETS_FIELD@races', 'PUT_RESETS_FIELD@pmis', 'UNKNOWN_FIELD@fristName']);
  assert.equal(put.valid, true);
  assert.deepEqual(put.issues[0].params, { field: 'races' });
  assertMessages(put);
  assert.deepEqual(labels(validateParticipant(rest, at({ mode: 'patch' }))), []);
  assert.deepEqual(labels(validateParticipant({ ...rest, pmis: null, races: null }, at())), []);
});

test('wrong JSON types: one INVALID_REQUEST each, at the path', () => {
  const result = validateParticipant({ ...full, firstName: {}, races: 'Asian', pmis: [{ siteName: ['A'], mrn: '1' }], emailOptIn: 'yes' }, at());
  assert.deepEqual(labels(result), ['INVALID_REQUEST@firstName', 'INVALID_REQUEST@races', 'INVALID_REQUEST@pmis[0].siteName', 'INVALID_REQUEST@emailOptIn']);
  assert.equal(result.issues[1].message, 'Race must be a list.');
  assertMessages(result);
  assert.deepEqual(labels(validateParticipant([full], at())), ['INVALID_REQUEST@']);
});

test('registration: the participant is required, checked partially, its paths prefixed', () => {
  const missing = validateRegistration({ ppid: 'P1' }, at());
  assert.deepEqual(labels(missing), ['CPR_PARTICIPANT_DETAIL_REQUIRED@participant']);
  assert.deepEqual(missing.issues[0].path, ['participant']);
  assert.deepEqual(labels(validateRegistration({ participant: null }, at())), ['CPR_PARTICIPANT_DETAIL_REQUIRED@participant']);
  assert.deepEqual(labels(validateRegistration({ participant: 'x' }, at())), ['INVALID_REQUEST@participant']);
  // Partial: no PUT warnings, whatever the mode says.
  assert.deepEqual(labels(validateRegistration({ participant: {} }, at({ mode: 'put' }))), []);
  const result = validateRegistration({
    ppid: '',
    registrationDate: null,
    dataEntryStatus: 'draft',
    participant: { pmis: [{ siteName: 'Site A', mrn: '1' }, { siteName: 'Site A', mrn: '2' }], vitalStatus: 'Alive', deathDate: '2020-01-01' },
  }, at());
  assert.deepEqual(labels(result), [
    'DEATH_DATE_IGNORED@participant.deathDate',
    'PARTICIPANT_DUP_MRN_SITE@participant.pmis[1].siteName',
    'CPR_PPID_REQUIRED@ppid',
    'CPR_REG_DATE_REQUIRED@registrationDate',
    'COMMON_INVALID_INPUT@dataEntryStatus',
  ]);
  assert.deepEqual(result.issues[1].path, ['participant', 'pmis', 1, 'siteName']);
  assert.deepEqual(result.issues[4].params, { value: 'draft', allowed: 'COMPLETE, DRAFT' });
  assertMessages(result);
});

test('registration: the research example is valid with the server seeded genders; values normalised', () => {
  const example = {
    cpId: 2, ppid: 'CP2-0007', registrationDate: '2024-01-15', site: 'Site A1', externalSubjectId: 'EXT-7', activityStatus: 'Active',
    participant: {
      firstName: 'John', lastName: 'Doe', middleName: 'Q', birthDate: '1990-05-20', vitalStatus: 'Dead', deathDate: '2023-02-01',
      gender: 'Male', races: ['White'], ethnicities: ['Not Hispanic or Latino'], uid: '123-45-6789', empi: 'E-100',
      pmis: [{ siteName: 'Site A1', mrn: 'MRN-1' }], activityStatus: 'Active',
    },
  };
  const options = at({ permissibleValues: { gender: ['Male', 'Female', 'Unknown', 'Undifferentiated'] } });
  const result = validateRegistration(example, options);
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.value, example);
  const trimmed = validateRegistration({ ...example, barcode: ' B1 ', participant: { race: [' White '], phoneNumber: ' ' } }, options);
  assert.deepEqual(trimmed.issues, []);
  assert.equal(trimmed.value.barcode, 'B1');
  assert.deepEqual(trimmed.value.participant, { phoneNumber: null, races: ['White'] });
  // The registration date has no future check.
  assert.deepEqual(labels(validateRegistration({ ...example, registrationDate: '2030-01-01' }, options)), []);
});

test('validateField and the Standard Schema see nested participant fields', () => {
  const payload = { participant: { pmis: [{ siteName: 'Site A', mrn: '1' }, { siteName: 'Site B', mrn: '2' }] } };
  const issues = validateField('registration', 'participant.pmis[1].siteName', 'Site A', payload, at());
  assert.deepEqual(issues.map((issue) => `${issue.code}@${issue.field}`), ['PARTICIPANT_DUP_MRN_SITE@participant.pmis[1].siteName']);
  assert.ok(issues[0].message.length > 0);
  assert.deepEqual(validateField('participant', 'races[0]', 'Asian', {}, at()), []);
  const validator = createValidator(at());
  const outcome = validator.registration['~standard'].validate({ participant: { gender: 'x' } });
  assert.deepEqual(outcome.issues.map((issue) => issue.path), [['participant', 'gender']]);
  assert.deepEqual(validator.registration['~standard'].validate({ participant: { vitalStatus: 'Alive', deathDate: '2020-01-01' } }).value, {
    participant: { vitalStatus: 'Alive', deathDate: '2020-01-01' },
  });
});
