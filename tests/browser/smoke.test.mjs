// The demo page loads the package in headless Chromium under the server's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../www/serve.mjs';

let server;
let browser;
let base;

before(async () => {
  server = await startServer({ port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the package loads in the browser and validates', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/www/smoke.html`);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true');
  const outcome = await page.evaluate(() => document.getElementById('status').textContent);
  assert.match(outcome, /USER_FIRST_NAME_REQUIRED/);
  assert.deepEqual(errors, []);
  await page.close();
});
