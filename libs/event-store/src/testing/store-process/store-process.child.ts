/**
 * A second process for the embedded store's tests: `hold <file>` opens the store and keeps it
 * until stdin closes; `append <file>` appends 3-event batches, reporting each acknowledged one,
 * until it is killed; `groups <file>` does the same from 16 writers at once, so that the writer
 * thread always has a group in flight when the kill comes. Every outcome is one JSON line on stdout.
 */
import { EmbeddedEventStore } from '../../embedded/embedded-event-store.js';

const [mode, file] = process.argv.slice(2);
const say = (message: object): boolean => process.stdout.write(`${JSON.stringify(message)}\n`);

async function main(): Promise<void> {
  let store: EmbeddedEventStore;
  try {
    store = await EmbeddedEventStore.open({ file });
  } catch (error) {
    const { name, message, type } = error as { name: string; message: string; type?: string };
    say({ opened: false, name, type, message });
    return;
  }
  say({ opened: true });
  if (mode === 'hold') {
    process.stdin.resume();
    await new Promise((done) => process.stdin.on('end', done));
    await store.close();
    say({ closed: true });
    return;
  }
  if (mode === 'groups') {
    await Promise.all(Array.from({ length: 16 }, (_, w) => appendForever(store, `crash-${w}`)));
    return;
  }
  const revisions = [-1, -1, -1, -1, -1];
  for (let i = 0; ; i++) {
    const s = i % revisions.length;
    const events = [0, 1, 2].map((part) => ({ type: 'crash.Part', data: { i, part } }));
    const expectedRevision = revisions[s] < 0 ? ('no_stream' as const) : revisions[s];
    const result = await store.appendToStream(`crash-${s}`, events, { expectedRevision });
    revisions[s] = result.nextExpectedRevision;
    say({ acked: { stream: `crash-${s}`, ...result } });
  }
}

async function appendForever(store: EmbeddedEventStore, stream: string): Promise<never> {
  let revision = -1;
  for (let i = 0; ; i++) {
    const events = [0, 1, 2].map((part) => ({ type: 'crash.Part', data: { i, part } }));
    const result = await store.appendToStream(stream, events, {
      expectedRevision: revision < 0 ? 'no_stream' : revision,
    });
    revision = result.nextExpectedRevision;
    say({ acked: { stream, ...result }, groups: store.commitStats().groups });
  }
}

await main();
