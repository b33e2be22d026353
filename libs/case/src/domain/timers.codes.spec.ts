/**
 * The durable scheduler's marks sent before their time (decide-front-desk.ts, decide-rating.ts,
 * decide-timers.ts): each is a 409 not-allowed-in-state with its own catalog code naming the due
 * day, worded in zh and en (ADR 15) — they were 400s with no field and no catalog words, which the
 * console showed as "0 fields need correcting". For each deadline the day before and the day itself
 * are refused and the day after is marked (Law Art. 32, 42; the 办法 Art. 36).
 * Received Monday 2026-03-02 (issue 16, docs/adr/0014-mutation-testing.md).
 */
import { MessageCatalog } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { system } from '../testing/fixtures.js';
import { accepted, at, correctionRequested, deficient, receivedIncomplete } from '../testing/scenarios.js';

const catalog = new MessageCatalog();

/** Rated 4 (bad) for the front desk on 2026-03-03 09:00 China time: call back by 03-05 09:00, rectify by 03-18. */
const rated = () =>
  receivedIncomplete().given([
    system,
    { type: 'RateService', caseId: 'c1', level: 4, channel: 'app', stage: 'front-desk' },
    at('2026-03-03', '09:00'),
  ]);

/** The refusal of a mark sent too early: its state, catalog code and params, and its zh and en words. */
const refusal = (driver: () => ReturnType<typeof accepted>, command: CaseCommand, time: string) => {
  const error = driver().error(system, command, time);
  expect(error.status).toBe(409);
  const words = (lang: 'zh' | 'en') => catalog.problemDetail(lang, error.reason ?? { code: 'none' });
  return { code: error.code, state: error.state, reason: error.reason, zh: words('zh'), en: words('en') };
};

describe('Law Art. 32: deemed accepted only after the 5 working days for a correction notice (due 2026-03-09)', () => {
  const deem: CaseCommand = { type: 'DeemAccepted', caseId: 'c1' };
  it('refused the day before (03-08) and on the 5th working day itself, naming it; deemed the day after', () => {
    for (const day of ['2026-03-08', '2026-03-09']) {
      expect(refusal(receivedIncomplete, deem, at(day, '23:59'))).toEqual({
        code: 'not-allowed-in-state',
        state: 'frontDesk.received',
        reason: { code: 'not-allowed-in-state.notice-not-overdue', params: { noticeDueBy: '2026-03-09' } },
        zh: '一次性告知补正的期限至 2026-03-09 届满（《行政许可法》第三十二条：收件后 5 个工作日内），尚未逾期，不能视为受理。',
        en: 'A correction notice may still be given until 2026-03-09 (Law Art. 32: within 5 working days of receipt): the case is not deemed accepted yet.',
      });
    }
    expect(receivedIncomplete().send(system, deem, at('2026-03-10', '00:00'))[0]).toMatchObject({
      type: 'case.DeemedAccepted',
      data: { acceptedOn: '2026-03-02', noticeDueBy: '2026-03-09' },
    });
  });
});

describe('the correction notice’s deadline: the application counts as withdrawn only the day after it', () => {
  const mark: CaseCommand = { type: 'MarkCorrectionOverdue', caseId: 'c1' };
  it('refused the day before and on the due day itself, naming it; marked the day after', () => {
    const correctBy = correctionRequested().current.context.correction?.correctBy ?? '';
    expect(correctBy).toBe('2026-03-16');
    for (const day of ['2026-03-15', '2026-03-16']) {
      expect(refusal(correctionRequested, mark, at(day, '23:59'))).toEqual({
        code: 'not-allowed-in-state',
        state: 'frontDesk.correctionRequested',
        reason: { code: 'not-allowed-in-state.correction-not-overdue', params: { correctBy } },
        zh: '补正期限至 2026-03-16 届满，尚未逾期，不能视为撤回申请。',
        en: 'The correction is due by 2026-03-16: it is not overdue yet, so the application is not deemed withdrawn.',
      });
    }
    expect(correctionRequested().send(system, mark, at('2026-03-17', '00:00'))).toEqual([
      { type: 'case.CorrectionOverdue', data: { correctBy, withdrawnOn: '2026-03-17' } },
    ]);
  });
});

describe('容缺受理: the deferred materials are overdue only the day after their supply-by day (2026-03-13)', () => {
  const mark: CaseCommand = { type: 'MarkDeficiencyOverdue', caseId: 'c1' };
  it('refused the day before and on 03-13 itself, naming it; marked the day after', () => {
    for (const day of ['2026-03-12', '2026-03-13']) {
      const words = refusal(deficient, mark, at(day, '23:59'));
      expect(words).toMatchObject({
        code: 'not-allowed-in-state',
        reason: { code: 'not-allowed-in-state.deficiency-not-overdue', params: { supplyBy: '2026-03-13' } },
        zh: '容缺材料应于 2026-03-13 前补齐，尚未逾期。',
        en: 'The deferred materials are due by 2026-03-13: they are not overdue yet.',
      });
      expect(words.state).toMatch(/^backOffice\./);
    }
    expect(deficient().send(system, mark, at('2026-03-14', '00:00'))).toEqual([
      {
        type: 'case.DeficiencyOverdue',
        data: { supplyBy: '2026-03-13', missing: ['safety-rules', 'staff-health'] },
      },
    ]);
  });
});

describe('办法 Art. 36: a bad rating is called back within 48 hours and rectified within 15 days', () => {
  const mark = (deadline: 'callback' | 'rectification'): CaseCommand => ({
    type: 'MarkObligationOverdue',
    obligationId: 'c1.o1',
    deadline,
  });
  it('the callback: refused an hour before and at exactly 48 hours (03-05 09:00), naming the time; marked a second after', () => {
    for (const time of ['2026-03-05T08:00:00+08:00', '2026-03-05T09:00:00+08:00']) {
      expect(refusal(rated, mark('callback'), time)).toMatchObject({
        code: 'not-allowed-in-state',
        reason: {
          code: 'not-allowed-in-state.obligation-not-overdue',
          params: { deadline: 'callback', dueAt: '2026-03-05T01:00:00.000Z' },
        },
        zh: '差评应于 2026-03-05 09:00 前回访核实（48 小时内），尚未逾期。',
        en: 'The bad rating is to be called back by 2026-03-05 09:00 (within 48 hours): it is not overdue yet.',
      });
    }
    expect(rated().send(system, mark('callback'), '2026-03-05T09:00:01+08:00')).toEqual([
      {
        type: 'case.ObligationOverdue',
        data: { obligationId: 'c1.o1', deadline: 'callback', dueAt: '2026-03-05T01:00:00.000Z' },
      },
    ]);
  });

  it('the rectification: refused the day before and on the 15th day (03-18) itself, naming it; marked the day after', () => {
    for (const day of ['2026-03-17', '2026-03-18']) {
      expect(refusal(rated, mark('rectification'), at(day, '23:59'))).toMatchObject({
        reason: {
          code: 'not-allowed-in-state.obligation-not-overdue',
          params: { deadline: 'rectification', dueAt: '2026-03-18' },
        },
        zh: '差评应于 2026-03-18 前整改或解释（15 日内），尚未逾期。',
        en: 'The bad rating is to be rectified or explained by 2026-03-18 (within 15 days): it is not overdue yet.',
      });
    }
    expect(rated().send(system, mark('rectification'), at('2026-03-19', '00:00'))).toEqual([
      {
        type: 'case.ObligationOverdue',
        data: { obligationId: 'c1.o1', deadline: 'rectification', dueAt: '2026-03-18' },
      },
    ]);
  });
});

describe('Law Art. 42: the decision limits (statutory due 2026-03-30) warned within 3 working days, overdue after', () => {
  const warn: CaseCommand = { type: 'MarkDecisionWarning', caseId: 'c1', limit: 'statutory' };
  const overdue: CaseCommand = { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' };
  it('the warning: refused with 4 working days left (03-24), naming the due day and the days; taken with 3 (03-25) and 2 (03-26)', () => {
    expect(refusal(accepted, warn, at('2026-03-24'))).toEqual({
      code: 'not-allowed-in-state',
      state: 'backOffice.underReview',
      reason: {
        code: 'not-allowed-in-state.decision-warning-early',
        params: { limit: 'statutory', dueDate: '2026-03-30', workingDaysLeft: 4, warningWorkingDays: 3 },
      },
      zh: '法定时限 2026-03-30，还剩 4 个工作日；剩 3 个工作日以内才预警。',
      en: 'The statutory limit is 2026-03-30, 4 working days away: the warning comes within 3 working days.',
    });
    for (const [day, workingDaysLeft] of [
      ['2026-03-25', 3],
      ['2026-03-26', 2],
    ] as const) {
      expect(accepted().send(system, warn, at(day))).toEqual([
        {
          type: 'case.DecisionWarning',
          data: { limit: 'statutory', dueDate: '2026-03-30', workingDaysLeft },
        },
      ]);
    }
  });

  it('overdue: refused the day before (03-29) and on the due day itself, naming it; marked the day after', () => {
    for (const day of ['2026-03-29', '2026-03-30']) {
      expect(refusal(accepted, overdue, at(day, '23:59'))).toMatchObject({
        code: 'not-allowed-in-state',
        reason: {
          code: 'not-allowed-in-state.decision-not-overdue',
          params: { limit: 'statutory', dueDate: '2026-03-30' },
        },
        zh: '法定时限 2026-03-30 尚未届满，尚未逾期。',
        en: 'The statutory limit 2026-03-30 has not passed: it is not overdue yet.',
      });
    }
    expect(accepted().send(system, overdue, at('2026-03-31', '00:00'))).toEqual([
      { type: 'case.DecisionOverdue', data: { limit: 'statutory', dueDate: '2026-03-30' } },
    ]);
  });
});
