// Jest runs TypeScript as native ESM through SWC (Nest 12 is ESM-only): see docs/adr/0001-toolchain.md.
import { swcTypeScript } from './test/support/swc-typescript.mjs';

const requireableEsm = {
  swcrc: false,
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
};

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcTypeScript],
    // @fastify/static (CommonJS) requires content-disposition 3 (ESM only): Node 20 can, Jest cannot.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', requireableEsm],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@one-window/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // A lib's other entries: `@one-window/<lib>/nest` (its Nest module), `@one-window/calendar/store`.
    '^@one-window/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export default {
  testTimeout: 30000,
  // Test files run in a worker that is replaced once it holds more than this after a file: each
  // file's ESM module registry (--experimental-vm-modules) stays in the heap, and run in band on a
  // 2-core machine (one worker) the whole suite's grew past Node's 4 GB limit (the local CI of
  // 14eb5af died of it after 171 of 188 files). Setting it also makes Jest use a worker at all.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
    },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
