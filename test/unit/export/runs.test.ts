// Recognising test and build runs, and reading their counts from output tails.
import * as assert from 'node:assert/strict';
import { classifyCommand, classifyTask, parseTestCounts, runResult } from '@codetrail/dataset/internal/labels/runs';

describe('labels: test and build runs', () => {
  it('recognises the common test commands, through wrappers and environment assignments', () => {
    const cases: [string, string][] = [
      ['npm test', 'npm'],
      ['npm t', 'npm'],
      ['npm run test:unit', 'npm'],
      ['yarn test --coverage', 'yarn'],
      ['pnpm run test', 'pnpm'],
      ['bun test', 'bun'],
      ['pytest -q tests/', 'pytest'],
      ['python -m pytest', 'pytest'],
      ['python3 -m unittest discover', 'unittest'],
      ['uv run pytest', 'pytest'],
      ['go test ./...', 'go'],
      ['cargo test --release', 'cargo'],
      ['npx jest src/cart.test.ts', 'jest'],
      ['npx vitest run', 'vitest'],
      ['./node_modules/.bin/mocha', 'mocha'],
      ['mvn -q test', 'mvn'],
      ['./mvnw verify', 'mvn'],
      ['./gradlew :app:test', 'gradle'],
      ['gradle check', 'gradle'],
      ['make test', 'make'],
      ['CI=1 NODE_ENV=test npm test', 'npm'],
      ['npm run build && npm test', 'npm'],
      ['dotnet test', 'dotnet'],
    ];
    for (const [cmd, tool] of cases) assert.deepEqual(classifyCommand(cmd), { type: 'test', tool }, cmd);
  });

  it('recognises build commands, and a test-skipping Maven build as a build', () => {
    const cases: [string, string][] = [
      ['tsc', 'tsc'],
      ['npx tsc -p tsconfig.json --noEmit', 'tsc'],
      ['npm run build', 'npm'],
      ['yarn build', 'yarn'],
      ['go build ./cmd/server', 'go'],
      ['cargo build', 'cargo'],
      ['cargo check', 'cargo'],
      ['mvn compile', 'mvn'],
      ['mvn -DskipTests package', 'mvn'],
      ['./gradlew build', 'gradle'],
      ['make', 'make'],
      ['make -j4 all', 'make'],
      ['cmake --build build', 'cmake'],
      ['npx vite build', 'vite'],
    ];
    for (const [cmd, tool] of cases) assert.deepEqual(classifyCommand(cmd), { type: 'build', tool }, cmd);
  });

  it('leaves other commands, and watch modes that never end, unrecognised', () => {
    for (const cmd of [
      'npm install',
      'git commit -m "fix test"',
      'ls tests',
      'echo build',
      'npx jest --watch',
      'tsc -w',
      'npm run lint',
      'make clean',
      'go mod tidy',
      'cat pytest.ini',
      'docker build .',
    ]) {
      assert.equal(classifyCommand(cmd), undefined, cmd);
    }
  });

  it("reads tasks of a tool's provider as its subcommands, tsc tasks as builds, others by their names", () => {
    assert.deepEqual(classifyTask('test', 'npm'), { type: 'test', tool: 'npm' });
    assert.deepEqual(classifyTask('build', 'npm'), { type: 'build', tool: 'npm' });
    assert.deepEqual(classifyTask('build - tsconfig.json', 'tsc'), { type: 'build', tool: 'tsc' });
    assert.equal(classifyTask('watch - tsconfig.json', 'tsc'), undefined);
    assert.deepEqual(classifyTask('cargo test', 'cargo'), { type: 'test', tool: 'cargo' });
    assert.deepEqual(classifyTask('test', 'go'), { type: 'test', tool: 'go' });
    assert.deepEqual(classifyTask('pytest -x', 'Workspace'), { type: 'test', tool: 'pytest' });
    assert.deepEqual(classifyTask('Run unit tests', 'Workspace'), { type: 'test', tool: 'workspace' });
    assert.equal(classifyTask('lint', 'npm'), undefined);
    assert.equal(classifyTask('start server', 'Workspace'), undefined);
  });

  it('reads passed, failed and skipped counts from the summaries of jest, vitest, mocha, pytest, cargo, Maven, Gradle and go test', () => {
    const cases: [string, { passed: number | null; failed: number | null; skipped: number | null; format: string }][] = [
      [
        'Test Suites: 1 failed, 2 passed, 3 total\nTests:       2 failed, 1 skipped, 21 passed, 24 total\nSnapshots:   0 total\nTime:        2.1 s\n',
        { passed: 21, failed: 2, skipped: 1, format: 'jest' },
      ],
      [
        '\u001b[2m Test Files \u001b[22m \u001b[1m\u001b[31m1 failed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[1m\u001b[32m3 passed\u001b[39m\u001b[22m\u001b[90m (4)\u001b[39m\n\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[31m1 failed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[1m\u001b[32m17 passed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[33m2 skipped\u001b[39m\u001b[90m (20)\u001b[39m\n',
        { passed: 17, failed: 1, skipped: 2, format: 'vitest' },
      ],
      [
        '  cart\n    ✓ adds\n\n  12 passing (40ms)\n  2 pending\n  1 failing\n\n  1) cart adds tax:\n',
        { passed: 12, failed: 1, skipped: 2, format: 'mocha' },
      ],
      [
        'FAILED tests/test_a.py::test_x - assert 1 == 2\n===== 1 failed, 8 passed, 2 skipped, 1 error, 3 warnings in 0.52s =====\n',
        { passed: 8, failed: 2, skipped: 2, format: 'pytest' },
      ],
      ['9 passed in 0.03s\n', { passed: 9, failed: 0, skipped: 0, format: 'pytest' }],
      [
        'test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\n   Doc-tests cart\ntest result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n',
        { passed: 6, failed: 1, skipped: 1, format: 'cargo' },
      ],
      [
        '[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s - in a.CartTest\n[INFO] Results:\n[ERROR] Tests run: 12, Failures: 1, Errors: 1, Skipped: 2\n[INFO] BUILD FAILURE\n',
        { passed: 8, failed: 2, skipped: 2, format: 'junit-maven' },
      ],
      [
        'CartTest > addsTax() FAILED\n12 tests completed, 1 failed, 1 skipped\n> Task :test FAILED\n',
        { passed: 10, failed: 1, skipped: 1, format: 'gradle' },
      ],
      [
        '=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n    --- PASS: TestB/sub (0.00s)\n--- FAIL: TestB (0.00s)\n--- SKIP: TestC (0.00s)\nFAIL\n',
        { passed: 1, failed: 1, skipped: 1, format: 'go' },
      ],
      ['--- FAIL: TestB (0.00s)\nFAIL\tex.com/p\t0.01s\n', { passed: null, failed: 1, skipped: null, format: 'go' }],
    ];
    for (const [tail, want] of cases) assert.deepEqual(parseTestCounts(tail), want, tail);
  });

  it('reads the last summary of a tail with several, and a line redrawn with carriage returns as its last version', () => {
    assert.equal(parseTestCounts('Tests:       1 failed, 3 passed, 4 total\n...\nTests:       4 passed, 4 total\n')?.passed, 4);
    assert.deepEqual(parseTestCounts('Tests:       0 passed, 4 total\rTests:       4 passed, 4 total\n'), {
      passed: 4,
      failed: 0,
      skipped: 0,
      format: 'jest',
    });
  });

  it('finds no counts where no summary is shown', () => {
    for (const tail of [
      undefined,
      '',
      'ok  \tex.com/p\t0.01s\n',
      'Compiling cart v0.1.0\n',
      'npm ERR! missing script: test\n',
      'passed the test\n',
    ]) {
      assert.equal(parseTestCounts(tail), undefined, String(tail));
    }
  });

  it('takes the result from the exit code, and from the counts only when there is none', () => {
    assert.equal(runResult(0, { passed: 0, failed: 3, skipped: 0, format: 'jest' }), 'pass');
    assert.equal(runResult(2, undefined), 'fail');
    assert.equal(runResult(undefined, { passed: 3, failed: 1, skipped: 0, format: 'jest' }), 'fail');
    assert.equal(runResult(undefined, { passed: 3, failed: 0, skipped: 0, format: 'jest' }), 'pass');
    assert.equal(runResult(undefined, undefined), 'unknown');
  });
});
