// The one lint definition: `npm run lint` and `npm test` both run `eslint .` with this file.
// ESLint 9 flat config. eslint-config-taro supports only eslintrc, so its rules that matter for the
// mini program (no <select>, no dangerouslySetInnerHTML, hooks) are set here through the plugins directly.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      '.taro-cache/',
      '.swc/',
      '.data/',
      '.temp/',
      '.cache/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.es2022, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@typescript-eslint/no-unused-vars': unusedVars },
  },
  {
    // The mini program and its page tests: React, run in WeChat or a browser.
    files: ['src/**/*.{ts,tsx}', 'test/app/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: 'detect' } },
    plugins: { ...react.configs.flat.recommended.plugins, 'react-hooks': reactHooks },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // From eslint-config-taro: the mini program has no <select>, and no innerHTML.
      'react/forbid-elements': [
        'error',
        { forbid: [{ element: 'select', message: '请使用 Picker 组件代替 <select>' }] },
      ],
      'react/no-danger': 'error',
      'react/no-unused-state': 'error',
      'react/jsx-boolean-value': ['error', 'never'],
      'react/jsx-curly-brace-presence': ['error', { props: 'never', children: 'never' }],
      'react/prop-types': 'off',
      'no-restricted-globals': ['error', 'isFinite', 'isNaN'],
      '@typescript-eslint/no-shadow': 'error',
    },
  },
  {
    // zod stays on the server: the app imports the API files of types/ (their zod schemas) as types
    // only, and its words from the zod-free types/domain.ts and types/validators.ts.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'zod validates on the server; the mini program must not ship it.' }],
          patterns: [
            {
              group: [
                '**/types/accounts',
                '**/types/admin',
                '**/types/api',
                '**/types/ops',
                '**/types/passwords',
                '**/types/requests',
                '**/types/soter',
                '**/types/watch',
              ],
              allowTypeImports: true,
              message:
                'These files hold zod schemas: import their types with `import type`, words from types/domain or types/validators.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
  {
    // CommonJS: build configuration (babel, jest, Taro's config) and jest's module mocks.
    files: ['*.js', 'config/**/*.{js,ts}', 'test/app/mocks/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
