import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { HOURLY_TIMERS, serveApi } from '../support/suites.js';

interface BoardItem {
  caseId: string;
  dueDate: string;
  warning: string;
  workingDaysLeft: number;
}

/**
 * The acceptance board over real HTTP (issue 11): the 5 working days to decide on acceptance
 * (Law Art. 32) of cases received or whose correction was handed in, yellow within the warning
 * days and red once past; and a completed case's completion date beside its due dates in the list.
 */
describe('the acceptance board and completed cases over real HTTP', () => {
  // Monday 2 March 2026, 09:30 in Hohhot: the 5 working days end on Monday 9 March.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { w, signInAgain } = serveApi({ clock, config: HOURLY_TIMERS });
  const ids: Record<'plain' | 'green' | 'correcting' | 'accepted', string> = {
    plain: '',
    green: '',
    correcting: '',
    accepted: '',
  };
  let last: { position: number };

  beforeAll(async () => {
    ids.plain = (await w.receive(DEMO_ITEMS.foodBusinessLicence)).caseId;
    ids.green = (await w.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true })).caseId;
    ids.correcting = (await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] })).caseId;
    await w.ok('clerk1', `/api/cases/${ids.correcting}/request-correction`, {
      items: [{ code: 'safety-rules', problem: '未提交' }],
    });
    ids.accepted = (await w.receive(DEMO_ITEMS.foodBusinessLicence)).caseId;
    last = await w.ok('clerk1', `/api/cases/${ids.accepted}/accept`);
  });

  const board = async (user: 'clerk1' | 'clerk2' | 'approver1' | 'admin', query: string) => {
    const page = await w.read(user, `/api/deadlines?deadline=acceptance${query}`, last);
    return (page.items as BoardItem[]).map((i) => [i.caseId, i.dueDate, i.warning, i.workingDaysLeft]);
  };

  it('lists the cases awaiting the acceptance decision, yellow within the warning days and red once past, green channel first', async () => {
    await expect(board('clerk1', '')).resolves.toEqual([]);
    // Wednesday 4 March: 5, 6 and 9 March are left — within the three warning days.
    clock.set('2026-03-04T02:00:00Z');
    await signInAgain();
    const yellow = [
      [ids.green, '2026-03-09', 'yellow', 3],
      [ids.plain, '2026-03-09', 'yellow', 3],
    ];
    await expect(board('clerk1', '&warning=yellow')).resolves.toEqual(yellow);
    await expect(board('clerk1', '&warning=red')).resolves.toEqual([]);
    // The decision board holds the accepted case's limits, not these.
    const decision = await w.read('admin', '/api/deadlines');
    expect(decision.items.map((i: BoardItem) => i.caseId)).not.toContain(ids.plain);

    // Tuesday 10 March: past the limit.
    clock.set('2026-03-10T02:00:00Z');
    await signInAgain();
    const red = [
      [ids.green, '2026-03-09', 'red', -1],
      [ids.plain, '2026-03-09', 'red', -1],
    ];
    await expect(board('clerk1', '&warning=red')).resolves.toEqual(red);
    // The case detail gives the same limit while it runs; none once accepted or while correcting.
    const detail = (id: string) => w.read('clerk1', `/api/cases/${id}`, last);
    expect((await detail(ids.plain)).dueDates.acceptance).toMatchObject({
      dueDate: '2026-03-09',
      warning: 'red',
      workingDaysLeft: -1,
    });
    expect((await detail(ids.correcting)).dueDates.acceptance).toBeNull();
    expect((await detail(ids.accepted)).dueDates.acceptance).toBeNull();
    await expect(board('clerk1', '')).resolves.toEqual(red);
    await expect(board('approver1', '')).resolves.toEqual(red);
    await expect(board('admin', '&warning=yellow')).resolves.toEqual([]);
    // Another hall's clerk sees none of them.
    await expect(board('clerk2', '')).resolves.toEqual([]);
    const first = await w.read('clerk1', '/api/deadlines?deadline=acceptance&pageSize=1');
    expect(first).toMatchObject({ total: 2, items: [{ caseId: ids.green }] });
    const second = await w.read(
      'clerk1',
      `/api/deadlines?deadline=acceptance&pageSize=1&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(second).toMatchObject({ items: [{ caseId: ids.plain }], nextCursor: null });
    clock.set('2026-03-02T01:30:00Z');
    await signInAgain();
  });

  it('refuses a board it does not know with a problem', async () => {
    const bad = await w.as('clerk1', 'GET', '/api/deadlines?deadline=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '#/deadline' })]);
  });

  it('keeps a completed case’s due dates in the list and gives its China completion date', async () => {
    const { caseId } = await w.atTheWindow();
    // 23:30 in Hohhot on Monday 2 March is still 2 March there (15:30 UTC).
    clock.set('2026-03-02T15:30:00Z');
    await signInAgain();
    const delivered = await w.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
    const list = await w.read('clerk1', '/api/cases?status=completed', delivered);
    const item = list.items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(item).toMatchObject({ status: 'completed', completedOn: '2026-03-02', warning: 'none' });
    expect(item.promisedDueDate).toMatch(/^2026-03-\d\d$/);
    expect(item.statutoryDueDate).toMatch(/^2026-03-\d\d$/);
  });
});
