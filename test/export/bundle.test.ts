import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

describe('export: the writer in the extension bundle', function () {
  this.timeout(60_000);

  it('bundles for the extension host with no native module and no store driver on its path', async () => {
    const root = join(__dirname, '../../..');
    const r = await esbuild.build({
      entryPoints: [join(root, 'packages/dataset/src/index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      metafile: true,
      external: ['vscode'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    for (const banned of ['@duckdb', 'better-sqlite3', 'node_modules/pg/', 'packages/collector/', 'parquet.ts']) {
      assert.ok(!inputs.some((i) => i.includes(banned)), `${banned} is on the writer's path`);
    }
    const code = r.outputFiles[0].text;
    assert.ok(!/require\([^)]*\.node["']\)/.test(code), 'no .node addon is required');
    assert.ok(inputs.some((i) => i.endsWith('dataset/src/pipeline.ts')));
  });
});
