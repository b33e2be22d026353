/**
 * 综合窗口出件 (decide-delivery.ts): every refusal of issuing, dispatching and delivering the result
 * by the field it names and its catalog code (ADR 15), and Law Art. 44's ten working days for
 * issuing an approved result, on the day itself, the day before and the day after. Mutation testing
 * left these open (docs/adr/0014-mutation-testing.md): the older specs read only the words.
 */
import type { CaseCommand } from '../commands.js';
import { BY_APPLICANT, clerk, system } from '../testing/fixtures.js';
import { approved, at, atDecision, deny, oneStep, rulesOf } from '../testing/scenarios.js';

/** The one-step guide (no courier delivery), approved on Monday 2026-03-02. */
const approvedOneStep = () => approved(oneStep());
/** The same case denied on 2026-03-02: the written denial goes straight to dispatch. */
const denied = () => deny(atDecision(oneStep()));
/** The three-step guide (courier delivery offered), approved on 2026-03-02. */
const approvedByCourierGuide = () => approved();

const issue = (over: Record<string, unknown> = {}): CaseCommand => ({
  type: 'IssueResult',
  caseId: 'c1',
  certificateNumber: 'GT-0001',
  electronic: true,
  ...over,
});
const issued = (electronic = true) => approvedOneStep().given([clerk, issue({ electronic })]);

describe('IssueResult: refusals by field and catalog code', () => {
  it('an empty certificate number is required, an electronic flag that is not a boolean is refused', () => {
    const error = approvedOneStep().error(clerk, issue({ certificateNumber: ' ', electronic: 'yes' }));
    expect(error.code).toBe('invalid-command');
    expect(rulesOf(error)).toEqual([
      { field: 'certificateNumber', code: 'required' },
      { field: 'electronic', code: 'boolean' },
    ]);
    expect(error.errors?.map((e) => e.message)).toEqual([
      'certificateNumber must not be empty',
      'electronic must be true or false',
    ]);
  });

  it('electronic false is a sound answer: a paper certificate', () => {
    expect(approvedOneStep().send(clerk, issue({ electronic: false }))[0].data).toMatchObject({
      electronic: false,
    });
  });

  it('validUntil must be a date, and after the day of issue: today (2026-03-02) and the day before are refused, the day after is kept', () => {
    expect(rulesOf(approvedOneStep().error(clerk, issue({ validUntil: '2031-02-30' })))).toEqual([
      { field: 'validUntil', code: 'date' },
    ]);
    for (const day of ['2026-03-02', '2026-03-01']) {
      const error = approvedOneStep().error(clerk, issue({ validUntil: day }), at('2026-03-02'));
      expect(rulesOf(error)).toEqual([
        { field: 'validUntil', code: 'after-today', params: { today: '2026-03-02' } },
      ]);
      expect(error.errors?.[0].message).toBe('validUntil must be after today');
    }
    expect(
      approvedOneStep().send(clerk, issue({ validUntil: '2026-03-03' }), at('2026-03-02'))[0].data,
    ).toEqual({
      certificateNumber: 'GT-0001',
      validUntil: '2026-03-03',
      electronic: true,
      issuedOn: '2026-03-02',
      late: false,
    });
  });

  it('no validUntil: the event carries none', () => {
    expect(approvedOneStep().send(clerk, issue())[0].data).not.toHaveProperty('validUntil');
  });
});

describe('Law Art. 44: an approved result is issued within 10 working days (approved Monday 2026-03-02: due Monday 2026-03-16)', () => {
  it('the approval records the 10th working day as the result’s due day', () => {
    expect(approvedOneStep().current.context.decision?.resultDueBy).toBe('2026-03-16');
  });

  it('issued the working day before (Friday 03-13) and on the 10th working day itself: on time; the day after (03-17): late', () => {
    const late = (day: string) => approvedOneStep().send(clerk, issue(), at(day))[0].data;
    expect(late('2026-03-13')).toMatchObject({ issuedOn: '2026-03-13', late: false });
    expect(late('2026-03-16')).toMatchObject({ issuedOn: '2026-03-16', late: false });
    expect(late('2026-03-17')).toMatchObject({ issuedOn: '2026-03-17', late: true });
  });

  it('the overdue mark is refused the day before and on the due day, with its code and the due day (Art. 44); the day after it is recorded once', () => {
    const mark: CaseCommand = { type: 'MarkResultIssueOverdue', caseId: 'c1' };
    for (const day of ['2026-03-13', '2026-03-16']) {
      const error = approvedOneStep().error(system, mark, at(day));
      expect(error).toMatchObject({
        code: 'not-allowed-in-state',
        state: 'delivery.awaitingResult',
        reason: { code: 'not-allowed-in-state.result-not-overdue', params: { resultDueBy: '2026-03-16' } },
      });
      expect(error.message).toBe('The result is due by 2026-03-16 (Law Art. 44): not late yet');
    }
    const d = approvedOneStep();
    expect(d.send(system, mark, at('2026-03-17'))).toEqual([
      { type: 'case.ResultIssueOverdue', data: { resultDueBy: '2026-03-16' } },
    ]);
    expect(d.send(system, mark, at('2026-03-18'))).toEqual([]);
  });
});

describe('DispatchResult: refusals by field and catalog code', () => {
  it('a method not in the list is refused with the list', () => {
    expect(
      rulesOf(issued().error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'fax' } as never)),
    ).toEqual([
      { field: 'method', code: 'one-of', params: { allowed: ['window', 'courier', 'electronic'] } },
    ]);
  });

  it('courier: refused for a guide without courier delivery, and a tracking number is required', () => {
    expect(
      rulesOf(issued().error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'courier' })),
    ).toEqual([
      { field: 'method', code: 'no-courier' },
      { field: 'trackingNumber', code: 'required' },
    ]);
    const byCourier = approvedByCourierGuide().given([clerk, issue({ electronic: false })]);
    expect(
      rulesOf(byCourier.error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'courier' })),
    ).toEqual([{ field: 'trackingNumber', code: 'required' }]);
    expect(
      byCourier.send(clerk, {
        type: 'DispatchResult',
        caseId: 'c1',
        method: 'courier',
        trackingNumber: 'SF1',
      }),
    ).toEqual([
      {
        type: 'case.Dispatched',
        data: { method: 'courier', trackingNumber: 'SF1', dispatchedOn: '2026-03-02' },
      },
    ]);
  });

  it('electronic: refused for an approved result issued on paper, taken for an electronic certificate and for a written denial', () => {
    expect(
      rulesOf(issued(false).error(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'electronic' })),
    ).toEqual([{ field: 'method', code: 'not-electronic' }]);
    expect(issued(true).send(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'electronic' })).toEqual([
      { type: 'case.Dispatched', data: { method: 'electronic', dispatchedOn: '2026-03-02' } },
    ]);
    expect(
      denied().types(denied().send(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'electronic' })),
    ).toEqual(['case.Dispatched']);
  });

  it('window: neither a tracking number nor an electronic certificate is asked for', () => {
    expect(issued(false).send(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' })).toEqual([
      { type: 'case.Dispatched', data: { method: 'window', dispatchedOn: '2026-03-02' } },
    ]);
  });
});

describe('DeliverResult: who collected, by field and catalog code (送达回证)', () => {
  const dispatched = (method: 'window' | 'electronic' = 'window') =>
    issued().given([clerk, { type: 'DispatchResult', caseId: 'c1', method }]);
  const deliver = (recipient?: unknown): CaseCommand =>
    ({
      type: 'DeliverResult',
      caseId: 'c1',
      ...(recipient === undefined ? {} : { recipient }),
    }) as CaseCommand;

  it('at the window the recipient is required; an electronic delivery needs none', () => {
    const none = dispatched('window').error(clerk, deliver());
    expect(rulesOf(none)).toEqual([{ field: 'recipient', code: 'recipient-required' }]);
    expect(none.errors?.[0].message).toBe('recipient is required: who collected the result at the window');
    expect(rulesOf(dispatched('window').error(clerk, deliver(null)))).toEqual([
      { field: 'recipient', code: 'recipient-required' },
    ]);
    expect(dispatched('electronic').send(clerk, deliver())).toEqual([
      { type: 'case.Delivered', data: { deliveredOn: '2026-03-02', outcome: 'approved' } },
    ]);
  });

  it('collectedBy must be the applicant or an agent; the name, ID type and ID number are required', () => {
    expect(
      rulesOf(
        dispatched().error(clerk, deliver({ collectedBy: 'neighbour', name: '', idType: '', idNumber: '' })),
      ),
    ).toEqual([
      { field: 'recipient.collectedBy', code: 'one-of', params: { allowed: ['applicant', 'agent'] } },
      { field: 'recipient.name', code: 'required' },
      { field: 'recipient.idType', code: 'required' },
      { field: 'recipient.idNumber', code: 'required' },
    ]);
  });

  it('an ID type or number left out is only required: the applicant’s ID is not compared with what is not there', () => {
    const applicant = { collectedBy: 'applicant', name: '呼和浩特市青城餐饮有限公司' };
    for (const [recipient, field] of [
      [{ ...applicant, idType: 'uscc', idNumber: '' }, 'recipient.idNumber'],
      [{ ...applicant, idNumber: '91150102MA00000099' }, 'recipient.idType'],
      [{ ...applicant, idType: 'passport', idNumber: 12345 }, 'recipient.idNumber'],
    ] as const) {
      expect(rulesOf(dispatched().error(clerk, deliver(recipient)))).toEqual([{ field, code: 'required' }]);
    }
  });

  it('a resident ID number with a wrong check digit is refused under its ID type’s rule (GB 11643)', () => {
    const error = dispatched().error(
      clerk,
      deliver({ collectedBy: 'agent', name: '张三', idType: 'resident-id', idNumber: '110105194912310021' }),
    );
    expect(rulesOf(error)).toEqual([{ field: 'recipient.idNumber', code: 'resident-id' }]);
    expect(error.errors?.[0].message).toMatch(/^recipient\.idNumber is not a valid resident ID number/);
  });

  it('the applicant in person must show the applicant’s ID; anyone else collects as an agent, by their own ID', () => {
    const someoneElse = { ...BY_APPLICANT, idNumber: '91150102MA00000099' };
    const error = dispatched().error(clerk, deliver(someoneElse));
    expect(rulesOf(error)).toEqual([{ field: 'recipient.idNumber', code: 'not-the-applicant' }]);
    expect(error.errors?.[0].message).toBe(
      "recipient.idNumber is not the applicant's: someone else collects as an agent",
    );
    const agent = {
      collectedBy: 'agent',
      name: '张三',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
    };
    expect(dispatched().send(clerk, deliver(agent))).toEqual([
      { type: 'case.Delivered', data: { deliveredOn: '2026-03-02', outcome: 'approved', recipient: agent } },
    ]);
    expect(dispatched().send(clerk, deliver(BY_APPLICANT))[0].data).toEqual({
      deliveredOn: '2026-03-02',
      outcome: 'approved',
      recipient: BY_APPLICANT,
    });
  });

  it('a written denial is delivered with its outcome', () => {
    const d = denied().given([clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }]);
    expect(d.send(clerk, deliver(BY_APPLICANT))[0].data).toMatchObject({ outcome: 'denied' });
  });
});
