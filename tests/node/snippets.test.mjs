// The README's "Use it" snippets: each code block is a file of tests/snippets/, byte for byte, and each
// file runs here (the page and the Vite app also in tests/browser/snippets.test.mjs), so none rots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FieldApi } from '@tanstack/form-core';
import { get } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { createValidator } from 'openspecimen-validate';
import { buildViteApp, codeBlocks, root, snippetsDir, usageDoc } from '../support/snippets.mjs';

const SNIPPETS = ['page.html', 'user-form.js', 'node.mjs', 'vite.config.js', 'main.js', 'react-hook-form.js', 'tanstack-form.js', 'messages.mjs', 'csp.txt'];
const snippet = (name) => readFileSync(join(snippetsDir, name), 'utf8');

/** The `// …` lines that end a snippet: the output it prints. */
function expectedOutput(name) {
  const lines = snippet(name).trimEnd().split('\n');
  const tail = [];
  while (lines.length && lines.at(-1).startsWith('// ')) tail.unshift(lines.pop().slice(3));
  return tail;
}

function runNode(name) {
  const run = spawnSync(process.execPath, [join(snippetsDir, name)], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trimEnd().split('\n');
}

const rhfOptions = { fields: {}, shouldUseNativeValidation: false };

test('every code block of the usage doc is a file of tests/snippets/, byte for byte', () => {
  const { path, text } = usageDoc();
  const blocks = codeBlocks(text);
  const named = [];
  for (const block of blocks) {
    if (block.lang === 'sh') continue; // install commands
    assert.ok(block.name, `${path}: a \`\`\`${block.lang} block names no file of tests/snippets/: ${block.code.slice(0, 60)}`);
    assert.equal(block.code, snippet(block.name), `${path}: the ${block.name} block differs from tests/snippets/${block.name}`);
    named.push(block.name);
  }
  assert.deepEqual(named.sort(), [...SNIPPETS].sort());
  assert.deepEqual(readdirSync(snippetsDir).sort(), [...SNIPPETS].sort(), 'each file of tests/snippets/ is in the doc');
});

test('node.mjs prints what its closing comment says', () => {
  assert.ok(expectedOutput('node.mjs').length >= 2);
  assert.deepEqual(runNode('node.mjs'), expectedOutput('node.mjs'));
});

test('messages.mjs prints what its closing comment says', () => {
  assert.ok(expectedOutput('messages.mjs').length >= 2);
  assert.deepEqual(runNode('messages.mjs'), expectedOutput('messages.mjs'));
});

test('React Hook Form: the resolver of react-hook-form.js returns the normalised values of a valid participant', async () => {
  const { resolver, useParticipantForm } = await import('../snippets/react-hook-form.js');
  assert.equal(typeof useParticipantForm, 'function');
  const values = {
    firstName: ' Ann ',
    gender: 'Female Gender',
    races: ['White'],
    ethnicities: ['Unknown'],
    pmis: [{ siteName: 'Site A', mrn: '1' }, { siteName: 'Site B', mrn: '2' }],
  };
  const result = await resolver(values, undefined, rhfOptions);
  assert.deepEqual(result.errors, {});
  assert.equal(result.values.firstName.trim(), 'Ann');
  assert.deepEqual(result.values.pmis, values.pmis);
});

test('React Hook Form: errors of react-hook-form.js land on list fields (pmis.1.siteName) [participant rules]', async () => {
  const { resolver } = await import('../snippets/react-hook-form.js');
  const values = {
    races: [],
    ethnicities: [],
    pmis: [{ mrn: '1' }, { siteName: 'Site A', mrn: '2' }, { siteName: 'Site A', mrn: '3' }],
  };
  const { errors, values: none } = await resolver(values, undefined, rhfOptions);
  assert.deepEqual(none, {});
  assert.equal(get(errors, 'pmis.0.siteName.message'), 'Choose the site this MRN belongs to.');
  assert.equal(errors.pmis[2].siteName.message, 'Site "Site A" already has an MRN above. Give each site one MRN.');
  assert.equal(errors.pmis[1], undefined);
});

test('React Hook Form: a resolver maps each error to its field; warnings are not errors', async () => {
  const resolver = standardSchemaResolver(createValidator({ mode: 'patch' }).user);
  const { errors } = await resolver({ firstName: '', lastName: 'x'.repeat(256), dnd: 'yes', nickname: 'A' }, undefined, rhfOptions);
  assert.deepEqual(Object.keys(errors).sort(), ['dnd', 'firstName', 'lastName']);
  assert.equal(errors.firstName.message, "Enter the user's first name.");
  assert.equal(errors.lastName.message, 'Last name is too long: 256 characters, at most 255. Shorten it.');
  assert.equal(errors.dnd.message, 'Do not disturb must be true or false.');
  const valid = await resolver({ firstName: ' Ann ', dnd: 'true', nickname: 'A' }, undefined, rhfOptions);
  assert.deepEqual(valid, { values: { firstName: 'Ann', dnd: true, nickname: 'A' }, errors: {} });
});

/** A mounted form of tanstack-form.js with a mounted field per name. */
async function tanstackForm(participant) {
  const { createParticipantForm } = await import('../snippets/tanstack-form.js');
  const saved = [];
  const form = createParticipantForm(participant, (value) => saved.push(value));
  form.mount();
  const field = (name) => {
    const api = new FieldApi({ form, name });
    api.mount();
    return api;
  };
  const codes = (name) => (form.getFieldMeta(name)?.errors ?? []).map((issue) => issue.code);
  return { form, field, codes, saved };
}

test('TanStack Form: tanstack-form.js submits the normalised value of a valid participant [participant rules]', async () => {
  const { form, field, saved } = await tanstackForm({ firstName: 'Ann', pmis: [{ siteName: 'Site A', mrn: '1' }] });
  field('firstName').setValue('  Ann Lee ');
  await form.handleSubmit();
  assert.equal(saved.length, 1);
  assert.equal(saved[0].firstName, 'Ann Lee');
  assert.deepEqual(saved[0].pmis, [{ siteName: 'Site A', mrn: '1' }]);
});

test('TanStack Form: errors of tanstack-form.js land on list fields (pmis[1].siteName) [participant rules]', async () => {
  const { form, field, codes, saved } = await tanstackForm({ pmis: [{ siteName: 'Site A', mrn: '1' }, { siteName: 'Site B', mrn: '2' }] });
  const site = field('pmis[1].siteName');
  site.setValue('Site A');
  assert.deepEqual(codes('pmis[1].siteName'), ['PARTICIPANT_DUP_MRN_SITE']);
  assert.match(site.state.meta.errors[0].message, /Site A/);
  await form.handleSubmit();
  assert.equal(saved.length, 0);
  site.setValue('Site B');
  assert.deepEqual(codes('pmis[1].siteName'), []);
});

test('TanStack Form: a schema as form validator puts each error on its field, with code and severity', async () => {
  const { FormApi } = await import('@tanstack/form-core');
  const form = new FormApi({ defaultValues: { firstName: 'Ann', apiUser: false, ipRange: '' }, validators: { onChange: createValidator({ mode: 'patch' }).user } });
  form.mount();
  const first = new FieldApi({ form, name: 'firstName' });
  const api = new FieldApi({ form, name: 'apiUser' });
  first.mount();
  api.mount();
  first.setValue('');
  api.setValue(true);
  assert.deepEqual(form.getFieldMeta('firstName').errors.map((issue) => [issue.code, issue.severity]), [['USER_FIRST_NAME_REQUIRED', 'error']]);
  assert.deepEqual(form.getFieldMeta('ipRange').errors.map((issue) => issue.code), ['USER_IP_REQ']);
  first.setValue('Ann');
  assert.deepEqual(form.getFieldMeta('firstName').errors, []);
});

test('Vite: the build of vite.config.js + main.js emits the .wasm as an asset that the bundle points to', async () => {
  const dir = await buildViteApp();
  try {
    const assets = readdirSync(join(dir, 'dist', 'assets'));
    const wasm = assets.filter((name) => name.endsWith('.wasm'));
    const js = assets.filter((name) => name.endsWith('.js'));
    assert.equal(wasm.length, 1, assets.join());
    assert.equal(js.length, 1, assets.join());
    assert.ok(readFileSync(join(dir, 'dist', 'assets', wasm[0])).equals(readFileSync(join(root, 'pkg', 'wasm', 'openspecimen_validate_bg.wasm'))));
    const bundle = readFileSync(join(dir, 'dist', 'assets', js[0]), 'utf8');
    assert.ok(bundle.includes(`/assets/${wasm[0]}`), 'the bundle loads the emitted .wasm');
    assert.ok(bundle.includes('Enter the user'), 'the messages are bundled');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
