// The rules in AJV 8 (JSON Schema draft-07 plus ajv-formats and a few custom keywords). JSON Schema
// cannot trim, so enums and "not blank" are anchored patterns that allow surrounding whitespace, and
// lengths use a keyword that trims; the exporter maps AJV errors to { code, path }.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  NOW, GENDERS, RACES, ETHNICITIES, VITAL_STATUSES, USER_TYPES, USER_STATUSES, PARTICIPANT_STATUSES,
  EMAIL_RE, IP_RANGE_SOURCE, tooLong, parseDate,
} from './common.mjs';

const INVALID = 'INVALID_REQUEST';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv, ['date-time']);

// Email, tested on the trimmed value; a value over 255 is left to osMaxLength (one code per field).
ajv.addFormat('os-email', { type: 'string', validate: (s) => { const t = s.trim(); return tooLong(t, 255) || EMAIL_RE.test(t); } });
ajv.addFormat('os-email-or-blank', {
  type: 'string',
  validate: (s) => { const t = s.trim(); return t === '' || tooLong(t, 255) || EMAIL_RE.test(t); },
});

// maxLength after trimming, in code points.
ajv.addKeyword({
  keyword: 'osMaxLength',
  type: 'string',
  schemaType: 'number',
  errors: false,
  compile: (max) => (data) => !tooLong(data.trim(), max),
});

// A date not after now; the error carries the spec's code (its shape is checked by anyOf).
ajv.addKeyword({
  keyword: 'osNotFuture',
  type: ['string', 'integer'],
  schemaType: 'string',
  compile(code) {
    const fn = (data) => {
      const ms = parseDate(data);
      if (Number.isNaN(ms)) {
        fn.errors = [{ keyword: 'osNotFuture', message: INVALID, params: { code: INVALID } }];
        return false;
      }
      if (ms > NOW) {
        fn.errors = [{ keyword: 'osNotFuture', message: code, params: { code } }];
        return false;
      }
      return true;
    };
    return fn;
  },
});

// Cross-field: deathDate not before birthDate (skipped when either is broken or in the future).
ajv.addKeyword({
  keyword: 'osDeathNotBeforeBirth',
  type: 'object',
  schemaType: 'boolean',
  compile() {
    const fn = (data, cxt) => {
      const birth = parseDate(data.birthDate);
      const death = parseDate(data.deathDate);
      if (!(birth <= NOW && death <= NOW && death < birth)) return true; // NaN and undefined compare false
      const code = 'PARTICIPANT_INVALID_DEATH_DATE';
      fn.errors = [{ keyword: 'osDeathNotBeforeBirth', instancePath: `${cxt.instancePath}/deathDate`, message: code, params: { code } }];
      return false;
    };
    return fn;
  },
});

// pmis: a site name may appear once (exact, after trimming); every repeat is reported.
ajv.addKeyword({
  keyword: 'osUniqueSites',
  type: 'array',
  schemaType: 'boolean',
  compile() {
    const fn = (list, cxt) => {
      let seen = null;
      let errors = null;
      for (let i = 0; i < list.length; i++) {
        const site = list[i]?.siteName;
        if (typeof site !== 'string') continue;
        const key = site.trim();
        if (key === '') continue;
        seen ??= new Set();
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const code = 'PARTICIPANT_DUP_MRN_SITE';
        (errors ??= []).push({ keyword: 'osUniqueSites', instancePath: `${cxt.instancePath}/${i}/siteName`, message: code, params: { code } });
      }
      fn.errors = errors;
      return errors === null;
    };
    return fn;
  },
});

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An enum compared after trimming: an anchored pattern; `blank` allows a blank value (missing). */
const enumPattern = (values, blank) => `^\\s*(?:${values.map(escapeRe).join('|')})${blank ? '?' : ''}\\s*$`;

const NOT_BLANK = '\\S';
const text = { type: ['string', 'null'] };
const textMax = (max) => ({ type: ['string', 'null'], osMaxLength: max });
const requiredText = (max) => (max ? { type: 'string', pattern: NOT_BLANK, osMaxLength: max } : { type: 'string', pattern: NOT_BLANK });
const bool = { enum: [true, false, 'true', 'false', null] };
const id = { type: ['integer', 'string', 'null'], pattern: '^\\s*\\d*\\s*$' };
const optionalEnum = (values) => ({ type: ['string', 'null'], pattern: enumPattern(values, true) });
const date = (futureCode) => ({
  type: ['integer', 'string', 'null'],
  anyOf: [
    { type: ['integer', 'null'] },
    { pattern: '^\\s*\\d*\\s*$' },
    { pattern: '^\\s*\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\s*$' },
    { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$', format: 'date-time' },
  ],
  osNotFuture: futureCode,
});

export const userSchema = {
  type: 'object',
  required: ['firstName', 'lastName', 'emailAddress', 'instituteName'],
  properties: {
    id,
    firstName: requiredText(255),
    lastName: requiredText(255),
    emailAddress: { type: 'string', format: 'os-email', osMaxLength: 255 },
    loginName: textMax(255),
    domainName: text,
    instituteName: requiredText(0),
    primarySite: text,
    // `Regular` in any case is NONE; JSON Schema patterns have no case-insensitive flag.
    type: { type: ['string', 'null'], pattern: `^\\s*(?:${USER_TYPES.join('|')}|[Rr][Ee][Gg][Uu][Ll][Aa][Rr])?\\s*$` },
    activityStatus: optionalEnum(USER_STATUSES),
    apiUser: bool,
    ipRange: text,
    manageForms: bool,
    manageWfs: bool,
    managePrintJobs: bool,
    dnd: bool,
    downloadLabelsPrintFile: bool,
    phoneNumber: text,
    address: text,
    timeZone: text,
    defaultPrinter: text,
  },
  allOf: [
    {
      // loginName and domainName are required unless the user is a CONTACT.
      if: { required: ['type'], properties: { type: { type: 'string', pattern: '^\\s*CONTACT\\s*$' } } },
      else: {
        required: ['loginName', 'domainName'],
        properties: { loginName: { type: 'string', pattern: NOT_BLANK }, domainName: { type: 'string', pattern: NOT_BLANK } },
      },
    },
    {
      // ipRange is required and checked when apiUser is true.
      if: { required: ['apiUser'], properties: { apiUser: { enum: [true, 'true'] } } },
      then: { required: ['ipRange'], properties: { ipRange: { type: 'string', pattern: IP_RANGE_SOURCE } } },
    },
  ],
};

const pmi = {
  type: 'object',
  properties: { siteName: text, mrn: textMax(255) },
  // An mrn needs a site.
  if: { required: ['mrn'], properties: { mrn: { type: 'string', pattern: NOT_BLANK } } },
  then: { required: ['siteName'], properties: { siteName: { type: 'string', pattern: NOT_BLANK } } },
};

export const participantSchema = {
  type: 'object',
  properties: {
    id,
    firstName: textMax(255),
    middleName: textMax(255),
    lastName: textMax(255),
    uid: textMax(50),
    empi: textMax(50),
    birthDate: date('PARTICIPANT_INVALID_BIRTH_DATE'),
    deathDate: date('PARTICIPANT_INVALID_DEATH_DATE'),
    vitalStatus: optionalEnum(VITAL_STATUSES),
    gender: optionalEnum(GENDERS),
    races: { type: ['array', 'null'], items: { type: 'string', pattern: enumPattern(RACES, false) } },
    ethnicities: { type: ['array', 'null'], items: { type: 'string', pattern: enumPattern(ETHNICITIES, false) } },
    pmis: { type: ['array', 'null'], items: pmi, osUniqueSites: true },
    emailAddress: { type: ['string', 'null'], format: 'os-email-or-blank', osMaxLength: 255 },
    phoneNumber: textMax(32),
    activityStatus: optionalEnum(PARTICIPANT_STATUSES),
    emailOptIn: bool,
    textOptIn: bool,
  },
  osDeathNotBeforeBirth: true,
};

const checkUser = ajv.compile(userSchema);
const checkParticipant = ajv.compile(participantSchema);
const checkUserEmail = ajv.compile(userSchema.properties.emailAddress);

// ---- AJV errors to { code, path } ----------------------------------------------------------------

/** Codes of a field that is required (missing, null or blank). */
const USER_REQUIRED = {
  firstName: 'USER_FIRST_NAME_REQUIRED',
  lastName: 'USER_LAST_NAME_REQUIRED',
  emailAddress: 'USER_INVALID_EMAIL',
  loginName: 'USER_LOGIN_NAME_REQUIRED',
  domainName: 'USER_DOMAIN_NAME_REQUIRED',
  instituteName: 'USER_INST_REQUIRED',
  ipRange: 'USER_IP_REQ',
};
/** Codes of a value that fails its pattern, enum or format (else INVALID_REQUEST). */
const USER_INVALID = {
  emailAddress: 'USER_INVALID_EMAIL',
  type: 'USER_INVALID_TYPE',
  activityStatus: 'ACTIVITY_STATUS_INVALID',
  ipRange: 'USER_INVALID_IP',
};
const PARTICIPANT_REQUIRED = { siteName: 'SITE_NOT_FOUND' };
const PARTICIPANT_INVALID = {
  vitalStatus: 'PARTICIPANT_INVALID_VITAL_STATUS',
  gender: 'PARTICIPANT_INVALID_GENDER',
  races: 'PARTICIPANT_INVALID_RACE',
  ethnicities: 'PARTICIPANT_INVALID_ETHNICITY',
  emailAddress: 'PARTICIPANT_INVALID_EMAIL_ID',
  activityStatus: 'ACTIVITY_STATUS_INVALID',
};

function toPath(pointer) {
  if (pointer === '') return [];
  const parts = pointer.slice(1).split('/');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.charCodeAt(0) <= 57 && /^\d+$/.test(p)) parts[i] = Number(p);
    else if (p.includes('~')) parts[i] = p.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return parts;
}

function valueAt(root, path) {
  let v = root;
  for (let i = 0; i < path.length && v != null; i++) v = v[path[i]];
  return v;
}

/** The last key that is a field name (`races/1` is `races`). */
function fieldOf(path) {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i];
  return '';
}

function toIssues(errors, payload, required, invalid) {
  const issues = [];
  const seen = new Set(); // one code per field: the first error at a path wins
  for (const e of errors) {
    const k = e.keyword;
    if (k === 'if' || e.schemaPath.includes('/anyOf/')) continue; // the branch details of if/anyOf
    let path = toPath(e.instancePath);
    let code;
    if (k === 'required') {
      const field = e.params.missingProperty;
      path = [...path, field];
      code = required[field] ?? INVALID;
    } else if (e.params.code !== undefined) {
      code = e.params.code; // custom keywords
    } else if (k === 'osMaxLength') {
      code = 'FIELD_TOO_LONG';
    } else {
      const field = fieldOf(path);
      const value = valueAt(payload, path);
      const blank = value === null || (typeof value === 'string' && value.trim() === '');
      if (blank && required[field] !== undefined) code = required[field];
      else if (k === 'pattern' || k === 'enum' || k === 'format') code = invalid[field] ?? INVALID;
      else code = INVALID; // type, anyOf (a date of no accepted shape)
    }
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ code, path });
  }
  return issues;
}

export function validateUser(payload) {
  if (checkUser(payload)) return { valid: true, issues: [] };
  return { valid: false, issues: toIssues(checkUser.errors, payload, USER_REQUIRED, USER_INVALID) };
}

export function validateParticipant(payload) {
  if (checkParticipant(payload)) return { valid: true, issues: [] };
  return { valid: false, issues: toIssues(checkParticipant.errors, payload, PARTICIPANT_REQUIRED, PARTICIPANT_INVALID) };
}

/** The `field` case: a compiled sub-schema for emailAddress. */
export function validateUserEmail(value) {
  if (value === undefined || value === null) return [{ code: 'USER_INVALID_EMAIL', path: ['emailAddress'] }];
  if (checkUserEmail(value)) return [];
  const e = checkUserEmail.errors[0];
  const code = e.keyword === 'format' ? 'USER_INVALID_EMAIL' : e.keyword === 'osMaxLength' ? 'FIELD_TOO_LONG' : INVALID;
  return [{ code, path: ['emailAddress'] }];
}
