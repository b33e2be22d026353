// The jest run Stryker uses (npm run test:mutation): only the unit specs of the two mutated libs,
// so each mutant's run is short. Same transform as the unit project: see docs/adr/0014-mutation-testing.md.
import { fileURLToPath } from 'node:url';
import base from './jest.config.js';

const unit = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  testTimeout: 30000,
  // An absolute path: Stryker's environment wrapper requires it as written, without <rootDir>.
  testEnvironment: fileURLToPath(new URL('test/mutation/bail-environment.cjs', import.meta.url)),
  setupFilesAfterEnv: ['<rootDir>/test/mutation/no-shrinking.ts'],
  roots: ['<rootDir>/libs/case/src/domain', '<rootDir>/libs/calendar/src', '<rootDir>/test/mutation'],
  // One test file that imports every unit spec of the two libs but the model walk (20 s a run on
  // the shared machine, covering nearly every domain mutant): a mutant must be killed by a test
  // that names its rule (docs/adr/0014-mutation-testing.md).
  testMatch: ['<rootDir>/test/mutation/unit-specs.mutation.ts'],
};
