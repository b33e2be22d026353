/**
 * The last revision of streams this process wrote, as its writer acknowledged them. This process
 * is the file's only writer (the lock), so while no append to a stream is in flight, a read of it
 * from after its known head is empty without asking SQLite: the case engine's read of "events
 * after my cached revision" on every command (the main thread's read connection re-reads its
 * pages after every group commit). Bounded; a stream it forgot is simply read.
 */
export class StreamHeads {
  private readonly heads = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly capacity = 50_000) {}

  /** An append to `stream` left for the writer. */
  sent(stream: string): void {
    this.inFlight.set(stream, (this.inFlight.get(stream) ?? 0) + 1);
  }

  /**
   * The writer answered an append to `stream`: `revision` is its last event's when the writer wrote
   * it; any other outcome (a retry found, a conflict, a failure that may have committed) forgets
   * the stream, which is then read.
   */
  answered(stream: string, revision: number | undefined): void {
    const left = (this.inFlight.get(stream) ?? 1) - 1;
    if (left > 0) this.inFlight.set(stream, left);
    else this.inFlight.delete(stream);
    if (revision === undefined) {
      this.heads.delete(stream);
      return;
    }
    const known = this.heads.get(stream);
    this.heads.delete(stream);
    this.heads.set(stream, known === undefined ? revision : Math.max(known, revision));
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  /** True when the stream exists and nothing at or after `fromRevision` can be in it. */
  endsBefore(stream: string, fromRevision: number): boolean {
    if (this.inFlight.has(stream)) return false;
    const head = this.heads.get(stream);
    return head !== undefined && fromRevision > head;
  }
}
