/**
 * The query code (查询码): drawn at acceptance from the injected random source, stored in the
 * acceptance event, folded into the case; cases accepted before it have none.
 */
import { CaseDriver } from '../testing/case-driver.js';
import { application, clerk, system } from '../testing/fixtures.js';
import { QUERY_CODE_ALPHABET, drawQueryCode, normalizeQueryCode } from './query-code.js';
import { DEFICIENCY_ACCEPTANCE, at, received, receivedIncomplete } from '../testing/scenarios.js';

describe('the query code', () => {
  it('is six characters of an alphabet without look-alikes (no 0, O, 1, I, L), one draw per character', () => {
    const draws: number[] = [];
    const code = drawQueryCode((n) => {
      draws.push(n);
      return draws.length === 1 ? 0 : n - 1;
    });
    expect(code).toBe('2ZZZZZ');
    expect(draws).toEqual(Array(6).fill(QUERY_CODE_ALPHABET.length));
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(QUERY_CODE_ALPHABET.length);
  });

  it('reads as typed in any case, with spaces or dashes', () => {
    expect(normalizeQueryCode(' k7m-p3q ')).toBe('K7MP3Q');
  });

  it('is recorded by acceptance, 容缺 acceptance and deemed acceptance, and folded into the case', () => {
    const accepted = received();
    accepted.queryCode = 'K7MP3Q';
    const [event] = accepted.send(clerk, { type: 'AcceptCase', caseId: 'c1' });
    expect(event).toMatchObject({ type: 'case.Accepted', data: { queryCode: 'K7MP3Q' } });
    expect(accepted.current.context.acceptance?.queryCode).toBe('K7MP3Q');

    const deficient = receivedIncomplete();
    deficient.queryCode = 'ABCDEF';
    const [withDeficiency] = deficient.send(clerk, DEFICIENCY_ACCEPTANCE);
    expect(withDeficiency).toMatchObject({
      type: 'case.AcceptedWithDeficiency',
      data: { queryCode: 'ABCDEF' },
    });

    const deemed = receivedIncomplete();
    deemed.queryCode = 'HJK234';
    const [deemedEvent] = deemed.send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-10'));
    expect(deemedEvent).toMatchObject({ type: 'case.DeemedAccepted', data: { queryCode: 'HJK234' } });
    expect(deemed.current.context.acceptance?.queryCode).toBe('HJK234');
  });

  it('a later command does not change it: the one drawn at acceptance stays', () => {
    const d = received();
    d.queryCode = 'K7MP3Q';
    d.send(clerk, { type: 'AcceptCase', caseId: 'c1' });
    d.queryCode = 'ZZZZZZ';
    d.send(clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '不再申请' });
    expect(d.current.context.acceptance?.queryCode).toBe('K7MP3Q');
  });

  it('an acceptance stored before query codes folds to none', () => {
    const d = new CaseDriver().given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
    );
    expect(d.events[1].type === 'case.Accepted' && 'queryCode' in d.events[1].data).toBe(false);
    expect(d.current.context.acceptance).toMatchObject({
      voucherNumber: expect.any(String),
      queryCode: null,
    });
  });
});
