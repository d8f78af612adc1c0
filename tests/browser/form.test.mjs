// bindForm in headless Chromium, on a real page under the server's CSP (tests/browser/fixtures/form.html).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './browser.mjs';

const session = serverAndBrowser();

async function openFixture() {
  const page = await session.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${session.base}/tests/browser/fixtures/form.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, errors };
}

/** The accessibility and validity state of a control. */
const control = (page, selector) =>
  page.$eval(selector, (el) => ({
    invalid: el.getAttribute('aria-invalid'),
    describedby: el.getAttribute('aria-describedby'),
    customError: el.validity.customError,
    validationMessage: el.validationMessage,
  }));

/** The message element of a control, through its aria-describedby (null when it has none). */
const message = (page, selector) =>
  page.$eval(selector, (el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
    const node = ids.length ? document.getElementById(ids[0]) : null;
    return node && { id: node.id, text: node.textContent, hidden: node.hidden, severity: node.dataset.severity ?? null, children: node.children.length };
  });

async function fillValidUser(page) {
  await page.fill('#firstName', 'Ann');
  await page.fill('#lastName', 'Lee');
  await page.fill('#emailAddress', 'ann@example.org');
  await page.fill('#loginName', 'alee');
  await page.fill('input[name=instituteName]', 'Inst A');
}

test('blur shows the message: aria-invalid, aria-describedby (existing ids kept), customError', async () => {
  const { page, errors } = await openFixture();
  await page.focus('#firstName');
  await page.focus('#lastName'); // blur first name, left blank
  assert.deepEqual(await control(page, '#firstName'), {
    invalid: 'true',
    describedby: 'firstName-hint firstName-error',
    customError: true,
    validationMessage: "Enter the user's first name.",
  });
  assert.deepEqual(await message(page, '#firstName'), {
    id: 'firstName-error', text: "Enter the user's first name.", hidden: false, severity: 'error', children: 0,
  });
  // Created next to the control; only the blurred field is checked.
  assert.equal(await page.$eval('#firstName-error', (el) => el.previousElementSibling.id), 'firstName');
  assert.equal(await page.$eval('#lastName', (el) => el.hasAttribute('aria-invalid')), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('fixing the field clears the message, aria-invalid, the added describedby id and the custom validity', async () => {
  const { page } = await openFixture();
  await page.focus('#emailAddress');
  await page.fill('#emailAddress', 'ann@');
  await page.focus('#loginName');
  assert.equal((await message(page, '#emailAddress')).text, 'Enter an email address such as name@example.org.');
  await page.fill('#emailAddress', 'ann@example.org'); // fixed while typing, before any blur
  assert.deepEqual(await control(page, '#emailAddress'), { invalid: null, describedby: null, customError: false, validationMessage: '' });
  assert.deepEqual(await page.$eval('#emailAddress-error', (el) => [el.hidden, el.textContent]), [true, '']);
  // The hint stays when the error goes.
  await page.focus('#firstName');
  await page.focus('#lastName');
  await page.fill('#firstName', 'Ann');
  assert.equal((await control(page, '#firstName')).describedby, 'firstName-hint');
  await page.close();
});

test("a page's own message element is used, and fixed by a change to another field (cross-field)", async () => {
  const { page } = await openFixture();
  await page.focus('#loginName');
  await page.focus('#ipRange');
  assert.deepEqual(await message(page, '#loginName'), {
    id: 'loginName-error', text: 'Enter a login name (only contact users may go without one).', hidden: false, severity: 'error', children: 0,
  });
  assert.equal(await page.$eval('#loginName-error', (el) => el.className), 'own-message');
  // A contact user needs no login name: the shown error is re-checked on the change of type.
  await page.selectOption('#type', 'CONTACT');
  assert.deepEqual(await control(page, '#loginName'), { invalid: null, describedby: null, customError: false, validationMessage: '' });
  await page.close();
});

test('submit with errors is blocked, focus moves to the first invalid control, the summary gets the rest', async () => {
  const { page } = await openFixture();
  await page.fill('#firstName', 'Ann');
  await page.fill('#emailAddress', 'not an address');
  await page.click('#save');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lastName');
  assert.equal(new URL(page.url()).search, '');
  for (const selector of ['#lastName', '#emailAddress', '#loginName', 'input[name=instituteName]']) {
    const state = await control(page, selector);
    assert.equal(state.invalid, 'true', selector);
    assert.equal(state.customError, true, selector);
  }
  assert.equal((await control(page, '#firstName')).invalid, null);
  const summary = await page.$eval('#summary', (el) => ({
    role: el.getAttribute('role'), hidden: el.hidden, items: [...el.children].map((item) => [item.dataset.severity, item.textContent]),
  }));
  assert.equal(summary.role, 'alert');
  assert.equal(summary.hidden, false);
  assert.deepEqual(summary.items, [
    ['warning', 'Activity status is left out, so this full update resets it. Send its current value, or use a partial update.'],
    ['warning', 'Manage forms is left out, so this full update resets it. Send its current value, or use a partial update.'],
  ]);
  const results = await page.evaluate(() => window.fixture.results);
  assert.equal(results.length, 1);
  assert.equal(results[0].valid, false);
  assert.ok(results[0].codes.includes('USER_LAST_NAME_REQUIRED@lastName'), results[0].codes.join());
  await page.close();
});

test('submit with only warnings goes through; warnings show with data-severity="warning" and no aria-invalid', async () => {
  const { page } = await openFixture();
  await fillValidUser(page);
  await page.fill('#comments', 'call first');
  await page.focus('#comments');
  await page.focus('#firstName');
  assert.deepEqual(await message(page, '#comments'), {
    id: 'comments-error',
    text: '"comments" is not a field OpenSpecimen reads here; it will be ignored. Check its spelling.',
    hidden: false,
    severity: 'warning',
    children: 0,
  });
  assert.deepEqual(await control(page, '#comments'), { invalid: null, describedby: 'comments-error', customError: false, validationMessage: '' });
  await Promise.all([page.waitForURL(/firstName=Ann/), page.click('#save')]);
  const results = await page.evaluate(() => JSON.parse(sessionStorage.getItem('results')));
  assert.equal(results.length, 1);
  assert.equal(results[0].valid, true);
  assert.ok(results[0].codes.every((code) => code.startsWith('UNKNOWN_FIELD') || code.startsWith('PUT_RESETS_FIELD')), results[0].codes.join());
  await page.close();
});

test('markup typed by the user is shown as text, never parsed', async () => {
  const { page } = await openFixture();
  await page.check('#apiUser');
  await page.fill('#ipRange', '<b>10.0.0.1</b><img src=x onerror=alert(1)>');
  await page.focus('#ipRange');
  await page.focus('#comments');
  const shown = await message(page, '#ipRange');
  assert.equal(shown.children, 0);
  assert.equal(
    shown.text,
    '"<b>10.0.0.1</b><img src=x onerror=alert(1)>" is not an IP range. Enter *, or addresses and CIDR ranges separated by commas, such as 10.0.0.0/8, 192.168.1.5.',
  );
  assert.equal(await page.$$eval('#user-form b, #user-form img', (nodes) => nodes.length), 0);
  await page.close();
});

test('the form is read into nested objects, lists, booleans and radio values', async () => {
  const { page } = await openFixture();
  await page.check('input[name=gender][value="Male Gender"]');
  await page.selectOption('select[name=races]', ['White', 'Unknown']);
  await page.fill('input[name=first]', 'Ann');
  const result = await page.evaluate(() => window.fixture.participant.validate());
  assert.equal(result.valid, true, JSON.stringify(result.issues));
  assert.deepEqual(result.value, {
    gender: 'Male Gender',
    races: ['White', 'Unknown'],
    pmis: [{ siteName: 'Site A', mrn: 'M1' }, { siteName: 'Site B', mrn: 'M2' }],
    emailOptIn: true,
    birthDate: '1980-01-31',
    firstName: 'Ann',
  });
  await page.close();
});

test("the page's own constraints count: their message when the schema has none, and submit is blocked", async () => {
  const { page } = await openFixture();
  await fillValidUser(page);
  await page.fill('#phoneNumber', 'call me');
  await page.focus('#comments');
  const shown = await message(page, '#phoneNumber');
  assert.equal(shown.severity, 'error');
  assert.ok(shown.text.length > 0);
  assert.equal((await control(page, '#phoneNumber')).invalid, 'true');
  await page.click('#save');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'phoneNumber');
  assert.equal(new URL(page.url()).search, '');
  await page.fill('#phoneNumber', '+1 555 0100');
  assert.equal((await control(page, '#phoneNumber')).invalid, null);
  await page.close();
});

test('validateOn input checks a field while typing, through options.fields (given → firstName)', async () => {
  const { page } = await openFixture();
  await page.fill('#given', '   ');
  assert.deepEqual(await control(page, '#given'), {
    invalid: 'true', describedby: 'given-hint given-error', customError: true, validationMessage: "Enter the user's first name.",
  });
  await page.fill('#given', 'Ann');
  assert.equal((await control(page, '#given')).invalid, null);
  // Without submit validation the form keeps the browser's own validation.
  assert.equal(await page.$eval('#patch-form', (form) => form.noValidate), false);
  await page.close();
});

test('issues land on list fields (pmis[1].siteName) [needs the participant rules]', async () => {
  const { page } = await openFixture();
  await page.fill('input[name="pmis[1].siteName"]', 'Site A');
  const state = await control(page, 'input[name="pmis[1].siteName"]');
  assert.equal(state.invalid, 'true', 'PARTICIPANT_DUP_MRN_SITE (needs the participant rules)');
  assert.match((await message(page, 'input[name="pmis[1].siteName"]')).text, /Site A/);
  await page.close();
});

test('reset() and destroy() clear every message and remove the created elements', async () => {
  const { page } = await openFixture();
  await page.click('#save');
  assert.equal((await control(page, '#lastName')).invalid, 'true');
  await page.evaluate(() => window.fixture.user.reset());
  assert.deepEqual(await control(page, '#lastName'), { invalid: null, describedby: null, customError: false, validationMessage: '' });
  assert.equal(await page.$eval('#summary', (el) => el.hidden), true);
  await page.click('#save');
  await page.evaluate(() => window.fixture.user.destroy());
  assert.equal(await page.$$eval('.field-message', (nodes) => nodes.length), 0);
  assert.equal(await page.$eval('#loginName-error', (el) => [el.hidden, el.textContent].join()), 'true,');
  assert.equal(await page.$eval('#firstName', (el) => el.getAttribute('aria-describedby')), 'firstName-hint');
  assert.equal(await page.$eval('#summary', (el) => el.hasAttribute('role')), false);
  // No longer bound: a blur shows nothing.
  await page.focus('#lastName');
  await page.focus('#firstName');
  assert.equal((await control(page, '#lastName')).invalid, null);
  await page.close();
});
