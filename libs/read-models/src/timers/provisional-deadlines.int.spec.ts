import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendar, type YearSchedule } from '@one-window/calendar';
import { caseStreamName } from '@one-window/case';
import { acceptedFoodLicence, caseWorldPerTest } from '../testing/index.js';

const SCHEDULE_2027: YearSchedule = {
  ...(JSON.parse(
    readFileSync(join(process.cwd(), 'libs/calendar/data/2027.example.json'), 'utf8'),
  ) as YearSchedule),
  source: '测试用 2027 年日程',
};

/**
 * ADR 12: provisional deadlines are data in the read model (`provisional_years`); once the year
 * is loaded the scheduler sends each case's recalculation under a deterministic id, so racing
 * servers store it once and a restart half-way through misses none.
 */
describe('recalculating provisional deadlines when a year is loaded (durable timers)', () => {
  const w = caseWorldPerTest({ start: '2026-12-21T01:30:00Z' });

  async function recalculations(caseId: string) {
    return (await w.store.readStream(caseStreamName(caseId))).filter(
      (e) => e.type === 'case.DeadlinesRecalculated',
    );
  }

  it('nothing is due while the year is not loaded; after the load two racing servers and a restart store each case’s recalculation exactly once', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 5; i++) cases.push((await acceptedFoodLicence(w)).caseId);
    await w.settle();
    const provisional = w.db
      .prepare("SELECT COUNT(*) FROM cases WHERE provisional_years = '2027'")
      .pluck()
      .get() as number;
    expect(provisional).toBe(5);
    expect((await w.readModels.scheduler(w.sender()).tick()).sent).toEqual([]);

    w.useCalendar(WorkingCalendar.create([SCHEDULE_2027]));
    const one = w.newInstance('one');
    const two = w.newInstance('two');
    await Promise.all([one.readModels.runner.catchUp(), two.readModels.runner.catchUp()]);

    // Server one sends two of the five, then stops before its read model sees them.
    const partial = await one.readModels.scheduler(one.sender, { maxPerTick: 2 }).tick();
    expect(partial.sent).toHaveLength(2);
    // It restarts, and races server two, which has not caught up either.
    const [a, b] = await Promise.all([
      one.readModels.scheduler(one.sender).tick(),
      two.readModels.scheduler(two.sender).tick(),
    ]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    expect(a.sent).toHaveLength(3);
    expect(b.sent).toHaveLength(5);

    for (const caseId of cases) {
      const stored = await recalculations(caseId);
      expect(stored).toHaveLength(1);
      expect(stored[0].data).toMatchObject({ years: [2027] });
    }
    await Promise.all([one.readModels.runner.catchUp(), two.readModels.runner.catchUp()]);
    expect(one.db.prepare("SELECT COUNT(*) FROM cases WHERE provisional_years <> ''").pluck().get()).toBe(0);
    // The open tasks took the recalculated step dates and their case's new warning due date (queue order).
    let steps = 0;
    for (const caseId of cases) {
      const [stored] = await recalculations(caseId);
      const changes = (stored.data as { changes: { deadline: string; to: string }[] }).changes;
      const task = one.db
        .prepare(
          `SELECT t.step_due, t.rank_due, c.warning_due FROM tasks t JOIN cases c ON c.k = t.k
           WHERE c.case_id = ? AND t.status IN ('open', 'claimed')`,
        )
        .get(caseId) as { step_due: string; rank_due: string; warning_due: string };
      expect(task.rank_due).toBe(task.warning_due);
      const step = changes.filter((c) => c.deadline === 'step').at(-1);
      if (step) {
        expect(task.step_due).toBe(step.to);
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(0);
    expect((await two.readModels.scheduler(two.sender).tick()).sent).toEqual([]);
  });
});
