import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'samples/workspace/**',
      'data/**',
      'node_modules/**',
      '.tools/**',
      '.cache/**',
      'packages/*/dist/**',
      'tools/**/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Only the composition root and *.vscode.ts adapters may touch the VS Code API.
    files: ['src/**/*.ts', 'packages/**/*.ts', 'test/unit/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/extension.ts', 'src/**/*.vscode.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/extension.ts and *.vscode.ts adapters may import vscode.' }],
        },
      ],
    },
  },
  {
    // A package is reached only through its entry points: not through its files, not through
    // another package's folder. (Tests and benchmarks may look inside: '@codetrail/*/internal/*'.)
    files: ['src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['src/extension.ts', 'src/**/*.vscode.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/extension.ts and *.vscode.ts adapters may import vscode.' }],
          patterns: [
            {
              group: ['@codetrail/*/internal/*', '@codetrail/*/src/*', '@codetrail/*/dist/*'],
              message: 'Import a package through its entry point.',
            },
            {
              group: ['**/packages/*', '**/packages/*/**', '../../src/*', '../../../src/*'],
              message: 'Another package is reached through its entry point (@codetrail/…), not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension.ts', 'src/**/*.vscode.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@codetrail/*/internal/*', '@codetrail/*/src/*', '**/packages/*/**'],
              message: 'Import a package through its entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools, scripts and benchmarks talk to a terminal.
    files: [
      'scripts/**',
      'bench/**',
      'packages/collector/src/cli/**',
      'src/**/cli.ts',
      'test/integration/runner/**',
      '.ci/**',
      'esbuild.mjs',
    ],
    rules: { 'no-console': 'off' },
  },
);
