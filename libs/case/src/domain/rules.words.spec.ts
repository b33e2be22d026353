/**
 * The words of a state refusal name every material at stake, one by one (Art. 32: the applicant
 * is told everything at once), not run together.
 */
import { CaseDriver } from '../testing/case-driver.js';
import { application, approver, approver2, clerk } from '../testing/fixtures.js';
import { DEFICIENCY_ACCEPTANCE, claimed } from '../testing/scenarios.js';

describe('容缺 refused for several materials at once', () => {
  it('names each material that cannot be deferred, separated by commas', () => {
    const d = new CaseDriver().given([
      clerk,
      application({ materials: [{ code: 'safety-rules', form: 'original' }] }),
    ]);
    const error = d.error(clerk, {
      ...DEFICIENCY_ACCEPTANCE,
      missing: [
        { code: 'business-licence' },
        { code: 'layout' },
        { code: 'safety-rules' },
        { code: 'staff-health' },
      ],
    });
    expect(error.message).toMatch(/^Application, layout cannot be deferred \(容缺\): request a correction/);
  });
});

describe('a task that is no longer current', () => {
  it('cannot be claimed again once passed: it is not open, whoever held it', () => {
    const d = claimed().given([approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }]);
    const error = d.error(approver2, { type: 'ClaimTask', taskId: 'c1.t1' });
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'not-allowed-in-state',
      message: 'Task c1.t1 is not open',
    });
  });
});
