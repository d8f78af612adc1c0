// Helpers of the snippet tests: the "Use it" section's code blocks, a copy of the package as npm
// installs it (its "files"), and the Vite snippet built into a small app.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const snippetsDir = join(root, 'tests', 'snippets');

/** The README's "## Use it" section. */
export function usageDoc() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use it');
  if (start < 0) throw new Error('README.md has no "## Use it" section');
  const next = readme.indexOf('\n## ', start + 1);
  return { path: 'README.md', text: readme.slice(start + 1, next < 0 ? undefined : next + 1) };
}

/** Fenced code blocks: ```lang name``` … ```, as { lang, name, code }. */
export function codeBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)(?:[ \t]+(\S+))?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)].map(([, lang, name, code]) => ({ lang, name, code }));
}

/** Copies the package as npm would install it: package.json and its "files". */
export function copyPackage(target) {
  const pkgDir = join(root, 'pkg');
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', ...manifest.files]) {
    const from = join(pkgDir, entry);
    if (!existsSync(from)) throw new Error(`pkg/package.json "files" lists ${entry}, which does not exist`);
    mkdirSync(dirname(join(target, entry)), { recursive: true });
    cpSync(from, join(target, entry), { recursive: true });
  }
  return target;
}

/** A Vite project of the snippet (vite.config.js, src/main.js) with the package in node_modules. */
export function viteProject() {
  const dir = mkdtempSync(join(tmpdir(), 'osv-vite-'));
  mkdirSync(join(dir, 'src'));
  cpSync(join(snippetsDir, 'vite.config.js'), join(dir, 'vite.config.js'));
  cpSync(join(snippetsDir, 'main.js'), join(dir, 'src', 'main.js'));
  cpSync(join(root, 'tests', 'support', 'vite-index.html'), join(dir, 'index.html'));
  copyPackage(join(dir, 'node_modules', 'openspecimen-validate'));
  return dir;
}

/** Builds the Vite snippet; returns the project directory (the app is in dist/). */
export async function buildViteApp() {
  const dir = viteProject();
  const { build } = await import('vite');
  await build({ root: dir, configFile: join(dir, 'vite.config.js'), logLevel: 'silent', build: { outDir: join(dir, 'dist') } });
  return dir;
}
