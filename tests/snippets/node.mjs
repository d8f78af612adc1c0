import { validateUser } from 'openspecimen-validate';

const result = validateUser({
  firstName: ' ',
  lastName: 'Lee',
  emailAddress: 'ann.lee@example.org',
  loginName: 'alee',
  domainName: 'openspecimen',
  instituteName: 'Hospital A',
  primarySite: 'Site A1',
  type: 'NONE',
  manageForms: 'false',
  activityStatus: 'Active',
  mangeWfs: true,
});

console.log(result.valid);
for (const issue of result.issues) {
  console.log(`${issue.severity} ${issue.code} at ${issue.field}: ${issue.message}`);
}
// false
// error USER_FIRST_NAME_REQUIRED at firstName: Enter the user's first name.
// warning UNKNOWN_FIELD at mangeWfs: "mangeWfs" is not a field OpenSpecimen reads here; it will be ignored. Check its spelling.
