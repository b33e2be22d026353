// A projection runner in its own process, for the crash test: it catches up with the log and,
// when told to, kills itself with SIGKILL inside a batch's open transaction.
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import { openReadModelDatabase } from '../../database/read-model-database.js';
import { readModelProjections } from '../../projections/read-model-projections.js';
import { ProjectionRunner } from '../../runner/projection-runner.js';
import { crashProbe } from './crash-probe.js';

const [dataDir, killAfter] = process.argv.slice(2);
const store = await EmbeddedEventStore.open({ dataDir });
const db = openReadModelDatabase({ dataDir });
const probe = crashProbe(Number(killAfter), () => process.kill(process.pid, 'SIGKILL'));
const runner = new ProjectionRunner({
  store,
  db,
  projections: [...readModelProjections(WorkingCalendar.create()), probe],
  batchSize: 500,
});
const events = await runner.catchUp();
console.log(JSON.stringify({ done: true, events }));
db.close();
await store.close();
