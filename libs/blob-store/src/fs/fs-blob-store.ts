import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type BlobInfo, type BlobLimits, type BlobStore, checkSha256, isSha256 } from '../port/blob-store.js';
import { BlobNotFoundError, BlobStoreUnavailableError, BlobTypeRefusedError } from '../port/errors.js';
import { inspect, isBlobStoreError } from '../port/inspect.js';
import { SNIFF_BYTES, sniff } from '../port/sniff.js';

const TEMP_SUFFIX = '.tmp';
const FAN_OUT = /^[0-9a-f]{2}$/;

export interface FsBlobStoreOptions {
  /**
   * Temporary files older than this are removed when the store opens: the remains of a process
   * that died mid-upload (default one hour; younger ones may be another process's upload).
   */
  readonly staleTemporaryMs?: number;
}

/**
 * Files under `<dataDir>/blobs/<first 2 hex>/<sha256>`. A put streams to `blobs/<uuid>.tmp`
 * (the hash is known only at the last byte), fsyncs it, renames it into place and fsyncs the
 * folder; any failure unlinks the temporary file. A file that is in place is complete.
 */
export class FsBlobStore implements BlobStore {
  private constructor(readonly root: string) {}

  /** The store under `dataDir` (created if need be). */
  static async open(dataDir: string, options: FsBlobStoreOptions = {}): Promise<FsBlobStore> {
    const root = join(dataDir, 'blobs');
    await mkdir(root, { recursive: true });
    const store = new FsBlobStore(root);
    await store.removeStaleTemporaries(options.staleTemporaryMs ?? 60 * 60 * 1000);
    return store;
  }

  async put(content: Readable, limits: BlobLimits): Promise<BlobInfo> {
    const inspected = inspect(content, limits);
    const temp = join(this.root, `${randomUUID()}${TEMP_SUFFIX}`);
    let handle: FileHandle | undefined;
    let stage = 'create a temporary file';
    try {
      for await (const chunk of inspected.stream) {
        try {
          if (handle === undefined) handle = await open(temp, 'wx', 0o640);
          stage = 'write';
          await handle.write(chunk as Buffer);
        } catch (error) {
          inspected.abandon(error);
          throw error;
        }
      }
      const info = inspected.info();
      handle ??= await open(temp, 'wx', 0o640);
      stage = 'fsync';
      await handle.sync();
      await handle.close();
      handle = undefined;
      const dir = join(this.root, info.sha256.slice(0, 2));
      const target = join(dir, info.sha256);
      // The same content stored before: dropped, and the stored file's time moved on (storedAt).
      if (await touched(target)) {
        await unlink(temp);
        return info;
      }
      stage = 'place';
      if (!(await exists(dir))) {
        await mkdir(dir, { recursive: true });
        await syncDirectory(this.root);
      }
      await rename(temp, target);
      await syncDirectory(dir);
      return info;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
      const failure = inspected.failure();
      if (failure) throw failure;
      if (isBlobStoreError(error)) throw error;
      throw new BlobStoreUnavailableError(`file system, ${stage}`, { cause: error });
    }
  }

  async get(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw notFoundOr(error, sha256, 'open');
    });
    return handle.createReadStream();
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async stat(sha256: string): Promise<BlobInfo> {
    const path = this.pathOf(sha256);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw notFoundOr(error, sha256, 'stat');
    }
    try {
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      const type = sniff(head.subarray(0, bytesRead));
      if (type === 'refused' || type === 'undecided') throw new BlobTypeRefusedError(head.toString('hex'));
      return { sha256, size: (await handle.stat()).size, type };
    } finally {
      await handle.close();
    }
  }

  async storedAt(sha256: string): Promise<Date> {
    const path = this.pathOf(sha256);
    try {
      return new Date((await stat(path)).mtimeMs);
    } catch (error) {
      throw notFoundOr(error, sha256, 'stat');
    }
  }

  async delete(sha256: string): Promise<void> {
    const path = this.pathOf(sha256);
    try {
      await unlink(path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT')
        throw new BlobStoreUnavailableError('file system, delete', { cause: error });
    }
  }

  async *list(): AsyncIterable<string> {
    for (const dir of (await readdir(this.root)).filter((name) => FAN_OUT.test(name)).sort()) {
      const names = await readdir(join(this.root, dir)).catch(() => [] as string[]);
      for (const name of names.sort()) if (isSha256(name) && name.startsWith(dir)) yield name;
    }
  }

  async close(): Promise<void> {}

  /** Removes `*.tmp` files in blobs/ older than `olderThanMs`; answers how many. */
  async removeStaleTemporaries(olderThanMs: number): Promise<number> {
    const now = Date.now();
    let removed = 0;
    for (const name of await readdir(this.root)) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const path = join(this.root, name);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || now - info.mtimeMs < olderThanMs) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  private pathOf(sha256: string): string {
    checkSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw new BlobStoreUnavailableError('file system, stat', { cause: error });
  }
}

/** Sets the file's times to now; false when there is no such file. */
async function touched(path: string): Promise<boolean> {
  try {
    const now = new Date();
    await utimes(path, now, now);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw new BlobStoreUnavailableError('file system, utimes', { cause: error });
  }
}

/** Makes a rename or a new entry in `dir` durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function notFoundOr(error: unknown, sha256: string, stage: string): Error {
  if ((error as { code?: unknown }).code === 'ENOENT') return new BlobNotFoundError(sha256);
  return new BlobStoreUnavailableError(`file system, ${stage}`, { cause: error });
}
