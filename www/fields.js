// The three forms, described once: each control's name is its path in the request body, so the
// validator's issues (`field: 'participant.pmis[1].siteName'`) find their control by name.

const USER_TYPES = [
  ['NONE', 'Regular (NONE)'],
  ['INSTITUTE', 'Institute administrator (INSTITUTE)'],
  ['SUPER', 'Super administrator (SUPER)'],
  ['CONTACT', 'Contact, no login (CONTACT)'],
];
const USER_STATUSES = ['Active', 'Locked', 'Pending', 'Disabled', 'Closed', 'Expired'];
const STATUSES = ['Active', 'Disabled', 'Closed'];

/** The participant's fields, under `prefix` ('' for Update Participant, 'participant.' in a registration). */
function participantGroups(prefix, { withId }) {
  const p = (name) => prefix + name;
  return [
    {
      legend: 'Name',
      fields: [
        ...(withId ? [{ name: 'id', label: 'Participant ID', kind: 'integer', hint: 'Goes in the URL.' }] : []),
        { name: p('firstName'), label: 'First name', autocomplete: 'off' },
        { name: p('middleName'), label: 'Middle name', autocomplete: 'off' },
        { name: p('lastName'), label: 'Last name', autocomplete: 'off' },
      ],
    },
    {
      legend: 'Identifiers',
      fields: [
        { name: p('uid'), label: 'National ID (SSN)', hint: 'Checked against the UID pattern in Settings.', requiredWhen: 'uidMandatory' },
        { name: p('empi'), label: 'Master patient index (eMPI)', hint: 'Checked against the MPI pattern in Settings.' },
      ],
    },
    {
      legend: 'Demographics',
      fields: [
        { name: p('birthDate'), label: 'Birth date', kind: 'date', hint: 'Not in the future.' },
        { name: p('deathDate'), label: 'Death date', kind: 'date', hint: 'Not before the birth date; kept only with a dead vital status.' },
        { name: p('vitalStatus'), label: 'Vital status', kind: 'select', pv: 'vital_status' },
        { name: p('gender'), label: 'Gender', kind: 'select', pv: 'gender' },
        { name: p('races'), label: 'Race', kind: 'multiselect', pv: 'race', hint: 'Ctrl-click or ⌘-click to choose several.' },
        { name: p('ethnicities'), label: 'Ethnicity', kind: 'multiselect', pv: 'ethnicity', since: '4.0', hint: 'A list from server 4.0 on. Ctrl-click or ⌘-click to choose several.' },
        { name: p('ethnicity'), label: 'Ethnicity', kind: 'select', pv: 'ethnicity', until: '4.0', hint: 'One value on servers before 4.0.' },
        { name: p('sexGenotype'), label: 'Genotype', kind: 'select', pv: 'genotype', hint: 'Checked before server 5.0; from 5.0 the server ignores it.' },
      ],
    },
    { legend: 'Medical record numbers', list: p('pmis'), hint: 'One MRN per site. A row with both boxes empty is skipped.' },
    {
      legend: 'Contact and status',
      fields: [
        { name: p('emailAddress'), label: 'Email address', kind: 'email' },
        { name: p('phoneNumber'), label: 'Phone number', kind: 'tel', hint: 'At most 32 characters.' },
        { name: p('activityStatus'), label: 'Activity status', kind: 'select', options: STATUSES },
        { name: p('emailOptIn'), label: 'Email opt-in', kind: 'checkbox' },
        { name: p('textOptIn'), label: 'Text message opt-in', kind: 'checkbox' },
      ],
    },
  ];
}

export const FORMS = {
  user: {
    title: 'Update User',
    method: (mode) => mode.toUpperCase(),
    url: (id) => `/openspecimen/rest/ng/users/${id}`,
    submitLabel: 'Update user',
    groups: [
      {
        legend: 'Name and contact',
        fields: [
          { name: 'id', label: 'User ID', kind: 'integer', hint: 'Goes in the URL; the URL’s ID wins.' },
          { name: 'firstName', label: 'First name', required: true, autocomplete: 'off' },
          { name: 'lastName', label: 'Last name', required: true, autocomplete: 'off' },
          { name: 'emailAddress', label: 'Email address', kind: 'email', required: true },
          { name: 'phoneNumber', label: 'Phone number', kind: 'tel' },
          { name: 'address', label: 'Address', kind: 'textarea', wide: true },
        ],
      },
      {
        legend: 'Login',
        fields: [
          { name: 'loginName', label: 'Login name', required: true, hint: 'Not needed for contacts.' },
          { name: 'domainName', label: 'Login domain', required: true, hint: 'Such as openspecimen. Not needed for contacts.' },
          { name: 'instituteName', label: 'Institute', required: true },
          { name: 'primarySite', label: 'Primary site' },
        ],
      },
      {
        legend: 'Role and status',
        fields: [
          { name: 'type', label: 'User type', kind: 'select', options: USER_TYPES },
          { name: 'activityStatus', label: 'Activity status', kind: 'select', options: USER_STATUSES },
        ],
      },
      {
        legend: 'API access',
        fields: [
          { name: 'apiUser', label: 'API user (signs in from scripts)', kind: 'checkbox' },
          { name: 'ipRange', label: 'Allowed IP range', hint: 'Required for API users: *, or addresses and CIDR ranges separated by commas (10.0.0.0/8, 192.168.1.5).', wide: true },
        ],
      },
      {
        legend: 'Permissions and preferences',
        fields: [
          { name: 'manageForms', label: 'Manage forms', kind: 'checkbox' },
          { name: 'manageWfs', label: 'Manage workflows', kind: 'checkbox' },
          { name: 'managePrintJobs', label: 'Manage print jobs', kind: 'checkbox' },
          { name: 'dnd', label: 'Do not disturb (no emails)', kind: 'checkbox' },
          { name: 'downloadLabelsPrintFile', label: 'Download label print files', kind: 'checkbox' },
          { name: 'timeZone', label: 'Time zone', hint: 'Such as Europe/Paris.' },
          { name: 'defaultPrinter', label: 'Default printer' },
        ],
      },
    ],
  },
  participant: {
    title: 'Update Participant',
    method: (mode) => mode.toUpperCase(),
    url: (id) => `/openspecimen/rest/ng/participants/${id}`,
    submitLabel: 'Update participant',
    groups: participantGroups('', { withId: true }),
  },
  registration: {
    title: 'Update Registration',
    method: () => 'PUT',
    url: (id) => `/openspecimen/rest/ng/collection-protocol-registrations/${id}`,
    submitLabel: 'Update registration',
    groups: [
      {
        legend: 'Registration',
        fields: [
          { name: 'id', label: 'Registration ID', kind: 'integer', hint: 'Goes in the URL.' },
          { name: 'ppid', label: 'Protocol participant ID (PPID)', required: true },
          { name: 'registrationDate', label: 'Registration date', kind: 'date', required: true },
          { name: 'cpId', label: 'Collection protocol ID', kind: 'integer' },
          { name: 'site', label: 'Registration site' },
          { name: 'externalSubjectId', label: 'External subject ID' },
          { name: 'barcode', label: 'Barcode' },
          { name: 'activityStatus', label: 'Activity status', kind: 'select', options: STATUSES },
          { name: 'dataEntryStatus', label: 'Data entry status', kind: 'select', options: ['COMPLETE', 'DRAFT'] },
        ],
      },
      ...participantGroups('participant.', { withId: false }).map((group, index) =>
        index === 0 ? { ...group, heading: 'Participant', headingPath: 'participant' } : group,
      ),
    ],
  },
};
