import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

/**
 * Whole cases over real HTTP, from receipt to rating, one per kind of path (DOMAIN §4), on the
 * embedded store. Every read passes the last command's position (?minPosition=), as the console does.
 */
describe('case paths over real HTTP', () => {
  // Monday 2 March 2026, 09:30 in Hohhot.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { w } = serveApi({ clock, config: { tokenTtlSeconds: 7 * 24 * 3600 } });

  /** Issue (by the clerk), hand out at the window, picked up: completed. */
  async function deliverAtWindow(caseId: string): Promise<{ position: number }> {
    const issued = await w.ok('clerk1', `/api/cases/${caseId}/issue-result`, {
      certificateNumber: `JY-${caseId.slice(0, 8)}`,
      electronic: true,
    });
    expect(issued.state).toBe('delivery.issued');
    const dispatched = await w.ok('clerk1', `/api/cases/${caseId}/dispatch`, { method: 'window' });
    expect(dispatched.state).toBe('delivery.dispatched');
    const delivered = await w.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
    expect(delivered).toMatchObject({ state: 'completed', events: ['case.Delivered'] });
    return delivered as { position: number };
  }

  async function rate(
    caseId: string,
    level: number,
    comment?: string,
  ): Promise<{ position: number; events: string[] }> {
    return (await w.ok('clerk1', `/api/cases/${caseId}/rate`, {
      level,
      channel: 'window-device',
      stage: 'overall',
      ...(comment ? { comment } : {}),
    })) as { position: number; events: string[] };
  }

  it('on the spot (即办件): received, accepted, decided by the one step, issued, delivered, rated', async () => {
    const received = await w.receive(DEMO_ITEMS.unemploymentRegistration);
    expect(received).toMatchObject({ state: 'frontDesk.received', written: true });
    expect(received.caseNumber).toMatch(/^150102-20260302-\d{4}$/);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    expect(accepted.state).toBe('backOffice.underReview');
    await w.claimCurrent('approver3', received.caseId, accepted);
    const approved = await w.ok('approver3', `/api/cases/${received.caseId}/approve`, {
      opinion: '符合失业登记条件，当场办结',
    });
    expect(approved.state).toBe('delivery.awaitingResult');
    const done = await deliverAtWindow(received.caseId);
    const rated = await rate(received.caseId, 1);
    expect(rated.events).toEqual(['case.Rated']);
    const summary = await w.read('clerk1', `/api/cases/${received.caseId}`, rated);
    expect(summary).toMatchObject({
      status: 'completed',
      caseKind: 'on-the-spot',
      completedOn: '2026-03-02',
    });
    expect(summary.decision).toMatchObject({ outcome: 'approved', withinStatutoryLimit: true });
    void done;
  });

  it('promised, three steps (审查 → 审核 → 审批): two approvers pass, the head approves, sent by courier', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const atAcceptance = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    expect(atAcceptance).toMatchObject({
      acceptanceKind: 'accepted',
      statutoryDueDate: '2026-03-16',
      promisedDueDate: '2026-03-09',
    });
    expect(atAcceptance.acceptanceVoucher).toBeTruthy();
    const reviewed = await w.passStep('approver1', received.caseId, accepted, '材料齐全，现场核查符合要求');
    const verified = await w.passStep('approver1', received.caseId, reviewed, '审核通过');
    const { taskId } = await w.claimCurrent('head1', received.caseId, verified);
    expect(taskId).toMatch(/\.t3$/);
    const approved = await w.ok('head1', `/api/cases/${received.caseId}/approve`, { opinion: '准予许可' });
    expect(approved.state).toBe('delivery.awaitingResult');
    const issued = await w.ok('head1', `/api/cases/${received.caseId}/issue-result`, {
      certificateNumber: 'JY11501020000001',
      validUntil: '2031-03-01',
      electronic: true,
    });
    expect(issued.state).toBe('delivery.issued');
    await w.ok('clerk1', `/api/cases/${received.caseId}/dispatch`, {
      method: 'courier',
      trackingNumber: 'EMS1234567890',
    });
    const delivered = await w.ok('clerk1', `/api/cases/${received.caseId}/deliver`);
    const rated = await rate(received.caseId, 2);
    const timeline = await w.read('clerk1', `/api/cases/${received.caseId}/timeline`, rated);
    const types = timeline.entries.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'case.TaskPassed')).toHaveLength(2);
    expect(types).toEqual(
      expect.arrayContaining([
        'case.Approved',
        'case.ResultIssued',
        'case.Dispatched',
        'case.Delivered',
        'case.Rated',
      ]),
    );
    const summary = await w.read('clerk1', `/api/cases/${received.caseId}`, delivered);
    expect(summary.dispatch).toMatchObject({ method: 'courier', trackingNumber: 'EMS1234567890' });
  });

  it('correction (一次性告知补正): one complete notice, the applicant corrects, then accepted', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['layout-and-process'] });
    const before = await w.read('clerk1', `/api/cases/${received.caseId}`, received);
    expect(before.materials.find((m: { code: string }) => m.code === 'layout-and-process').state).toBe(
      'missing',
    );
    expect(before.allowedCommands.map((a: { type: string }) => a.type)).toContain('RequestCorrection');
    const notice = await w.ok('clerk1', `/api/cases/${received.caseId}/request-correction`, {
      items: [{ code: 'layout-and-process', problem: '未提交主要设备设施布局及操作流程文件' }],
    });
    expect(notice.state).toBe('frontDesk.correctionRequested');
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, notice);
    expect(detail.correction.items).toEqual([
      { code: 'layout-and-process', problem: '未提交主要设备设施布局及操作流程文件' },
    ]);
    expect(detail.correctBy).toBeTruthy();
    clock.advance(24 * 3600_000);
    const corrected = await w.ok('clerk1', `/api/cases/${received.caseId}/submit-correction`, {
      materials: [{ code: 'layout-and-process', form: 'original' }],
    });
    expect(corrected.state).toBe('frontDesk.correctionSubmitted');
    const second = await w.as('clerk1', 'POST', `/api/cases/${received.caseId}/request-correction`, {
      items: [{ code: 'application', problem: '再次告知' }],
    });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/一次性告知|already/);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    expect(accepted.state).toBe('backOffice.underReview');
    const summary = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    // The decision clock starts at acceptance, not at receipt.
    expect(summary).toMatchObject({ acceptedOn: '2026-03-03', promisedDueDate: '2026-03-10' });
    clock.advance(-24 * 3600_000);
  });

  it('deficiency (容缺受理): accepted with a missing non-key material, not deliverable until it is supplied', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept-with-deficiency`, {
      missing: [{ code: 'safety-rules' }],
      supplyBy: '2026-03-06',
      commitmentSigned: true,
    });
    expect(accepted.events).toContain('case.AcceptedWithDeficiency');
    const summary = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    expect(summary).toMatchObject({ acceptanceKind: 'with-deficiency', supplyBy: '2026-03-06' });
    expect(summary.openDeficiencies.map((m: { code: string }) => m.code)).toEqual(['safety-rules']);
    let at = await w.passStep('approver1', received.caseId, accepted);
    at = await w.passStep('approver1', received.caseId, at);
    await w.claimCurrent('head1', received.caseId, at);
    const approved = await w.ok('head1', `/api/cases/${received.caseId}/approve`, {
      opinion: '准予许可（容缺材料待补）',
    });
    const blocked = await w.as('clerk1', 'POST', `/api/cases/${received.caseId}/issue-result`, {
      certificateNumber: 'JY-X',
      electronic: true,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      type: '/problems/not-allowed-in-state',
      state: 'delivery.awaitingResult',
    });
    expect(blocked.body.detail).toMatch(/safety-rules/);
    const supplied = await w.ok('clerk1', `/api/cases/${received.caseId}/supply-deficiency`, {
      materials: [{ code: 'safety-rules', form: 'original' }],
    });
    expect(supplied.events).toEqual(['case.DeficiencySupplied']);
    await deliverAtWindow(received.caseId);
    await rate(received.caseId, 2);
    void approved;
  });

  it('refusal (不予受理): a written refusal naming the competent agency; the case is closed', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const refused = await w.ok('clerk1', `/api/cases/${received.caseId}/refuse`, {
      reason: '申请事项依法不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
      competentAgency: '呼和浩特市市场监督管理局',
    });
    expect(refused).toMatchObject({ state: 'refused', stage: 'refused' });
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, refused);
    expect(detail.refusal).toMatchObject({ competentAgency: '呼和浩特市市场监督管理局' });
    expect(detail.refusal.voucherNumber).toBeTruthy();
    expect(detail.allowedCommands.map((a: { type: string }) => a.type)).not.toContain('AcceptCase');
    const late = await w.as('clerk1', 'POST', `/api/cases/${received.caseId}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.state).toBe('refused');
    await rate(received.caseId, 3);
  });

  it('denial (不予许可): the deciding approver denies with reasons and remedies; the decision is delivered like a result', async () => {
    const received = await w.receive(DEMO_ITEMS.individualBusinessRegistration);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    await w.claimCurrent('approver1', received.caseId, accepted);
    const denied = await w.ok('approver1', `/api/cases/${received.caseId}/deny`, {
      reasons: ['经营场所不符合登记要求'],
      remedies: { reviewAuthority: '呼和浩特市新城区人民政府', court: '呼和浩特市新城区人民法院' },
    });
    // The written denial (不予许可决定书) is ready to hand out at once.
    expect(denied).toMatchObject({ state: 'delivery.issued', events: ['case.Denied'] });
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, denied);
    expect(detail.decision).toMatchObject({
      outcome: 'denied',
      reasons: ['经营场所不符合登记要求'],
      remedies: { administrativeReviewDays: 60, lawsuitMonths: 6 },
    });
    expect(detail.decision.decisionNumber).toBeTruthy();
    await w.ok('clerk1', `/api/cases/${received.caseId}/dispatch`, { method: 'window' });
    const delivered = await w.ok('clerk1', `/api/cases/${received.caseId}/deliver`, PICKUP_BY_APPLICANT);
    expect(delivered.state).toBe('denied');
    const closed = await w.read('clerk1', `/api/cases/${received.caseId}`, delivered);
    expect(closed).toMatchObject({ outcome: 'denied', status: 'denied' });
    await rate(received.caseId, 3);
  });

  it('special procedure: the clock stops during an inspection and the due dates move by its working days', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    await w.claimCurrent('approver1', received.caseId, accepted);
    const started = await w.ok('approver1', `/api/cases/${received.caseId}/special-procedures`, {
      kind: 'inspection',
      reason: '需对经营场所进行现场检验',
      expectedDays: 3,
    });
    expect(started.state).toBe('backOffice.specialProcedure');
    const during = await w.read('approver1', `/api/cases/${received.caseId}`, started);
    expect(during).toMatchObject({ clockStopped: true, activeSpecialProcedure: 1 });
    // Three working days later (Thursday 5 March).
    clock.set('2026-03-05T02:00:00Z');
    const ended = await w.ok('approver1', `/api/cases/${received.caseId}/special-procedures/1/end`, {
      result: '现场检验合格',
    });
    expect(ended.state).toBe('backOffice.underReview');
    const after = await w.read('approver1', `/api/cases/${received.caseId}`, ended);
    expect(after).toMatchObject({
      clockStopped: false,
      suspendedWorkingDays: 3,
      promisedDueDate: '2026-03-12',
      statutoryDueDate: '2026-03-19',
    });
    let at = await w.ok('approver1', `/api/tasks/${after.currentTaskId}/pass`, { opinion: '检验合格，同意' });
    at = await w.passStep('approver1', received.caseId, at);
    await w.claimCurrent('head1', received.caseId, at);
    await w.ok('head1', `/api/cases/${received.caseId}/approve`, { opinion: '准予许可' });
    await deliverAtWindow(received.caseId);
    await rate(received.caseId, 1);
    clock.set('2026-03-02T01:30:00Z');
  });

  it('bad rating (差评): an obligation opens; the reviewer calls back within 48 hours and rectifies', async () => {
    const received = await w.receive(DEMO_ITEMS.unemploymentRegistration);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    await w.claimCurrent('approver3', received.caseId, accepted);
    await w.ok('approver3', `/api/cases/${received.caseId}/approve`, { opinion: '同意' });
    await deliverAtWindow(received.caseId);
    const rated = await rate(received.caseId, 5, '窗口排队时间过长，工作人员解释不清');
    expect(rated.events).toEqual(['case.Rated', 'case.ObligationOpened']);
    const open = await w.read('reviewer1', '/api/obligations?status=open', rated);
    const obligation = open.items.find((o: { caseId: string }) => o.caseId === received.caseId);
    expect(obligation).toMatchObject({ status: 'open', rating: { level: 5 } });
    expect(Date.parse(obligation.callback.dueAt) - Date.parse('2026-03-02T01:30:00Z')).toBe(48 * 3600_000);
    clock.advance(3 * 3600_000);
    const called = await w.ok('reviewer1', `/api/obligations/${obligation.obligationId}/callback`, {
      notes: '已电话回访，情况属实',
      verified: true,
    });
    expect(called.events).toEqual(['case.CallbackRecorded']);
    const rectified = await w.ok('reviewer1', `/api/obligations/${obligation.obligationId}/rectify`, {
      measures: '增设取号引导岗，开展窗口服务规范培训',
    });
    expect(rectified.events).toEqual(['case.Rectified']);
    const closed = await w.read('reviewer1', '/api/obligations?status=closed', rectified);
    expect(
      closed.items.find((o: { obligationId: string }) => o.obligationId === obligation.obligationId),
    ).toMatchObject({
      status: 'closed',
      outcome: 'rectified',
    });
    clock.set('2026-03-02T01:30:00Z');
  });
});
