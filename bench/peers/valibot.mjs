// The rules in Valibot 1.x. Each issue's message is the spec's code; the exporter maps Valibot
// issues to { code, path }.
import * as v from 'valibot';
import {
  NOW, GENDERS, RACES, ETHNICITIES, VITAL_STATUSES, USER_TYPES, REGULAR_RE, USER_STATUSES,
  PARTICIPANT_STATUSES, EMAIL_RE, IP_RANGE_RE, DATE_STRING_RE, parseDate,
} from './common.mjs';

const INVALID = 'INVALID_REQUEST';
const isBlank = (x) => x === undefined || x === null || x === '';

const optionalText = (max) =>
  v.nullish(max ? v.pipe(v.string(INVALID), v.trim(), v.maxLength(max, 'FIELD_TOO_LONG')) : v.pipe(v.string(INVALID), v.trim()));
/** Missing and null become '' (the default), which the non-empty check then reports with `code`. */
const requiredText = (code, max) =>
  v.nullish(
    max
      ? v.pipe(v.string(INVALID), v.trim(), v.nonEmpty(code), v.maxLength(max, 'FIELD_TOO_LONG'))
      : v.pipe(v.string(INVALID), v.trim(), v.nonEmpty(code)),
    '',
  );
/** An optional enum: blank means missing. */
const optionalEnum = (values, code) => v.nullish(v.pipe(v.string(INVALID), v.trim(), v.picklist(['', ...values], code)));
const bool = v.nullish(v.union([v.boolean(), v.picklist(['true', 'false'])], INVALID));
const id = v.nullish(v.union([v.pipe(v.number(), v.safeInteger(INVALID)), v.pipe(v.string(), v.regex(/^\s*\d*\s*$/, INVALID))], INVALID));
/** An email: blank is `blankOk` or the email code; too long stops the pipe before the format check. */
const email = (code, blankOk) =>
  v.config(
    v.pipe(
      v.string(INVALID),
      v.trim(),
      v.maxLength(255, 'FIELD_TOO_LONG'),
      blankOk ? v.check((s) => s === '' || EMAIL_RE.test(s), code) : v.regex(EMAIL_RE, code),
    ),
    { abortPipeEarly: true },
  );

/** A date: its shape by schema, then the calendar and the clock. Output: epoch ms or undefined. */
const date = (futureCode) =>
  v.nullish(
    v.pipe(
      v.union([v.pipe(v.number(), v.safeInteger(INVALID)), v.pipe(v.string(), v.regex(DATE_STRING_RE, INVALID))], INVALID),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const ms = parseDate(dataset.value);
        if (Number.isNaN(ms)) {
          addIssue({ message: INVALID });
          return NEVER;
        }
        if (ms > NOW) {
          addIssue({ message: futureCode });
          return NEVER;
        }
        return ms;
      }),
    ),
  );

export const UserSchema = v.pipe(
  v.object({
    id,
    firstName: requiredText('USER_FIRST_NAME_REQUIRED', 255),
    lastName: requiredText('USER_LAST_NAME_REQUIRED', 255),
    emailAddress: v.nullish(email('USER_INVALID_EMAIL', false), ''),
    loginName: optionalText(255),
    domainName: optionalText(0),
    instituteName: requiredText('USER_INST_REQUIRED', 0),
    primarySite: optionalText(0),
    type: v.nullish(
      v.pipe(
        v.string(INVALID),
        v.trim(),
        v.union([v.picklist(['', ...USER_TYPES]), v.pipe(v.string(), v.regex(REGULAR_RE, 'USER_INVALID_TYPE'))], 'USER_INVALID_TYPE'),
      ),
    ),
    activityStatus: optionalEnum(USER_STATUSES, 'ACTIVITY_STATUS_INVALID'),
    apiUser: bool,
    ipRange: optionalText(0),
    manageForms: bool,
    manageWfs: bool,
    managePrintJobs: bool,
    dnd: bool,
    downloadLabelsPrintFile: bool,
    phoneNumber: optionalText(0),
    address: optionalText(0),
    timeZone: optionalText(0),
    defaultPrinter: optionalText(0),
  }, INVALID),
  // loginName and domainName are required unless the user is a CONTACT (an invalid type is not one).
  v.forward(
    v.partialCheck([['loginName']], (u) => u.type === 'CONTACT' || !isBlank(u.loginName), 'USER_LOGIN_NAME_REQUIRED'),
    ['loginName'],
  ),
  v.forward(
    v.partialCheck([['domainName']], (u) => u.type === 'CONTACT' || !isBlank(u.domainName), 'USER_DOMAIN_NAME_REQUIRED'),
    ['domainName'],
  ),
  // ipRange is required and checked when apiUser is true.
  v.forward(
    v.partialCheck([['ipRange']], (u) => !(u.apiUser === true || u.apiUser === 'true') || !isBlank(u.ipRange), 'USER_IP_REQ'),
    ['ipRange'],
  ),
  v.forward(
    v.partialCheck(
      [['ipRange']],
      (u) => !(u.apiUser === true || u.apiUser === 'true') || isBlank(u.ipRange) || IP_RANGE_RE.test(u.ipRange),
      'USER_INVALID_IP',
    ),
    ['ipRange'],
  ),
);

const pmi = v.pipe(
  v.object({ siteName: optionalText(0), mrn: optionalText(255) }, INVALID),
  v.forward(v.check((p) => isBlank(p.mrn) || !isBlank(p.siteName), 'SITE_NOT_FOUND'), ['siteName']),
);

const pmis = v.nullish(
  v.pipe(
    v.array(pmi, INVALID),
    // Runs even when an entry failed: reads whatever siteName each entry has.
    v.rawCheck(({ dataset, addIssue }) => {
      const list = dataset.value;
      if (!Array.isArray(list)) return;
      const seen = new Set();
      for (let i = 0; i < list.length; i++) {
        const site = list[i]?.siteName;
        if (typeof site !== 'string' || site === '') continue;
        if (!seen.has(site)) {
          seen.add(site);
          continue;
        }
        addIssue({
          message: 'PARTICIPANT_DUP_MRN_SITE',
          path: [
            { type: 'array', origin: 'value', input: list, key: i, value: list[i] },
            { type: 'object', origin: 'value', input: list[i], key: 'siteName', value: site },
          ],
        });
      }
    }),
  ),
);

const pvList = (values, code) => v.nullish(v.array(v.pipe(v.string(INVALID), v.trim(), v.picklist(values, code)), INVALID));

export const ParticipantSchema = v.pipe(
  v.object({
    id,
    firstName: optionalText(255),
    middleName: optionalText(255),
    lastName: optionalText(255),
    uid: optionalText(50),
    empi: optionalText(50),
    birthDate: date('PARTICIPANT_INVALID_BIRTH_DATE'),
    deathDate: date('PARTICIPANT_INVALID_DEATH_DATE'),
    vitalStatus: optionalEnum(VITAL_STATUSES, 'PARTICIPANT_INVALID_VITAL_STATUS'),
    gender: optionalEnum(GENDERS, 'PARTICIPANT_INVALID_GENDER'),
    races: pvList(RACES, 'PARTICIPANT_INVALID_RACE'),
    ethnicities: pvList(ETHNICITIES, 'PARTICIPANT_INVALID_ETHNICITY'),
    pmis,
    emailAddress: v.nullish(email('PARTICIPANT_INVALID_EMAIL_ID', true)),
    phoneNumber: optionalText(32),
    activityStatus: optionalEnum(PARTICIPANT_STATUSES, 'ACTIVITY_STATUS_INVALID'),
    emailOptIn: bool,
    textOptIn: bool,
  }, INVALID),
  // Death not before birth; partialCheck skips it when either date has an issue.
  v.forward(
    v.partialCheck(
      [['birthDate'], ['deathDate']],
      (p) => p.birthDate === undefined || p.deathDate === undefined || p.deathDate >= p.birthDate,
      'PARTICIPANT_INVALID_DEATH_DATE',
    ),
    ['deathDate'],
  ),
);

function toPath(path) {
  const out = new Array(path.length);
  for (let i = 0; i < path.length; i++) out[i] = path[i].key;
  return out;
}

function toResult(r) {
  if (r.success) return { valid: true, issues: [] };
  return { valid: false, issues: r.issues.map((i) => ({ code: i.message, path: i.path ? toPath(i.path) : [] })) };
}

// Valibot's object() accepts arrays; the server does not.
const notAnObject = () => ({ valid: false, issues: [{ code: INVALID, path: [] }] });

export function validateUser(payload) {
  if (Array.isArray(payload)) return notAnObject();
  return toResult(v.safeParse(UserSchema, payload));
}

export function validateParticipant(payload) {
  if (Array.isArray(payload)) return notAnObject();
  return toResult(v.safeParse(ParticipantSchema, payload));
}

/** The `field` case: the cheapest per-field check Valibot offers. */
const emailField = UserSchema.entries.emailAddress;
export function validateUserEmail(value) {
  const r = v.safeParse(emailField, value);
  return r.success ? [] : r.issues.map((i) => ({ code: i.message, path: ['emailAddress'] }));
}
