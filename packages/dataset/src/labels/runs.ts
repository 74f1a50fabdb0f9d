// Test and build runs recognised in terminal command lines and task names, and the
// passed/failed counts their output tail shows in the common summary formats.

export type RunType = 'test' | 'build';
export type RunResult = 'pass' | 'fail' | 'unknown';

export interface RunKind {
  type: RunType;
  /** The program that ran, as recognised: npm, pytest, go, cargo, jest, mvn, tsc, … */
  tool: string;
}

export interface TestCounts {
  passed: number | null;
  failed: number | null;
  skipped: number | null;
  /** Which summary format the counts were read from. */
  format: string;
}

/** Words that only wrap the real command. */
const WRAPPERS = new Set(['sudo', 'time', 'env', 'command', 'exec', 'nice', 'npx', 'pnpx', 'bunx', 'dotenv']);
const JS_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const TEST_SCRIPT = /^(test|tests|spec|e2e)([:_-].*)?$|^(unit|integration)[:_-]?tests?$/;
const BUILD_SCRIPT = /^(build|compile|typecheck|type-check|tsc)([:_-].*)?$/;
const DIRECT_TEST = new Set([
  'jest',
  'vitest',
  'mocha',
  'pytest',
  'py.test',
  'ava',
  'tap',
  'karma',
  'rspec',
  'phpunit',
  'ctest',
  'tox',
  'nox',
  'nextest',
]);
const DIRECT_BUILD = new Set(['tsc', 'webpack', 'esbuild', 'rollup', 'javac', 'msbuild']);
const MAVEN_TEST_GOALS = new Set(['test', 'verify', 'install', 'package', 'deploy', 'integration-test']);

function base(word: string): string {
  const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'));
  return word
    .slice(slash + 1)
    .toLowerCase()
    .replace(/\.(exe|cmd|bat|ps1)$/, '');
}

/** One simple command (no &&, ;, |): its type, if it is a test or build run. */
function classifySimple(words: string[]): RunKind | undefined {
  let i = 0;
  const at = () => (i < words.length ? words[i] : '');
  // leading VAR=value assignments and wrappers
  for (;;) {
    const w = at();
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    const b = base(w);
    if (WRAPPERS.has(b)) {
      i++;
      while (at().startsWith('-')) i++;
      continue;
    }
    if ((b === 'pnpm' || b === 'npm' || b === 'yarn') && (words[i + 1] === 'exec' || words[i + 1] === 'dlx')) {
      i += 2;
      continue;
    }
    if ((b === 'uv' || b === 'poetry' || b === 'pipenv' || b === 'hatch' || b === 'pdm') && words[i + 1] === 'run') {
      i += 2;
      continue;
    }
    if (/^python[\d.]*$|^py$/.test(b) && words[i + 1] === '-m') {
      i += 2;
      continue;
    }
    break;
  }
  const tool = base(at());
  if (!tool) return undefined;
  const args = words.slice(i + 1);
  const plain = args.filter((a) => !a.startsWith('-'));
  if (args.some((a) => a === '--watch' || a === '-w' || a === '--watchAll')) return undefined; // never ends on its own
  if (JS_MANAGERS.has(tool)) {
    let script = plain[0] ?? '';
    if (script === 'run' || script === 'run-script') script = plain[1] ?? '';
    if (tool === 'npm' && (script === 't' || script === 'tst')) script = 'test';
    if (TEST_SCRIPT.test(script)) return { type: 'test', tool };
    if (BUILD_SCRIPT.test(script)) return { type: 'build', tool };
    return undefined;
  }
  if (tool === 'unittest') return { type: 'test', tool: 'unittest' };
  if (DIRECT_TEST.has(tool)) return { type: 'test', tool: tool === 'py.test' ? 'pytest' : tool };
  if (DIRECT_BUILD.has(tool)) return { type: 'build', tool };
  const sub = plain[0] ?? '';
  if (tool === 'go')
    return sub === 'test' ? { type: 'test', tool } : sub === 'build' || sub === 'vet' ? { type: 'build', tool } : undefined;
  if (tool === 'cargo')
    return sub === 'test' || sub === 'nextest'
      ? { type: 'test', tool }
      : sub === 'build' || sub === 'check'
        ? { type: 'build', tool }
        : undefined;
  if (tool === 'deno' || tool === 'dotnet')
    return sub === 'test' ? { type: 'test', tool } : sub === 'build' || sub === 'check' ? { type: 'build', tool } : undefined;
  if (tool === 'mvn' || tool === 'mvnw') {
    const skip = args.some((a) => /^-D(skipTests|maven\.test\.skip)(=true)?$/.test(a));
    if (plain.some((g) => MAVEN_TEST_GOALS.has(g))) return { type: skip ? 'build' : 'test', tool: 'mvn' };
    if (plain.includes('compile') || plain.includes('test-compile')) return { type: 'build', tool: 'mvn' };
    return undefined;
  }
  if (tool === 'gradle' || tool === 'gradlew') {
    const tasks = plain.map((t) => t.slice(t.lastIndexOf(':') + 1));
    if (tasks.some((t) => /^(test|check|connectedCheck|integrationTest)$/i.test(t) || /Test$/.test(t)))
      return { type: 'test', tool: 'gradle' };
    if (tasks.some((t) => /^(build|assemble|compile\w*|classes)$/.test(t))) return { type: 'build', tool: 'gradle' };
    return undefined;
  }
  if (tool === 'make' || tool === 'gmake') {
    if (plain.some((t) => /^(test|tests|check)([_-].*)?$/.test(t))) return { type: 'test', tool: 'make' };
    if (plain.length === 0 || plain.some((t) => /^(all|build)([_-].*)?$/.test(t))) return { type: 'build', tool: 'make' };
    return undefined;
  }
  if (tool === 'cmake' && args.includes('--build')) return { type: 'build', tool };
  if (tool === 'vite' && sub === 'build') return { type: 'build', tool };
  if ((tool === 'playwright' && sub === 'test') || (tool === 'cypress' && sub === 'run')) return { type: 'test', tool };
  return undefined;
}

/**
 * A command line as a test or build run: each simple command (split at &&, ||, ;, |) is
 * looked at; a line that runs tests counts as a test run even when it also builds.
 */
export function classifyCommand(commandLine: string): RunKind | undefined {
  let build: RunKind | undefined;
  for (const part of commandLine.split(/&&|\|\||[;|\n]/)) {
    const words = part
      .trim()
      .replace(/^[({]+\s*/, '')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replace(/^["']|["']$/g, ''));
    const k = classifySimple(words);
    if (k?.type === 'test') return k;
    build ??= k;
  }
  return build;
}

/** Task sources whose task names are their subcommands (`npm` + `test` is `npm test`). */
const TOOL_SOURCES = new Set(['npm', 'yarn', 'pnpm', 'bun', 'go', 'cargo', 'rust', 'gradle', 'maven', 'make', 'deno', 'dotnet']);

/**
 * A VS Code task (name and source) as a test or build run: tasks of a tool's task provider
 * read as that tool's subcommand; `tsc` tasks build (watch tasks never end and are not
 * runs); other tasks are read as command lines, then by a whole word "test"/"build" in the name.
 */
export function classifyTask(name: string, source: string): RunKind | undefined {
  const src = source.toLowerCase();
  const n = name.trim();
  if (/^watch\b|--watch\b/i.test(n) || /\bwatch\b/i.test(n.split(' - ')[0])) return undefined;
  if (src === 'tsc' || src === 'typescript') return { type: 'build', tool: 'tsc' };
  if (TOOL_SOURCES.has(src)) {
    const tool = src === 'rust' ? 'cargo' : src === 'maven' ? 'mvn' : src;
    const sub = n.replace(/^(npm|yarn|pnpm|bun|go|cargo|gradle|mvn|make|deno|dotnet):\s*/i, '').split(' - ')[0];
    const k = classifyCommand(sub.startsWith(tool + ' ') ? sub : `${tool} ${sub}`);
    if (k) return k;
  }
  const k = classifyCommand(n);
  if (k) return k;
  if (/\btests?\b/i.test(n)) return { type: 'test', tool: src || 'task' };
  if (/\bbuild\b/i.test(n)) return { type: 'build', tool: src || 'task' };
  return undefined;
}

/** Terminal control sequences (colours, cursor moves, OSC titles) and carriage-return redraws. */
function plainText(tail: string): string {
  const noEsc = tail
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '') // eslint-disable-line no-control-regex
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // eslint-disable-line no-control-regex
    .replace(/\x1b[@-_]/g, ''); // eslint-disable-line no-control-regex
  // a line redrawn with '\r' shows its last version
  return noEsc
    .split('\n')
    .map((l) => {
      const t = l.endsWith('\r') ? l.slice(0, -1) : l;
      const cr = t.lastIndexOf('\r');
      return cr === -1 ? t : t.slice(cr + 1);
    })
    .join('\n');
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

/** "3 failed, 5 passed" / "1 failed | 5 passed": counts by word. */
function countsByWord(list: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of list.matchAll(/(\d+)\s+([a-z]+)/gi)) {
    const w = m[2].toLowerCase();
    out[w] = (out[w] ?? 0) + Number(m[1]);
  }
  return out;
}

const sum = (...xs: (number | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

type Parser = (t: string) => TestCounts | undefined;

const PARSERS: Parser[] = [
  // jest: "Tests:       1 failed, 2 skipped, 5 passed, 8 total"
  (t) => {
    const m = lastMatch(/^\s*Tests:\s+(.*\d+ total)\s*$/gm, t);
    if (!m) return undefined;
    const c = countsByWord(m[1]);
    return { passed: c.passed ?? 0, failed: c.failed ?? 0, skipped: sum(c.skipped, c.todo, c.pending), format: 'jest' };
  },
  // vitest: "      Tests  1 failed | 5 passed | 2 skipped (8)"
  (t) => {
    const m = lastMatch(/^\s*Tests\s{2,}(\d+ [a-z]+(?: \| \d+ [a-z]+)*)\s+\(\d+\)\s*$/gm, t);
    if (!m) return undefined;
    const c = countsByWord(m[1]);
    return { passed: c.passed ?? 0, failed: c.failed ?? 0, skipped: sum(c.skipped, c.todo), format: 'vitest' };
  },
  // pytest: "===== 1 failed, 2 passed, 1 skipped, 3 warnings in 0.12s =====" (or without the rules, -q)
  (t) => {
    const m = lastMatch(
      /^=*\s*((?:\d+ (?:passed|failed|skipped|errors?|xfailed|xpassed|deselected|warnings?|rerun)(?:, |\s))+)\s*in [\d.]+s\b/gm,
      t,
    );
    if (!m) return undefined;
    const c = countsByWord(m[1]);
    return {
      passed: sum(c.passed, c.xpassed),
      failed: sum(c.failed, c.error, c.errors),
      skipped: sum(c.skipped, c.xfailed),
      format: 'pytest',
    };
  },
  // mocha: "  5 passing (20ms)" / "  2 failing" / "  1 pending"
  (t) => {
    const m = lastMatch(/^\s*(\d+) passing\b/gm, t);
    if (!m) return undefined;
    const rest = t.slice(m.index);
    const f = /^\s*(\d+) failing\b/m.exec(rest);
    const p = /^\s*(\d+) pending\b/m.exec(rest);
    return { passed: Number(m[1]), failed: f ? Number(f[1]) : 0, skipped: p ? Number(p[1]) : 0, format: 'mocha' };
  },
  // cargo test: "test result: FAILED. 3 passed; 1 failed; 0 ignored; ..." once per test binary
  (t) => {
    const all = [...t.matchAll(/test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored/g)];
    if (!all.length) return undefined;
    return {
      passed: sum(...all.map((m) => Number(m[1]))),
      failed: sum(...all.map((m) => Number(m[2]))),
      skipped: sum(...all.map((m) => Number(m[3]))),
      format: 'cargo',
    };
  },
  // Maven Surefire/Failsafe: "Tests run: 12, Failures: 1, Errors: 0, Skipped: 2" (the last one is the summary)
  (t) => {
    const m = lastMatch(/Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/g, t);
    if (!m) return undefined;
    const [run, failures, errors, skipped] = [m[1], m[2], m[3], m[4]].map(Number);
    return { passed: run - failures - errors - skipped, failed: failures + errors, skipped, format: 'junit-maven' };
  },
  // Gradle: "12 tests completed, 1 failed, 2 skipped"
  (t) => {
    const m = lastMatch(/(\d+) tests? completed, (\d+) failed(?:, (\d+) skipped)?/g, t);
    if (!m) return undefined;
    const skipped = m[3] ? Number(m[3]) : 0;
    return { passed: Number(m[1]) - Number(m[2]) - skipped, failed: Number(m[2]), skipped, format: 'gradle' };
  },
  // go test: one "--- PASS:" / "--- FAIL:" / "--- SKIP:" line per top-level test (-v prints the passes)
  (t) => {
    const all = [...t.matchAll(/^--- (PASS|FAIL|SKIP): /gm)];
    if (!all.length) return undefined;
    const n = (w: string) => all.filter((m) => m[1] === w).length;
    const passes = n('PASS');
    // without -v passing tests are not listed: their number is unknown
    const verbose = passes > 0 || /^=== RUN /m.test(t);
    return { passed: verbose ? passes : null, failed: n('FAIL'), skipped: verbose ? n('SKIP') : null, format: 'go' };
  },
];

/** Passed/failed/skipped counts from a run's output tail, if it shows a known summary. */
export function parseTestCounts(tail: string | undefined): TestCounts | undefined {
  if (!tail) return undefined;
  const t = plainText(tail);
  for (const p of PARSERS) {
    const c = p(t);
    if (c) return c;
  }
  return undefined;
}

/** pass when the exit code is 0, fail when it is not; without one, what the counts say. */
export function runResult(exitCode: number | undefined, counts: TestCounts | undefined): RunResult {
  if (exitCode !== undefined) return exitCode === 0 ? 'pass' : 'fail';
  if (counts?.failed) return 'fail';
  if (counts?.passed && counts.failed === 0) return 'pass';
  return 'unknown';
}
