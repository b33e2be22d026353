import { ManualClock } from '@one-window/shared';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

interface Listed {
  readonly obligationId: string;
  readonly caseId: string;
  readonly status: string;
  readonly overdue: boolean;
  readonly allowedCommands: readonly { type: string; obligationId?: string }[];
}

/**
 * 回访/整改 (Art. 36): the obligations list and read carry the commands the caller may send to
 * each obligation now, as the engine answers them for a case — the console offers exactly these
 * and keeps no list of its own (issue 14).
 */
describe('obligations carry their allowed commands', () => {
  // Monday 2 March 2026, 09:30 China time.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let server: TestServer;
  let w: ApiWorld;
  const ids: Record<'open' | 'calledBack' | 'closed' | 'overdue', string> = {
    open: '',
    calledBack: '',
    closed: '',
    overdue: '',
  };
  let last: { position: number } = { position: 0 };
  /** Each obligation's case. */
  const caseOf = new Map<string, string>();

  /** A case accepted and rated 非常不满意 at the window: one open obligation, its id. */
  async function ratedBadly(): Promise<string> {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    last = await w.ok('clerk1', `/api/cases/${caseId}/rate`, { level: 5, channel: 'window-device' });
    const { items } = await w.read('reviewer1', '/api/obligations?status=open&pageSize=200', last);
    const { obligationId } = (items as Listed[]).find((o) => o.caseId === caseId)!;
    caseOf.set(obligationId, caseId);
    return obligationId;
  }
  const callBack = async (obligationId: string) => {
    last = await w.ok('reviewer1', `/api/obligations/${obligationId}/callback`, {
      notes: '已电话回访，情况属实',
      verified: true,
    });
  };
  const types = (o: Listed | undefined) => o?.allowedCommands.map((a) => a.type);

  beforeAll(async () => {
    // The timer would mark the late callback overdue; polled hourly, it stays out of the way.
    server = await startTestServer({ timerPollMs: 3_600_000 }, { clock });
    w = await ApiWorld.signIn(server.base);
    ids.overdue = await ratedBadly();
    // Thursday 5 March: the first rating's 48 hours for its callback are over.
    clock.set('2026-03-05T02:00:00Z');
    w = await ApiWorld.signIn(server.base);
    ids.open = await ratedBadly();
    ids.calledBack = await ratedBadly();
    await callBack(ids.calledBack);
    ids.closed = await ratedBadly();
    await callBack(ids.closed);
    last = await w.ok('reviewer1', `/api/obligations/${ids.closed}/rectify`, {
      measures: '增设取号引导岗，开展窗口服务规范培训',
    });
  }, 60_000);
  afterAll(async () => server?.close());

  const listed = async (user: 'reviewer1' | 'admin', status?: string): Promise<Map<string, Listed>> => {
    const query = status ? `?status=${status}&pageSize=200` : '?pageSize=200';
    const { items } = await w.read(user, `/api/obligations${query}`, last);
    return new Map((items as Listed[]).map((o) => [o.obligationId, o]));
  };

  it('a reviewer is offered the callback while one is due, then rectify or explain, then nothing', async () => {
    const all = await listed('reviewer1');
    expect(types(all.get(ids.open))).toEqual(['RecordCallback']);
    expect(types(all.get(ids.calledBack))).toEqual(['RectifyObligation', 'ExplainObligation']);
    expect(types(all.get(ids.closed))).toEqual([]);
    // A callback past its 48 hours is still recorded (late): the overdue tab offers it too.
    const overdue = await listed('reviewer1', 'overdue');
    expect(overdue.get(ids.overdue)).toMatchObject({ overdue: true, status: 'open' });
    expect(types(overdue.get(ids.overdue))).toEqual(['RecordCallback']);
    // Each command names the obligation it acts on, not another of its case.
    for (const o of all.values()) {
      for (const a of o.allowedCommands) expect(a.obligationId).toBe(o.obligationId);
    }
    expect(types((await listed('reviewer1', 'closed')).get(ids.closed))).toEqual([]);
  });

  it('an administrator reads the same list and is offered nothing: only a review officer follows up', async () => {
    const all = await listed('admin');
    expect([ids.open, ids.calledBack, ids.closed, ids.overdue].map((id) => types(all.get(id)))).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('one obligation read by its id carries them too, and so do the obligations on its case', async () => {
    const expected = [
      { type: 'RectifyObligation', obligationId: ids.calledBack },
      { type: 'ExplainObligation', obligationId: ids.calledBack },
    ];
    const one = (await w.read('reviewer1', `/api/obligations/${ids.calledBack}`, last)) as Listed;
    expect(one.obligationId).toBe(ids.calledBack);
    expect(one.allowedCommands).toEqual(expected);
    const detail = await w.read('reviewer1', `/api/cases/${caseOf.get(ids.calledBack)}`, last);
    expect((detail.obligations as Listed[]).map((o) => o.allowedCommands)).toEqual([expected]);
  });
});
