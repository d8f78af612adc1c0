// The TypeScript declarations: tests/types/usage.ts uses the package as a typed portal does (through
// its exports map, with React Hook Form's and TanStack Form's types) and must compile under --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('tests/types compiles with tsc --strict (declarations match the usage, @ts-expect-error lines fail)', () => {
  const run = spawnSync(process.execPath, ['node_modules/.bin/tsc', '-p', 'tests/types', '--noEmit'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});

test('the declarations themselves compile without skipLibCheck', () => {
  const run = spawnSync(
    process.execPath,
    ['node_modules/.bin/tsc', '--noEmit', '--strict', '--skipLibCheck', 'false', '--lib', 'es2022,dom',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', 'pkg/index.d.ts', 'pkg/form.d.ts', 'pkg/locales/locale.d.ts'],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});

test('IssueCode lists exactly the codes of src/codes.rs', () => {
  const rust = readFileSync(new URL('../../src/codes.rs', import.meta.url), 'utf8').split('pub mod reason')[0];
  const codes = [...rust.matchAll(/pub const \w+: &str = "([A-Z_]+)";/g)].map((match) => match[1]);
  const declarations = readFileSync(new URL('../../pkg/index.d.ts', import.meta.url), 'utf8');
  const union = declarations.match(/export type IssueCode =([^;]+);/)[1];
  const declared = [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
  assert.ok(codes.length >= 30);
  assert.deepEqual([...declared].sort(), [...codes].sort());
});

test('every runtime export of index.js and form.js is declared, and nothing more', async () => {
  for (const [module, declarations] of [['index.js', 'index.d.ts'], ['form.js', 'form.d.ts']]) {
    const runtime = Object.keys(await import(`../../pkg/${module}`)).sort();
    const text = readFileSync(new URL(`../../pkg/${declarations}`, import.meta.url), 'utf8');
    const declared = [...text.matchAll(/^export declare (?:function|const) (\w+)/gm)].map((match) => match[1]);
    assert.deepEqual([...new Set(declared)].sort(), runtime, declarations);
  }
});
