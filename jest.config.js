// Jest for the mini program (test/app): stores and services in node, pages in jsdom with Taro's
// React components. Taro itself is replaced by a hand-written mock (test/app/mocks/taro.ts).

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      // The hoisted @swc/core rejects es2023 (TOOLCHAIN.md).
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

// Compile-time constants Taro's packages expect webpack to replace.
const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react',
};

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swcTransform, '^.+\\.mjs$': swcTransform },
  // Taro's packages and their ESM dependencies ship untranspiled. Only the package that holds the
  // file counts (the last node_modules/ in its path): @tarojs/components nests a pnpm tree inside.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|swiper|tslib)/)[^/]+/(?!.*/node_modules/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/app/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/app/mocks/components.js',
    '\\.(css|scss|sass)$': '<rootDir>/test/app/mocks/style.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  globals: taroGlobals,
  setupFiles: ['<rootDir>/test/app/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/app/setup/timers.ts'],
  clearMocks: true,
  // Jest 30's default 'soft' clean-up of a finished test file's globals wraps their setters; MobX's
  // shared globals object then recurses through the wrappers in the next file of the same worker
  // ("Maximum call stack size exceeded"). Each file gets a fresh environment anyway.
  testEnvironmentOptions: { globalsCleanup: 'off' },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/app/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'app-pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/app/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/app/setup/timers.ts', '<rootDir>/test/app/setup/dom.ts'],
    },
  ],
};
