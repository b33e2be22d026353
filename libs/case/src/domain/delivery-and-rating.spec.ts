/** 综合窗口出件 and 好差评 — delivery of the result, ratings, and the follow-up of a bad rating. */
import { BY_APPLICANT, clerk, head, otherClerk, reviewer, system } from '../testing/fixtures.js';
import type { RateService } from '../commands.js';
import {
  CORRECTION_REQUEST,
  accepted,
  approve,
  approved,
  at,
  deficient,
  dispatched,
  oneStep,
  receivedIncomplete,
  toDecision,
} from '../testing/scenarios.js';

/** Approved on 2026-03-02 by the one-step guide (no courier delivery). */
const approvedOneStep = () => approved(oneStep());

/** Three-step guide, approved; accepted with 容缺 when `withDeficiency`. */
const approvedThreeStep = (withDeficiency = false) =>
  approve(toDecision(withDeficiency ? deficient() : accepted()));

/** The one-step case collected by the applicant on 2026-03-03. */
const completed = () =>
  dispatched(oneStep()).given([
    clerk,
    { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT },
    at('2026-03-03'),
  ]);

describe('综合窗口出件 — delivery (Art. 20, 21, 44)', () => {
  it('issue with an electronic seal, dispatch, deliver → completed (办结)', () => {
    const d = approvedOneStep();
    expect(
      d.send(clerk, {
        type: 'IssueResult',
        caseId: 'c1',
        certificateNumber: 'GT-0001',
        validUntil: '2031-03-01',
        electronic: true,
      }),
    ).toEqual([
      {
        type: 'case.ResultIssued',
        data: {
          certificateNumber: 'GT-0001',
          validUntil: '2031-03-01',
          electronic: true,
          issuedOn: '2026-03-02',
          late: false,
        },
      },
    ]);
    d.send(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'electronic' });
    expect(d.send(clerk, { type: 'DeliverResult', caseId: 'c1' })).toEqual([
      { type: 'case.Delivered', data: { deliveredOn: '2026-03-02', outcome: 'approved' } },
    ]);
    expect(d.current.stage).toBe('completed');
  });

  it('容缺: a case with deficient materials still open cannot be delivered; once supplied it can', () => {
    const d = approvedThreeStep(true);
    expect(
      d.error(clerk, { type: 'IssueResult', caseId: 'c1', certificateNumber: 'JY-1', electronic: false }),
    ).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('safety-rules, staff-health'),
    });
    d.send(clerk, {
      type: 'SupplyDeficiency',
      caseId: 'c1',
      materials: [
        { code: 'safety-rules', form: 'original' },
        { code: 'staff-health', form: 'copy' },
      ],
    });
    expect(
      d.types(
        d.send(clerk, { type: 'IssueResult', caseId: 'c1', certificateNumber: 'JY-1', electronic: false }),
      ),
    ).toEqual(['case.ResultIssued']);
  });

  it('Art. 44: a result not issued within 10 working days of approval is marked overdue, and its late issue recorded', () => {
    const d = approvedOneStep();
    expect(d.error(system, { type: 'MarkResultIssueOverdue', caseId: 'c1' }, at('2026-03-16')).code).toBe(
      'not-allowed-in-state',
    );
    expect(d.send(system, { type: 'MarkResultIssueOverdue', caseId: 'c1' }, at('2026-03-17'))).toEqual([
      { type: 'case.ResultIssueOverdue', data: { resultDueBy: '2026-03-16' } },
    ]);
    expect(d.send(system, { type: 'MarkResultIssueOverdue', caseId: 'c1' })).toEqual([]);
    expect(
      d.send(clerk, { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-1', electronic: true })[0]
        .data,
    ).toMatchObject({ late: true });
  });

  it('courier delivery needs a tracking number and a guide that offers it; electronic delivery needs an electronic certificate', () => {
    const courierGuide = approvedThreeStep().given([
      clerk,
      { type: 'IssueResult', caseId: 'c1', certificateNumber: 'JY-1', electronic: false },
    ]);
    expect(
      courierGuide.error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'courier' }).errors?.[0]
        .field,
    ).toBe('trackingNumber');
    expect(
      courierGuide.error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'electronic' }).message,
    ).toContain('electronic certificate');
    expect(
      courierGuide.send(clerk, {
        type: 'DispatchResult',
        caseId: 'c1',
        method: 'courier',
        trackingNumber: 'EMS1',
      })[0].data,
    ).toMatchObject({
      trackingNumber: 'EMS1',
    });
    const noCourier = approvedOneStep().given([
      clerk,
      { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-1', electronic: true },
    ]);
    expect(
      noCourier.error(clerk, {
        type: 'DispatchResult',
        caseId: 'c1',
        method: 'courier',
        trackingNumber: 'EMS1',
      }).message,
    ).toContain('courier');
  });

  it('a clerk of another hall cannot hand out the result', () => {
    const d = approvedOneStep().given([
      clerk,
      { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-1', electronic: true },
    ]);
    expect(d.error(otherClerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }).code).toBe(
      'forbidden',
    );
  });
});

describe('好差评 — ratings (Art. 36–37, GB/T 39046 A.8)', () => {
  const rate = (level: 1 | 2 | 3 | 4 | 5, stage?: RateService['stage']): RateService => ({
    type: 'RateService',
    caseId: 'c1',
    level,
    channel: 'window-device',
    ...(stage ? { stage } : {}),
  });

  it('Art. 37: a visit is rated once on site (一次一评); each new visit may be rated again', () => {
    const d = receivedIncomplete();
    expect(d.send(clerk, rate(1))[0]).toMatchObject({ data: { stage: 'front-desk', visit: 1, bad: false } });
    // A rule, not a race: a state refusal naming the state and what may be sent instead (ADR 12).
    expect(d.error(clerk, rate(2))).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'frontDesk.received',
      message: expect.stringContaining('一次一评'),
    });
    d.send(clerk, CORRECTION_REQUEST);
    d.send(clerk, {
      type: 'SubmitCorrection',
      caseId: 'c1',
      materials: [{ code: 'safety-rules', form: 'original' }],
    });
    expect(d.send(clerk, rate(2))[0]).toMatchObject({ data: { visit: 2 } });
  });

  it('Art. 37: the case is rated once as a whole (一事一评), also after completion, through any channel', () => {
    const d = completed();
    expect(
      d.send(system, { type: 'RateService', caseId: 'c1', level: 2, channel: 'hotline-12345' })[0],
    ).toMatchObject({
      data: { stage: 'overall', channel: 'hotline-12345' },
    });
    expect(
      d.error(system, { type: 'RateService', caseId: 'c1', level: 1, channel: 'portal', stage: 'overall' }),
    ).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'completed',
      allowed: expect.any(Array),
      message: expect.stringContaining('一事一评'),
    });
  });

  it('Art. 37: a stage is rated only once the case has been there — no back-office rating before acceptance, no delivery rating before a result', () => {
    const d = receivedIncomplete();
    for (const stage of ['back-office', 'delivery'] as const) {
      expect(d.error(clerk, rate(1, stage))).toMatchObject({
        code: 'not-allowed-in-state',
        state: 'frontDesk.received',
        allowed: expect.arrayContaining(['RateService']),
      });
    }
    expect(d.send(clerk, rate(1, 'front-desk'))[0]).toMatchObject({ data: { stage: 'front-desk' } });
    const done = completed();
    expect(done.send(system, { ...rate(2, 'back-office') })[0]).toMatchObject({
      data: { stage: 'back-office' },
    });
    expect(done.send(system, { ...rate(2, 'overall') })[0]).toMatchObject({ data: { stage: 'overall' } });
  });

  it('Art. 36: a bad rating (level 4 or 5) opens a review obligation — call back within 48 hours, rectify within 15 natural days', () => {
    const d = completed();
    const events = d.send(
      system,
      { type: 'RateService', caseId: 'c1', level: 5, channel: 'sms', comment: '态度差' },
      '2026-03-03T15:30:00+08:00',
    );
    expect(events).toEqual([
      expect.objectContaining({ type: 'case.Rated', data: expect.objectContaining({ level: 5, bad: true }) }),
      {
        type: 'case.ObligationOpened',
        data: {
          obligationId: 'c1.o1',
          n: 1,
          ratingN: 1,
          office: { hall: 'hall-150102', department: '150102-market-regulation' },
          openedAt: '2026-03-03T07:30:00.000Z',
          callbackDueAt: '2026-03-05T07:30:00.000Z',
          rectifyDueBy: '2026-03-18',
        },
      },
    ]);
    expect(d.current.rating).toBe('followingUp');
    expect(d.types(d.send(clerk, rate(3, 'delivery')))).toEqual(['case.Rated']);
  });

  it('Art. 36: call back first, then rectify — only a review officer of the handling office; the obligation then closes', () => {
    const d = completed().given([
      system,
      { type: 'RateService', caseId: 'c1', level: 4, channel: 'app' },
      '2026-03-03T09:00:00+08:00',
    ]);
    expect(
      d.error(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '整改' }).message,
    ).toMatch(/call the applicant back first/i);
    expect(
      d.error(clerk, { type: 'RecordCallback', obligationId: 'c1.o1', notes: '已回访', verified: true }).code,
    ).toBe('forbidden');
    expect(
      d.error(reviewer, { type: 'RecordCallback', obligationId: 'c1.o7', notes: '已回访', verified: true })
        .code,
    ).toBe('not-found');
    expect(
      d.send(reviewer, {
        type: 'RecordCallback',
        obligationId: 'c1.o1',
        notes: '已回访，情况属实',
        verified: true,
      })[0].data,
    ).toMatchObject({ late: false });
    expect(
      d.send(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '增开窗口' })[0].data,
    ).toMatchObject({ late: false });
    expect(d.current.rating).toBe('noOpenObligation');
    expect(
      d.error(reviewer, { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: 'x' }).message,
    ).toContain('closed');
  });

  it('Art. 36: a complaint without legal basis is explained instead; every bad rating ends rectified or explained', () => {
    const d = completed().given(
      [system, { type: 'RateService', caseId: 'c1', level: 5, channel: 'app' }],
      [clerk, rate(4, 'delivery')],
      [reviewer, { type: 'RecordCallback', obligationId: 'c1.o1', notes: '回访', verified: false }],
      [reviewer, { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: '申请人要求超出法定条件' }],
    );
    expect(d.current.rating).toBe('followingUp');
    d.send(reviewer, { type: 'RecordCallback', obligationId: 'c1.o2', notes: '回访', verified: true });
    d.send(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o2', measures: '培训' });
    expect(d.current.rating).toBe('noOpenObligation');
    expect(d.current.context.obligations.map((o) => o.status)).toEqual(['explained', 'rectified']);
  });

  it('Art. 36: a callback after 48 hours and a rectification after 15 days are marked overdue (once) and recorded late', () => {
    const d = completed().given([
      system,
      { type: 'RateService', caseId: 'c1', level: 4, channel: 'app' },
      '2026-03-03T09:00:00+08:00',
    ]);
    const overdue = (deadline: 'callback' | 'rectification', time: string) =>
      d.send(system, { type: 'MarkObligationOverdue', obligationId: 'c1.o1', deadline }, time);
    expect(
      d.error(
        system,
        { type: 'MarkObligationOverdue', obligationId: 'c1.o1', deadline: 'callback' },
        '2026-03-05T09:00:00+08:00',
      ).code,
    ).toBe('not-allowed-in-state');
    expect(overdue('callback', '2026-03-05T09:00:01+08:00')).toEqual([
      {
        type: 'case.ObligationOverdue',
        data: { obligationId: 'c1.o1', deadline: 'callback', dueAt: '2026-03-05T01:00:00.000Z' },
      },
    ]);
    expect(overdue('callback', '2026-03-05T10:00:00+08:00')).toEqual([]);
    expect(
      d.send(reviewer, { type: 'RecordCallback', obligationId: 'c1.o1', notes: '回访', verified: true })[0]
        .data,
    ).toMatchObject({ late: true });
    expect(overdue('rectification', '2026-03-19T00:00:00+08:00')).toHaveLength(1);
    expect(
      d.send(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '整改' })[0].data,
    ).toMatchObject({ late: true });
    expect(overdue('rectification', '2026-03-20T00:00:00+08:00')).toEqual([]);
  });

  it('ratings have a level 1–5 and a known channel', () => {
    expect(
      completed().error(system, { type: 'RateService', caseId: 'c1', level: 6 as 5, channel: 'app' })
        .errors?.[0].field,
    ).toBe('level');
    expect(completed().error(head, rate(1)).code).toBe('forbidden');
  });
});
