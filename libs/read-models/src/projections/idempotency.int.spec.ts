import { WorkingCalendar } from '@one-window/calendar';
import type { RecordedEvent } from '@one-window/event-store';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { openTempReadModels, seedGeneratedCases, tableDump, type TempReadModels } from '../testing/index.js';
import { readModelProjections } from './read-model-projections.js';

const calendar = WorkingCalendar.create();
const projections = readModelProjections(calendar);

/**
 * Each read model guards its rows with the stream revision, so an event delivered twice — or an
 * old one delivered after newer ones — changes nothing; and each can be thrown away and rebuilt.
 */
describe.each(projections.map((p) => [p.name]))('the %s read model', (name) => {
  let t: TempReadModels;
  let events: RecordedEvent[];
  beforeAll(async () => {
    t = await openTempReadModels();
    await seedGeneratedCases(t.store, 150, { seed: 11 });
    events = await t.store.readAll();
  });
  afterAll(async () => t.dispose());

  const projection = () => projections.find((p) => p.name === name)!;
  const runner = () => new ProjectionRunner({ store: t.store, db: t.db, projections: [projection()] });

  it('is idempotent: every event applied again, in order and in reverse, changes nothing', async () => {
    await runner().rebuild();
    const once = tableDump(t.db, projection().tables);
    expect(Object.values(once).some((rows) => rows.length > 0)).toBe(true);
    const apply = projection().bind(t.db);
    t.db.transaction(() => events.forEach(apply))();
    expect(tableDump(t.db, projection().tables)).toEqual(once);
    t.db.transaction(() => [...events].reverse().forEach(apply))();
    expect(tableDump(t.db, projection().tables)).toEqual(once);
  });

  it('rebuilds from position zero to the same rows', async () => {
    await runner().catchUp();
    const before = tableDump(t.db, projection().tables);
    const result = await runner().rebuild();
    expect(result.events).toBe(events.length);
    expect(tableDump(t.db, projection().tables)).toEqual(before);
  });
});
