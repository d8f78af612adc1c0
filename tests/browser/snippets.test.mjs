// The "Use it" snippets that need a browser: the plain page (page.html + user-form.js, the package
// copied as npm installs it under /vendor/) served with the CSP of csp.txt, and the Vite snippet,
// built and in Vite's dev server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { buildViteApp, copyPackage, snippetsDir, viteProject } from '../support/snippets.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const CSP = readFileSync(join(snippetsDir, 'csp.txt'), 'utf8').trim().replace(/^Content-Security-Policy:\s*/, '');
const CSP_WITHOUT_WASM = CSP.replace(" 'wasm-unsafe-eval'", '');

let browser;
const cleanup = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const step of cleanup.reverse()) await step();
});

/** Serves `routes` (URL → file, or URL prefix → directory ending in the separator) with a CSP; records the JSON bodies sent to the API. */
async function serve(routes, csp) {
  const received = [];
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname.startsWith('/openspecimen/rest/')) {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push({ method: request.method, path: pathname, body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('{}');
    }
    // A target ending in the path separator is a directory served under its prefix; others are one file.
    const isDir = (target) => target.endsWith(sep);
    const [prefix, target] = Object.entries(routes).find(([start, to]) => (isDir(to) ? pathname.startsWith(start) : pathname === start)) ?? [];
    const file = target && (isDir(target) ? normalize(join(target, decodeURIComponent(pathname.slice(prefix.length)))) : target);
    try {
      if (!file || (isDir(target) && !file.startsWith(target))) throw new Error('outside');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => server.close());
  return { base: `http://127.0.0.1:${server.address().port}`, received };
}

async function openPage(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url);
  return { page, errors };
}

/** Blurs a blank first name and returns what the page shows for it. */
async function blurBlankFirstName(page, next) {
  // bindForm has run once the form is novalidate (its submit validation replaces the browser's).
  await page.waitForFunction(() => document.querySelector('form')?.noValidate === true, null, { timeout: 5000 });
  await page.focus('[name=firstName]');
  await page.focus(next);
  await page.waitForFunction(() => document.querySelector('[name=firstName]').getAttribute('aria-invalid') === 'true', null, { timeout: 5000 });
  return page.$eval('[name=firstName]', (el) => ({
    message: el.validationMessage,
    shown: document.getElementById(el.getAttribute('aria-describedby').split(' ').at(-1)).textContent,
  }));
}

function pageRoutes() {
  const vendor = mkdtempSync(join(tmpdir(), 'osv-vendor-'));
  cleanup.push(() => rmSync(vendor, { recursive: true, force: true }));
  copyPackage(vendor);
  return {
    '/': join(snippetsDir, 'page.html'),
    '/user-form.js': join(snippetsDir, 'user-form.js'),
    '/vendor/openspecimen-validate/': `${vendor}${sep}`,
  };
}

test('page.html + user-form.js under the CSP of csp.txt: blur, blocked submit, then a PATCH of the normalised payload', async () => {
  const { base, received } = await serve(pageRoutes(), CSP);
  const { page, errors } = await openPage(`${base}/`);
  assert.deepEqual(await blurBlankFirstName(page, '[name=lastName]'), {
    message: "Enter the user's first name.",
    shown: "Enter the user's first name.",
  });
  await page.click('button');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'firstName');
  assert.deepEqual(received, []);
  await page.fill('[name=firstName]', '  Ann ');
  await page.fill('[name=lastName]', 'Lee');
  await page.fill('[name=emailAddress]', 'ann@example.org');
  await page.check('[name=manageForms]');
  await page.click('button');
  for (let i = 0; i < 50 && !received.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(received, [{
    method: 'PATCH',
    path: '/openspecimen/rest/ng/users/1',
    body: { firstName: 'Ann', lastName: 'Lee', emailAddress: 'ann@example.org', type: 'NONE', manageForms: true },
  }]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("without 'wasm-unsafe-eval' the page cannot compile the WebAssembly: the CSP line is needed", async () => {
  const { base } = await serve(pageRoutes(), CSP_WITHOUT_WASM);
  const { page, errors } = await openPage(`${base}/`);
  for (let i = 0; i < 50 && !errors.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(errors.some((message) => /WebAssembly|wasm/i.test(message)), errors.join('\n'));
  await page.close();
});

test('the Vite snippet, built, runs under the CSP of csp.txt', async () => {
  const dir = await buildViteApp();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const { base } = await serve({ '/': join(dir, 'dist', 'index.html'), '/assets/': join(dir, 'dist', 'assets') + sep }, CSP);
  const { page, errors } = await openPage(`${base}/`);
  assert.equal((await blurBlankFirstName(page, '#lastName')).shown, "Enter the user's first name.");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Vite snippet runs in Vite's dev server (the package installed in node_modules)", async () => {
  const dir = viteProject();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const { createServer: createViteServer } = await import('vite');
  const vite = await createViteServer({
    root: dir,
    configFile: join(dir, 'vite.config.js'),
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', watch: null },
  });
  await vite.listen();
  cleanup.push(() => vite.close());
  const { page, errors } = await openPage(vite.resolvedUrls.local[0]);
  assert.equal((await blurBlankFirstName(page, '#lastName')).shown, "Enter the user's first name.");
  assert.deepEqual(errors, []);
  await page.close();
});
