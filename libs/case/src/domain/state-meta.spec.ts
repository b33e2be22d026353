import { CaseDriver } from '../testing/case-driver.js';
import { application, clerk } from '../testing/fixtures.js';
import { CASE_STATUSES } from './case-state.js';
import { acceptedCommands, CASE_STATUS_INFO } from './state-meta.js';

describe('the statechart describes its own states', () => {
  it('lists every status of the handling region, in order, each with its names', () => {
    expect(CASE_STATUS_INFO.map((s) => s.status)).toEqual([...CASE_STATUSES]);
    for (const info of CASE_STATUS_INFO) {
      expect(info.stage).toBe(info.status.split('.')[0]);
      expect(info.labels.zh).not.toBe(info.status);
      expect(info.stageLabels.en).toBeTruthy();
    }
    expect(CASE_STATUS_INFO.filter((s) => s.ended).map((s) => s.status)).toEqual([
      'completed',
      'refused',
      'withdrawn',
      'denied',
    ]);
  });

  it('answers which commands the active states accept, parents and the rating region included', () => {
    const d = new CaseDriver().given([clerk, application(), '2026-03-02T10:00:00+08:00']);
    const accepted = acceptedCommands(d.current.snapshot);
    for (const type of [
      'AcceptCase',
      'RequestCorrection',
      'WithdrawCase',
      'RateService',
      'DeemAccepted',
    ] as const)
      expect(accepted.has(type)).toBe(true);
    expect(accepted.has('PassTask')).toBe(false);
    expect(d.current.snapshot.hasTag('frontDesk')).toBe(true);
  });

  it('gives each status the tone screens colour it with, from the statechart (the console keeps no list)', () => {
    const tones = Object.fromEntries(CASE_STATUS_INFO.map((s) => [s.status, s.tone]));
    expect(tones).toEqual({
      'frontDesk.received': 'blue',
      'frontDesk.correctionRequested': 'yellow',
      'frontDesk.correctionSubmitted': 'yellow',
      'frontDesk.returnedForCorrection': 'blue',
      'backOffice.underReview': 'blue',
      'backOffice.specialProcedure': 'yellow',
      'delivery.awaitingResult': 'green',
      'delivery.issued': 'green',
      'delivery.dispatched': 'green',
      completed: 'green',
      refused: 'red',
      withdrawn: 'red',
      denied: 'red',
    });
  });
});
