import { MessageChannel, type MessagePort, type TransferListItem, type Worker } from 'node:worker_threads';
import { startWorkerBeside } from '@one-window/shared';
import { EventStoreUnavailableError } from '../port/errors.js';
import type { AppendAnswer, AppendRequest, FromWriter, ToWriter, WriterSettings } from './writer-protocol.js';

/**
 * The main thread's side of the writer thread: appends called in one tick go over in one message,
 * in call order, and each caller's promise settles with its own answer when its group committed.
 * While a group is being committed, a few new appends wait here and go over together once it
 * answers (one message per group instead of one per request halves the structured clones:
 * postMessage was the main thread's largest cost under HTTP load); every EAGER_SEND_APPENDS they
 * go over at once, so that the writer never idles while the main thread decides a cohort.
 * The worker keeps the process alive only while appends are in flight.
 */
/**
 * Appends that go over at once, without waiting for the group in flight. When a group answers,
 * every caller it held goes on in the same tick and appends again: without this the main thread
 * would compute the whole cohort while the writer idles, then idle while the writer commits it
 * (both threads half idle, groups exactly the number of callers). Sending every few appends lets
 * the writer commit the first while the rest are decided; it drains whatever arrived before each
 * commit, so groups still grow with the load. Measured under 16 and 64 in-process clerks: 4 was
 * best (+50 % commands/s over stop-and-wait, see README Performance).
 */
export const EAGER_SEND_APPENDS = 4;

export class WriterClient {
  private readonly pending = new Map<number, (answer: AppendAnswer) => void>();
  private outbox: AppendRequest[] = [];
  private nextId = 1;
  /** Groups committed (one transaction and one fsync each) and the appends they held. */
  readonly stats = { groups: 0, appends: 0 };
  private broken: Error | undefined;
  private closed: Promise<void> | undefined;
  private onClosed: (() => void) | undefined;

  private constructor(
    private readonly worker: Worker,
    /** Called with each group's answers, in commit order, before any caller hears of them. */
    private readonly onCommitted: (
      requests: ReadonlyMap<number, AppendRequest>,
      answers: readonly AppendAnswer[],
    ) => void,
  ) {
    worker.on('message', (message: FromWriter) => {
      if (this.inbox.push(message) === 1) setImmediate(() => this.drain());
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the writer thread exited (code ${code})`)));
    worker.unref();
  }

  private readonly inFlight = new Map<number, AppendRequest>();
  /**
   * The writer's messages, taken in order from a setImmediate, not from the port's message event.
   * Every caller a group answers goes on in the microtasks after that event, and appends again
   * (EAGER_SEND_APPENDS), so the writer answers again meanwhile: Node's port handler takes each
   * message it finds queued before it returns to the event loop, and under load it did not return
   * for a hundred milliseconds and more — the projection thread's progress (read-your-writes) and
   * the sockets waited behind it. Taken here, each turn of the loop serves them too.
   */
  private readonly inbox: FromWriter[] = [];
  /** Callers of feed() waiting for the writer's 'fed', in order. */
  private readonly feeds: (() => void)[] = [];

  /** Starts the writer thread on a file openDatabase has checked; resolves once it is ready. */
  static start(
    settings: WriterSettings,
    onCommitted: (requests: ReadonlyMap<number, AppendRequest>, answers: readonly AppendAnswer[]) => void,
  ): Promise<WriterClient> {
    const worker = spawnWriter(settings);
    return new Promise((resolve, reject) => {
      const first = (message: FromWriter): void => {
        worker.off('error', failed);
        if (message.kind === 'ready') resolve(new WriterClient(worker, onCommitted));
        else {
          void worker.terminate();
          reject(
            new EventStoreUnavailableError(
              `The writer could not open ${settings.file}: ${message.kind === 'open-failed' ? message.message : message.kind}`,
            ),
          );
        }
      };
      const failed = (error: Error): void =>
        reject(
          new EventStoreUnavailableError(`The writer thread failed to start: ${error.message}`, {
            cause: error,
          }),
        );
      worker.once('message', first);
      worker.once('error', failed);
    });
  }

  append(request: Omit<AppendRequest, 'id'>): Promise<AppendAnswer> {
    if (this.broken) return Promise.reject(unavailable(this.broken));
    const id = this.nextId++;
    const full: AppendRequest = { ...request, id };
    if (this.outbox.length === 0) queueMicrotask(() => this.send());
    this.outbox.push(full);
    this.inFlight.set(id, full);
    if (this.outbox.length >= EAGER_SEND_APPENDS) this.send(true);
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  /** Lets the writer commit what it holds, then stops it. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.send(true);
      if (this.broken) return resolve();
      this.onClosed = resolve;
      this.worker.ref();
      this.post({ kind: 'close' });
    });
    return this.closed;
  }

  /** Sends the outbox unless a sent group is still unanswered (it is sent when that one answers); `force` sends now. */
  private send(force = false): void {
    if (this.outbox.length === 0) return;
    if (!force && this.inFlight.size > this.outbox.length) return;
    const requests = this.outbox;
    this.outbox = [];
    this.post({ kind: 'append', requests });
  }

  /**
   * A port that receives every commit's rows from the writer thread itself (CommitFeedMessage),
   * for another thread to follow the log without the main thread copying them over. Resolves once
   * the writer has it: every commit before is in the file, every one after reaches the port.
   */
  feed(): Promise<MessagePort> {
    if (this.broken) return Promise.reject(unavailable(this.broken));
    const { port1, port2 } = new MessageChannel();
    return new Promise((resolve) => {
      this.feeds.push(() => resolve(port2));
      this.worker.ref();
      this.post({ kind: 'feed', port: port1 }, [port1]);
    });
  }

  /** The worker keeps the process alive only while appends or feeds wait for it, or it is closing. */
  private unrefWhenIdle(): void {
    if (this.pending.size === 0 && this.feeds.length === 0 && this.onClosed === undefined)
      this.worker.unref();
  }

  private post(message: ToWriter, transfer?: readonly TransferListItem[]): void {
    try {
      this.worker.postMessage(message, transfer);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'committed') {
      this.stats.groups++;
      this.stats.appends += message.answers.length;
      this.onCommitted(this.inFlight, message.answers);
      for (const answer of message.answers) {
        this.inFlight.delete(answer.id);
        const settle = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        settle?.(answer);
      }
      this.send();
      this.unrefWhenIdle();
    } else if (message.kind === 'fed') {
      this.feeds.shift()?.();
      this.unrefWhenIdle();
    } else if (message.kind === 'closed') {
      this.broken ??= new Error('the event store is closed');
      this.onClosed?.();
    }
  }

  private drain(): void {
    for (const message of this.inbox.splice(0)) this.receive(message);
  }

  /** The writer is gone: nothing in flight can be known to have committed. */
  private fail(error: Error): void {
    // What it answered before it went is known: those callers hear their answers, not a failure.
    this.drain();
    this.broken ??= error;
    for (const [id, settle] of this.pending) {
      settle({ id, kind: 'failed', message: `the writer thread stopped: ${error.message}` });
    }
    this.pending.clear();
    this.inFlight.clear();
    this.onClosed?.();
  }
}

function unavailable(error: Error): EventStoreUnavailableError {
  return new EventStoreUnavailableError(`The event store cannot write: ${error.message}`, { cause: error });
}

/** The writer thread (writer.worker), compiled or, from the sources, through the TypeScript hooks. */
function spawnWriter(settings: WriterSettings): Worker {
  return startWorkerBeside(import.meta.url, 'writer.worker', { workerData: settings });
}
