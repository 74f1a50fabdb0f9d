import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REALISTIC_CASES } from './cases';
import { createRedactor } from '../../../src/redact';

const cli = join(__dirname, '..', '..', '..', 'src', 'redact', 'cli.js');

describe('codetrail-redact', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codetrail-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, CODETRAIL_REDACT_KEY: '', XDG_CONFIG_HOME: dir, ...env },
    });

  // The cases the engine catches on its own; the CLI must not lose any of them.
  const key = new Uint8Array(32).fill(4);
  const probe = createRedactor({ key });
  const caught = REALISTIC_CASES.filter((c) => c.label === 'positive' && c.secrets.every((s) => !probe.redact(c.text).text.includes(s)));

  it('writes no secret of the test cases to stdout, with as many lines as it read', () => {
    const input = caught.map((c) => c.text).join('\n');
    const res = run(['--no-local'], input);
    assert.equal(res.status, 0, res.stderr);
    for (const c of caught) for (const s of c.secrets) assert.ok(!res.stdout.includes(s), `${c.id} leaked`);
    assert.equal(res.stdout.split('\n').length, input.split('\n').length);
    assert.equal(res.stderr, '');
  });

  it('creates a private key file on first use and reuses it, so placeholders are stable', () => {
    const a = run(['--no-local'], 'token = "ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y"');
    const keyFile = join(dir, 'codetrail', 'redact.key');
    assert.ok(existsSync(keyFile));
    if (process.platform !== 'win32') assert.equal(statSync(keyFile).mode & 0o077, 0);
    const b = run(['--no-local'], 'other: ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y');
    const pa = a.stdout.match(/<REDACTED:[^>]+>/)![0];
    assert.ok(b.stdout.includes(pa));
    assert.ok(!a.stdout.includes(readFileSync(keyFile, 'utf8').trim().slice(0, 16)));
  });

  it('takes the key from CODETRAIL_REDACT_KEY when set', () => {
    const env = { CODETRAIL_REDACT_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' };
    const a = run(['--no-local'], 'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y', env);
    const b = run(['--no-local', '--key-file', join(dir, 'other.key')], 'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y');
    assert.notEqual(a.stdout, b.stdout);
    assert.equal(a.stdout, run(['--no-local'], 'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y', env).stdout);
  });

  it('maps {"id","text"} lines to {"id","text","findings"} and never echoes an unreadable line', () => {
    const input =
      [
        JSON.stringify({ id: 'a', text: 'password = "Zq8!xLm2#Pw"' }),
        JSON.stringify({ id: 7, text: 'nothing here' }),
        '{"id":"broken","text":"sk_live_4eC39HqLyjWDarjtT1zdp7dc9',
      ].join('\n') + '\n';
    const res = run(['--jsonl', '--no-local'], input);
    assert.equal(res.status, 0);
    const out = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(out.length, 3);
    assert.equal(out[0].id, 'a');
    assert.match(out[0].text, /^password = "<REDACTED:password#[0-9a-f]{8}>"$/);
    assert.deepEqual(
      out[0].findings.map((f: { kind: string }) => f.kind),
      ['password'],
    );
    assert.deepEqual(out[1], { id: 7, text: 'nothing here', findings: [] });
    assert.ok(out[2].error && !res.stdout.includes('sk_live_4eC39HqLyjWDarjtT1zdp7dc9'));
  });

  it("redacts this machine's own identifiers unless --no-local", () => {
    const res = run([], `home is ${homedir()}/x`);
    assert.ok(!res.stdout.includes(homedir()), res.stdout);
  });
});
