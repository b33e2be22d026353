import { ManualClock } from '@one-window/shared';
import { APPLICANT, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveApi } from '../support/suites.js';

// GB 11643: a sound check digit (…0) and the same number one off (…1).
const AGENT = { collectedBy: 'agent', name: '王芳', idType: 'resident-id', idNumber: '150102199001011230' };

/** 确认领取 over real HTTP: the recipient is checked field by field and recorded in case.Delivered. */
describe('pickup records the recipient (issue 11 item 4)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { w } = serveApi({ clock });

  const atTheWindow = async (): Promise<string> => (await w.atTheWindow()).caseId;

  it('refuses a window pickup without a recipient, and a bad one field by field, with Chinese words', async () => {
    const caseId = await atTheWindow();
    const none = await w.as('clerk1', 'POST', `/api/cases/${caseId}/deliver`, {});
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/recipient', code: 'recipient-required' }),
    ]);
    const bad = await w.as('clerk1', 'POST', `/api/cases/${caseId}/deliver`, {
      recipient: { ...AGENT, idNumber: '150102199001011231' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/recipient/idNumber', code: 'resident-id' }),
    ]);
    const notTheApplicant = await w.as('clerk1', 'POST', `/api/cases/${caseId}/deliver`, {
      recipient: { ...AGENT, collectedBy: 'applicant' },
    });
    expect(notTheApplicant.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/recipient/idNumber', code: 'not-the-applicant' }),
    ]);
    const shape = await w.as('clerk1', 'POST', `/api/cases/${caseId}/deliver`, {
      recipient: { collectedBy: 'neighbour', name: '王芳' },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '#/recipient/collectedBy',
      '#/recipient/idNumber',
      '#/recipient/idType',
    ]);
    for (const answer of [none, bad, notTheApplicant, shape]) {
      // The tests' client asks for English; the Chinese rides beside it (detailZh, ADR 12 and 15).
      const texts = [
        answer.body.detailZh,
        ...answer.body.errors.map((e: { detailZh: string }) => e.detailZh),
      ];
      expect(texts.flatMap(chineseProblems)).toEqual([]);
    }
  });

  it('an agent collects: case.Delivered keeps name, ID type and number; the timeline says it in Chinese', async () => {
    const caseId = await atTheWindow();
    const delivered = await w.ok('clerk1', `/api/cases/${caseId}/deliver`, { recipient: AGENT });
    expect(delivered).toMatchObject({ state: 'completed', events: ['case.Delivered'] });
    const timeline = await w.read('clerk1', `/api/cases/${caseId}/timeline`, delivered);
    const entry = timeline.entries.find((e: { type: string }) => e.type === 'case.Delivered');
    expect(entry.data).toMatchObject({ outcome: 'approved', recipient: AGENT });
    expect(entry.detail.zh).toBe('结果已送达，代理人领取：王芳（居民身份证尾号 1230）');
    expect(entry.detail.en).toBe('Result delivered, collected by an agent: 王芳 (resident ID ending 1230)');
  });

  it('the applicant in person, by the ID they applied with', async () => {
    const caseId = await atTheWindow();
    const delivered = await w.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
    const timeline = await w.read('clerk1', `/api/cases/${caseId}/timeline`, delivered);
    const entry = timeline.entries.find((e: { type: string }) => e.type === 'case.Delivered');
    expect(entry.detail.zh).toBe(
      `结果已送达，申请人本人领取：${APPLICANT.name}（统一社会信用代码尾号 ${APPLICANT.idNumber.slice(-4)}）`,
    );
  });
});
