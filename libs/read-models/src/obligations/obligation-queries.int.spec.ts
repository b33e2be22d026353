import { scopeForActor } from '../scope/read-scope.js';
import { caseWorldPerTest, completedFoodLicence, DEMO_ACTORS as A } from '../testing/index.js';

describe('bad-rating review obligations (Art. 36)', () => {
  const w = caseWorldPerTest({ start: '2026-03-02T01:30:00Z' });

  it('open with a 48-hour callback and a 15-day rectification, overdue when passed, closed when rectified', async () => {
    const { caseId, caseNumber } = await completedFoodLicence(w);
    w.clock.set('2026-03-03T06:00:00Z');
    await w.send({ type: 'RateService', caseId, level: 5, channel: 'qr-code', comment: '排队太久' }, A.clerk);
    await w.settle();
    const reviewer = scopeForActor(A.reviewer);
    const [open] = w.readModels.obligations.list({ status: 'open' }, reviewer).items;
    expect(open).toMatchObject({
      caseNumber,
      status: 'open',
      overdue: false,
      rating: { level: 5, comment: '排队太久' },
      callback: { dueAt: '2026-03-05T06:00:00.000Z', at: null, overdue: false },
      // 15 natural days after the rating day, to 24:00 China time.
      rectification: { dueBy: '2026-03-18', dueAt: '2026-03-18T16:00:00.000Z', overdue: false },
    });
    expect(w.readModels.obligations.list({ status: 'overdue' }, reviewer).total).toBe(0);

    w.clock.set('2026-03-05T06:00:00Z');
    expect(w.readModels.obligations.list({ status: 'overdue' }, reviewer).total).toBe(0);
    w.clock.set('2026-03-05T06:00:01Z');
    const overdue = w.readModels.obligations.list({ status: 'overdue' }, reviewer).items;
    expect(overdue.map((o) => [o.obligationId, o.callback.overdue, o.rectification.overdue])).toEqual([
      [open.obligationId, true, false],
    ]);

    await w.send(
      { type: 'RecordCallback', obligationId: open.obligationId, notes: '已回访', verified: true },
      A.reviewer,
    );
    await w.send(
      { type: 'RectifyObligation', obligationId: open.obligationId, measures: '高峰时段增开窗口' },
      A.reviewer,
    );
    await w.settle();
    expect(w.readModels.obligations.list({ status: 'open' }, reviewer).total).toBe(0);
    expect(w.readModels.obligations.list({ status: 'closed' }, reviewer).items[0]).toMatchObject({
      outcome: 'rectified',
      outcomeText: '高峰时段增开窗口',
      callback: { verified: true, late: true },
      closedLate: false,
    });
    expect(w.readModels.obligations.list({}, scopeForActor(A.otherHallClerk)).total).toBe(0);
  });
});
