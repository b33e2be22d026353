// The Node test environment with bail for mutation runs (docs/adr/0014-mutation-testing.md): once a
// test has failed under a mutant, the mutant is killed, and the run's remaining tests are skipped.
// Stryker's jest runner cannot bail (jest has no programmatic bail), so every killed mutant used to
// run every test that covers it. Outside a mutant run (plain jest, Stryker's dry run) nothing changes.
const { TestEnvironment } = require('jest-environment-node');

/** The mutant whose run has had a failing test; module state, shared by the run's test files. */
let failedUnder;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (
      event.name === 'test_fn_failure' ||
      event.name === 'hook_failure' ||
      (event.name === 'test_done' && event.test.errors.length > 0)
    ) {
      failedUnder = mutant;
    } else if (event.name === 'test_start' && failedUnder === mutant) {
      event.test.mode = 'skip';
    }
  }
}

module.exports = BailEnvironment;
