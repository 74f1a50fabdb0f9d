// The collector's fast event reader must judge every body exactly as the shared zod schema
// does, and keep a body's text only when that text is the validated event, on one line.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isExactEvent, readEventJson, storedFormKeys } from '@codetrail/collector/internal/event-json';
import { TrajectoryEvent, validateEvent } from '@codetrail/protocol/internal/schema';

const ID = '0190a4d8-7f3e-7a21-9c44-3b1f2e6d8a10';
const SESSION = '0190a4d8-7f3e-7a21-9c44-3b1f2e6d8a11';
const SHA = 'ab'.repeat(32);
const base = { schema: 1, id: ID, sessionId: SESSION, seq: 3, time: 1_700_000_000_000, consent: { state: 'recording', policyVersion: 2 } };

/** One valid event of every kind the schema knows. */
const SAMPLES: Record<string, unknown>[] = [
  { ...base, kind: 'session.start', workspace: 'f'.repeat(64), client: { name: 'codetrail', version: '0.1.0', uiKind: 'web' } },
  { ...base, kind: 'session.end', reason: 'idle' },
  { ...base, kind: 'file.baseline', path: 'src/a.ts', languageId: 'typescript', text: 'let a = 1;\n', sha256: SHA, reason: 'open' },
  {
    ...base,
    kind: 'edit',
    path: 'src/a.ts',
    languageId: 'typescript',
    diff: '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-let a = 1;\n+let a = "2";\n',
    beforeSha256: SHA,
    afterSha256: 'cd'.repeat(32),
    provenance: { label: 'typed', confidence: 0.92 },
    startTime: 1_699_999_999_000,
    changeCount: 4,
    cut: 'idle',
  },
  { ...base, kind: 'file.skipped', path: 'big.bin', reason: 'binary', size: 1234 },
  { ...base, kind: 'file.open', path: 'src/a.ts', languageId: 'typescript' },
  { ...base, kind: 'file.close', path: 'src/a.ts', languageId: 'typescript' },
  { ...base, kind: 'file.focus', path: 'src/a.ts', languageId: 'typescript' },
  { ...base, kind: 'file.save', path: 'src/a.ts', languageId: 'typescript' },
  { ...base, kind: 'cursor', path: 'src/a.ts', line: 10, character: 4 },
  { ...base, kind: 'gap', reason: 'paused', from: 1, to: 2, dropped: 0 },
  {
    ...base,
    consent: { state: 'recording', policyVersion: 2, pauseId: 'p-1' },
    kind: 'terminal.command',
    commandLine: 'npm test',
    cwd: '.',
    exitCode: 1,
    durationMs: 5,
    outputTail: 'ok\n',
    source: 'shell-integration',
  },
  { ...base, kind: 'terminal.no-shell-integration', terminal: 'bash' },
  { ...base, kind: 'task.start', name: 'build', source: 'npm' },
  { ...base, kind: 'task.end', name: 'build', source: 'npm', exitCode: 0, durationMs: 10 },
  { ...base, kind: 'debug.start', debugType: 'node', name: 'Launch' },
  { ...base, kind: 'debug.end', debugType: 'node', name: 'Launch', durationMs: 99 },
  {
    ...base,
    kind: 'diagnostics',
    path: 'src/a.ts',
    afterEdit: ID,
    before: { errors: 1, warnings: 0 },
    after: { errors: 0, warnings: 2 },
    messages: ['x is unused'],
  },
  { ...base, kind: 'commit', message: 'Fix the build', commit: 'abc123', filesChanged: 2 },
  { ...base, kind: 'marker', what: 'outbox-dropped', count: 12, detail: 'bound reached' },
];

/** Values a mutation may put anywhere: wrong types, bounds, odd strings, nested junk. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 53,
    -0,
    '',
    'x',
    'idle',
    'recording',
    'typed',
    ID,
    SHA,
    'AB'.repeat(32),
    [],
    {},
    ['a'],
    { errors: 1 },
  ),
  fc.integer({ min: -5, max: 5_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 60 }),
);

type Mutation = (e: Record<string, unknown>) => void;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // replace a field's value
  fc.tuple(fc.nat(), junk).map(([i, v]): Mutation => (e) => {
    const ks = Object.keys(e);
    e[ks[i % ks.length]] = v;
  }),
  // drop a field
  fc.nat().map((i): Mutation => (e) => {
    const ks = Object.keys(e);
    delete e[ks[i % ks.length]];
  }),
  // add a field the schema does not know (zod strips it)
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), junk).map(([k, v]): Mutation => (e) => {
    if (!(k in e)) e[k] = v;
  }),
  // change something inside a nested object
  fc
    .tuple(fc.constantFrom('consent', 'provenance', 'client', 'before', 'after'), fc.nat(), junk, fc.boolean())
    .map(([o, i, v, add]): Mutation => (e) => {
      const inner = e[o];
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return;
      const copy = { ...(inner as Record<string, unknown>) };
      if (add) copy.extra = v;
      else {
        const ks = Object.keys(copy);
        copy[ks[i % ks.length]] = v;
      }
      e[o] = copy;
    }),
);

describe('collector event reader (fast path vs. the shared schema)', () => {
  it('has a sample of every kind in the schema, each valid', () => {
    const kinds = new Set<string>();
    for (const v of TrajectoryEvent.options) {
      const k = v.shape.kind;
      for (const name of 'options' in k ? k.options : [k.value]) kinds.add(name as string);
    }
    assert.deepEqual(new Set(SAMPLES.map((s) => s.kind)), kinds);
    for (const s of SAMPLES) assert.ok(validateEvent(s).ok, String(s.kind));
  });

  it('accepts and rejects exactly what zod does, and keeps nothing zod would strip (8,000 mutated events)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (sample, muts) => {
        const e = structuredClone(sample);
        for (const m of muts) m(e);
        const text = JSON.stringify(e);
        const z = validateEvent(JSON.parse(text));
        const exact = isExactEvent(JSON.parse(text));
        // the fast path says yes only to a valid event zod would return unchanged
        if (exact) {
          assert.ok(z.ok, 'fast path accepted what zod rejects');
          assert.deepEqual(z.event, JSON.parse(text));
        }
        const r = readEventJson(text);
        assert.equal(r.ok, z.ok);
        if (r.ok && z.ok) {
          assert.deepEqual(JSON.parse(r.json), z.event);
          assert.deepEqual(r.event, z.event);
          assert.ok(!r.json.includes('\n'));
        } else if (!r.ok && !z.ok) {
          assert.equal(r.error, z.error);
        }
      }),
      { numRuns: 8000, seed: 7 },
    );
  });

  it('counts string limits in code points, as zod does', () => {
    const astral = '\u{1F600}';
    const at = { ...SAMPLES[12], terminal: astral.repeat(256) }; // 256 code points (512 UTF-16 units): the limit
    const over = { ...SAMPLES[12], terminal: astral.repeat(257) };
    assert.equal(validateEvent(at).ok, true);
    assert.equal(isExactEvent(at), true);
    assert.equal(readEventJson(JSON.stringify(at)).ok, true);
    assert.equal(validateEvent(over).ok, false);
    assert.equal(isExactEvent(over), false);
    assert.equal(readEventJson(JSON.stringify(over)).ok, false);
  });

  it('keeps a body in stored form as sent, without serialising it again', () => {
    for (const s of SAMPLES) {
      const text = JSON.stringify(s);
      const r = readEventJson(text);
      assert.ok(r.ok);
      assert.equal(r.json, text);
    }
  });

  it('stores a validated serialisation when the text is not in stored form', () => {
    const edit = SAMPLES[3];
    const cases: [string, string][] = [
      ['line breaks between tokens', JSON.stringify(edit, null, 2)],
      ['a space after a colon', JSON.stringify(edit).replace('"seq":3', '"seq": 3')],
      ['a duplicate key hiding another value', JSON.stringify(edit).replace('"path":"src/a.ts"', '"path":"secret/.env","path":"src/a.ts"')],
      ['a duplicate nested key', JSON.stringify(edit).replace('"label":"typed"', '"label":"paste","label":"typed"')],
      ['an exponent', JSON.stringify(edit).replace('"seq":3', '"seq":3e0')],
      ['an unknown field', JSON.stringify({ ...edit, note: 'not in the schema' })],
      ['an unknown nested field', JSON.stringify({ ...edit, consent: { ...(edit.consent as object), extra: 1 } })],
      ['a __proto__ key', JSON.stringify(edit).replace('{', '{"__proto__":{"x":1},')],
    ];
    for (const [what, text] of cases) {
      const r = readEventJson(text);
      assert.ok(r.ok, what);
      assert.notEqual(r.json, text, what);
      assert.equal(
        r.json,
        JSON.stringify(validateEvent(JSON.parse(text)).ok ? (validateEvent(JSON.parse(text)) as { event: unknown }).event : null),
        what,
      );
      assert.ok(!r.json.includes('secret') && !r.json.includes('paste') && !r.json.includes('extra') && !r.json.includes('note'), what);
    }
  });

  it('reads keys and stored form from the text, strings skipped whatever they hold', () => {
    assert.equal(storedFormKeys('{"a":1,"b":{"c":[1,2,{"d":null}]}}'), 4);
    assert.equal(storedFormKeys('{"a":"x:y,\\"z\\":1","b":"\\\\"}'), 2);
    assert.equal(storedFormKeys('{"a":"line\\nbreak","b":true,"c":false}'), 3);
    assert.equal(storedFormKeys('{"a":1.5e3}'), -1);
    assert.equal(storedFormKeys('{"a":1E3}'), -1);
    assert.equal(storedFormKeys('{"a": 1}'), -1);
    assert.equal(storedFormKeys('{"a":1}\n'), -1);
    assert.equal(storedFormKeys('{"e":"1e5","true":true}'), 2);
  });
});
