import { ALL_SCOPE, scopeForActor } from '../scope/read-scope.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import {
  acceptedFoodLicence,
  decideFoodLicence,
  deliverFoodLicence,
  DEMO_ACTORS as A,
  caseWorldPerTest,
} from '../testing/index.js';

describe('a case’s timeline', () => {
  const w = caseWorldPerTest({ start: '2026-03-02T01:30:00Z' });

  it('tells every event in order, in Chinese and English, with who did it and when', async () => {
    const { caseId, caseNumber } = await acceptedFoodLicence(w);
    w.clock.advance(3_600_000);
    await decideFoodLicence(w, caseId);
    await deliverFoodLicence(w, caseId);
    await w.settle();
    const timeline = (await w.readModels.timeline.timeline(caseId, scopeForActor(A.clerk)))!;
    expect(timeline.caseNumber).toBe(caseNumber);
    expect(timeline.entries.map((e) => e.title.zh)).toEqual([
      '收件',
      '受理',
      '待办任务生成',
      '签收任务',
      '审核通过，转下一环节',
      '待办任务生成',
      '签收任务',
      '审核通过，转下一环节',
      '待办任务生成',
      '签收任务',
      '准予许可',
      '制证出件',
      '送达',
      '办结',
    ]);
    expect(timeline.entries.map((e) => e.revision)).toEqual([...timeline.entries.keys()]);
    const [received, accepted] = timeline.entries;
    expect(received.actor).toMatchObject({
      name: '王丽',
      role: 'clerk',
      roleLabel: { zh: '综合窗口人员', en: 'Window clerk' },
    });
    expect(received.at).toBe('2026-03-02T01:30:00.000Z');
    expect(received.detail.zh).toContain(caseNumber);
    expect(received.detail.en).toContain('巴特尔 applied for "食品经营许可（新办）"');
    // Identity numbers stay out of the timeline.
    expect(JSON.stringify(received.data)).not.toContain('150102199001011234');
    expect(accepted.title.en).toBe('Accepted');
    expect(accepted.detail.zh).toContain('承诺办结 2026-03-09，法定办结 2026-03-16');
    const approved = timeline.entries.find((e) => e.type === 'case.Approved')!;
    expect(approved.actor).toMatchObject({ name: '陈军', role: 'head' });
    expect(approved.at).toBe('2026-03-02T02:30:00.000Z');
  });

  it('is current the moment a command returns, and read only inside the caller’s hall or department', async () => {
    const { caseId } = await acceptedFoodLicence(w);
    expect((await w.readModels.timeline.timeline(caseId, scopeForActor(A.approver)))!.entries).toHaveLength(
      3,
    );
    await expect(w.readModels.timeline.timeline(caseId, scopeForActor(A.otherHallClerk))).rejects.toThrow(
      OutOfScopeError,
    );
    expect(await w.readModels.timeline.timeline('unknown', ALL_SCOPE)).toBeUndefined();
  });
});
