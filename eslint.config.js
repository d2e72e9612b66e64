// ESLint for the page (browser modules, workers), its tools, the bench and
// the tests (Node): the recommended rules, with each file's globals.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/gen/**', 'dist/**', 'build/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['web/tools/**', 'bench/**', 'tests/**', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Functions these scripts hand to the page (page.evaluate) run in the browser.
  {
    files: ['tests/browser/**', 'tests/engines/**', 'bench/browser/**', 'web/tools/page-load.mjs', 'web/tools/headless.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
];
