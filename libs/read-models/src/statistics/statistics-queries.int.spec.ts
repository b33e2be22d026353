import { ALL_SCOPE, scopeForActor } from '../scope/read-scope.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import {
  acceptedFoodLicence,
  completedFoodLicence,
  decideFoodLicence,
  deliverFoodLicence,
  DEMO_ACTORS as A,
  type CaseWorld,
  openCaseWorld,
  receiveFoodLicence,
} from '../testing/index.js';

describe('statistics per item, hall and department', () => {
  let w: CaseWorld;
  beforeAll(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
    // Approved on time, completed, rated 1.
    const a = await completedFoodLicence(w);
    await w.send({ type: 'RateService', caseId: a.caseId, level: 1, channel: 'window-device' }, A.clerk);
    // Denied two weeks later, past the promised limit but inside the statutory one; rated 4 (bad).
    const b = await acceptedFoodLicence(w);
    w.clock.set('2026-03-12T02:00:00Z');
    await decideFoodLicence(w, b.caseId, 'deny');
    await deliverFoodLicence(w, b.caseId, false);
    await w.send({ type: 'RateService', caseId: b.caseId, level: 4, channel: 'sms' }, A.clerk);
    // Refused at the front desk.
    const c = await receiveFoodLicence(w);
    await w.send(
      {
        type: 'RefuseCase',
        caseId: c.caseId,
        reason: '不属于本机关职权',
        legalBasis: '行政许可法第三十二条',
      },
      A.clerk,
    );
    await w.settle();
  });
  afterAll(async () => w.dispose());

  it('counts received, accepted, refused, decided and completed cases, the on-time rates and the rating distribution', () => {
    const stats = w.readModels.statistics.statistics(
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'item' },
      ALL_SCOPE,
    );
    expect(stats.rows).toHaveLength(1);
    expect(stats.rows[0]).toMatchObject({
      key: '11150102DEM000004X4DEM000000004',
      label: '食品经营许可（新办）',
      received: 3,
      accepted: 2,
      refused: 1,
      decided: 2,
      approved: 1,
      denied: 1,
      completed: 2,
      onTime: 2,
      onTimeRate: 1,
      promisedOnTimeRate: 0.5,
      // 0 working days for the first, 8 (2 → 12 March) for the second.
      averageWorkingDays: 4,
      ratings: { total: 2, byLevel: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 }, bad: 1, badRate: 0.5 },
    });
    expect(stats.total).toMatchObject({ key: 'total', received: 3, decided: 2 });
  });

  it('groups by hall and by department, counts only events inside the period, and keeps to the scope', () => {
    const byHall = w.readModels.statistics.statistics(
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'hall' },
      ALL_SCOPE,
    );
    expect(byHall.rows.map((r) => [r.key, r.received])).toEqual([['hall-150102', 3]]);
    const byDepartment = w.readModels.statistics.statistics(
      { from: '2026-03-10', to: '2026-03-31', groupBy: 'department' },
      scopeForActor(A.approver),
    );
    expect(byDepartment.rows.map((r) => [r.key, r.received, r.decided, r.denied])).toEqual([
      ['150102-market-regulation', 1, 1, 1],
    ]);
    const elsewhere = w.readModels.statistics.statistics(
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'item' },
      scopeForActor(A.otherHallClerk),
    );
    expect(elsewhere.rows).toEqual([]);
    expect(() =>
      w.readModels.statistics.statistics(
        { from: '2026-04-01', to: '2026-03-01', groupBy: 'item' },
        ALL_SCOPE,
      ),
    ).toThrow(InvalidQueryError);
  });
});
