import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseStreamName } from '@one-window/case';
import { ManualClock } from '@one-window/shared';
import { ReadSideLifecycle } from '../../src/reads/read-side.lifecycle.js';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/** The shape of the 2027 example file, loaded under a test source (its dates hold the statutory holidays). */
const SCHEDULE_2027 = {
  ...(JSON.parse(
    readFileSync(join(process.cwd(), 'libs/calendar/data/2027.example.json'), 'utf8'),
  ) as object),
  source: '测试用 2027 年日程（非国务院通知）',
};

/**
 * Law Art. 32/42 and ADR 12: the applicant gets a decision on acceptance whatever the hall's IT
 * knows. Over a year without an official schedule the deadline is counted Monday–Friday, flagged
 * 暂定, and counted again once when the administrator loads the year.
 */
describe('acceptance across the 2026/2027 boundary before the 2027 schedule is loaded, over real HTTP', () => {
  const clock = new ManualClock('2026-12-21T01:30:00Z'); // Monday 21 December 2026
  const { server, w } = serveApi({ clock, config: { readWaitMs: 2000, timerPollMs: 3_600_000 } });

  it('Art. 42: a 30-working-day item is accepted with provisional (暂定) deadlines; loading 2027 recomputes them once, and list, board and detail show the new dates', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.minimumLivingAllowance);
    const accepted = await w.as('clerk1', 'POST', `/api/cases/${caseId}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('backOffice.underReview');

    // 30 and 20 working days counted Monday–Friday over 2027 (1 January guessed a working day).
    const [acceptedEvent] = (await server.store.readStream(caseStreamName(caseId))).filter(
      (e) => e.type === 'case.Accepted',
    );
    expect(acceptedEvent.data).toMatchObject({
      statutoryDueDate: '2027-02-01',
      promisedDueDate: '2027-01-18',
      provisional: { years: [2027] },
    });
    const before = await w.read('clerk1', `/api/cases/${caseId}`, accepted.body);
    expect(before).toMatchObject({
      statutoryDueDate: '2027-02-01',
      promisedDueDate: '2027-01-18',
      provisionalYears: [2027],
    });

    // From 1 November the administrator's screen and /health/ready warn; ready stays ready.
    const warning = {
      year: 2027,
      since: '2026-11-01',
      zh: expect.stringContaining('2027'),
      en: expect.any(String),
    };
    expect((await w.read('admin', '/api/admin/calendar')).warning).toEqual(warning);
    const ready = await call(server.base, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.warnings).toEqual([{ code: 'calendar-next-year-not-loaded', ...warning }]);

    const loaded = await w.as('admin', 'PUT', '/api/admin/calendar/2027', SCHEDULE_2027);
    expect(loaded.status).toBe(200);
    expect((await w.read('admin', '/api/admin/calendar')).warning).toBeNull();
    expect((await call(server.base, 'GET', '/health/ready')).body.warnings).toEqual([]);
    const lifecycle = server.app.get(ReadSideLifecycle);
    await w.read('admin', `/api/cases/${caseId}`, { position: (await server.store.headPosition()) ?? 0 });
    const fired = await lifecycle.tick();
    expect(fired).toEqual({ sent: [`deadlines-recalculation:${caseId}:2027`], failed: [] });
    // The next tick sends nothing: the recalculation is stored once.
    await w.read('admin', `/api/cases/${caseId}`, { position: (await server.store.headPosition()) ?? 0 });
    expect((await lifecycle.tick()).sent).toEqual([]);

    const events = await server.store.readStream(caseStreamName(caseId));
    const recalculated = events.filter((e) => e.type === 'case.DeadlinesRecalculated');
    expect(recalculated).toHaveLength(1);
    expect(recalculated[0].data).toMatchObject({
      years: [2027],
      calendar: [{ year: 2027, kind: 'loaded', source: SCHEDULE_2027.source }],
      changes: expect.arrayContaining([
        { deadline: 'statutory', from: '2027-02-01', to: '2027-02-02' },
        { deadline: 'promised', from: '2027-01-18', to: '2027-01-19' },
        { deadline: 'step', taskId: `${caseId}.t1`, from: '2027-01-04', to: '2027-01-05' },
      ]),
    });
    expect(recalculated[0].data).not.toHaveProperty('provisional');

    const position = { position: (await server.store.headPosition()) ?? 0 };
    const detail = await w.read('clerk1', `/api/cases/${caseId}`, position);
    expect(detail).toMatchObject({
      statutoryDueDate: '2027-02-02',
      promisedDueDate: '2027-01-19',
      provisionalYears: [],
    });
    const list = await w.read('clerk1', '/api/cases');
    expect(list.items.find((c: { caseId: string }) => c.caseId === caseId)).toMatchObject({
      statutoryDueDate: '2027-02-02',
      provisionalYears: [],
    });
    clock.set('2027-01-14T01:30:00Z'); // three working days before the promised limit: yellow
    const board = await (await ApiWorld.signIn(server.base)).read('admin', '/api/deadlines?warning=yellow');
    expect(board.items.find((c: { caseId: string }) => c.caseId === caseId)).toMatchObject({
      promisedDueDate: '2027-01-19',
      provisionalYears: [],
    });
  });

  it('a count that needs a year before the calendar’s first is a 409 calendar-not-covered with its year, in Chinese and English, without instructions for the clerk', async () => {
    const { calendarProblem } = await import('../../src/problem/calendar-problems.js');
    const { CalendarCoverageError } = await import('@one-window/calendar');
    const problem = calendarProblem(new CalendarCoverageError(2003, '2003-05-01'))!.problem;
    expect(problem).toMatchObject({
      type: '/problems/calendar-not-covered',
      status: 409,
      year: 2003,
      titleZh: '工作日历未覆盖该年度',
      detailZh: expect.stringContaining('2003'),
    });
    expect(problem.detail).not.toMatch(/one-window|import/);
  });
});
