// The floor: the same rules written by hand, no library.
import {
  NOW, GENDERS, RACES, ETHNICITIES, VITAL_STATUSES, USER_TYPES, REGULAR_RE, USER_STATUSES,
  PARTICIPANT_STATUSES, EMAIL_RE, IP_RANGE_RE, tooLong, parseDate, isBooleanLike,
} from './common.mjs';

const BAD = Symbol('wrong type');
const USER_TYPE_SET = new Set(USER_TYPES);
const USER_STATUS_SET = new Set(USER_STATUSES);
const PARTICIPANT_STATUS_SET = new Set(PARTICIPANT_STATUSES);
const GENDER_SET = new Set(GENDERS);
const RACE_SET = new Set(RACES);
const ETHNICITY_SET = new Set(ETHNICITIES);
const VITAL_SET = new Set(VITAL_STATUSES);
const INTEGER_STRING_RE = /^\d+$/;

/** A text field: its trimmed value, undefined when missing or blank, BAD when not a string. */
function text(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return BAD;
  const s = v.trim();
  return s === '' ? undefined : s;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkId(v, issues) {
  if (v === undefined || v === null) return;
  if (typeof v === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && (v.trim() === '' || INTEGER_STRING_RE.test(v.trim()))) return;
  issues.push({ code: 'INVALID_REQUEST', path: ['id'] });
}

function checkBoolean(v, key, issues) {
  if (v !== undefined && v !== null && !isBooleanLike(v)) issues.push({ code: 'INVALID_REQUEST', path: [key] });
}

/** An optional text field; returns its value. */
function optionalText(v, key, max, issues) {
  const s = text(v);
  if (s === BAD) issues.push({ code: 'INVALID_REQUEST', path: [key] });
  else if (s !== undefined && max > 0 && tooLong(s, max)) issues.push({ code: 'FIELD_TOO_LONG', path: [key] });
  return s;
}

function requiredText(v, key, max, requiredCode, issues) {
  const s = text(v);
  if (s === BAD) issues.push({ code: 'INVALID_REQUEST', path: [key] });
  else if (s === undefined) issues.push({ code: requiredCode, path: [key] });
  else if (max > 0 && tooLong(s, max)) issues.push({ code: 'FIELD_TOO_LONG', path: [key] });
}

function optionalEnum(v, key, allowed, code, issues) {
  const s = text(v);
  if (s === BAD) issues.push({ code: 'INVALID_REQUEST', path: [key] });
  else if (s !== undefined && !allowed.has(s)) issues.push({ code, path: [key] });
  return s;
}

/** The email check: the code of its issue, or null. */
function emailCode(value, code, required) {
  const s = text(value);
  if (s === BAD) return 'INVALID_REQUEST';
  if (s === undefined) return required ? code : null;
  if (tooLong(s, 255)) return 'FIELD_TOO_LONG';
  return EMAIL_RE.test(s) ? null : code;
}

export function validateUser(p) {
  if (!isObject(p)) return { valid: false, issues: [{ code: 'INVALID_REQUEST', path: [] }] };
  const issues = [];
  checkId(p.id, issues);
  requiredText(p.firstName, 'firstName', 255, 'USER_FIRST_NAME_REQUIRED', issues);
  requiredText(p.lastName, 'lastName', 255, 'USER_LAST_NAME_REQUIRED', issues);
  const email = emailCode(p.emailAddress, 'USER_INVALID_EMAIL', true);
  if (email !== null) issues.push({ code: email, path: ['emailAddress'] });

  const type = text(p.type);
  if (type === BAD) issues.push({ code: 'INVALID_REQUEST', path: ['type'] });
  else if (type !== undefined && !USER_TYPE_SET.has(type) && !REGULAR_RE.test(type)) {
    issues.push({ code: 'USER_INVALID_TYPE', path: ['type'] });
  }
  const contact = type === 'CONTACT';
  if (contact) {
    optionalText(p.loginName, 'loginName', 255, issues);
    optionalText(p.domainName, 'domainName', 0, issues);
  } else {
    requiredText(p.loginName, 'loginName', 255, 'USER_LOGIN_NAME_REQUIRED', issues);
    requiredText(p.domainName, 'domainName', 0, 'USER_DOMAIN_NAME_REQUIRED', issues);
  }
  requiredText(p.instituteName, 'instituteName', 0, 'USER_INST_REQUIRED', issues);
  optionalText(p.primarySite, 'primarySite', 0, issues);
  optionalEnum(p.activityStatus, 'activityStatus', USER_STATUS_SET, 'ACTIVITY_STATUS_INVALID', issues);

  checkBoolean(p.apiUser, 'apiUser', issues);
  const ipRange = text(p.ipRange);
  if (ipRange === BAD) issues.push({ code: 'INVALID_REQUEST', path: ['ipRange'] });
  else if (p.apiUser === true || p.apiUser === 'true') {
    if (ipRange === undefined) issues.push({ code: 'USER_IP_REQ', path: ['ipRange'] });
    else if (!IP_RANGE_RE.test(ipRange)) issues.push({ code: 'USER_INVALID_IP', path: ['ipRange'] });
  }
  checkBoolean(p.manageForms, 'manageForms', issues);
  checkBoolean(p.manageWfs, 'manageWfs', issues);
  checkBoolean(p.managePrintJobs, 'managePrintJobs', issues);
  checkBoolean(p.dnd, 'dnd', issues);
  checkBoolean(p.downloadLabelsPrintFile, 'downloadLabelsPrintFile', issues);
  optionalText(p.phoneNumber, 'phoneNumber', 0, issues);
  optionalText(p.address, 'address', 0, issues);
  optionalText(p.timeZone, 'timeZone', 0, issues);
  optionalText(p.defaultPrinter, 'defaultPrinter', 0, issues);
  return { valid: issues.length === 0, issues };
}

function checkList(list, key, allowed, code, issues) {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    issues.push({ code: 'INVALID_REQUEST', path: [key] });
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const s = typeof list[i] === 'string' ? list[i].trim() : BAD;
    if (s === BAD) issues.push({ code: 'INVALID_REQUEST', path: [key, i] });
    else if (!allowed.has(s)) issues.push({ code, path: [key, i] });
  }
}

function checkPmis(pmis, issues) {
  if (pmis === undefined || pmis === null) return;
  if (!Array.isArray(pmis)) {
    issues.push({ code: 'INVALID_REQUEST', path: ['pmis'] });
    return;
  }
  const sites = new Set();
  for (let i = 0; i < pmis.length; i++) {
    const pmi = pmis[i];
    if (!isObject(pmi)) {
      issues.push({ code: 'INVALID_REQUEST', path: ['pmis', i] });
      continue;
    }
    const site = text(pmi.siteName);
    const mrn = text(pmi.mrn);
    if (site === BAD) issues.push({ code: 'INVALID_REQUEST', path: ['pmis', i, 'siteName'] });
    if (mrn === BAD) issues.push({ code: 'INVALID_REQUEST', path: ['pmis', i, 'mrn'] });
    else if (mrn !== undefined && tooLong(mrn, 255)) issues.push({ code: 'FIELD_TOO_LONG', path: ['pmis', i, 'mrn'] });
    if (site === undefined) {
      if (mrn !== undefined && mrn !== BAD) issues.push({ code: 'SITE_NOT_FOUND', path: ['pmis', i, 'siteName'] });
    } else if (site !== BAD) {
      if (sites.has(site)) issues.push({ code: 'PARTICIPANT_DUP_MRN_SITE', path: ['pmis', i, 'siteName'] });
      else sites.add(site);
    }
  }
}

export function validateParticipant(p) {
  if (!isObject(p)) return { valid: false, issues: [{ code: 'INVALID_REQUEST', path: [] }] };
  const issues = [];
  checkId(p.id, issues);
  optionalText(p.firstName, 'firstName', 255, issues);
  optionalText(p.middleName, 'middleName', 255, issues);
  optionalText(p.lastName, 'lastName', 255, issues);
  optionalText(p.uid, 'uid', 50, issues);
  optionalText(p.empi, 'empi', 50, issues);

  const birth = parseDate(p.birthDate);
  let birthOk = false;
  if (Number.isNaN(birth)) issues.push({ code: 'INVALID_REQUEST', path: ['birthDate'] });
  else if (birth > NOW) issues.push({ code: 'PARTICIPANT_INVALID_BIRTH_DATE', path: ['birthDate'] });
  else birthOk = birth !== undefined;
  const death = parseDate(p.deathDate);
  if (Number.isNaN(death)) issues.push({ code: 'INVALID_REQUEST', path: ['deathDate'] });
  else if (death > NOW || (birthOk && death < birth)) {
    issues.push({ code: 'PARTICIPANT_INVALID_DEATH_DATE', path: ['deathDate'] });
  }

  optionalEnum(p.vitalStatus, 'vitalStatus', VITAL_SET, 'PARTICIPANT_INVALID_VITAL_STATUS', issues);
  optionalEnum(p.gender, 'gender', GENDER_SET, 'PARTICIPANT_INVALID_GENDER', issues);
  checkList(p.races, 'races', RACE_SET, 'PARTICIPANT_INVALID_RACE', issues);
  checkList(p.ethnicities, 'ethnicities', ETHNICITY_SET, 'PARTICIPANT_INVALID_ETHNICITY', issues);
  checkPmis(p.pmis, issues);
  const email = emailCode(p.emailAddress, 'PARTICIPANT_INVALID_EMAIL_ID', false);
  if (email !== null) issues.push({ code: email, path: ['emailAddress'] });
  optionalText(p.phoneNumber, 'phoneNumber', 32, issues);
  optionalEnum(p.activityStatus, 'activityStatus', PARTICIPANT_STATUS_SET, 'ACTIVITY_STATUS_INVALID', issues);
  checkBoolean(p.emailOptIn, 'emailOptIn', issues);
  checkBoolean(p.textOptIn, 'textOptIn', issues);
  return { valid: issues.length === 0, issues };
}

/** The `field` case: the user's emailAddress alone. */
export function validateUserEmail(value) {
  const code = emailCode(value, 'USER_INVALID_EMAIL', true);
  return code === null ? [] : [{ code, path: ['emailAddress'] }];
}
