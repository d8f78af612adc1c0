// The rules in Zod 4 (classic API). Each issue's message is the spec's code; the exporter maps
// Zod issues to { code, path }.
import * as z from 'zod';
import {
  NOW, GENDERS, RACES, ETHNICITIES, VITAL_STATUSES, USER_TYPES, REGULAR_RE, USER_STATUSES,
  PARTICIPANT_STATUSES, EMAIL_RE, IP_RANGE_RE, DATE_STRING_RE, parseDate,
} from './common.mjs';

const INVALID = 'INVALID_REQUEST';
// Object- and list-level rules run even when a field already failed (Zod skips them by default),
// but only on a value of the right type.
const WHEN_OBJECT = { when: (payload) => payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value) };
const WHEN_ARRAY = { when: (payload) => Array.isArray(payload.value) };

const isBlank = (v) => v === undefined || v === null || v === '';
const trimmed = () => z.string({ error: INVALID }).trim();
const optionalText = (max) => (max ? trimmed().max(max, { error: 'FIELD_TOO_LONG' }) : trimmed()).nullish();
const requiredText = (code, max) => {
  const s = z.string({ error: (iss) => (iss.input == null ? code : INVALID) }).trim().min(1, { error: code });
  return max ? s.max(max, { error: 'FIELD_TOO_LONG' }) : s;
};
/** An optional enum: blank means missing. */
const optionalEnum = (values, code) => trimmed().pipe(z.enum(['', ...values], { error: code })).nullish();
const bool = z.union([z.boolean(), z.literal(['true', 'false'])], { error: INVALID }).nullish();
const id = z.union([z.int(), z.string().regex(/^\s*\d*\s*$/)], { error: INVALID }).nullish();

/** A date: its shape by schema, then the calendar and the clock. Output: epoch ms or undefined. */
const date = (futureCode) =>
  z
    .union([z.int(), z.string().regex(DATE_STRING_RE)], { error: INVALID })
    .nullish()
    .transform((v, ctx) => {
      const ms = parseDate(v);
      if (Number.isNaN(ms)) ctx.issues.push({ code: 'custom', message: INVALID, input: v });
      else if (ms > NOW) ctx.issues.push({ code: 'custom', message: futureCode, input: v });
      return ms;
    });

export const UserSchema = z
  .object({
    id,
    firstName: requiredText('USER_FIRST_NAME_REQUIRED', 255),
    lastName: requiredText('USER_LAST_NAME_REQUIRED', 255),
    emailAddress: z
      .string({ error: (iss) => (iss.input == null ? 'USER_INVALID_EMAIL' : INVALID) })
      .trim()
      .max(255, { error: 'FIELD_TOO_LONG', abort: true })
      .pipe(z.email({ pattern: EMAIL_RE, error: 'USER_INVALID_EMAIL' })),
    loginName: optionalText(255),
    domainName: optionalText(0),
    instituteName: requiredText('USER_INST_REQUIRED', 0),
    primarySite: optionalText(0),
    type: trimmed()
      .pipe(z.union([
        z.enum(['', ...USER_TYPES], { error: 'USER_INVALID_TYPE' }),
        z.string().regex(REGULAR_RE, { error: 'USER_INVALID_TYPE' }),
      ], { error: 'USER_INVALID_TYPE' }))
      .nullish(),
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
  }, { error: INVALID })
  .superRefine((u, ctx) => {
    // loginName and domainName are required unless the user is a CONTACT.
    if (u.type !== 'CONTACT') {
      if (isBlank(u.loginName)) ctx.addIssue({ code: 'custom', message: 'USER_LOGIN_NAME_REQUIRED', path: ['loginName'] });
      if (isBlank(u.domainName)) ctx.addIssue({ code: 'custom', message: 'USER_DOMAIN_NAME_REQUIRED', path: ['domainName'] });
    }
    // ipRange is required and checked when apiUser is true.
    if (u.apiUser === true || u.apiUser === 'true') {
      if (isBlank(u.ipRange)) ctx.addIssue({ code: 'custom', message: 'USER_IP_REQ', path: ['ipRange'] });
      else if (typeof u.ipRange === 'string' && !IP_RANGE_RE.test(u.ipRange)) {
        ctx.addIssue({ code: 'custom', message: 'USER_INVALID_IP', path: ['ipRange'] });
      }
    }
  }, WHEN_OBJECT);

const pmi = z
  .object({ siteName: optionalText(0), mrn: optionalText(255) }, { error: INVALID })
  .superRefine((p, ctx) => {
    if (!isBlank(p.mrn) && isBlank(p.siteName)) ctx.addIssue({ code: 'custom', message: 'SITE_NOT_FOUND', path: ['siteName'] });
  });

const pmis = z
  .array(pmi, { error: INVALID })
  .superRefine((list, ctx) => {
    const seen = new Set();
    for (let i = 0; i < list.length; i++) {
      const site = list[i]?.siteName;
      if (typeof site !== 'string' || site === '') continue;
      if (seen.has(site)) ctx.addIssue({ code: 'custom', message: 'PARTICIPANT_DUP_MRN_SITE', path: [i, 'siteName'] });
      else seen.add(site);
    }
  }, WHEN_ARRAY)
  .nullish();

const pvList = (values, code) => z.array(trimmed().pipe(z.enum(values, { error: code })), { error: INVALID }).nullish();

export const ParticipantSchema = z
  .object({
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
    emailAddress: trimmed()
      .max(255, { error: 'FIELD_TOO_LONG', abort: true })
      .refine((s) => s === '' || EMAIL_RE.test(s), { error: 'PARTICIPANT_INVALID_EMAIL_ID' })
      .nullish(),
    phoneNumber: optionalText(32),
    activityStatus: optionalEnum(PARTICIPANT_STATUSES, 'ACTIVITY_STATUS_INVALID'),
    emailOptIn: bool,
    textOptIn: bool,
  }, { error: INVALID })
  .superRefine((p, ctx) => {
    // Death not before birth, unless either date is itself broken.
    const birth = p.birthDate;
    const death = p.deathDate;
    if (typeof birth !== 'number' || typeof death !== 'number' || death >= birth) return;
    for (const issue of ctx.issues) {
      if (issue.path[0] === 'birthDate' || issue.path[0] === 'deathDate') return;
    }
    ctx.addIssue({ code: 'custom', message: 'PARTICIPANT_INVALID_DEATH_DATE', path: ['deathDate'] });
  }, WHEN_OBJECT);

function toResult(r) {
  if (r.success) return { valid: true, issues: [] };
  const issues = r.error.issues.map((i) => ({
    code: i.message,
    path: i.path,
  }));
  return { valid: false, issues };
}

export function validateUser(payload) {
  return toResult(UserSchema.safeParse(payload));
}

export function validateParticipant(payload) {
  return toResult(ParticipantSchema.safeParse(payload));
}

/** The `field` case: the cheapest per-field check Zod offers. */
const emailField = UserSchema.shape.emailAddress;
export function validateUserEmail(value) {
  const r = emailField.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.message, path: ['emailAddress', ...i.path] }));
}
