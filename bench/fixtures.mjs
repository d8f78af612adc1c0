// Payloads shared by the peer self-check and the benchmark. Valid ones send every field a PUT would
// otherwise reset, and a death date only with a dead vital status, so the WASM validator gives them
// no warning either.

export const userValid = {
  id: 42,
  firstName: 'Ann',
  lastName: 'Smith',
  emailAddress: 'ann.smith@biobank.example.org',
  loginName: 'asmith',
  domainName: 'openspecimen',
  instituteName: 'Biobank Institute',
  primarySite: 'Main Hospital',
  type: 'INSTITUTE',
  activityStatus: 'Active',
  apiUser: true,
  ipRange: '10.0.0.0/8, 192.168.1.20, 2001:db8::/32',
  manageForms: true,
  manageWfs: false,
  managePrintJobs: 'false',
  dnd: false,
  downloadLabelsPrintFile: false,
  phoneNumber: '+1 555 0100',
  address: '1 Lab Road',
  timeZone: 'America/New_York',
};

/** Eight errors, one per field. */
export const userInvalid = {
  firstName: '   ', // USER_FIRST_NAME_REQUIRED
  lastName: 'L'.repeat(256), // FIELD_TOO_LONG
  emailAddress: 'ann@@biobank.example.org', // USER_INVALID_EMAIL
  loginName: 'asmith',
  domainName: 'openspecimen',
  // instituteName missing: USER_INST_REQUIRED
  primarySite: 'Main Hospital',
  type: 'ADMIN', // USER_INVALID_TYPE
  activityStatus: 'Deleted', // ACTIVITY_STATUS_INVALID
  apiUser: true, // ipRange missing: USER_IP_REQ
  manageForms: 'yes', // INVALID_REQUEST
};

export const userInvalidExpected = [
  ['USER_FIRST_NAME_REQUIRED', ['firstName']],
  ['FIELD_TOO_LONG', ['lastName']],
  ['USER_INVALID_EMAIL', ['emailAddress']],
  ['USER_INST_REQUIRED', ['instituteName']],
  ['USER_INVALID_TYPE', ['type']],
  ['ACTIVITY_STATUS_INVALID', ['activityStatus']],
  ['USER_IP_REQ', ['ipRange']],
  ['INVALID_REQUEST', ['manageForms']],
];

export const participantValid = {
  id: 1001,
  firstName: 'Maria',
  middleName: 'J',
  lastName: 'Garcia',
  uid: '123-45-6789',
  empi: 'EMPI-000123',
  birthDate: '1950-04-12',
  deathDate: '2024-11-03T14:30:00Z',
  vitalStatus: 'Dead',
  gender: 'Female Gender',
  races: ['White', 'Asian'],
  ethnicities: ['Hispanic or Latino'],
  pmis: [
    { siteName: 'Main Hospital', mrn: 'MRN-0001' },
    { siteName: 'North Clinic', mrn: 'NC-778' },
  ],
  emailAddress: 'maria.garcia@example.org',
  phoneNumber: '+1 555 0101',
  activityStatus: 'Active',
  emailOptIn: true,
  textOptIn: 'false',
};

/** Eight errors. */
export const participantInvalid = {
  firstName: 'Maria',
  lastName: 'Garcia',
  uid: '9'.repeat(51), // FIELD_TOO_LONG
  birthDate: '1980-05-01',
  deathDate: '1979-01-01', // before birth: PARTICIPANT_INVALID_DEATH_DATE
  vitalStatus: 'Dead',
  gender: 'Male', // PARTICIPANT_INVALID_GENDER
  races: ['Asian', 'Martian'], // PARTICIPANT_INVALID_RACE at races.1
  ethnicities: ['Not Reported'],
  pmis: [
    { siteName: 'Main Hospital', mrn: 'MRN-0001' },
    { siteName: 'Main Hospital', mrn: 'MRN-0002' }, // PARTICIPANT_DUP_MRN_SITE
    { mrn: 'MRN-0003' }, // SITE_NOT_FOUND
  ],
  emailAddress: 'maria.garcia.example.org', // PARTICIPANT_INVALID_EMAIL_ID
  activityStatus: 'Deleted', // ACTIVITY_STATUS_INVALID
};

export const participantInvalidExpected = [
  ['FIELD_TOO_LONG', ['uid']],
  ['PARTICIPANT_INVALID_DEATH_DATE', ['deathDate']],
  ['PARTICIPANT_INVALID_GENDER', ['gender']],
  ['PARTICIPANT_INVALID_RACE', ['races', 1]],
  ['PARTICIPANT_DUP_MRN_SITE', ['pmis', 1, 'siteName']],
  ['SITE_NOT_FOUND', ['pmis', 2, 'siteName']],
  ['PARTICIPANT_INVALID_EMAIL_ID', ['emailAddress']],
  ['ACTIVITY_STATUS_INVALID', ['activityStatus']],
];

/** The `field` case: an invalid email address for the user's emailAddress field. */
export const invalidEmail = 'ann smith@biobank.example.org';

// ---- generated participants -------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Maria', 'John', 'Aiko', 'Olu', 'Priya', 'Lars', 'Chen', 'Fatima', 'Diego', 'Anna'];
const LAST = ['Garcia', 'Smith', 'Tanaka', 'Adeyemi', 'Patel', 'Larsen', 'Wang', 'Haddad', 'Lopez', 'Novak'];
const SITES = ['Main Hospital', 'North Clinic', 'South Clinic', 'Children Hospital', 'Cancer Center'];
const GOOD_GENDERS = ['Male Gender', 'Female Gender', 'Unknown', 'Unspecified'];
const GOOD_RACES = ['White', 'Asian', 'Black or African American', 'Not Reported', 'Unknown'];
const GOOD_ETHNICITIES = ['Hispanic or Latino', 'Not Hispanic or Latino', 'Not Reported', 'Unknown'];

const pad = (n, w) => String(n).padStart(w, '0');

/** One error each: [mutate(participant, random)], applied to a valid participant. */
const MUTATIONS = [
  (p) => { p.gender = 'Male'; },
  (p) => { p.races = [...p.races, 'Martian']; },
  (p) => { p.ethnicities = ['Latino']; },
  (p) => { p.vitalStatus = 'Deceased'; delete p.deathDate; },
  (p) => { p.birthDate = '2030-01-01'; },
  (p) => { p.birthDate = '1990-13-01'; },
  (p) => { p.vitalStatus = 'Dead'; p.deathDate = '1900-01-01'; },
  (p) => { p.pmis = [...p.pmis, { mrn: 'X-1' }]; },
  (p) => { p.pmis = [...p.pmis, { siteName: p.pmis[0].siteName, mrn: 'DUP-1' }]; },
  (p) => { p.emailAddress = 'no-at-sign.example.org'; },
  (p) => { p.uid = '1'.repeat(51); },
  (p) => { p.activityStatus = 'Deleted'; },
  (p) => { p.phoneNumber = '5'.repeat(40); },
  (p) => { p.emailOptIn = 'yes'; },
];

/**
 * n participants, the same for the same seed: about 80 % valid, the rest with 1–3 errors
 * (each error on a different rule).
 */
export function generateParticipants(n, seed = 1) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const year = 1930 + Math.floor(r() * 80);
    const birth = `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    const dead = r() < 0.2;
    const site1 = Math.floor(r() * SITES.length);
    const site2 = (site1 + 1 + Math.floor(r() * (SITES.length - 1))) % SITES.length;
    const p = {
      id: 1 + i,
      firstName: pick(FIRST),
      lastName: pick(LAST),
      uid: `${pad(100 + Math.floor(r() * 800), 3)}-${pad(10 + Math.floor(r() * 89), 2)}-${pad(1000 + Math.floor(r() * 8999), 4)}`,
      birthDate: r() < 0.5 ? birth : Date.UTC(year, Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      vitalStatus: dead ? 'Dead' : 'Alive',
      gender: pick(GOOD_GENDERS),
      races: [pick(GOOD_RACES)],
      ethnicities: [pick(GOOD_ETHNICITIES)],
      pmis: r() < 0.5
        ? [{ siteName: SITES[site1], mrn: `MRN-${pad(i, 6)}` }]
        : [{ siteName: SITES[site1], mrn: `MRN-${pad(i, 6)}` }, { siteName: SITES[site2], mrn: `B-${pad(i, 6)}` }],
      emailAddress: `person${i}@example.org`,
      activityStatus: 'Active',
    };
    if (dead) p.deathDate = `${2015 + Math.floor(r() * 10)}-0${1 + Math.floor(r() * 9)}-15T08:00:00Z`;
    if (r() < 0.2) {
      const count = 1 + Math.floor(r() * 3);
      const used = new Set();
      while (used.size < count) used.add(Math.floor(r() * MUTATIONS.length));
      for (const m of used) MUTATIONS[m](p);
    }
    out[i] = p;
  }
  return out;
}
