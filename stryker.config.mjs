// Mutation testing of the legal core (npm run test:mutation): docs/adr/0014-mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/case/src/domain/**/*.ts',
    'libs/calendar/src/**/*.ts',
    '!**/*.spec.ts',
    '!libs/calendar/src/testing/**',
    '!libs/calendar/src/nest/**',
    '!libs/calendar/src/store/calendar-store.ts',
    '!libs/calendar/src/index.ts',
  ],
  checkers: [],
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
};
