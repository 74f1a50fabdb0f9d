// Bundles the extension into dist/extension.js, dist/core.js, dist/export.js,
// dist/phone-validation.js, dist/services.js, dist/names.js, dist/statements.js, dist/national-ids.js, dist/published.js, dist/pii.js, dist/chosen.js, dist/globs.js and dist/transparency.vscode.js (minified, with linked source maps that the .vsix leaves out);
// `vscode` is provided by the host. The same bundles serve the tests, the benchmarks and the
// package. `--meta FILE` writes esbuild's metafile.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const metaAt = process.argv.indexOf('--meta');

const result = await esbuild.build({
  absWorkingDir: ROOT,
  // The extension's entry (status bar, consent), the capture side it loads just after
  // activation, the export writer the capture side loads when an engineer first exports, and
  // libphonenumber-js, which redaction loads when a text first holds a phone-shaped number,
  // the service-name list, which redaction loads when it first runs, the finder of people's names
  // with its word lists, loaded when redaction first runs, and the finders of
  // statements, command lines and tokens by their context, loaded when a text first holds a word they need or a run of token characters, the national
  // identifiers' finders with their check-digit validators, loaded when a text first names or
  // shapes one, the published
  // test and documentation values, loaded when a text first holds a card, phone or identifier, the
  // reader of passwords told beside their word, loaded when a text first holds such a word, the glob matcher
  // of excluded files, loaded when their list is first compiled, and the
  // transparency view and commands, loaded when an engineer first runs one.
  entryPoints: {
    extension: 'src/extension.ts',
    core: 'src/core.vscode.ts',
    export: 'src/transparency/export.ts',
    'phone-validation': 'src/redact/phone-validation.ts',
    services: 'src/redact/services.ts',
    names: 'src/redact/names.ts',
    statements: 'src/redact/statements.ts',
    'national-ids': 'src/redact/national-ids.ts',
    published: 'src/redact/published.ts',
    pii: 'src/redact/pii.ts',
    chosen: 'src/redact/chosen.ts',
    globs: 'src/redact/globs.ts',
    'transparency.vscode': 'src/transparency/transparency.vscode.ts',
  },
  bundle: true,
  outdir: 'dist',
  banner: { js: 'const __codetrailLoadStart = require("node:perf_hooks").performance.now();' },
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  // ES module builds where a package has them: a UMD build's dynamic requires cannot be bundled.
  mainFields: ['module', 'main'],
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  metafile: metaAt > 0,
  logLevel: 'warning',
});
if (metaAt > 0) writeFileSync(resolve(process.argv[metaAt + 1]), JSON.stringify(result.metafile));

// The bundle may load only the editor's API and Node's own modules: a package whose build
// requires its own files at run time (UMD) would fail only when the extension activates.
const loose = [
  'extension.js',
  'core.js',
  'export.js',
  'phone-validation.js',
  'services.js',
  'names.js',
  'statements.js',
  'national-ids.js',
  'published.js',
  'pii.js',
  'chosen.js',
  'globs.js',
  'transparency.vscode.js',
]
  .flatMap((f) => [...readFileSync(resolve(ROOT, 'dist', f), 'utf8').matchAll(/require\("([^"]+)"\)/g)])
  .map((m) => m[1])
  .filter((id) => id !== 'vscode' && !isBuiltin(id));
if (loose.length) {
  console.error(`esbuild: the bundle requires files it does not hold: ${[...new Set(loose)].join(', ')}`);
  process.exit(1);
}
