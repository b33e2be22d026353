/**
 * 转办 — the head of the task's department or an administrator hands a queued or claimed task to an
 * active approver of that department, named through the staff lookup port (`CaseDriver.staff`).
 */
import type { StaffMember } from '../domain/staff.js';
import { CaseDriver } from '../testing/case-driver.js';
import { OTHER_DEPT, application, approver, approver2, clerk, head, outsider } from '../testing/fixtures.js';
import { at } from '../testing/scenarios.js';

const admin = { userId: 'admin-1', name: '管理员', role: 'admin' as const };
const member = (actor: typeof approver, more: Partial<StaffMember> = {}): StaffMember => ({
  userId: actor.userId,
  name: actor.name,
  role: actor.role,
  ...(actor.department ? { department: actor.department } : {}),
  disabled: false,
  ...more,
});
const STAFF = new Map([approver, approver2, outsider, head].map((a) => [a.userId, member(a)] as const));
const reassign = (assignee: string, reason = '原承办人休假') =>
  ({ type: 'ReassignTask', taskId: 'c1.t1', assignee, reason }) as const;

const accepted = () => {
  const d = new CaseDriver().given(
    [clerk, application(), at('2026-03-02')],
    [clerk, { type: 'AcceptCase', caseId: 'c1' }],
  );
  d.staff = STAFF;
  return d;
};
const claimed = () => accepted().given([approver, { type: 'ClaimTask', taskId: 'c1.t1' }]);

describe('转办 (ReassignTask → case.TaskReassigned)', () => {
  it('the head hands a claimed task to another approver of the department, with the reason', () => {
    const d = claimed();
    expect(d.send(head, reassign('appr-2'), at('2026-03-04'))).toEqual([
      {
        type: 'case.TaskReassigned',
        data: {
          taskId: 'c1.t1',
          from: { userId: 'appr-1', name: '李明' },
          to: { userId: 'appr-2', name: '赵敏' },
          reason: '原承办人休假',
          by: { userId: 'head-1', name: '陈局' },
          reassignedAt: '2026-03-04T02:00:00.000Z',
        },
      },
    ]);
    expect(d.current.status).toBe('backOffice.underReview');
    expect(d.current.context.tasks[0]).toMatchObject({ status: 'claimed', holder: { userId: 'appr-2' } });
    // The new holder passes it; the old one no longer can.
    expect(d.error(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }).code).toBe('forbidden');
    expect(d.send(approver2, { type: 'PassTask', taskId: 'c1.t1', opinion: '材料齐全' })[0]?.type).toBe(
      'case.TaskPassed',
    );
  });

  it('an administrator hands a queued task to an approver: it is then held by them', () => {
    const d = accepted();
    expect(d.send(admin, reassign('appr-1'))[0]).toMatchObject({
      data: { from: null, to: { userId: 'appr-1' } },
    });
    expect(d.current.context.tasks[0]?.holder).toEqual({ userId: 'appr-1', name: '李明' });
  });

  it('refused (403) to an approver and to the head of another department', () => {
    const d = claimed();
    expect(d.error(approver, reassign('appr-2')).code).toBe('forbidden');
    const other = d.error({ ...head, userId: 'head-9', department: OTHER_DEPT }, reassign('appr-2'));
    expect(other).toMatchObject({ code: 'forbidden', reason: { code: 'forbidden.reassign' } });
  });

  it('refused (409) to someone who is not an active approver of the department, or unknown', () => {
    const d = claimed();
    const refused = (assignee: string) => d.error(head, reassign(assignee));
    expect(refused('appr-9')).toMatchObject({
      code: 'not-allowed-in-state',
      reason: { code: 'not-allowed-in-state.reassign-assignee', params: { name: '刘洋' } },
    });
    expect(refused('head-1').reason?.code).toBe('not-allowed-in-state.reassign-assignee'); // not an approver
    expect(refused('nobody').reason).toMatchObject({ params: { name: 'none' } });
    d.staff = new Map([...STAFF, ['appr-2', member(approver2, { disabled: true })]]);
    expect(refused('appr-2').reason?.code).toBe('not-allowed-in-state.reassign-assignee');
    expect(refused('appr-1').reason).toMatchObject({ code: 'not-allowed-in-state.held-by' });
  });

  it('refused (409) on a finished task, and (400) without a reason', () => {
    const d = claimed();
    expect(d.error(head, reassign('appr-2', '')).code).toBe('invalid-command');
    d.send(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '材料齐全' });
    expect(d.error(head, reassign('appr-2'))).toMatchObject({
      code: 'not-allowed-in-state',
      reason: { code: 'not-allowed-in-state.reassign-closed' },
    });
  });

  it('refused without a staff directory: nobody the command names is known', () => {
    const d = claimed();
    d.staff = new Map();
    expect(d.error(head, reassign('appr-2')).code).toBe('not-allowed-in-state');
  });
});
