import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, FOOD_LICENCE_MATERIALS, APPLICANT } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

/**
 * Regulation Art. 11(5): materials held by data sharing or the e-certificate library (申请人授权调用)
 * are fetched with the applicant's authorization only; without it the applicant hands them in.
 */
describe('Art. 11(5) shared and e-certificate materials over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  const own = FOOD_LICENCE_MATERIALS;
  const receipt = (materials: { code: string; form: string }[], sharingAuthorized: boolean) => ({
    itemCode: DEMO_ITEMS.foodBusinessLicence,
    applicant: { ...APPLICANT },
    channel: 'window',
    materials,
    sharingAuthorized,
  });

  it('without authorization the e-certificate material is missing and 受理 is not offered; "fetched" is refused at its form', async () => {
    const guide = await w.guide(DEMO_ITEMS.foodBusinessLicence);
    const shared = guide.materials
      .filter(
        (m: { sourceChannel: string }) =>
          m.sourceChannel === 'electronic-certificate' || m.sourceChannel === 'shared',
      )
      .map((m: { code: string }) => m.code);
    expect(shared.length).toBeGreaterThan(0);

    const head = await server.store.headPosition();
    const fetched = await w.as(
      'clerk1',
      'POST',
      '/api/cases',
      receipt([...own, { code: shared[0], form: 'shared' }], false),
    );
    expect(fetched.status).toBe(400);
    expect(fetched.body.errors).toEqual([
      expect.objectContaining({
        pointer: `#/materials/${own.length}/form`,
        detail: expect.stringContaining('Art. 11(5)'),
      }),
    ]);
    expect(await server.store.headPosition()).toBe(head);

    const unauthorized = await w.ok('clerk1', '/api/cases', receipt(own, false));
    const summary = await w.read('clerk1', `/api/cases/${unauthorized.caseId}`, unauthorized);
    const missing = (summary.materials as { code: string; state: string }[])
      .filter((m) => m.state === 'missing')
      .map((m) => m.code);
    expect(missing).toEqual(expect.arrayContaining(shared));
    const accept = await w.as('clerk1', 'POST', `/api/cases/${unauthorized.caseId}/accept`, {});
    expect(accept.status).toBe(409);
  });

  it('with authorization they count as supplied and 受理 succeeds; handed in by the applicant they count too', async () => {
    const authorized = await w.ok('clerk1', '/api/cases', receipt(own, true));
    expect((await w.as('clerk1', 'POST', `/api/cases/${authorized.caseId}/accept`, {})).status).toBe(200);
    const guide = await w.guide(DEMO_ITEMS.foodBusinessLicence);
    const all = guide.materials
      .filter((m: { sourceChannel: string }) => m.sourceChannel !== 'agency')
      .map((m: { code: string; type: string }) => ({
        code: m.code,
        form: m.type === 'electronic' ? 'copy' : m.type,
      }));
    const handedIn = await w.ok('clerk1', '/api/cases', receipt(all, false));
    expect((await w.as('clerk1', 'POST', `/api/cases/${handedIn.caseId}/accept`, {})).status).toBe(200);
  });
});
