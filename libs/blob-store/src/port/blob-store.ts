import type { Readable } from 'node:stream';
import { InvalidBlobHashError } from './errors.js';
import type { BlobType } from './sniff.js';

/** What the store knows of a file: its content address, its length and its sniffed type. */
export interface BlobInfo {
  /** SHA-256 of the content, 64 lowercase hex digits: the file's only name. */
  readonly sha256: string;
  readonly size: number;
  readonly type: BlobType;
}

export interface BlobLimits {
  /** The most bytes the content may have; one more and the put is refused (BlobTooLargeError). */
  readonly maxBytes: number;
}

/**
 * Files by content (docs/adr/0016-blob-store.md). Content is streamed in and out, never held whole
 * in memory; a put that fails for any reason — too large, not an accepted type, the source broken
 * off, the disk or the object store failing — leaves nothing behind. The same content put twice is
 * stored once, under its SHA-256.
 */
export interface BlobStore {
  /**
   * Stores `content` and answers its address. Refuses with BlobTypeRefusedError when the first
   * bytes are not PDF, JPEG or PNG, with BlobTooLargeError as soon as `limits.maxBytes` is
   * crossed, with BlobUploadAbortedError when `content` errors or is destroyed, with
   * BlobStoreUnavailableError when the storage fails. Stops reading `content` when it refuses.
   */
  put(content: Readable, limits: BlobLimits): Promise<BlobInfo>;
  /** The content of a stored file; BlobNotFoundError when there is none with that hash. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** BlobNotFoundError when there is no file with that hash. */
  stat(sha256: string): Promise<BlobInfo>;
  /**
   * When the file was last stored: its first put, or a later put of the same content (which
   * moves it on). The store's own time — the file's mtime, the object's LastModified (whole
   * seconds) — read by the unattached-file sweep (ADR 16). BlobNotFoundError when there is none.
   */
  storedAt(sha256: string): Promise<Date>;
  /**
   * Removes the file; no error when there is none. Only the unattached-file sweep calls it, for a
   * file no event names (ADR 16): a file an event names is part of the record and is never deleted.
   */
  delete(sha256: string): Promise<void>;
  /** Every stored hash, once each, in no promised order (for verify and backup). */
  list(): AsyncIterable<string>;
  close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** `value`, when it is a SHA-256 in lowercase hex; InvalidBlobHashError otherwise. */
export function checkSha256(value: string): string {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) throw new InvalidBlobHashError(String(value));
  return value;
}
