/**
 * 好差评 (decide-rating.ts): each refusal of a rating and of its follow-up by field and catalog code
 * (ADR 15), the stage a rating counts for in each stage of the case, Art. 36's bad rating from
 * level 4 (3 is not bad), and what the events keep. Mutation testing left these open
 * (docs/adr/0014-mutation-testing.md). Received Monday 2026-03-02.
 */
import type { CaseCommand } from '../commands.js';
import { type CaseDriver } from '../testing/case-driver.js';
import { BY_APPLICANT, clerk, reviewer, system } from '../testing/fixtures.js';
import { RATING_CHANNELS, RATING_STAGES } from './decide-rating.js';
import {
  REFUSAL,
  accepted,
  approved,
  at,
  atDecision,
  completed,
  deny,
  issued,
  oneStep,
  received,
  rulesOf,
} from '../testing/scenarios.js';

const rate = (level: unknown, over: Record<string, unknown> = {}): CaseCommand =>
  ({ type: 'RateService', caseId: 'c1', level, channel: 'window-device', ...over }) as CaseCommand;

/** Rated 4 (bad) on 2026-03-03 09:00 China time: call back by 03-05 09:00, rectify by 03-18. */
const rated = () =>
  completed(oneStep()).given([system, rate(4, { channel: 'app' }), at('2026-03-03', '09:00')]);

describe('RateService: refusals by field and catalog code', () => {
  it('a level outside 1–5 or not whole, a channel and a stage not in their lists', () => {
    for (const level of [0, 6, 2.5]) {
      expect(rulesOf(completed(oneStep()).error(system, rate(level)))).toEqual([
        { field: 'level', code: 'integer-range', params: { min: 1, max: 5 } },
      ]);
    }
    const error = completed(oneStep()).error(system, rate(1, { channel: 'fax', stage: 'lunch' }));
    expect(rulesOf(error)).toEqual([
      {
        field: 'channel',
        code: 'one-of',
        params: { allowed: ['window-device', 'qr-code', 'sms', 'hotline-12345', 'app', 'portal'] },
      },
      {
        field: 'stage',
        code: 'one-of',
        params: { allowed: ['front-desk', 'back-office', 'delivery', 'overall'] },
      },
    ]);
    expect(error.errors?.[1].message).toBe('stage must be one of front-desk, back-office, delivery, overall');
    expect(RATING_CHANNELS).toHaveLength(6);
    expect(RATING_STAGES).toHaveLength(4);
    for (const channel of RATING_CHANNELS) {
      expect(completed(oneStep()).send(system, rate(2, { channel }))[0].data).toMatchObject({ channel });
    }
    for (const level of [1, 5])
      expect(completed(oneStep()).send(system, rate(level))[0].data).toMatchObject({ level });
  });

  it('Art. 37: the back office before acceptance and delivery before the result are refused, each with its code', () => {
    expect(received(oneStep()).error(clerk, rate(1, { stage: 'back-office' }))).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'frontDesk.received',
      reason: { code: 'not-allowed-in-state.rating-before-acceptance' },
      message: 'The back office cannot be rated: the case has not been accepted',
    });
    expect(approved(oneStep()).error(clerk, rate(1, { stage: 'delivery' }))).toMatchObject({
      code: 'not-allowed-in-state',
      reason: { code: 'not-allowed-in-state.rating-before-result' },
      message: 'Delivery cannot be rated: no result has been issued',
    });
    expect(accepted(oneStep()).send(clerk, rate(1, { stage: 'back-office' }))[0].data).toMatchObject({
      stage: 'back-office',
    });
    expect(issued(oneStep()).send(clerk, rate(1, { stage: 'delivery' }))[0].data).toMatchObject({
      stage: 'delivery',
    });
  });

  it('一次一评 and 一事一评 refused twice with the already-rated code, by their own words', () => {
    const visit = received(oneStep()).given([clerk, rate(2)]);
    expect(visit.error(clerk, rate(2, { stage: 'front-desk' }))).toMatchObject({
      reason: { code: 'not-allowed-in-state.already-rated' },
      message: 'Visit 1 has already been rated (一次一评)',
    });
    // A visit's rating and the case's overall one are apart.
    expect(visit.send(clerk, rate(3, { stage: 'overall' }))[0].data).not.toHaveProperty('visit');
    expect(visit.error(clerk, rate(3, { stage: 'overall' }))).toMatchObject({
      reason: { code: 'not-allowed-in-state.already-rated' },
      message: 'The case has already been rated (一事一评)',
    });
  });
});

describe('the stage a rating counts for, by the stage the case is in', () => {
  it('front desk, back office, delivery; the whole case once it has ended', () => {
    const stageOf = (d: CaseDriver) => d.send(clerk, rate(2))[0].data;
    expect(stageOf(received(oneStep()))).toMatchObject({ stage: 'front-desk', visit: 1 });
    expect(stageOf(accepted(oneStep()))).toMatchObject({ stage: 'back-office', visit: 1 });
    expect(stageOf(issued(oneStep()))).toMatchObject({ stage: 'delivery', visit: 1 });
    expect(stageOf(completed(oneStep()))).toMatchObject({ stage: 'overall' });
    const refused = received(oneStep()).given([clerk, REFUSAL]);
    expect(stageOf(refused)).toMatchObject({ stage: 'overall' });
    const withdrawn = received(oneStep()).given([
      clerk,
      { type: 'WithdrawCase', caseId: 'c1', reason: '撤回' },
    ]);
    expect(stageOf(withdrawn)).toMatchObject({ stage: 'overall' });
    const denied = deny(atDecision(oneStep())).given(
      [clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }],
      [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }],
    );
    expect(denied.current.stage).toBe('denied');
    expect(stageOf(denied)).toMatchObject({ stage: 'overall' });
  });
});

describe('Art. 36: a bad rating is level 4 or 5, and opens the follow-up', () => {
  it('level 3 is not bad and opens nothing; level 4 is bad', () => {
    const three = completed(oneStep()).send(system, rate(3));
    expect(three.map((e) => e.type)).toEqual(['case.Rated']);
    expect(three[0].data).toMatchObject({ bad: false });
    expect(
      completed(oneStep())
        .send(system, rate(4))
        .map((e) => e.type),
    ).toEqual(['case.Rated', 'case.ObligationOpened']);
  });

  it('the rating keeps its number, channel, comment only when given, and the instant', () => {
    expect(
      completed(oneStep()).send(system, rate(2, { comment: '很好' }), at('2026-03-03', '09:00'))[0].data,
    ).toEqual({
      n: 1,
      level: 2,
      bad: false,
      channel: 'window-device',
      stage: 'overall',
      comment: '很好',
      ratedAt: '2026-03-03T01:00:00.000Z',
    });
    expect(completed(oneStep()).send(system, rate(2, { comment: '' }))[0].data).not.toHaveProperty('comment');
  });

  it('the second bad rating opens the second obligation, numbered after the first', () => {
    const d = rated();
    const [, opened] = d.send(clerk, rate(5, { stage: 'delivery' }), at('2026-03-03', '10:00'));
    expect(opened).toMatchObject({
      type: 'case.ObligationOpened',
      data: { obligationId: 'c1.o2', n: 2, ratingN: 2 },
    });
  });
});

describe('the follow-up: refusals by field and catalog code', () => {
  it('a callback needs its notes and whether the complaint was verified', () => {
    expect(
      rulesOf(
        rated().error(reviewer, {
          type: 'RecordCallback',
          obligationId: 'c1.o1',
          notes: ' ',
          verified: 'yes',
        } as never),
      ),
    ).toEqual([
      { field: 'notes', code: 'required' },
      { field: 'verified', code: 'boolean' },
    ]);
    expect(
      rated().error(reviewer, {
        type: 'RecordCallback',
        obligationId: 'c1.o1',
        notes: 'x',
        verified: 1,
      } as never).errors?.[0].message,
    ).toBe('verified must be true or false');
    expect(
      rated().send(
        reviewer,
        { type: 'RecordCallback', obligationId: 'c1.o1', notes: '已回访', verified: false },
        at('2026-03-04'),
      )[0].data,
    ).toEqual({
      obligationId: 'c1.o1',
      notes: '已回访',
      verified: false,
      calledAt: '2026-03-04T02:00:00.000Z',
      late: false,
    });
  });

  it('a rectification needs its measures, an explanation its words', () => {
    const called = () =>
      rated().given([
        reviewer,
        { type: 'RecordCallback', obligationId: 'c1.o1', notes: '回访', verified: true },
      ]);
    expect(
      rulesOf(called().error(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '' })),
    ).toEqual([{ field: 'measures', code: 'required' }]);
    expect(
      rulesOf(
        called().error(reviewer, { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: ' ' }),
      ),
    ).toEqual([{ field: 'explanation', code: 'required' }]);
    expect(
      called().send(
        reviewer,
        { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: '无依据' },
        at('2026-03-18'),
      )[0].data,
    ).toEqual({
      obligationId: 'c1.o1',
      explanation: '无依据',
      explainedAt: '2026-03-18T02:00:00.000Z',
      late: false,
    });
  });

  it('Art. 36: the rectification deadline is not marked overdue on the 15th day (03-18) itself, with the due day named', () => {
    const error = rated().error(
      system,
      { type: 'MarkObligationOverdue', obligationId: 'c1.o1', deadline: 'rectification' },
      at('2026-03-18', '23:59'),
    );
    expect(error.message).toBe('The rectification is due by 2026-03-18; not late yet');
    expect(
      rated().send(
        system,
        { type: 'MarkObligationOverdue', obligationId: 'c1.o1', deadline: 'rectification' },
        at('2026-03-19', '00:00'),
      ),
    ).toEqual([
      {
        type: 'case.ObligationOverdue',
        data: { obligationId: 'c1.o1', deadline: 'rectification', dueAt: '2026-03-18' },
      },
    ]);
  });
});
