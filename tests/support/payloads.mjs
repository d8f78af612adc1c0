// Payloads the Node suites share.

/** A complete Update User body: valid, with no warning. */
export const VALID_USER = Object.freeze({
  id: 7,
  firstName: 'Ann',
  lastName: 'Lee',
  emailAddress: 'ann.lee@example.org',
  loginName: 'alee',
  domainName: 'openspecimen',
  instituteName: 'Inst A',
  primarySite: 'Site A1',
  type: 'NONE',
  activityStatus: 'Active',
  manageForms: false,
});
