// ESLint 8 (eslintrc). TypeScript everywhere through @typescript-eslint v8; Taro's React rules for the
// mini program and its tests. eslint-config-taro brings its own older TS parser: the explicit parser
// below keeps the one that understands our TypeScript version.
const tsParser = require.resolve('@typescript-eslint/parser');

module.exports = {
  root: true,
  parser: tsParser,
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { es2022: true, node: true },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
  },
  overrides: [
    {
      files: ['src/**/*.{ts,tsx}', 'test/app/**/*.{ts,tsx}'],
      extends: ['taro/react'],
      parser: tsParser,
      env: { browser: true },
      rules: {
        // The new JSX transform: React need not be in scope.
        'react/jsx-uses-react': 'off',
        'react/react-in-jsx-scope': 'off',
        'react-hooks/exhaustive-deps': 'error',
        'no-unused-vars': 'off',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      },
    },
    {
      files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
      env: { jest: true, node: true },
    },
    {
      files: ['*.js', 'config/**/*.ts'],
      env: { node: true },
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
  ],
};
