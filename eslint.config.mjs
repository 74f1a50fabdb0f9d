import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'samples/workspace/**', 'data/**', 'node_modules/**', '.tools/**', '.cache/**', 'collector/node_modules/**', 'tools/**/node_modules/**'] },
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
    files: ['src/**/*.ts', 'collector/**/*.ts', 'test/unit/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/extension.ts', 'src/**/*.vscode.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/extension.ts and *.vscode.ts adapters may import vscode.' }],
      }],
    },
  },
  {
    // Command-line tools, scripts and benchmarks talk to a terminal.
    files: ['scripts/**', 'bench/**', 'collector/src/cli/**', 'src/**/cli.ts', 'test/integration/runner/**', '.ci/**', 'esbuild.mjs'],
    rules: { 'no-console': 'off' },
  },
);
