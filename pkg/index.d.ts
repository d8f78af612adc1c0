// Type declarations of openspecimen-validate (see the spec's "The JavaScript surface").

// ---------------------------------------------------------------------------------------------------
// Standard Schema (https://standardschema.dev), `@standard-schema/spec` 1.1.0, declared here so the
// package has no dependency. Structurally identical to the spec's own declaration.

/** The Standard Schema interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties interface. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates unknown input values. */
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options | undefined
    ) => Result<Output> | Promise<Result<Output>>;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }

  /** The result interface of the validate function. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;

  /** The result interface if validation succeeds. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined;
  }

  export interface Options {
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }

  /** The result interface if validation fails. */
  export interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }

  /** The issue interface of the failure output. */
  export interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }

  /** The path segment interface of the issue. */
  export interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }

  /** The Standard Schema types interface. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }

  /** Infers the input type of a Standard Schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];

  /** Infers the output type of a Standard Schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

// ---------------------------------------------------------------------------------------------------
// Payloads, as a portal sends them. Every field is optional here: a PUT that leaves a required field
// out is a validation issue, not a type error, and a PATCH sends any subset. `null` is what JSON
// sends for "clear this field". Keys outside these lists are reported as `UNKNOWN_FIELD` warnings.

/** A date as the server reads it: epoch milliseconds (a number or a digit string), `yyyy-MM-dd`, or an ISO-8601 instant ending in `Z`. */
export type DateInput = number | string;
/** A boolean as the server reads it. */
export type BooleanInput = boolean | 'true' | 'false';
/** An integer as the server reads it: a number or a string of digits. */
export type IntegerInput = number | string;
/** Suggests the known values in editors while accepting any string (the validator reports the wrong ones). */
type Suggest<Known extends string> = Known | (string & {});

export type UserType = 'SUPER' | 'INSTITUTE' | 'NONE' | 'CONTACT';
export type UserActivityStatus = 'Active' | 'Locked' | 'Pending' | 'Disabled' | 'Closed' | 'Expired';
export type ActivityStatus = 'Active' | 'Disabled' | 'Closed';
export type DataEntryStatus = 'COMPLETE' | 'DRAFT';

/** The body of `PUT /rest/ng/users/{id}` (and `PATCH`): spec/user.md. */
export interface UpdateUserPayload {
  /** Optional; the id in the URL wins. */
  id?: IntegerInput | null;
  /** Required, at most 255 characters. */
  firstName?: string | null;
  /** Required, at most 255 characters. */
  lastName?: string | null;
  /** Required, a single address, at most 255 characters. */
  emailAddress?: string | null;
  /** Required unless `type` is `CONTACT`, at most 255 characters. */
  loginName?: string | null;
  /** Required unless `type` is `CONTACT`. */
  domainName?: string | null;
  /** Required. */
  instituteName?: string | null;
  primarySite?: string | null;
  /** `Regular` (any case) is read as `NONE`. */
  type?: Suggest<UserType | 'Regular'> | null;
  /** Blank means `Active`; `Archived` is read as `Closed`. */
  activityStatus?: Suggest<UserActivityStatus | 'Archived'> | null;
  apiUser?: BooleanInput | null;
  /** Required when `apiUser` is true: `*`, or IPv4/IPv6 addresses and CIDR ranges separated by commas. */
  ipRange?: string | null;
  manageForms?: BooleanInput | null;
  manageWfs?: BooleanInput | null;
  managePrintJobs?: BooleanInput | null;
  dnd?: BooleanInput | null;
  downloadLabelsPrintFile?: BooleanInput | null;
  phoneNumber?: string | null;
  address?: string | null;
  timeZone?: string | null;
  defaultPrinter?: string | null;
  /** Sent back from a GET; ignored. */
  opComments?: unknown;
  /** Sent back from a GET; ignored. */
  creationDate?: unknown;
  /** Sent back from a GET; ignored. */
  instituteId?: unknown;
  /** Sent back from a GET; ignored. */
  userId?: unknown;
}

/** One medical record number: the site it belongs to and the number. */
export interface PmiPayload {
  siteName?: string | null;
  /** At most 255 characters. */
  mrn?: string | null;
}

/** The body of `PUT /rest/ng/participants/{id}` (servers before 5.0), and a registration's `participant`: spec/participant.md. */
export interface ParticipantPayload {
  id?: IntegerInput | null;
  /** At most 255 characters. */
  firstName?: string | null;
  /** At most 255 characters. */
  middleName?: string | null;
  /** At most 255 characters. */
  lastName?: string | null;
  /** The national id; at most 50 characters; `settings.uidPattern` and `settings.uidMandatory` apply. */
  uid?: string | null;
  /** The master patient index; at most 50 characters; `settings.mpiPattern` applies. */
  empi?: string | null;
  /** Not in the future. */
  birthDate?: DateInput | null;
  /** Not in the future, not before `birthDate`; kept only with a "dead" vital status. */
  deathDate?: DateInput | null;
  /** A `vital_status` permissible value. */
  vitalStatus?: string | null;
  /** A `gender` permissible value. */
  gender?: string | null;
  /** `race` permissible values. */
  races?: (string | null)[] | null;
  /** The documentation's spelling of `races`. */
  race?: (string | null)[] | null;
  /** `ethnicity` permissible values (server 4.0 on). */
  ethnicities?: (string | null)[] | null;
  /** An `ethnicity` permissible value (servers before 4.0). */
  ethnicity?: string | null;
  /** A `genotype` permissible value before 5.0, ignored from 5.0; at most 50 characters. */
  sexGenotype?: string | null;
  /** Medical record numbers, one per site. */
  pmis?: (PmiPayload | null)[] | null;
  emailAddress?: string | null;
  /** At most 32 characters. */
  phoneNumber?: string | null;
  /** Blank means `Active`. */
  activityStatus?: Suggest<ActivityStatus> | null;
  emailOptIn?: BooleanInput | null;
  textOptIn?: BooleanInput | null;
  /** Not checked. */
  source?: unknown;
  /** Not checked. */
  stagedId?: unknown;
  /** Not checked (custom fields). */
  extensionDetail?: unknown;
  /** Not checked. */
  textOptInConsent?: unknown;
  /** Not checked. */
  forceDelete?: unknown;
  /** Sent back from a GET; ignored. */
  birthDateStr?: unknown;
  /** Sent back from a GET; ignored. */
  deathDateStr?: unknown;
  /** Sent back from a GET; ignored. */
  phiAccess?: unknown;
  /** Sent back from a GET; ignored. */
  registeredCps?: unknown;
  /** Sent back from a GET; ignored. */
  cpId?: unknown;
  /** Sent back from a GET; ignored. */
  dataEntryStatus?: unknown;
}

/** The body of `PUT /rest/ng/collection-protocol-registrations/{id}` (5.0 on): always a partial update. */
export interface RegistrationPayload {
  /** Must be present (at least `{}`); checked with the participant rules, partially. */
  participant: ParticipantPayload;
  id?: IntegerInput | null;
  cpId?: IntegerInput | null;
  cpTitle?: string | null;
  cpShortTitle?: string | null;
  externalSubjectId?: string | null;
  site?: string | null;
  barcode?: string | null;
  /** When present, not blank. */
  ppid?: string | null;
  /** When present, not blank. */
  registrationDate?: DateInput | null;
  activityStatus?: Suggest<ActivityStatus> | null;
  dataEntryStatus?: Suggest<DataEntryStatus> | null;
  /** Ignored by this request. */
  consentDetails?: unknown;
  /** Ignored by this request. */
  forceDelete?: unknown;
  /** Ignored by this request. */
  opComments?: unknown;
}

// ---------------------------------------------------------------------------------------------------
// Normalised payloads: `Result.value` when valid. Strings trimmed, blanks dropped (PUT) or `null`
// (PATCH, where a blank clears the stored value), aliases resolved, booleans and integers converted,
// dates as `yyyy-MM-dd`. Keys the server ignores are kept as sent.

/** A date as the validator normalises it: `yyyy-MM-dd`. */
export type DateString = string;

export interface UpdateUserValue {
  id?: number | null;
  firstName?: string | null;
  lastName?: string | null;
  emailAddress?: string | null;
  loginName?: string | null;
  domainName?: string | null;
  instituteName?: string | null;
  primarySite?: string | null;
  type?: UserType | null;
  activityStatus?: UserActivityStatus | null;
  apiUser?: boolean | null;
  ipRange?: string | null;
  manageForms?: boolean | null;
  manageWfs?: boolean | null;
  managePrintJobs?: boolean | null;
  dnd?: boolean | null;
  downloadLabelsPrintFile?: boolean | null;
  phoneNumber?: string | null;
  address?: string | null;
  timeZone?: string | null;
  defaultPrinter?: string | null;
  opComments?: unknown;
  creationDate?: unknown;
  instituteId?: unknown;
  userId?: unknown;
}

export interface PmiValue {
  siteName?: string | null;
  mrn?: string | null;
}

export interface ParticipantValue {
  id?: number | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  uid?: string | null;
  empi?: string | null;
  birthDate?: DateString | null;
  deathDate?: DateString | null;
  vitalStatus?: string | null;
  gender?: string | null;
  races?: string[] | null;
  race?: string[] | null;
  ethnicities?: string[] | null;
  ethnicity?: string | null;
  sexGenotype?: string | null;
  pmis?: PmiValue[] | null;
  emailAddress?: string | null;
  phoneNumber?: string | null;
  activityStatus?: ActivityStatus | null;
  emailOptIn?: boolean | null;
  textOptIn?: boolean | null;
  source?: unknown;
  stagedId?: unknown;
  extensionDetail?: unknown;
  textOptInConsent?: unknown;
  forceDelete?: unknown;
  birthDateStr?: unknown;
  deathDateStr?: unknown;
  phiAccess?: unknown;
  registeredCps?: unknown;
  cpId?: unknown;
  dataEntryStatus?: unknown;
}

export interface RegistrationValue {
  participant: ParticipantValue;
  id?: number | null;
  cpId?: number | null;
  cpTitle?: string | null;
  cpShortTitle?: string | null;
  externalSubjectId?: string | null;
  site?: string | null;
  barcode?: string | null;
  ppid?: string | null;
  registrationDate?: DateString | null;
  activityStatus?: ActivityStatus | null;
  dataEntryStatus?: DataEntryStatus | null;
  consentDetails?: unknown;
  forceDelete?: unknown;
  opComments?: unknown;
}

// ---------------------------------------------------------------------------------------------------
// Results and issues.

/** Every code the validator reports: the server's own, then the validator's (spec README). */
export type IssueCode =
  | 'INVALID_REQUEST'
  | 'ACTIVITY_STATUS_INVALID'
  | 'SITE_NOT_FOUND'
  | 'COMMON_INVALID_INPUT'
  | 'USER_FIRST_NAME_REQUIRED'
  | 'USER_LAST_NAME_REQUIRED'
  | 'USER_INVALID_EMAIL'
  | 'USER_LOGIN_NAME_REQUIRED'
  | 'USER_DOMAIN_NAME_REQUIRED'
  | 'USER_INST_REQUIRED'
  | 'USER_INVALID_TYPE'
  | 'USER_IP_REQ'
  | 'USER_INVALID_IP'
  | 'USER_SYS_LOGIN_NAME'
  | 'PARTICIPANT_UID_REQUIRED'
  | 'PARTICIPANT_INVALID_UID'
  | 'PARTICIPANT_INVALID_MPI'
  | 'PARTICIPANT_INVALID_BIRTH_DATE'
  | 'PARTICIPANT_INVALID_DEATH_DATE'
  | 'PARTICIPANT_INVALID_VITAL_STATUS'
  | 'PARTICIPANT_INVALID_GENDER'
  | 'PARTICIPANT_INVALID_RACE'
  | 'PARTICIPANT_INVALID_ETHNICITY'
  | 'PARTICIPANT_INVALID_GENOTYPE'
  | 'PARTICIPANT_DUP_MRN_SITE'
  | 'PARTICIPANT_INVALID_EMAIL_ID'
  | 'CPR_PARTICIPANT_DETAIL_REQUIRED'
  | 'CPR_PPID_REQUIRED'
  | 'CPR_REG_DATE_REQUIRED'
  | 'FIELD_TOO_LONG'
  | 'UNKNOWN_FIELD'
  | 'PUT_RESETS_FIELD'
  | 'DEATH_DATE_IGNORED'
  | 'DATE_ROLLS_OVER';

/** `'error'` fails validation (the server would refuse the request); `'warning'` does not. */
export type Severity = 'error' | 'warning';

/** One finding. Its shape is also a Standard Schema issue (`message`, `path`). */
export interface Issue {
  /** The server's error code, or one of the validator's own (`FIELD_TOO_LONG`, `UNKNOWN_FIELD`, …). */
  code: IssueCode;
  /** Where: `['participant', 'pmis', 1, 'siteName']`; `[]` for the whole body. */
  path: (string | number)[];
  /** The same path as a form field name: `'participant.pmis[1].siteName'`; `''` for the whole body. */
  field: string;
  /** The message in `options.locale`, with `options.messages` applied. */
  message: string;
  severity: Severity;
  /** The values the message uses (`max`, `length`, `field`, `reason`, …), for custom translations. */
  params?: Record<string, string | number>;
}

/** What one validation found. */
export type Result<T> =
  | {
      /** No issue has severity `'error'`. */
      valid: true;
      /** Every issue (here: only warnings), in field order. */
      issues: Issue[];
      /**
       * The normalised payload: the payload as it was validated (later changes to the object do not
       * show), built on first read, so checks that never read it do not pay for it.
       */
      value: T;
    }
  | {
      valid: false;
      /** Every issue, errors and warnings, in field order. */
      issues: Issue[];
      value: null;
    };

// ---------------------------------------------------------------------------------------------------
// Options, schemas, locales.

/** A permissible value as `GET /rest/ng/permissible-values?attribute=…&includeProps=true` returns it, or a plain string. */
export type PermissibleValue = string | { value: string; props?: Record<string, string> };

export type PermissibleAttribute = 'gender' | 'race' | 'ethnicity' | 'vital_status' | 'genotype';

/** A message key: a code, or `CODE.reason` where the issue's `reason` param picks the wording. */
export type MessageKey = IssueCode | `${IssueCode}.${string}` | 'UNKNOWN_CODE';

/** Message templates by key. Placeholders: `{label}`, `{path}`, and the issue's params (`{max}`, …). */
export type Messages = Partial<Record<MessageKey, string>>;

export interface Options {
  /** User and participant: `'put'` (default) is a full replacement, `'patch'` checks only the keys present. A registration update is always partial. */
  mode?: 'put' | 'patch';
  /** `'3.6'`, `'4.1'`, `'5.0'`, `'11.2'` …; default: the newest. Decides `ethnicity` versus `ethnicities`. */
  serverVersion?: string;
  /** The clock for "not in the future" checks; default: now. */
  now?: number | Date;
  /** Message language (`'en'`, `'fr'`, `'fr-CA'` …); an unknown one falls back to English. */
  locale?: string;
  /** Per-code message overrides, keyed `CODE` or `CODE.reason`, with `{param}` placeholders. */
  messages?: Messages;
  /** The server's lists; a list given replaces the default list of that attribute. */
  permissibleValues?: Partial<Record<PermissibleAttribute, PermissibleValue[]>>;
  /** The server settings `biospecimen.participant_uid_pattern`, `uid_mandatory` and `mpi_pattern`. */
  settings?: { uidPattern?: string; uidMandatory?: boolean; mpiPattern?: string };
}

/** What a Standard Schema consumer receives from `schema['~standard'].validate`: warnings never fail it. */
export type StandardResult<Output> = StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<Issue> };

/** The Standard Schema properties of a schema: synchronous, issues carry `code` and `severity` too. */
export interface SchemaProps<Input, Output> extends StandardSchemaV1.Props<Input, Output> {
  readonly vendor: 'openspecimen-validate';
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => StandardResult<Output>;
}

/**
 * One payload kind under one set of options. `Input` is the payload a form holds (what
 * `StandardSchemaV1.InferInput` gives a form library), `Output` the normalised value.
 */
export interface Schema<Input, Output = Input> extends StandardSchemaV1<Input, Output> {
  readonly '~standard': SchemaProps<Input, Output>;
  /** Validates a whole payload; never throws for a malformed one. */
  validate(payload: unknown): Result<Output>;
  /**
   * The issues of one field (`'pmis[1].siteName'`), cross-field rules included: `value` replaces that
   * field in `payload`, whose other fields the cross-field rules read.
   */
  validateField(path: string, value: unknown, payload?: unknown): Issue[];
  /**
   * Validates many payloads, 1,000 per call into WebAssembly; the results in the same order, each as `validate` gives it.
   * Throws a TypeError if `payloads` is not an array.
   */
  validateMany(payloads: readonly unknown[]): Result<Output>[];
}

export type UserSchema = Schema<UpdateUserPayload, UpdateUserValue>;
export type ParticipantSchema = Schema<ParticipantPayload, ParticipantValue>;
export type RegistrationSchema = Schema<RegistrationPayload, RegistrationValue>;

/** The schemas of one `createValidator(options)` call; options are parsed once. */
export interface Validator {
  readonly user: UserSchema;
  readonly participant: ParticipantSchema;
  readonly registration: RegistrationSchema;
}

export type Kind = keyof Validator;

/** A message language: templates by message key and field labels by payload key (`{label}`). */
export interface Locale {
  messages: Messages;
  fields?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------
// Functions.

/** Checks an Update User body (`PUT /rest/ng/users/{id}`). */
export declare function validateUser(payload: unknown, options?: Options): Result<UpdateUserValue>;
/** Checks an Update Participant body (`PUT /rest/ng/participants/{id}`, servers before 5.0). */
export declare function validateParticipant(payload: unknown, options?: Options): Result<ParticipantValue>;
/** Checks an Update Registration body (`PUT /rest/ng/collection-protocol-registrations/{id}`, 5.0 on). */
export declare function validateRegistration(payload: unknown, options?: Options): Result<RegistrationValue>;
/** Checks many payloads of one kind, 1,000 per call into WebAssembly; the results in the same order. */
export declare function validateMany<K extends Kind>(kind: K, payloads: readonly unknown[], options?: Options): Result<ValueOf<K>>[];
/** The normalised value of a payload kind. */
export type ValueOf<K extends Kind> = { user: UpdateUserValue; participant: ParticipantValue; registration: RegistrationValue }[K];
/** The issues of one field, cross-field rules included; `payload` gives the other fields. Throws a TypeError for an unknown kind. */
export declare function validateField(kind: Kind, path: string, value: unknown, payload?: unknown, options?: Options): Issue[];
/** Parses and checks `options` once; throws a TypeError naming a bad option. */
export declare function createValidator(options?: Options): Validator;
/** The message languages by tag: `en`, and those registered (`import 'openspecimen-validate/locales/fr'` registers `fr`). */
export declare const locales: Record<string, Locale>;
/** Adds or replaces a message language. */
export declare function registerLocale(tag: string, locale: Locale): void;
