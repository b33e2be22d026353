import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback, pipeline } from 'node:stream';
import type { BlobInfo, BlobLimits } from './blob-store.js';
import { BlobStoreError, BlobTooLargeError, BlobTypeRefusedError, BlobUploadAbortedError } from './errors.js';
import { SNIFF_BYTES, type BlobType, sniff } from './sniff.js';

/** The content as it flows to storage, and what was learnt of it once it has all flowed. */
export interface InspectedContent {
  /** The bytes of the content, unchanged; errors with the refusal or the source's failure. */
  readonly stream: Readable;
  /** After `stream` ended: the hash, size and type. */
  info(): BlobInfo;
  /**
   * The error to report for a failed put: the refusal or the source's failure when there was one
   * (as BlobUploadAbortedError), else undefined (the fault was the storage's).
   */
  failure(): BlobStoreError | undefined;
  /** The storage failed: stop the flow; `failure()` then leaves the fault to the adapter. */
  abandon(cause: unknown): void;
}

/**
 * Hashes, counts and sniffs `content` on its way to storage, and refuses it — by erroring the
 * stream, which stops the reading of `content` — at the first byte past `limits.maxBytes`, or as
 * soon as its first bytes cannot be an accepted type. No chunk passes before the type is known,
 * so storage never sees the first byte of a refused type.
 */
export function inspect(content: Readable, limits: BlobLimits): InspectedContent {
  if (!Number.isSafeInteger(limits.maxBytes) || limits.maxBytes < 1) {
    throw new RangeError(`maxBytes must be a whole number ≥ 1, not ${String(limits.maxBytes)}`);
  }
  const hash = createHash('sha256');
  let size = 0;
  let type: BlobType | undefined;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let refusal: BlobStoreError | undefined;
  let sourceFailed: unknown;
  let ended = false;
  let abandoned = false;

  const decide = (atEnd: boolean): void => {
    const head = Buffer.concat(held, heldBytes).subarray(0, SNIFF_BYTES);
    const verdict = sniff(head);
    if (verdict === 'refused' || (verdict === 'undecided' && atEnd)) {
      throw (refusal = new BlobTypeRefusedError(head.toString('hex')));
    }
    if (verdict !== 'undecided') type = verdict;
  };

  const gate = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (size + chunk.length > limits.maxBytes) throw (refusal = new BlobTooLargeError(limits.maxBytes));
        size += chunk.length;
        hash.update(chunk);
        if (type !== undefined) return callback(null, chunk);
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes > 0) decide(false);
        if (type === undefined) return callback();
        for (const piece of held) this.push(piece);
        held = [];
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (type === undefined) decide(true);
        for (const piece of held) this.push(piece);
        held = [];
        ended = true;
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });

  content.once('error', (error) => {
    sourceFailed ??= error;
  });
  content.once('close', () => {
    if (!content.readableEnded && refusal === undefined && !abandoned) {
      sourceFailed ??= new Error('the content stream closed before its end');
    }
  });
  pipeline(content, gate, () => undefined);

  return {
    stream: gate,
    info(): BlobInfo {
      if (!ended || type === undefined) throw new Error('inspect: the content has not ended');
      return { sha256: hash.digest('hex'), size, type };
    },
    failure(): BlobStoreError | undefined {
      if (refusal) return refusal;
      if (abandoned) return undefined;
      if (sourceFailed !== undefined) return new BlobUploadAbortedError({ cause: sourceFailed });
      return undefined;
    },
    abandon(cause: unknown): void {
      abandoned = true;
      gate.destroy(cause instanceof Error ? cause : new Error(String(cause)));
    },
  };
}

/** Whether `error` is one of the store's refusals (to rethrow as is). */
export function isBlobStoreError(error: unknown): error is BlobStoreError {
  return error instanceof BlobStoreError;
}
