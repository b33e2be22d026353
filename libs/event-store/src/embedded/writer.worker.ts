/**
 * The embedded store's writer thread: owns the write connection, takes appends from the main
 * thread and commits them in groups (group-writer.ts), so the main thread never waits for fsync.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { GroupWriter } from './group-writer.js';
import { openWriterConnection } from './open-database.js';
import {
  committedRows,
  type AppendAnswer,
  type AppendRequest,
  type CommitFeedMessage,
  type FromWriter,
  type ToWriter,
  type WriterSettings,
} from './writer-protocol.js';

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
/** Commit feeds (the projection thread's): each commit's rows go there from this thread. */
const feeds = new Set<MessagePort>();

function take(message: ToWriter): void {
  if (message.kind === 'close') closing = true;
  else if (message.kind === 'feed') {
    // Between commits: what was committed before is in the file, what comes after is fed.
    feeds.add(message.port);
    message.port.on('close', () => feeds.delete(message.port));
    say({ kind: 'fed' });
  } else for (const request of message.requests) queue.push(request);
}

function feed(group: readonly AppendRequest[], answers: readonly AppendAnswer[]): void {
  if (feeds.size === 0) return;
  const byId = new Map(group.map((r) => [r.id, r]));
  const rows = committedRows(answers, (id) => byId.get(id)!);
  if (rows.length === 0) return;
  const message: CommitFeedMessage = { rows };
  for (const feedPort of feeds) feedPort.postMessage(message);
}

function flush(): void {
  scheduled = false;
  // Whatever arrived while the last commit ran joins this group.
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
    take(m.message as ToWriter);
  while (queue.length > 0) {
    const group = queue.splice(0);
    const answers = writer.commit(group);
    say({ kind: 'committed', answers });
    feed(group, answers);
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
      take(m.message as ToWriter);
  }
  if (closing) {
    for (const feedPort of feeds) feedPort.close();
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
