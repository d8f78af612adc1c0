// Debian's Chromium, driven by playwright-core (no browser download).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * The demo's server (on a free port) and Chromium for one test file: started before its tests,
 * stopped after them. Read `base` and `browser` from the returned object inside the tests.
 */
export function serverAndBrowser() {
  const session = { base: '', browser: undefined };
  let server;
  before(async () => {
    server = await startServer({ port: 0 });
    session.base = `http://127.0.0.1:${server.address().port}`;
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    server?.close();
  });
  return session;
}
