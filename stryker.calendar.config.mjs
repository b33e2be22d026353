// npm run test:mutation:calendar — the calendar against its own specs (docs/adr/0014-mutation-testing.md).
import base from './stryker.config.mjs';

export default {
  ...base,
  jest: { ...base.jest, configFile: 'jest.mutation-calendar.config.js' },
  mutate: base.mutate.filter((glob) => !glob.startsWith('libs/case/')),
  incrementalFile: 'reports/mutation/calendar/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/calendar/index.html' },
  jsonReporter: { fileName: 'reports/mutation/calendar/mutation.json' },
  tempDirName: '.tmp/stryker-calendar',
};
