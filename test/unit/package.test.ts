import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const ROOT = join(__dirname, '../../..');
// The "lighter extension" target: nothing loaded at or after activation is a large parse.
const MAX_BUNDLE_BYTES = 250 * 1024;

describe('the packaged extension', function () {
  this.timeout(20_000);
  const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));

  it('is built as bundles of at most 250 KB each', () => {
    assert.ok(bundles.includes('extension.js') && bundles.includes('phone-validation.js'), `bundles: ${bundles.join(', ')}`);
    for (const b of bundles) {
      const size = statSync(join(ROOT, 'dist', b)).size;
      assert.ok(size <= MAX_BUNDLE_BYTES, `dist/${b} is ${(size / 1024).toFixed(1)} KB`);
    }
  });

  it('ships every bundle in the .vsix (each is loaded by path, so a missing one fails only when first needed), and no source map', async () => {
    const files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
    for (const b of [...bundles, 'people-names.txt', 'places.txt'])
      assert.ok(files.includes(`dist/${b}`), `dist/${b} is left out of the .vsix`);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map')),
      [],
    );
  });
});
