// Bundles the extension into dist/extension.js (minified, with a linked source map that the
// .vsix leaves out); `vscode` is provided by the host. One bundle serves the tests, the
// benchmarks and the package. `--meta FILE` writes esbuild's metafile (what the bundle holds).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const metaAt = process.argv.indexOf('--meta');

const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  metafile: metaAt > 0,
  logLevel: 'warning',
});
if (metaAt > 0) writeFileSync(resolve(process.argv[metaAt + 1]), JSON.stringify(result.metafile));
