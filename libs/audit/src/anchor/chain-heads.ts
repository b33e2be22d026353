import type { RecordedEvent } from '@one-window/event-store';
import { merkleRoot, type StreamHead } from './merkle.js';

/** Every stream's head as the log is read in order: what an anchor's root covers. */
export class ChainHeads {
  private readonly heads = new Map<string, StreamHead>();
  /** Position of the last event applied. */
  position: number | null = null;

  apply(event: RecordedEvent): void {
    this.heads.set(event.streamName, {
      streamName: event.streamName,
      revision: event.streamRevision,
      chain: event.chain === undefined ? null : Buffer.from(event.chain, 'hex'),
    });
    this.position = event.position;
  }

  /** The chain of the stream's last event applied, null when none (or it had none). */
  chainOf(streamName: string): Buffer | null {
    return this.heads.get(streamName)?.chain ?? null;
  }

  get streams(): number {
    return this.heads.size;
  }

  root(): Promise<Buffer> {
    return merkleRoot(this.heads.values());
  }
}
