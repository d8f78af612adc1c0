// The demo portal (www/index.html) in headless Chromium, under the server's Content-Security-Policy:
// the three forms, messages at the fields, the error summary, the settings, and no CSP violation,
// console error or script error anywhere. Screenshots of the invalid forms go to screenshots/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serverAndBrowser } from './browser.mjs';
import en from '../../pkg/locales/en.js';
import fr from '../../pkg/locales/fr.js';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

const session = serverAndBrowser();

before(() => mkdir(SCREENSHOTS, { recursive: true }));

/** Opens the demo and records every CSP violation, console error, script error and failed load. */
async function openDemo(hash = '') {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  await page.goto(`${session.base}/www/${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, problems, requests };
}

/** No CSP violation, console error, script error or failed load since the page opened. */
async function assertClean({ page, problems }) {
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  assert.deepEqual(problems, [], 'no console error, script error or failed load');
  await page.close();
}

const control = (form, name) => `#${form}-form [name="${name}"]`;

/** What assistive technology and the constraint API see of a control. */
function fieldState(page, selector) {
  return page.$eval(selector, (element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id));
    return {
      invalid: element.getAttribute('aria-invalid'),
      description: described.map((node) => node?.textContent ?? '').join(' ').replace(/\s+/g, ' '),
      messages: described.flatMap((node) => Array.from(node?.querySelectorAll('.issue') ?? [], (issue) => issue.textContent.replace(/\s+/g, ' ').trim())),
      lang: described.map((node) => node?.getAttribute('lang')).find(Boolean) ?? null,
      validationMessage: element.validationMessage,
      customError: element.validity.customError,
      missingIds: ids.filter((id) => !document.getElementById(id)),
    };
  });
}

/** Waits until a message containing `text` is linked to the control by aria-describedby, then returns its state. */
async function messageAt(page, selector, text) {
  try {
    await page.waitForFunction(
      ([s, t]) => {
        const element = document.querySelector(s);
        const ids = (element?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return ids.some((id) => document.getElementById(id)?.textContent.includes(t));
      },
      [selector, text],
      { timeout: 3000 },
    );
  } catch {
    // Fall through: the assertion below shows what is there instead.
  }
  const state = await fieldState(page, selector);
  assert.ok(state.description.includes(text), `${selector}: expected a message "${text}", found "${state.description}"`);
  assert.deepEqual(state.missingIds, [], 'aria-describedby names elements that exist');
  return state;
}

function assertError(state, text) {
  assert.equal(state.invalid, 'true', 'aria-invalid="true"');
  assert.equal(state.customError, true, 'setCustomValidity was called');
  assert.ok(state.validationMessage.includes(text), `validationMessage is the message, not "${state.validationMessage}"`);
}

/** The result badge's text once the output panel (debounced) has caught up with `expected`, or after 5 s. */
async function badge(page, expected) {
  await page
    .waitForFunction((text) => document.getElementById('result-badge').textContent === text, expected, { timeout: 5000 })
    .catch(() => {});
  return page.textContent('#result-badge');
}

async function settle(page) {
  // Longer than the typing debounce (300 ms) and the output's (120 ms).
  await page.waitForTimeout(450);
}

/** Every control of a form that says it is invalid, with its messages. */
function invalidControls(page, form) {
  return page.$$eval(`#${form}-form [aria-invalid="true"]`, (nodes) => nodes.map((node) => node.name));
}

function warningsAndErrorsShown(page, form) {
  return page.$$eval(`#${form}-form .issue`, (nodes) => nodes.map((node) => node.textContent.replace(/\s+/g, ' ').trim()));
}

async function requestBody(page) {
  await settle(page);
  return JSON.parse(await page.textContent('#request-body'));
}

/** Sets a setting and waits until the page has built the validator with it. */
async function setSetting(page, selector, value, expectInOptions) {
  const tag = await page.$eval(selector, (node) => node.tagName);
  if (tag === 'SELECT') await page.selectOption(selector, value);
  else await page.fill(selector, value);
  await page.waitForFunction((text) => document.getElementById('options-json').textContent.includes(text), expectInOptions, { timeout: 3000 });
}

async function submit(page, form) {
  await page.click(`#${form}-form button[type="submit"]`);
}

async function clearForm(page, form) {
  await page.click(`#panel-${form} [data-example="clear"]`);
}

async function openTab(page, form) {
  await page.click(`#tab-${form}`);
  await page.waitForSelector(`#panel-${form}:not([hidden])`);
}

async function addMrnRow(page, form) {
  await page.click(`#${form}-form [data-action="add-row"]`);
}

/** A full-page screenshot of the page's state, from the top. */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

// ---------------------------------------------------------------------------------------------------

test('the page loads under the CSP with no violation or error, and the CSP watch does see violations', async () => {
  const demo = await openDemo();
  const { page } = demo;
  assert.equal(await page.getAttribute('#tab-user', 'aria-selected'), 'true');
  assert.match(await page.textContent('#load-state'), /ready/);
  assert.equal(await page.$$eval('[style]', (nodes) => nodes.length), 0, 'no inline style attribute');
  assert.equal(await page.$$eval('script:not([src])', (nodes) => nodes.length), 0, 'no inline script');
  // Every control's name is a payload path, with a label and an existing message element.
  const unlabeled = await page.$$eval('form [name]', (nodes) =>
    nodes.filter((node) => node.type !== 'radio' && node.labels.length === 0).map((node) => node.name),
  );
  assert.deepEqual(unlabeled, [], 'every control has a label');
  await assertClean(demo);

  // The watch is not vacuous: an inline style set from script is a violation it records.
  const probe = await openDemo();
  await probe.page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await probe.page.waitForFunction(() => window.cspViolations.length > 0);
  assert.match((await probe.page.evaluate(() => window.cspViolations))[0], /style-src/);
  await probe.page.close();
});

test('Update User: a valid record typed in gives no error and a "would send" state, without a request', async () => {
  const demo = await openDemo('#user');
  const { page } = demo;
  await clearForm(page, 'user');
  await page.fill(control('user', 'id'), '42');
  await page.fill(control('user', 'firstName'), 'Ada');
  await page.fill(control('user', 'lastName'), 'Lovelace');
  await page.fill(control('user', 'emailAddress'), 'ada@example.org');
  await page.fill(control('user', 'loginName'), 'alovelace');
  await page.fill(control('user', 'domainName'), 'openspecimen');
  await page.fill(control('user', 'instituteName'), 'Analytical Engine Institute');
  await page.fill(control('user', 'primarySite'), 'Main Biobank');
  await page.selectOption(control('user', 'type'), 'INSTITUTE');
  await page.selectOption(control('user', 'activityStatus'), 'Locked');
  await page.check(control('user', 'apiUser'));
  await page.fill(control('user', 'ipRange'), '10.0.0.0/8, 192.168.1.5');
  await page.check(control('user', 'manageForms'));
  await page.check(control('user', 'dnd'));
  await page.fill(control('user', 'timeZone'), 'Europe/London');
  await page.press(control('user', 'timeZone'), 'Tab');
  await settle(page);
  assert.deepEqual(await warningsAndErrorsShown(page, 'user'), [], 'no message at any field');

  const body = await requestBody(page);
  assert.deepEqual(body, {
    id: 42,
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailAddress: 'ada@example.org',
    phoneNumber: '',
    address: '',
    loginName: 'alovelace',
    domainName: 'openspecimen',
    instituteName: 'Analytical Engine Institute',
    primarySite: 'Main Biobank',
    type: 'INSTITUTE',
    activityStatus: 'Locked',
    apiUser: true,
    ipRange: '10.0.0.0/8, 192.168.1.5',
    manageForms: true,
    manageWfs: false,
    managePrintJobs: false,
    dnd: true,
    downloadLabelsPrintFile: false,
    timeZone: 'Europe/London',
    defaultPrinter: '',
  });
  assert.equal(await page.textContent('#request-method'), 'PUT');
  assert.equal(await page.textContent('#request-url'), '/openspecimen/rest/ng/users/42');
  assert.equal(await badge(page, 'valid'), 'valid');
  const result = JSON.parse(await page.textContent('#result-json'));
  assert.deepEqual(result, { valid: true, issues: [] });
  assert.equal(JSON.parse(await page.textContent('#value-json')).firstName, 'Ada', 'the value is shown when valid');

  demo.requests.length = 0;
  await submit(page, 'user');
  await page.waitForSelector('#panel-user .send-status:not([hidden])');
  assert.match(await page.textContent('#panel-user .send-status'), /would send.*PUT \/openspecimen\/rest\/ng\/users\/42/s);
  assert.equal(await page.isHidden('#panel-user .summary'), true);
  assert.deepEqual(await invalidControls(page, 'user'), []);
  await settle(page);
  assert.deepEqual(demo.requests, [], 'submitting makes no network request');
  await assertClean(demo);
});

test('Update Participant (server 4.1): a valid record typed in gives no error', async () => {
  const demo = await openDemo('#participant');
  const { page } = demo;
  await page.click('#settings-title'); // leave nothing focused in the form
  await setSetting(page, '#set-version', '4.1', '"serverVersion": "4.1"');
  assert.equal(await page.isHidden('#panel-participant .notice'), true, 'no "removed in 5.0" note for 4.1');
  await clearForm(page, 'participant');
  await page.fill(control('participant', 'id'), '1017');
  await page.fill(control('participant', 'firstName'), 'Grace');
  await page.fill(control('participant', 'middleName'), 'Brewster');
  await page.fill(control('participant', 'lastName'), 'Hopper');
  await page.fill(control('participant', 'uid'), '123-45-6789');
  await page.fill(control('participant', 'birthDate'), '1906-12-09');
  await page.fill(control('participant', 'deathDate'), '1992-01-01');
  await page.selectOption(control('participant', 'vitalStatus'), 'Dead');
  await page.selectOption(control('participant', 'gender'), 'Female Gender');
  await page.selectOption(control('participant', 'races'), ['Asian', 'White']);
  await page.selectOption(control('participant', 'ethnicities'), ['Not Hispanic or Latino']);
  await page.selectOption(control('participant', 'sexGenotype'), 'XX Genotype');
  await page.fill(control('participant', 'pmis[0].siteName'), 'Main Hospital');
  await page.fill(control('participant', 'pmis[0].mrn'), 'MRN-100234');
  await addMrnRow(page, 'participant');
  await page.fill(control('participant', 'pmis[1].siteName'), 'Cancer Center');
  await page.fill(control('participant', 'pmis[1].mrn'), 'CC-7781');
  await page.fill(control('participant', 'emailAddress'), 'grace@example.org');
  await page.fill(control('participant', 'phoneNumber'), '+1 202 555 0100');
  await page.check(control('participant', 'emailOptIn'));
  await page.press(control('participant', 'emailAddress'), 'Tab');
  await settle(page);
  assert.deepEqual(await warningsAndErrorsShown(page, 'participant'), []);

  const body = await requestBody(page);
  assert.deepEqual(body, {
    id: 1017,
    firstName: 'Grace',
    middleName: 'Brewster',
    lastName: 'Hopper',
    uid: '123-45-6789',
    empi: '',
    birthDate: '1906-12-09',
    deathDate: '1992-01-01',
    vitalStatus: 'Dead',
    gender: 'Female Gender',
    races: ['Asian', 'White'],
    ethnicities: ['Not Hispanic or Latino'],
    sexGenotype: 'XX Genotype',
    pmis: [
      { siteName: 'Main Hospital', mrn: 'MRN-100234' },
      { siteName: 'Cancer Center', mrn: 'CC-7781' },
    ],
    emailAddress: 'grace@example.org',
    phoneNumber: '+1 202 555 0100',
    activityStatus: 'Active',
    emailOptIn: true,
    textOptIn: false,
  });
  assert.equal(await page.textContent('#request-url'), '/openspecimen/rest/ng/participants/1017');

  await submit(page, 'participant');
  await page.waitForSelector('#panel-participant .send-status:not([hidden])');
  assert.equal(await page.isHidden('#panel-participant .summary'), true);
  assert.deepEqual(await invalidControls(page, 'participant'), []);
  assert.equal(await badge(page, 'valid'), 'valid');
  await assertClean(demo);
});

test('Update Registration: a valid record typed in gives no error, the participant nested under "participant"', async () => {
  const demo = await openDemo('#registration');
  const { page } = demo;
  assert.equal(await page.isHidden('#panel-registration .notice'), true, 'no "before 5.0" note for 11.2');
  await clearForm(page, 'registration');
  await page.fill(control('registration', 'id'), '2048');
  await page.fill(control('registration', 'ppid'), 'BRCA-0042');
  await page.fill(control('registration', 'registrationDate'), '2024-03-18');
  await page.fill(control('registration', 'cpId'), '7');
  await page.fill(control('registration', 'site'), 'Main Hospital');
  await page.fill(control('registration', 'externalSubjectId'), 'EXT-99812');
  await page.fill(control('registration', 'barcode'), 'CPR-0042');
  await page.selectOption(control('registration', 'dataEntryStatus'), 'DRAFT');
  await page.fill(control('registration', 'participant.firstName'), 'Katherine');
  await page.fill(control('registration', 'participant.lastName'), 'Johnson');
  await page.fill(control('registration', 'participant.birthDate'), '1968-08-26');
  await page.selectOption(control('registration', 'participant.vitalStatus'), 'Alive');
  await page.selectOption(control('registration', 'participant.gender'), 'Female Gender');
  await page.selectOption(control('registration', 'participant.races'), ['Black or African American']);
  await page.selectOption(control('registration', 'participant.ethnicities'), ['Not Reported', 'Unknown']);
  await page.fill(control('registration', 'participant.pmis[0].siteName'), 'Main Hospital');
  await page.fill(control('registration', 'participant.pmis[0].mrn'), 'MRN-200981');
  await page.fill(control('registration', 'participant.emailAddress'), 'k.johnson@example.org');
  await page.check(control('registration', 'participant.textOptIn'));
  await page.press(control('registration', 'participant.emailAddress'), 'Tab');
  await settle(page);
  assert.deepEqual(await warningsAndErrorsShown(page, 'registration'), []);

  const body = await requestBody(page);
  assert.equal(body.cpId, 7, 'an integer field is sent as a number');
  assert.equal(body.ppid, 'BRCA-0042');
  assert.equal(body.dataEntryStatus, 'DRAFT');
  assert.deepEqual(body.participant, {
    firstName: 'Katherine',
    middleName: '',
    lastName: 'Johnson',
    uid: '',
    empi: '',
    birthDate: '1968-08-26',
    deathDate: '',
    vitalStatus: 'Alive',
    gender: 'Female Gender',
    races: ['Black or African American'],
    ethnicities: ['Not Reported', 'Unknown'],
    sexGenotype: '',
    pmis: [{ siteName: 'Main Hospital', mrn: 'MRN-200981' }],
    emailAddress: 'k.johnson@example.org',
    phoneNumber: '',
    activityStatus: 'Active',
    emailOptIn: false,
    textOptIn: true,
  });
  assert.equal(await page.textContent('#request-method'), 'PUT');
  assert.equal(await page.textContent('#request-url'), '/openspecimen/rest/ng/collection-protocol-registrations/2048');

  await submit(page, 'registration');
  await page.waitForSelector('#panel-registration .send-status:not([hidden])');
  assert.deepEqual(await invalidControls(page, 'registration'), []);
  await assertClean(demo);
});

test('messages at the fields: blank first name (on leaving) and bad email (while typing)', async () => {
  const demo = await openDemo('#user');
  const { page } = demo;
  await page.fill(control('user', 'firstName'), '');
  await page.press(control('user', 'firstName'), 'Tab');
  const first = await messageAt(page, control('user', 'firstName'), en.messages.USER_FIRST_NAME_REQUIRED);
  assertError(first, en.messages.USER_FIRST_NAME_REQUIRED);
  assert.ok(first.messages[0].includes('Error:'), `an error reads "Error:", found "${first.messages[0]}"`);

  // No blur: the debounced check while typing.
  await page.click(control('user', 'emailAddress'));
  await page.fill(control('user', 'emailAddress'), 'ada@@example.org');
  const email = await messageAt(page, control('user', 'emailAddress'), en.messages.USER_INVALID_EMAIL);
  assertError(email, en.messages.USER_INVALID_EMAIL);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'emailAddress', 'checking while typing keeps the focus');

  // Fixing a field clears its message.
  await page.fill(control('user', 'firstName'), 'Ada');
  await page.press(control('user', 'firstName'), 'Tab');
  await settle(page);
  const fixed = await fieldState(page, control('user', 'firstName'));
  assert.equal(fixed.invalid, null);
  assert.equal(fixed.validationMessage, '');
  assert.deepEqual(fixed.messages, []);
  await assertClean(demo);
});

test('messages at the fields: a death date before the birth date and a duplicate MRN site (participant)', async () => {
  const demo = await openDemo('#participant');
  const { page } = demo;
  await clearForm(page, 'participant');
  await page.selectOption(control('participant', 'vitalStatus'), 'Dead');
  await page.fill(control('participant', 'birthDate'), '1980-05-01');
  await page.fill(control('participant', 'deathDate'), '1979-01-01');
  await page.press(control('participant', 'deathDate'), 'Tab');
  const text = en.messages['PARTICIPANT_INVALID_DEATH_DATE.beforeBirth'];
  assertError(await messageAt(page, control('participant', 'deathDate'), text), text);

  // Moving the birth date back re-checks the death date (a cross-field rule).
  await page.fill(control('participant', 'birthDate'), '1970-05-01');
  await page.press(control('participant', 'birthDate'), 'Tab');
  await settle(page);
  assert.equal((await fieldState(page, control('participant', 'deathDate'))).invalid, null);

  await page.fill(control('participant', 'pmis[0].siteName'), 'Main Hospital');
  await page.fill(control('participant', 'pmis[0].mrn'), 'MRN-1');
  await addMrnRow(page, 'participant');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'pmis[1].siteName', 'a new row takes the focus');
  await page.fill(control('participant', 'pmis[1].siteName'), 'Main Hospital');
  await page.fill(control('participant', 'pmis[1].mrn'), 'MRN-2');
  const duplicate = en.messages.PARTICIPANT_DUP_MRN_SITE.replace('{site}', 'Main Hospital');
  assertError(await messageAt(page, control('participant', 'pmis[1].siteName'), duplicate), duplicate);
  assert.equal((await fieldState(page, control('participant', 'pmis[0].siteName'))).invalid, null, 'the first entry is fine');
  await assertClean(demo);
});

test('messages at the fields of the nested participant (registration)', async () => {
  const demo = await openDemo('#registration');
  const { page } = demo;
  await page.fill(control('registration', 'ppid'), '  ');
  await page.press(control('registration', 'ppid'), 'Tab');
  assertError(await messageAt(page, control('registration', 'ppid'), en.messages.CPR_PPID_REQUIRED), en.messages.CPR_PPID_REQUIRED);

  await page.selectOption(control('registration', 'participant.vitalStatus'), 'Dead');
  await page.fill(control('registration', 'participant.birthDate'), '1980-05-01');
  await page.fill(control('registration', 'participant.deathDate'), '1979-01-01');
  const text = en.messages['PARTICIPANT_INVALID_DEATH_DATE.beforeBirth'];
  assertError(await messageAt(page, control('registration', 'participant.deathDate'), text), text);

  await addMrnRow(page, 'registration');
  await page.fill(control('registration', 'participant.pmis[1].siteName'), 'Main Hospital');
  const duplicate = en.messages.PARTICIPANT_DUP_MRN_SITE.replace('{site}', 'Main Hospital');
  assertError(await messageAt(page, control('registration', 'participant.pmis[1].siteName'), duplicate), duplicate);
  await assertClean(demo);
});

test('a warning is shown distinctly, at its field, and does not block sending', async () => {
  const demo = await openDemo('#participant');
  const { page } = demo;
  await page.click('#settings-title');
  await setSetting(page, '#set-version', '4.1', '"serverVersion": "4.1"');
  await page.click('#panel-participant [data-example="valid"]');
  await page.selectOption(control('participant', 'vitalStatus'), 'Alive');
  const state = await messageAt(page, control('participant', 'deathDate'), en.messages.DEATH_DATE_IGNORED);
  assert.ok(state.messages.some((message) => message.includes('Warning:')), `the warning says "Warning:": ${state.messages}`);
  assert.equal(state.invalid, null, 'a warning does not set aria-invalid');
  assert.equal(state.validationMessage, '', 'a warning does not make the control invalid');
  const styled = await page.$eval(`${control('participant', 'deathDate')}`, (node) => {
    const issue = node.closest('.field').querySelector('.issue');
    return { warning: issue.classList.contains('issue--warning'), color: getComputedStyle(issue).backgroundColor };
  });
  assert.equal(styled.warning, true);
  assert.notEqual(styled.color, 'rgba(0, 0, 0, 0)', 'a warning has its own background');

  await submit(page, 'participant');
  await page.waitForSelector('#panel-participant .send-status:not([hidden])');
  assert.match(await page.textContent('#panel-participant .send-status'), /would send/);
  assert.match(await page.textContent('#panel-participant .send-status'), /One warning/);
  await assertClean(demo);
});

test('submitting an invalid form: an alert summary linking to the fields, focus on the first invalid field', async () => {
  const demo = await openDemo('#user');
  const { page } = demo;
  await clearForm(page, 'user');
  await page.fill(control('user', 'lastName'), 'Lovelace');
  await page.fill(control('user', 'emailAddress'), 'not an email');
  await page.check(control('user', 'apiUser'));
  demo.requests.length = 0;
  await submit(page, 'user');

  const summary = '#panel-user .summary';
  await page.waitForSelector(`${summary}:not([hidden])`);
  assert.equal(await page.getAttribute(summary, 'role'), 'alert');
  const links = await page.$$eval(`${summary} a`, (anchors) =>
    anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: document.querySelector(a.getAttribute('href'))?.name ?? null })),
  );
  assert.deepEqual(
    links.map((link) => link.target),
    ['firstName', 'emailAddress', 'loginName', 'domainName', 'instituteName', 'ipRange'],
    'one link per error, to its field, in form order',
  );
  assert.equal(links[0].text, en.messages.USER_FIRST_NAME_REQUIRED);
  assert.equal(links[1].text, en.messages.USER_INVALID_EMAIL);
  assert.match(await page.textContent(`${summary} .summary__title`), /6 problems/);

  assert.equal(await page.evaluate(() => document.activeElement.name), 'firstName', 'focus is on the first invalid field');
  assert.deepEqual(await invalidControls(page, 'user'), ['firstName', 'emailAddress', 'loginName', 'domainName', 'instituteName', 'ipRange']);
  assert.equal(await page.isHidden('#panel-user .send-status'), true, 'no "would send" state');
  assert.equal(await badge(page, 'invalid'), 'invalid');

  // A summary link moves the focus to its field.
  await page.click(`${summary} a[href="#user-instituteName"]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'user-instituteName');
  await settle(page);
  assert.deepEqual(demo.requests, [], 'submitting makes no network request');

  // The other two forms: the first invalid field takes the focus.
  await openTab(page, 'participant');
  await page.click('#panel-participant [data-example="mistakes"]');
  await submit(page, 'participant');
  await page.waitForSelector('#panel-participant .summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'deathDate');
  await openTab(page, 'registration');
  await page.click('#panel-registration [data-example="mistakes"]');
  await submit(page, 'registration');
  await page.waitForSelector('#panel-registration .summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'ppid');
  await assertClean(demo);
});

test('switching the locale to fr re-words the messages at the fields and in the summary', async () => {
  const demo = await openDemo('#user');
  const { page } = demo;
  await page.fill(control('user', 'firstName'), '');
  await submit(page, 'user');
  await messageAt(page, control('user', 'firstName'), en.messages.USER_FIRST_NAME_REQUIRED);

  await setSetting(page, '#set-locale', 'fr', '"locale": "fr"');
  const state = await messageAt(page, control('user', 'firstName'), fr.messages.USER_FIRST_NAME_REQUIRED);
  assert.ok(!state.description.includes(en.messages.USER_FIRST_NAME_REQUIRED), 'the English message is gone');
  assertError(state, fr.messages.USER_FIRST_NAME_REQUIRED);
  assert.equal(state.lang, 'fr', 'the message is marked lang="fr"');
  assert.equal(await page.textContent('#panel-user .summary a'), fr.messages.USER_FIRST_NAME_REQUIRED, 'the summary is re-worded too');

  // Typing now gives French messages.
  await page.fill(control('user', 'emailAddress'), 'nope');
  await messageAt(page, control('user', 'emailAddress'), fr.messages.USER_INVALID_EMAIL);

  await setSetting(page, '#set-locale', 'en', '"locale": "en"');
  await messageAt(page, control('user', 'firstName'), en.messages.USER_FIRST_NAME_REQUIRED);
  await assertClean(demo);
});

test('settings: a bad pattern shows the TypeError at the setting; patterns, lists, versions and mode apply', async () => {
  const demo = await openDemo('#participant');
  const { page } = demo;

  // A pattern that does not compile: the TypeError's message at the setting, the old validator kept.
  await page.fill('#set-uid', '(');
  await page.waitForFunction(() => document.getElementById('set-uid-msg').textContent.includes('options.settings.uidPattern'));
  assert.equal(await page.getAttribute('#set-uid', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#set-uid-msg'), /options\.settings\.uidPattern is not a valid pattern/);
  assert.ok(!(await page.textContent('#options-json')).includes('uidPattern'), 'the bad pattern is not in force');

  // The documented SSN pattern (with lookaheads) compiles and checks the national ID.
  await page.click('[data-fill="uidPattern"][data-value="ssn"]');
  await page.waitForFunction(() => document.getElementById('options-json').textContent.includes('uidPattern'));
  assert.equal(await page.textContent('#set-uid-msg'), '');
  assert.equal(await page.getAttribute('#set-uid', 'aria-invalid'), null);
  await page.fill(control('participant', 'uid'), '000-12-3456');
  await page.press(control('participant', 'uid'), 'Tab');
  const uid = en.messages.PARTICIPANT_INVALID_UID.replace('{uid}', '000-12-3456');
  assertError(await messageAt(page, control('participant', 'uid'), uid), uid);

  // JSON that does not parse: a message at the box.
  await page.click('.settings__pv summary');
  await page.fill('#set-pv', '{"gender": [');
  await page.waitForFunction(() => document.getElementById('set-pv-msg').textContent.includes('not JSON'));
  assert.equal(await page.getAttribute('#set-pv', 'aria-invalid'), 'true');
  // An attribute the validator does not know: createValidator's TypeError at the box.
  await page.fill('#set-pv', '{"colour": ["red"]}');
  await page.waitForFunction(() => document.getElementById('set-pv-msg').textContent.includes('options.permissibleValues.colour'));

  // A server's own lists replace the defaults: the selects offer them, and an old value is flagged.
  await page.fill('#set-pv', JSON.stringify({ gender: [{ value: 'Male', props: {} }, { value: 'Female', props: {} }] }));
  await page.waitForFunction(() => document.getElementById('options-json').textContent.includes('"Female"'));
  assert.equal(await page.textContent('#set-pv-msg'), '');
  const genders = await page.$$eval(`${control('participant', 'gender')} option`, (options) => options.map((option) => option.value));
  assert.deepEqual(genders, ['', 'Male', 'Female', 'Female Gender'], 'the new list, and the example’s old value kept to show it is wrong');
  await submit(page, 'participant');
  const gender = en.messages.PARTICIPANT_INVALID_GENDER.replace('{value}', 'Female Gender');
  await messageAt(page, control('participant', 'gender'), gender.slice(0, gender.indexOf('{allowed}')));

  // The version decides ethnicity (before 4.0) or ethnicities.
  await setSetting(page, '#set-version', '3.6', '"serverVersion": "3.6"');
  assert.equal(await page.$$eval(`#participant-form [name="ethnicities"]:not(:disabled)`, (nodes) => nodes.length), 0);
  assert.equal(await page.isVisible(control('participant', 'ethnicity')), true);
  let body = await requestBody(page);
  assert.equal(body.ethnicity, 'Not Hispanic or Latino', 'the choice carried over to the single select');
  assert.equal('ethnicities' in body, false);
  await setSetting(page, '#set-version', '4.1', '"serverVersion": "4.1"');
  body = await requestBody(page);
  assert.deepEqual(body.ethnicities, ['Not Hispanic or Latino']);
  assert.equal('ethnicity' in body, false);
  // A version that is no version.
  await page.fill('#set-version', 'four');
  await page.waitForFunction(() => document.getElementById('set-version-msg').textContent.includes('options.serverVersion'));
  assert.equal(await page.getAttribute('#set-version', 'aria-invalid'), 'true');

  // PATCH: the request line says so.
  await page.fill('#set-version', '11.2');
  await page.check('input[name="mode"][value="patch"]');
  await page.waitForFunction(() => document.getElementById('options-json').textContent.includes('"patch"'));
  await openTab(page, 'user');
  assert.equal(await page.textContent('#request-method'), 'PATCH');
  await assertClean(demo);
});

test('MRN rows can be added and removed; names follow the rows', async () => {
  const demo = await openDemo('#participant');
  const { page } = demo;
  await clearForm(page, 'participant');
  await addMrnRow(page, 'participant');
  await addMrnRow(page, 'participant');
  for (const [index, site] of ['A', 'B', 'C'].entries()) {
    await page.fill(control('participant', `pmis[${index}].siteName`), `Site ${site}`);
    await page.fill(control('participant', `pmis[${index}].mrn`), `MRN-${site}`);
  }
  await page.click('#participant-form button[aria-label="Remove MRN entry 2"]');
  const names = await page.$$eval('#participant-form .row input', (inputs) => inputs.map((input) => `${input.name}=${input.value}`));
  assert.deepEqual(names, ['pmis[0].siteName=Site A', 'pmis[0].mrn=MRN-A', 'pmis[1].siteName=Site C', 'pmis[1].mrn=MRN-C']);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Remove MRN entry 2', 'focus stays in the list');
  const labels = await page.$$eval('#participant-form .row input', (inputs) => inputs.map((input) => input.labels[0].htmlFor === input.id));
  assert.deepEqual(labels, [true, true, true, true]);
  const body = await requestBody(page);
  assert.deepEqual(body.pmis, [
    { siteName: 'Site A', mrn: 'MRN-A' },
    { siteName: 'Site C', mrn: 'MRN-C' },
  ]);
  await page.click('#participant-form button[aria-label="Remove MRN entry 1"]');
  await page.click('#participant-form button[aria-label="Remove MRN entry 1"]');
  assert.deepEqual((await requestBody(page)).pmis, [], 'no rows: an empty list, not a missing key');
  await assertClean(demo);
});

test('messages are text: markup typed into a field is shown, never run', async () => {
  const demo = await openDemo('#user');
  const { page } = demo;
  const markup = '<img src=x onerror="window.injected=1"><b>bold</b>';
  await page.check(control('user', 'apiUser'));
  await page.fill(control('user', 'ipRange'), markup);
  await page.press(control('user', 'ipRange'), 'Tab');
  const state = await messageAt(page, control('user', 'ipRange'), markup);
  assertError(state, markup);
  assert.equal(await page.$$eval('#user-form .field__msg img, #user-form .field__msg b', (nodes) => nodes.length), 0);
  await submit(page, 'user');
  await page.waitForSelector('#panel-user .summary:not([hidden])');
  assert.equal(await page.$$eval('.summary img, .summary b, #request-body img, #result-json img', (nodes) => nodes.length), 0);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  await assertClean(demo);
});

test('the tabs work with the keyboard', async () => {
  const demo = await openDemo();
  const { page } = demo;
  await page.focus('#tab-user');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-participant', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#panel-participant'), true);
  assert.equal(await page.isHidden('#panel-user'), true);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-registration');
  assert.match(await page.textContent('#request-url'), /collection-protocol-registrations/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-user');
  await assertClean(demo);
});

test('screenshots of each form in its invalid state', async () => {
  const demo = await openDemo();
  const { page } = demo;
  for (const form of ['user', 'participant', 'registration']) {
    await openTab(page, form);
    await page.click(`#panel-${form} [data-example="mistakes"]`);
    await submit(page, form);
    await page.waitForSelector(`#panel-${form} .summary:not([hidden])`);
    await settle(page);
    await screenshot(page, `${form}-invalid`);
  }
  await page.setViewportSize({ width: 420, height: 900 });
  await openTab(page, 'participant');
  await settle(page);
  await screenshot(page, 'participant-invalid-narrow');
  await assertClean(demo);
});
