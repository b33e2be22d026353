/**
 * The embedded store's writer thread: owns the write connection, takes appends from the main
 * thread and commits them in groups (group-writer.ts), so the main thread never waits for fsync.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { GroupWriter } from './group-writer.js';
import { openWriterConnection } from './open-database.js';
import type { AppendRequest, FromWriter, ToWriter, WriterSettings } from './writer-protocol.js';

const port = parentPort!;
const settings = workerData as WriterSettings;
const say = (message: FromWriter): void => port.postMessage(message);

let db: Database.Database;
let writer: GroupWriter;
try {
  db = openWriterConnection(settings.file, settings.synchronous, settings.maxPageCount);
  writer = new GroupWriter(db);
  say({ kind: 'ready' });
} catch (error) {
  say({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(0);
}

const queue: AppendRequest[] = [];
let closing = false;
let scheduled = false;

function take(message: ToWriter): void {
  if (message.kind === 'close') closing = true;
  else for (const request of message.requests) queue.push(request);
}

function flush(): void {
  scheduled = false;
  // Whatever arrived while the last commit ran joins this group.
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
    take(m.message as ToWriter);
  while (queue.length > 0) {
    const group = queue.splice(0);
    say({ kind: 'committed', answers: writer.commit(group) });
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
      take(m.message as ToWriter);
  }
  if (closing) {
    db.close();
    say({ kind: 'closed' });
    port.close();
  }
}

port.on('message', (message: ToWriter) => {
  take(message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
