// The demo page loads the package in headless Chromium under the server's Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './browser.mjs';

const session = serverAndBrowser();

test('the package loads in the browser and validates', async () => {
  const page = await session.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.base}/www/smoke.html`);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true');
  const outcome = await page.evaluate(() => document.getElementById('status').textContent);
  assert.match(outcome, /USER_FIRST_NAME_REQUIRED/);
  assert.deepEqual(errors, []);
  await page.close();
});
