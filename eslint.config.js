import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.test-output', 'test-results', 'playwright-report', 'electron/core/harvest/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A bundler can leave out what a namespace import does not use; the named `z` is zod's whole
      // namespace as one object, so every export comes along, its 60-odd locales among them: two
      // thirds of the command line's bundle, parsed on every start (npm run bench).
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message: "Import zod as a namespace: import * as z from 'zod'.",
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the main process only through window.harvestTray.
      'no-restricted-imports': ['error', { patterns: ['electron', '**/electron/**'] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      // core/ and shared/ are plain code: never the Electron runtime.
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
  {
    files: ['electron/preload.ts', 'electron/desktop/bridge/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // The sandboxed preload: no main-process code, no zod (it stays a few lines), no Node.
      'no-restricted-imports': [
        'error',
        { patterns: ['**/bridge/main/**', '**/core/**', 'zod', 'node:*'], paths: ['electron-store'] },
      ],
    },
  },
  {
    files: ['electron/desktop/bridge/main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/bridge/preload/**'] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
