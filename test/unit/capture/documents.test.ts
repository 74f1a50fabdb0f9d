import * as assert from 'node:assert/strict';
import { decideByContent, decideBySchemeAndSize, recordedPath, type DocumentFacts } from '../../../src/capture/documents';

const limits = { maxFileSize: 1000, maxLineLength: 50 };
const doc = (over: Partial<DocumentFacts>): DocumentFacts => ({
  scheme: 'file',
  uriPath: '/ws/src/a.ts',
  fragment: '',
  relativePath: 'src/a.ts',
  length: 10,
  ...over,
});

describe('which documents are captured', () => {
  it('workspace files are captured under their relative path', () => {
    assert.deepEqual(decideBySchemeAndSize(doc({}), limits), { capture: true, path: 'src/a.ts' });
    assert.deepEqual(decideBySchemeAndSize(doc({ scheme: 'vscode-remote' }), limits), { capture: true, path: 'src/a.ts' });
  });

  it('output channels, settings, git and diff views are skipped quietly', () => {
    for (const scheme of ['output', 'vscode-userdata', 'git', 'debug', 'vscode-settings', 'comment', 'walkThroughSnippet']) {
      const d = decideBySchemeAndSize(doc({ scheme }), limits);
      assert.ok(!d.capture && d.reason === 'scheme' && d.quiet, scheme);
    }
  });

  it('a document over the size limit is skipped with a marker', () => {
    const d = decideBySchemeAndSize(doc({ length: 1001 }), limits);
    assert.deepEqual(d, { capture: false, reason: 'too-large', path: 'src/a.ts', quiet: false });
    assert.equal(decideBySchemeAndSize(doc({ length: 1000 }), limits).capture, true);
  });

  it('untitled documents and notebook cells get paths of their own', () => {
    assert.equal(recordedPath({ scheme: 'untitled', uriPath: 'Untitled-1', fragment: '', relativePath: undefined }), 'Untitled-1');
    assert.equal(
      recordedPath({ scheme: 'vscode-notebook-cell', uriPath: '/ws/nb.ipynb', fragment: 'W0sZmlsZQ==', relativePath: 'nb.ipynb' }),
      'nb.ipynb#cell-W0sZmlsZQ==',
    );
  });

  it('a file outside the workspace is named by its base name only, never its full path', () => {
    assert.equal(
      recordedPath({ scheme: 'file', uriPath: '/home/someone/private/notes.md', fragment: '', relativePath: undefined }),
      'external/notes.md',
    );
  });

  it('NUL characters mark a binary file; a long line marks a minified one', () => {
    assert.equal(decideByContent('abc\u0000def', limits), 'binary');
    assert.equal(decideByContent('x'.repeat(51), limits), 'minified');
    assert.equal(decideByContent('short\n' + 'y'.repeat(51) + '\nend', limits), 'minified');
    assert.equal(decideByContent('x'.repeat(50) + '\n' + 'y'.repeat(50), limits), undefined);
    assert.equal(decideByContent('', limits), undefined);
  });

  it('CRLF line endings count toward line length only by their carriage return', () => {
    assert.equal(decideByContent('x'.repeat(49) + '\r\n' + 'y'.repeat(10), limits), undefined);
  });
});
