// The consent firewall on its own: every record kind and every text field in it, against a
// fingerprint ledger that holds one line typed while capture was off.
import * as assert from 'node:assert/strict';
import { ConsentFirewall } from '../../../src/consent/firewall';
import { FingerprintLedger } from '../../../src/consent/fingerprints';
import { SCHEMA_VERSION, type EventBody, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';

const OFF = 'const offWindowMarker = "zq81-kw";';
const MASK = '<REDACTED:not-captured>';

function ledger(): FingerprintLedger {
  const l = new FingerprintLedger(Buffer.alloc(32, 3));
  l.add(OFF, [[0, OFF.length]]);
  return l;
}

let seq = 0;
function ev(body: EventBody): TrajectoryEvent {
  return {
    ...body,
    schema: SCHEMA_VERSION,
    id: '01900000-0000-7000-8000-' + String(seq).padStart(12, '0'),
    sessionId: '01900000-0000-7000-8000-000000000000',
    seq: seq++,
    consent: { state: 'recording', policyVersion: 1 },
  } as TrajectoryEvent;
}

describe('consent firewall: one check for every record', () => {
  const l = ledger();
  const held: string[] = [];
  const fw = new ConsentFirewall(
    (line) => l.match(line, true),
    (p) => held.push(p),
  );

  it('holds back a baseline or a diff that holds off-window text anywhere, and asks for the file to be stated again', () => {
    const sha = 'a'.repeat(64);
    assert.equal(
      fw.check(
        ev({ kind: 'file.baseline', time: 1, path: 'a.ts', languageId: 'ts', text: `one\n  ${OFF}\ntwo\n`, sha256: sha, reason: 'open' }),
      ),
      undefined,
    );
    for (const prefix of [' ', '-', '+']) {
      const diff = `--- a/b.ts\n+++ b/b.ts\n@@ -1,2 +1,2 @@\n${prefix}${OFF}\n-x\n+y\n`;
      assert.equal(
        fw.check(
          ev({
            kind: 'edit',
            time: 1,
            startTime: 1,
            path: 'b.ts',
            languageId: 'ts',
            diff,
            beforeSha256: sha,
            afterSha256: sha,
            provenance: { label: 'typed', confidence: 1 },
            changeCount: 1,
            cut: 'idle',
          }),
        ),
        undefined,
        `a '${prefix}' line`,
      );
    }
    assert.deepEqual(held, ['a.ts', 'b.ts', 'b.ts', 'b.ts']);
    const clean = ev({
      kind: 'file.baseline',
      time: 1,
      path: 'c.ts',
      languageId: 'ts',
      text: 'const recordedLine = 1;\n',
      sha256: sha,
      reason: 'open',
    });
    assert.equal(fw.check(clean), clean, 'clean records pass untouched (the same object)');
  });

  it('masks the matching lines of a terminal command, its output tail and working directory', () => {
    const out = fw.check(
      ev({
        kind: 'terminal.command',
        time: 1,
        commandLine: `echo '${OFF}'`,
        cwd: 'src',
        outputTail: `before\n${OFF}\nafter`,
        exitCode: 0,
        durationMs: 5,
        source: 'shell-integration',
      }),
    );
    assert.ok(out && out.kind === 'terminal.command');
    assert.equal(out.commandLine, MASK);
    assert.equal(out.outputTail, `before\n${MASK}\nafter`);
    assert.equal(out.cwd, 'src');
  });

  it('masks commit and diagnostic messages, task and debug names, marker details and paths', () => {
    const commit = fw.check(ev({ kind: 'commit', time: 1, message: `fix\n\n${OFF}`, commit: 'abc123' }));
    assert.ok(commit?.kind === 'commit' && commit.message === `fix\n\n${MASK}` && commit.commit === 'abc123');
    const diag = fw.check(
      ev({
        kind: 'diagnostics',
        time: 1,
        path: 'a.ts',
        before: { errors: 0, warnings: 0 },
        after: { errors: 1, warnings: 0 },
        messages: [`Cannot find ${OFF}`, 'ok'],
      }),
    );
    assert.ok(diag?.kind === 'diagnostics' && diag.messages?.[0] === MASK && diag.messages[1] === 'ok');
    const task = fw.check(ev({ kind: 'task.start', time: 1, name: OFF, source: 'npm' }));
    assert.ok(task?.kind === 'task.start' && task.name === MASK && task.source === 'npm');
    const debug = fw.check(ev({ kind: 'debug.start', time: 1, debugType: 'node', name: OFF }));
    assert.ok(debug?.kind === 'debug.start' && debug.name === MASK);
    const marker = fw.check(ev({ kind: 'marker', time: 1, what: 'outbox-torn', count: 1, detail: OFF }));
    assert.ok(marker?.kind === 'marker' && marker.detail === MASK);
    const focus = fw.check(ev({ kind: 'file.focus', time: 1, path: `src/${OFF}.ts`, languageId: 'ts' }));
    assert.ok(focus?.kind === 'file.focus' && focus.path === MASK);
    const cursor = fw.check(ev({ kind: 'cursor', time: 1, path: `${OFF}/x.ts`, line: 1, character: 2 }));
    assert.ok(cursor?.kind === 'cursor' && cursor.path === MASK && cursor.line === 1);
  });

  it('leaves records without free text, and clean text, as they were; counts what it did', () => {
    const start = ev({ kind: 'session.start', time: 1, workspace: 'w'.repeat(64), client: { name: 'codetrail-vscode', version: '1' } });
    assert.equal(fw.check(start), start);
    const gap = ev({ kind: 'gap', time: 1, reason: 'paused', from: 0, to: 1 });
    assert.equal(fw.check(gap), gap);
    assert.ok(fw.stats.checked >= 14 && fw.stats.held === 4 && fw.stats.masked >= 8);
  });

  it('recognises off-window text edited afterwards, but not a line that only shares a short idiom with it', () => {
    assert.ok(l.match(OFF.replace('"zq81-kw"', '"zq81"')), 'a few characters removed');
    assert.ok(l.match(`    foo(${OFF.slice(6, 30)}, bar);`), 'a long piece of it inside another line');
    assert.equal(l.match('const x = "other";'), undefined, 'shares only "const " and a quote');
    assert.equal(l.match('}'), undefined);
    assert.equal(l.match('let note = "zq81-kw";', true), undefined, 'strict: a short piece is not enough');
    assert.ok(l.match(`log(${OFF.slice(0, 26)})`, true), 'strict: a long run is');
  });
});
