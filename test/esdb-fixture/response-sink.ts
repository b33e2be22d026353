import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from './proto.js';

/** Writes to a server stream with backpressure, and knows when the client has gone. */
export class ResponseSink {
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly call: ServerWritableStream<ReadReq, ReadResp>) {
    const close = () => {
      this.closed = true;
      this.wake?.();
    };
    call.on('cancelled', close);
    call.on('close', close);
    call.on('error', close);
    call.on('drain', () => this.wake?.());
  }

  get isClosed(): boolean {
    return this.closed || this.call.cancelled || this.call.writableEnded;
  }

  /** Resolves false when the client went away before the message could be sent. */
  async write(message: ReadResp): Promise<boolean> {
    if (this.isClosed) return false;
    if (this.call.write(message)) return true;
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    return !this.isClosed;
  }

  /** Resolves on the first of: `signal` settles, or the client goes away. */
  async until(signal: Promise<void>): Promise<void> {
    if (this.isClosed) return;
    await Promise.race([signal, new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }

  end(): void {
    if (!this.isClosed) this.call.end();
  }
}
