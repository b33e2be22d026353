// The jest run Stryker uses (npm run test:mutation): only the unit specs of the two mutated libs,
// so each mutant's run is short. Same transform as the unit project: see docs/adr/0014-mutation-testing.md.
import base from './jest.config.js';

const unit = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  testTimeout: 30000,
  setupFilesAfterEnv: ['<rootDir>/test/mutation/no-shrinking.ts'],
  roots: ['<rootDir>/libs/case/src/domain', '<rootDir>/libs/calendar/src'],
  testMatch: ['<rootDir>/libs/case/src/domain/**/*.spec.ts', '<rootDir>/libs/calendar/src/**/*.spec.ts'],
};
