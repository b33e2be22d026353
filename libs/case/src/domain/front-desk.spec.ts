/**
 * 前台综合受理 — given the commands so far, when a command, then these events (or this error).
 * Dates: Monday 2026-03-02 receipt; 5 working days later is 2026-03-09; 20 is 2026-03-30.
 */
import { WorkingCalendar } from '@one-window/calendar';
import { CaseDriver } from '../testing/case-driver.js';
import {
  application,
  approver,
  clerk,
  head,
  incompleteApplication,
  otherClerk,
  system,
} from '../testing/fixtures.js';
import { decide } from './decide.js';
import { allowedCommands } from './allowed-commands.js';
import { DEFAULT_CASE_POLICY } from './policy.js';
import {
  ACCEPTED_ON_RECEIPT_DAY,
  CORRECTION_REQUEST,
  CORRECTION_SUBMITTED,
  DEFICIENCY_ACCEPTANCE,
  at,
  correctionRequest,
  received,
  receivedIncomplete,
} from '../testing/scenarios.js';

describe('receiving an application', () => {
  it('records the guide version, the missing materials, the green channel and the Art. 32 correction-notice deadline', () => {
    const d = new CaseDriver();
    const [event] = d.send(
      clerk,
      { ...incompleteApplication(), greenChannel: true, appointmentId: 'appt-7' },
      at('2026-03-02'),
    );
    expect(event).toMatchObject({
      type: 'case.Received',
      data: {
        hall: 'hall-150102',
        guideVersion: 2,
        missingMaterials: ['safety-rules', 'staff-health'],
        greenChannel: true,
        appointmentId: 'appt-7',
        receivedOn: '2026-03-02',
        correctionNoticeDueBy: '2026-03-09',
      },
    });
    expect(d.current.status).toBe('frontDesk.received');
  });

  it('Art. 11(5): a shared-source material is not asked of the applicant who authorized sharing; without authorization it is missing', () => {
    const authorized = new CaseDriver().send(clerk, application(), at('2026-03-02'))[0];
    const unauthorized = new CaseDriver().send(
      clerk,
      application({ sharingAuthorized: false }),
      at('2026-03-02'),
    )[0];
    expect(authorized.type === 'case.Received' && authorized.data.missingMaterials).toEqual([]);
    expect(unauthorized.type === 'case.Received' && unauthorized.data.missingMaterials).toEqual([
      'business-licence',
    ]);
  });

  it('Art. 11(5): a material is fetched by data sharing ("shared") only with the applicant\'s authorization, and only where the guide holds it there', () => {
    const shared = { code: 'business-licence', form: 'shared' as const };
    const unauthorized = new CaseDriver().error(
      clerk,
      application({ sharingAuthorized: false, materials: [...application().materials, shared] }),
    );
    expect(unauthorized).toMatchObject({ code: 'invalid-command' });
    expect(unauthorized.errors).toEqual([
      {
        field: `materials[${application().materials.length}].form`,
        message: expect.stringContaining('Art. 11(5)'),
      },
    ]);
    // With authorization it counts as supplied; handed in by the applicant it always does.
    const authorized = new CaseDriver().send(
      clerk,
      application({ materials: [...application().materials, shared] }),
      at('2026-03-02'),
    )[0];
    expect(authorized.type === 'case.Received' && authorized.data.missingMaterials).toEqual([]);
    const handedIn = new CaseDriver().send(
      clerk,
      application({
        sharingAuthorized: false,
        materials: [...application().materials, { code: 'business-licence', form: 'copy' }],
      }),
      at('2026-03-02'),
    )[0];
    expect(handedIn.type === 'case.Received' && handedIn.data.missingMaterials).toEqual([]);
    // A material the applicant must bring cannot be "fetched".
    const notShared = application().materials[0];
    expect(
      new CaseDriver().error(clerk, application({ materials: [{ code: notShared.code, form: 'shared' }] }))
        .errors,
    ).toEqual([
      { field: 'materials[0].form', message: expect.stringContaining('the applicant hands it in') },
    ]);
  });

  it('refuses a material the guide does not list, a clerk of another hall, and an unknown item', () => {
    expect(
      new CaseDriver().error(clerk, application({ materials: [{ code: 'other', form: 'copy' }] })),
    ).toMatchObject({
      code: 'invalid-command',
      errors: [{ field: 'materials[0].code' }],
    });
    expect(new CaseDriver().error(otherClerk, application({ hall: 'hall-150102' })).code).toBe('forbidden');
    expect(() =>
      decide(null, application(), {
        now: new Date(),
        actor: clerk,
        calendar: WorkingCalendar.create(),
        ids: { caseId: 'x', caseNumber: 'n' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid-command',
        errors: [expect.objectContaining({ field: 'itemCode' })],
      }),
    );
    expect(new CaseDriver().error(approver, application()).code).toBe('forbidden');
  });
});

describe('Administrative Licensing Law Art. 32 — accept, correct or refuse', () => {
  it('Art. 32: a complete application is accepted with a voucher; the decision clock starts at acceptance (Art. 42: 20 working days)', () => {
    const d = received();
    const events = d.send(clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-03-04'));
    expect(events).toEqual([
      {
        type: 'case.Accepted',
        data: {
          acceptedOn: '2026-03-04',
          statutoryDueDate: '2026-04-01',
          promisedDueDate: '2026-03-18',
          voucherNumber: '150102-20260302-0001-A',
        },
      },
      expect.objectContaining({
        type: 'case.TaskCreated',
        data: expect.objectContaining({ taskId: 'c1.t1', step: 'review' }),
      }),
    ]);
    expect(d.current.status).toBe('backOffice.underReview');
  });

  it('Art. 32, 42, 82: accepted 2025-09-26 → due 20 working days later on 2025-10-30, across National Day and its make-up days', () => {
    const d = new CaseDriver().given([clerk, application(), at('2025-09-26')]);
    const [accepted] = d.send(clerk, { type: 'AcceptCase', caseId: 'c1' });
    expect(accepted.data).toMatchObject({ acceptedOn: '2025-09-26', statutoryDueDate: '2025-10-30' });
  });

  it('Art. 32: an application with materials missing is not simply accepted — correct it or accept with deficiency', () => {
    expect(receivedIncomplete().error(clerk, { type: 'AcceptCase', caseId: 'c1' })).toMatchObject({
      code: 'not-allowed-in-state',
      allowed: expect.arrayContaining(['AcceptWithDeficiency', 'RequestCorrection']),
      message: expect.stringContaining('safety-rules, staff-health'),
    });
  });

  it('Art. 32: refusal (不予受理) is in writing, with its legal basis and the competent agency, and ends the case', () => {
    const d = received();
    const [refused] = d.send(clerk, {
      type: 'RefuseCase',
      caseId: 'c1',
      reason: '不属于本机关职权范围',
      legalBasis: '《行政许可法》第三十二条第一款第（二）项',
      competentAgency: '呼和浩特市市场监督管理局',
    });
    expect(refused).toMatchObject({
      type: 'case.Refused',
      data: { voucherNumber: '150102-20260302-0001-R', refusedOn: '2026-03-02' },
    });
    expect(d.current.status).toBe('refused');
    expect(d.error(clerk, { type: 'AcceptCase', caseId: 'c1' })).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'refused',
    });
  });

  it('Art. 32: the correction notice is one complete notice listing every missing material (一次性告知)', () => {
    const d = receivedIncomplete();
    const partial = d.error(clerk, correctionRequest({ 'safety-rules': '缺' }));
    expect(partial).toMatchObject({
      code: 'invalid-command',
      message: expect.stringContaining('staff-health'),
    });
    const [notice] = d.send(
      clerk,
      correctionRequest({ 'safety-rules': '未提交', 'staff-health': '未提交', layout: '未签字' }),
    );
    expect(notice).toMatchObject({
      type: 'case.CorrectionRequested',
      data: { requestedOn: '2026-03-02', correctBy: '2026-03-16' },
    });
    expect(d.current.status).toBe('frontDesk.correctionRequested');
  });

  it('Art. 32: no second correction notice after the resubmission — accept or refuse', () => {
    const d = receivedIncomplete().given(
      [clerk, CORRECTION_REQUEST],
      [
        clerk,
        { type: 'SubmitCorrection', caseId: 'c1', materials: [{ code: 'safety-rules', form: 'original' }] },
        at('2026-03-05'),
      ],
    );
    const error = d.error(clerk, correctionRequest({ 'staff-health': '缺' }));
    expect(error).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'frontDesk.correctionSubmitted',
      message: expect.stringContaining('一次性告知'),
    });
    // staff-health is still missing, so plain acceptance is not offered either.
    expect(error.allowed).toEqual(['AcceptWithDeficiency', 'RefuseCase', 'WithdrawCase', 'RateService']);
  });

  it('Art. 32: no correction notice within 5 working days → deemed accepted from the day of receipt', () => {
    const d = receivedIncomplete();
    expect(d.error(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-09', '23:59'))).toMatchObject({
      code: 'not-allowed-in-state',
    });
    const events = d.send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-10', '00:00'));
    expect(events[0]).toEqual({
      type: 'case.DeemedAccepted',
      data: { ...ACCEPTED_ON_RECEIPT_DAY, noticeDueBy: '2026-03-09' },
    });
    expect(events[1]).toMatchObject({ type: 'case.TaskCreated', data: { createdOn: '2026-03-02' } });
    expect(d.current.status).toBe('backOffice.underReview');
  });

  it('Art. 32: a correction notice after the 5 working days is refused — the case already counts as accepted', () => {
    const d = receivedIncomplete();
    const error = d.error(clerk, CORRECTION_REQUEST, at('2026-03-10'));
    expect(error).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('counts as accepted from 2026-03-02'),
    });
  });

  it('Art. 32: a clerk accepting after the 5 working days dates the acceptance from receipt', () => {
    const [accepted] = received().send(clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-03-12'));
    expect(accepted).toMatchObject({
      type: 'case.DeemedAccepted',
      data: { acceptedOn: '2026-03-02', statutoryDueDate: '2026-03-30' },
    });
  });

  it('Art. 32: a deemed-acceptance timer for a case that got its notice in time decides nothing', () => {
    const d = receivedIncomplete().given([clerk, CORRECTION_REQUEST, at('2026-03-06')]);
    expect(d.send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-10'))).toEqual([]);
  });

  it('Art. 32: after the corrected materials come in, the agency again has 5 working days, or the case counts as accepted from resubmission', () => {
    const d = receivedIncomplete().given(
      [clerk, CORRECTION_REQUEST],
      [clerk, CORRECTION_SUBMITTED, at('2026-03-05')],
    );
    expect(d.events.at(-1)).toMatchObject({ data: { submittedOn: '2026-03-05', decideBy: '2026-03-12' } });
    const [deemed] = d.send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-13'));
    expect(deemed.data).toMatchObject({ acceptedOn: '2026-03-05', noticeDueBy: '2026-03-12' });
  });

  it('a correction not supplied by its deadline: the application counts as withdrawn, and a late submission is refused', () => {
    const d = receivedIncomplete().given([clerk, { ...CORRECTION_REQUEST, correctBy: '2026-03-20' }]);
    const late = d.error(
      clerk,
      { type: 'SubmitCorrection', caseId: 'c1', materials: [{ code: 'safety-rules', form: 'original' }] },
      at('2026-03-21'),
    );
    expect(late).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('2026-03-20'),
    });
    expect(
      d.error(system, { type: 'MarkCorrectionOverdue', caseId: 'c1' }, at('2026-03-20', '23:00')).code,
    ).toBe('not-allowed-in-state');
    expect(d.send(system, { type: 'MarkCorrectionOverdue', caseId: 'c1' }, at('2026-03-21'))).toEqual([
      { type: 'case.CorrectionOverdue', data: { correctBy: '2026-03-20', withdrawnOn: '2026-03-21' } },
    ]);
    expect(d.current.status).toBe('withdrawn');
    expect(d.current.context.withdrawal).toMatchObject({ deemed: true });
  });
});

describe('容缺受理 — acceptance with deficiency', () => {
  const withDeficiency = (overrides = {}) => ({ ...DEFICIENCY_ACCEPTANCE, ...overrides });

  it('Art. 32 容缺: only non-key materials on the 容缺 list may be missing, against a signed commitment, with a supply-by date', () => {
    const d = receivedIncomplete();
    const [accepted] = d.send(clerk, withDeficiency());
    expect(accepted).toMatchObject({
      type: 'case.AcceptedWithDeficiency',
      data: {
        missing: ['safety-rules', 'staff-health'],
        supplyBy: '2026-03-13',
        commitmentSigned: true,
        promisedDueDate: '2026-03-16',
      },
    });
    expect(d.current.context.deficiency).toEqual({
      missing: ['safety-rules', 'staff-health'],
      supplyBy: '2026-03-13',
      overdue: false,
    });
  });

  it('容缺: a key material cannot be missing; every missing material must be listed; the commitment must be signed', () => {
    const missingKey = new CaseDriver().given([
      clerk,
      application({ materials: [{ code: 'application', form: 'original' }] }),
    ]);
    expect(
      missingKey.error(
        clerk,
        withDeficiency({ missing: [{ code: 'layout' }, { code: 'safety-rules' }, { code: 'staff-health' }] }),
      ),
    ).toMatchObject({
      // A key material missing: 容缺 is not open for this case at all (a state refusal naming it), and
      // it is not offered among the allowed commands — the correction notice is.
      code: 'not-allowed-in-state',
      message: expect.stringMatching(/layout cannot be deferred/i),
      allowed: expect.arrayContaining(['RequestCorrection']),
    });
    expect(
      allowedCommands(missingKey.current, {
        now: new Date('2026-03-02T02:00:00Z'),
        actor: clerk,
        calendar: WorkingCalendar.create(),
        policy: DEFAULT_CASE_POLICY,
      }).map((c) => c.type),
    ).not.toContain('AcceptWithDeficiency');
    expect(
      receivedIncomplete().error(clerk, withDeficiency({ missing: [{ code: 'safety-rules' }] })).message,
    ).toContain('staff-health');
    expect(receivedIncomplete().error(clerk, withDeficiency({ commitmentSigned: false })).errors).toEqual([
      expect.objectContaining({ field: 'commitmentSigned' }),
    ]);
  });

  it('容缺: the supply-by date is after today and not after the promised due date', () => {
    expect(receivedIncomplete().error(clerk, withDeficiency({ supplyBy: '2026-03-17' })).message).toContain(
      '2026-03-16',
    );
    expect(receivedIncomplete().error(clerk, withDeficiency({ supplyBy: '2026-03-02' })).message).toContain(
      'after today',
    );
    expect(
      receivedIncomplete().error(clerk, withDeficiency({ supplyBy: '2026-02-30' })).errors?.[0].field,
    ).toBe('supplyBy');
  });

  it('容缺: materials are supplied one by one; what remains stays open', () => {
    const d = receivedIncomplete().given([clerk, withDeficiency()]);
    const [supplied] = d.send(
      clerk,
      { type: 'SupplyDeficiency', caseId: 'c1', materials: [{ code: 'safety-rules', form: 'original' }] },
      at('2026-03-05'),
    );
    expect(supplied).toMatchObject({ data: { remaining: ['staff-health'], late: false } });
    expect(
      d.error(clerk, {
        type: 'SupplyDeficiency',
        caseId: 'c1',
        materials: [{ code: 'layout', form: 'original' }],
      }).code,
    ).toBe('invalid-command');
  });

  it('容缺: deficiency not supplied by its supply-by date is marked overdue (once); a late supply is recorded late', () => {
    const d = receivedIncomplete().given([clerk, withDeficiency()]);
    expect(d.error(system, { type: 'MarkDeficiencyOverdue', caseId: 'c1' }, at('2026-03-13')).code).toBe(
      'not-allowed-in-state',
    );
    expect(d.send(system, { type: 'MarkDeficiencyOverdue', caseId: 'c1' }, at('2026-03-14'))).toEqual([
      {
        type: 'case.DeficiencyOverdue',
        data: { supplyBy: '2026-03-13', missing: ['safety-rules', 'staff-health'] },
      },
    ]);
    expect(d.send(system, { type: 'MarkDeficiencyOverdue', caseId: 'c1' })).toEqual([]);
    const [late] = d.send(clerk, {
      type: 'SupplyDeficiency',
      caseId: 'c1',
      materials: [
        { code: 'safety-rules', form: 'original' },
        { code: 'staff-health', form: 'copy' },
      ],
    });
    expect(late.data).toMatchObject({ remaining: [], late: true });
  });
});

describe('撤回 — withdrawal before the decision', () => {
  it('the applicant may withdraw at the front desk', () => {
    const d = received();
    expect(d.send(clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '申请人书面申请撤回' })).toEqual([
      {
        type: 'case.Withdrawn',
        data: { reason: '申请人书面申请撤回', withdrawnOn: '2026-03-02', during: 'frontDesk.received' },
      },
    ]);
    expect(d.current.status).toBe('withdrawn');
  });

  it('Art. 45: the applicant may withdraw during a special procedure; the procedure and the task close', () => {
    const d = received().given(
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [
        approver,
        {
          type: 'StartSpecialProcedure',
          caseId: 'c1',
          kind: 'inspection',
          reason: '现场核查',
          expectedDays: 5,
        },
      ],
    );
    const [withdrawn] = d.send(
      clerk,
      { type: 'WithdrawCase', caseId: 'c1', reason: '不再经营' },
      at('2026-03-04'),
    );
    expect(withdrawn.data).toMatchObject({ during: 'backOffice.specialProcedure' });
    expect(d.current.context.specialProcedures[0]).toMatchObject({ endedOn: '2026-03-04' });
    expect(d.current.context.tasks[0].status).toBe('closed');
  });

  it('no withdrawal after the decision', () => {
    const d = new CaseDriver().given([clerk, application()], [clerk, { type: 'AcceptCase', caseId: 'c1' }]);
    for (const [actor, command] of [
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t2' }],
      [approver, { type: 'PassTask', taskId: 'c1.t2', opinion: '同意' }],
      [head, { type: 'ClaimTask', taskId: 'c1.t3' }],
      [head, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }],
    ] as const) {
      d.send(actor, command);
    }
    expect(d.error(clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '撤回' })).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'delivery.awaitingResult',
    });
  });
});

describe('the calendar is data with a known coverage (Law Art. 82, DOMAIN §5)', () => {
  it('a due date in a year no loaded calendar covers refuses the command instead of guessing Monday–Friday', () => {
    const bare = WorkingCalendar.create([], { builtin: false });
    const error = (() => {
      try {
        decide(null, application(), {
          now: new Date(at('2026-03-02')),
          actor: clerk,
          calendar: bare,
          ids: { caseId: 'c1', caseNumber: 'n' },
          guide: received().guide,
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({
      code: 'calendar-not-covered',
      status: 409,
      message: expect.stringContaining('does not cover 2026'),
    });
  });
});
