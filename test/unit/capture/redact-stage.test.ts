import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createRedactor } from '../../../src/redact';
import { redactEventFields } from '../../../src/capture/redact-stage';
import { validateEvent, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';

const base = {
  schema: 1 as const,
  id: '019a0000-0000-7000-8000-000000000001',
  sessionId: '019a0000-0000-7000-8000-000000000002',
  seq: 3,
  time: 1_790_000_000_000,
  consent: { state: 'recording' as const, policyVersion: 1 },
};
const secret = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const email = 'priya.raman@acme-corp.com';

describe('redaction of event fields', () => {
  const r = createRedactor({ key: randomBytes(32) });

  it('redacts terminal command lines, working directories and output', () => {
    const e: TrajectoryEvent = {
      ...base,
      kind: 'terminal.command',
      source: 'shell-integration',
      exitCode: 1,
      durationMs: 20,
      commandLine: `curl -H "Authorization: Bearer ${secret}" https://api.example.com`,
      cwd: 'tools',
      outputTail: `sent by ${email}\n`,
    };
    const out = redactEventFields(e, r);
    const json = JSON.stringify(out);
    assert.ok(!json.includes(secret));
    assert.ok(!json.includes(email));
    assert.match(json, /<REDACTED:/);
    assert.ok(validateEvent(out).ok);
  });

  it('redacts commit messages, diagnostics messages and paths', () => {
    const commit = redactEventFields({ ...base, kind: 'commit', commit: 'abc123', message: `fix: rotate key ${secret}` }, r);
    assert.ok(!JSON.stringify(commit).includes(secret));
    const diag = redactEventFields(
      {
        ...base,
        kind: 'diagnostics',
        path: 'src/a.ts',
        before: { errors: 0, warnings: 0 },
        after: { errors: 1, warnings: 0 },
        messages: [`Cannot find name '${email}'`],
      },
      r,
    );
    assert.ok(!JSON.stringify(diag).includes(email));
    const skipped = redactEventFields({ ...base, kind: 'file.skipped', path: `people/${email}/notes.md`, reason: 'binary' }, r);
    assert.ok(!JSON.stringify(skipped).includes(email));
  });

  it("keeps a notebook cell's id in its path and redacts the notebook's part", () => {
    // code-server's cell ids encode the scheme `vscode-remote` in base64 with padding.
    const cell = redactEventFields(
      { ...base, kind: 'cursor', path: `${email}/routes.ipynb#cell-W0sdnNjb2RlLXJlbW90ZQ==`, line: 0, character: 0 },
      r,
    );
    assert.ok(cell.kind === 'cursor' && cell.path.endsWith('/routes.ipynb#cell-W0sdnNjb2RlLXJlbW90ZQ=='), JSON.stringify(cell));
    assert.ok(!JSON.stringify(cell).includes(email));
    // Base64 of readable text is no token even without the path rule.
    assert.equal(r.redact('routes.ipynb#cell-W0sdnNjb2RlLXJlbW90ZQ==').text, 'routes.ipynb#cell-W0sdnNjb2RlLXJlbW90ZQ==');
  });

  it('leaves events without free text as they were', () => {
    const e: TrajectoryEvent = { ...base, kind: 'cursor', path: 'src/a.ts', line: 4, character: 2 };
    assert.deepEqual(redactEventFields(e, r), e);
  });
});
