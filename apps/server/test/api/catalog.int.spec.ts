import { DEMO_ITEMS } from '@one-window/catalog';
import { call, login } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

describe('catalog over real HTTP', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await login(server.base, 'clerk1');
  });
  afterAll(async () => server.close());

  it('lists the demo catalog, filtered', async () => {
    const all = await call(server.base, 'GET', '/api/catalog/items', { token });
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThanOrEqual(10);
    const onTheSpot = await call(server.base, 'GET', '/api/catalog/items?caseKind=on-the-spot', { token });
    expect(onTheSpot.body.length).toBeGreaterThan(0);
    expect(onTheSpot.body.every((i: { caseKind: string }) => i.caseKind === 'on-the-spot')).toBe(true);
    const township = await call(server.base, 'GET', '/api/catalog/items?level=5', { token });
    expect(township.body.every((i: { level: number }) => i.level === 5)).toBe(true);
  });

  it('answers one guide with its versions, a given version, and 404 for an unknown item or version', async () => {
    const guide = await call(server.base, 'GET', `/api/catalog/items/${DEMO_ITEMS.foodBusinessLicence}`, {
      token,
    });
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({ code: DEMO_ITEMS.foodBusinessLicence, version: 2, versions: [1, 2] });
    expect(guide.body.materials.some((m: { deficiencyAllowed: boolean }) => m.deficiencyAllowed)).toBe(true);
    const v1 = await call(
      server.base,
      'GET',
      `/api/catalog/items/${DEMO_ITEMS.foodBusinessLicence}?version=1`,
      { token },
    );
    expect(v1.body.version).toBe(1);
    expect((await call(server.base, 'GET', '/api/catalog/items/NO-SUCH-ITEM', { token })).status).toBe(404);
    const noVersion = await call(
      server.base,
      'GET',
      `/api/catalog/items/${DEMO_ITEMS.foodBusinessLicence}?version=9`,
      { token },
    );
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.type).toBe('/problems/not-found');
  });

  it('rejects unknown and wrong-typed query fields', async () => {
    const res = await call(server.base, 'GET', '/api/catalog/items?level=nine&colour=red', { token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '#/colour',
      '#/level',
    ]);
  });

  it('serves the halls and departments directory', async () => {
    const res = await call(server.base, 'GET', '/api/catalog/directory', { token });
    expect(res.body.halls.map((h: { id: string }) => h.id)).toContain('hall-150102');
  });
});
