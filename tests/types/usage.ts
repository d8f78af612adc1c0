// Type-checked only (tsc --noEmit, see tests/node/types.test.mjs): the package used as a typed portal
// uses it, through its exports map, and with the libraries that consume Standard Schema.
import {
  createValidator,
  locales,
  registerLocale,
  validateField,
  validateMany,
  validateParticipant,
  validateRegistration,
  validateUser,
  type Issue,
  type IssueCode,
  type Locale,
  type Options,
  type ParticipantPayload,
  type ParticipantValue,
  type RegistrationPayload,
  type Result,
  type Schema,
  type Severity,
  type StandardSchemaV1,
  type UpdateUserPayload,
  type UpdateUserValue,
  type Validator,
} from 'openspecimen-validate';
import { bindForm, type BoundForm } from 'openspecimen-validate/form';
import french from 'openspecimen-validate/locales/fr';
import type { StandardSchemaV1 as SpecStandardSchemaV1 } from '@standard-schema/spec';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { Resolver } from 'react-hook-form';
import { FieldApi, FormApi } from '@tanstack/form-core';

// Payloads: the JSON types of spec/user.md and participant.md.
const user: UpdateUserPayload = {
  id: '7',
  firstName: 'Ann',
  lastName: 'Lee',
  emailAddress: 'ann@example.org',
  loginName: 'alee',
  domainName: 'openspecimen',
  instituteName: 'Inst A',
  type: 'Regular',
  activityStatus: 'Active',
  apiUser: 'true',
  ipRange: '10.0.0.0/8',
  manageForms: false,
  dnd: null,
};
const participant: ParticipantPayload = {
  id: 3,
  birthDate: '1980-02-29',
  deathDate: 1_700_000_000_000,
  races: ['White'],
  ethnicities: ['Not Hispanic or Latino'],
  pmis: [{ siteName: 'Site A', mrn: '123' }, { siteName: 'Site B' }],
  emailOptIn: true,
  extensionDetail: { attrs: [] },
};
const registration: RegistrationPayload = { participant, cpId: '12', ppid: 'P-1', registrationDate: '2024-01-31', dataEntryStatus: 'DRAFT' };

// @ts-expect-error a boolean field takes true/false or 'true'/'false', not 1
const badFlag: UpdateUserPayload = { apiUser: 1 };
// @ts-expect-error a misspelt key is caught (the validator warns UNKNOWN_FIELD for it at run time)
const misspelt: UpdateUserPayload = { firstNmae: 'Ann' };
// @ts-expect-error races is a list
const badRaces: ParticipantPayload = { races: 'White' };
// @ts-expect-error a registration carries its participant
const noParticipant: RegistrationPayload = { ppid: 'P-1' };
// @ts-expect-error a date is a number or a string
const badDate: ParticipantPayload = { birthDate: new Date() };

// Results narrow on `valid`.
const result: Result<UpdateUserValue> = validateUser(user, { mode: 'patch' });
if (result.valid) {
  const first: string | null | undefined = result.value.firstName;
  const flag: boolean | null | undefined = result.value.apiUser;
  void first, flag;
} else {
  const nothing: null = result.value;
  void nothing;
}
const participantResult = validateParticipant(participant, { serverVersion: '4.1', locale: 'fr', now: new Date() });
if (participantResult.valid) {
  const races: string[] | null | undefined = participantResult.value.races;
  const birth: string | null | undefined = participantResult.value.birthDate;
  void races, birth;
}
validateRegistration(registration, { now: Date.now() });
validateRegistration({ any: 'payload' }); // payloads are unknown: malformed ones yield issues

// Issues.
function describeIssue(issue: Issue): string {
  const code: IssueCode = issue.code;
  const severity: Severity = issue.severity;
  const where: string = issue.field;
  const path: (string | number)[] = issue.path;
  const max: string | number | undefined = issue.params?.['max'];
  return `${code} ${severity} ${where} ${path.join('/')} ${String(max)} ${issue.message}`;
}
for (const issue of result.issues) describeIssue(issue);
// @ts-expect-error codes are a closed union
const notACode: IssueCode = 'USER_NAME_REQUIRED';
// @ts-expect-error severities are 'error' and 'warning'
const notASeverity: Severity = 'info';

const batch: Result<ParticipantValue>[] = validateMany('participant', [participant, {}], { mode: 'patch' });
const sameBatch: Result<UpdateUserValue>[] = createValidator().user.validateMany([user, user]);
// @ts-expect-error validateMany takes an array
validateMany('user', user);
void batch, sameBatch;

const fieldIssues: Issue[] = validateField('participant', 'pmis[1].siteName', 'Site A', participant, { mode: 'patch' });
// @ts-expect-error the kinds are user, participant and registration
validateField('specimen', 'x', 1);

// Options.
const options: Options = {
  mode: 'put',
  serverVersion: '5.0',
  locale: 'fr-CA',
  messages: { FIELD_TOO_LONG: '{label}: {max} characters at most.', 'INVALID_REQUEST.notDate': 'Bad date' },
  permissibleValues: { gender: ['Female', { value: 'Male', props: { abbreviation: 'M' } }], vital_status: [{ value: 'Dead', props: { dead: 'true' } }] },
  settings: { uidPattern: '^\\d{3}-\\d{2}-\\d{4}$', uidMandatory: true },
};
// @ts-expect-error the modes are put and patch
const badMode: Options = { mode: 'post' };
// @ts-expect-error message keys are codes (or CODE.reason)
const badMessages: Options = { messages: { USER_FIRSTNAME_REQUIRED: 'x' } };
// @ts-expect-error permissible-value attributes are gender, race, ethnicity, vital_status and genotype
const badAttribute: Options = { permissibleValues: { sex: ['F'] } };

// Validators and schemas.
const validator: Validator = createValidator(options);
const userSchema: Schema<UpdateUserPayload, UpdateUserValue> = validator.user;
const direct: Result<ParticipantValue> = validator.participant.validate(participant);
const one: Issue[] = validator.registration.validateField('participant.pmis[0].mrn', '1', registration);
void fieldIssues, direct, one;

// Standard Schema: our inline declaration matches the spec package's.
const standard: SpecStandardSchemaV1<UpdateUserPayload, UpdateUserValue> = validator.user;
const standardAgain: StandardSchemaV1<ParticipantPayload, ParticipantValue> = validator.participant;
type In = StandardSchemaV1.InferInput<typeof validator.user>;
type Out = SpecStandardSchemaV1.InferOutput<typeof validator.participant>;
const inferredIn: In = user;
const inferredOut: Out = { pmis: [{ siteName: 'Site A', mrn: '1' }] };
const outcome = validator.user['~standard'].validate(user);
if (outcome.issues) {
  // Synchronous, and the issues keep their code and severity.
  const codes: IssueCode[] = outcome.issues.map((issue) => issue.code);
  void codes;
} else {
  const value: UpdateUserValue = outcome.value;
  void value;
}
void standard, standardAgain, inferredIn, inferredOut;

// React Hook Form: the resolver's values are the payload, its output the normalised value.
const resolver: Resolver<ParticipantPayload, unknown, ParticipantValue> = standardSchemaResolver(validator.participant);
void resolver;

// TanStack Form: a schema as a form validator; field names are typed from the payload.
const defaultValues: ParticipantPayload = { firstName: '', pmis: [{ siteName: '', mrn: '' }] };
const form = new FormApi({ defaultValues, validators: { onChange: validator.participant } });
const siteField = new FieldApi({ form, name: 'pmis[0].siteName' });
void siteField;

// Locales.
const fr: Locale | undefined = locales['fr'];
const frenchMessages: Locale['messages'] = french.messages;
void frenchMessages;
registerLocale('de', { messages: { USER_FIRST_NAME_REQUIRED: 'Geben Sie den Vornamen ein.' }, fields: { firstName: 'Vorname' } });
// @ts-expect-error a locale has a messages table
registerLocale('xx', { fields: {} });
void fr;

// bindForm.
declare const element: HTMLFormElement;
const bound: BoundForm<UpdateUserValue> = bindForm(element, validator.user, {
  fields: { first: 'firstName' },
  validateOn: ['blur', 'input', 'submit'],
  summary: document.querySelector<HTMLElement>('#summary'),
  onResult(submitted, event) {
    if (submitted.valid) {
      event.preventDefault();
      const body: string = JSON.stringify(submitted.value);
      void body;
    }
  },
});
bound.validate();
bound.reset();
bound.destroy();
bindForm(element, validator.user, { read: () => ({ firstName: 'Ann' }) });
// @ts-expect-error 'change' is not a validateOn value
bindForm(element, validator.user, { validateOn: ['change'] });
// @ts-expect-error read returns the schema's payload
bindForm(element, validator.user, { read: () => ({ apiUser: 1 }) });
void userSchema;
