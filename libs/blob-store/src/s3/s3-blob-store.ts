import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { type BlobInfo, type BlobLimits, type BlobStore, checkSha256, isSha256 } from '../port/blob-store.js';
import { BlobNotFoundError, BlobStoreUnavailableError } from '../port/errors.js';
import { inspect, isBlobStoreError } from '../port/inspect.js';
import { BLOB_TYPES } from '../port/sniff.js';
import { type S3Location, parseS3Url } from './s3-url.js';

/** The folder, under the prefix, of uploads in flight; never a hash. */
export const S3_TEMP_FOLDER = 'tmp/';
/** The smallest part S3 takes; two in flight bound the memory of one upload to ~10 MB. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

export interface S3BlobStoreOptions {
  /** Used when the URL carries no user:password (otherwise the SDK's default chain applies). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Extra client settings (retries, timeouts, a custom request handler). */
  readonly client?: Omit<S3ClientConfig, 'region' | 'endpoint' | 'forcePathStyle' | 'credentials'>;
}

/**
 * Files as objects `<prefix><sha256>` in an S3-compatible bucket. A put streams to
 * `<prefix>tmp/<uuid>` with lib-storage's Upload (multipart beyond 5 MB) while the content is
 * hashed and sniffed, then copies the temporary object to its hash (again when it exists, so that
 * its LastModified is the latest put's) and deletes it. A refused or broken-off put aborts the
 * multipart upload and deletes the temporary key, so no object is left; an object under its hash
 * is always complete.
 */
export class S3BlobStore implements BlobStore {
  private constructor(
    readonly location: S3Location,
    private readonly client: S3Client,
  ) {}

  static fromUrl(url: string, options: S3BlobStoreOptions = {}): S3BlobStore {
    const location = parseS3Url(url);
    const credentials = location.credentials ?? options.credentials;
    const client = new S3Client({
      ...options.client,
      region: location.region,
      forcePathStyle: location.forcePathStyle,
      ...(location.endpoint !== undefined ? { endpoint: location.endpoint } : {}),
      ...(credentials !== undefined ? { credentials } : {}),
    });
    return new S3BlobStore(location, client);
  }

  async put(content: Readable, limits: BlobLimits): Promise<BlobInfo> {
    const { bucket, prefix } = this.location;
    const inspected = inspect(content, limits);
    const tempKey = `${prefix}${S3_TEMP_FOLDER}${randomUUID()}`;
    let stage = 'upload';
    try {
      const upload = new Upload({
        client: this.client,
        params: { Bucket: bucket, Key: tempKey, Body: inspected.stream },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      await upload.done();
      const info = inspected.info();
      const key = this.keyOf(info.sha256);
      // Copied even when the key exists (the same bytes): its LastModified, storedAt, moves on.
      stage = 'copy';
      await this.client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: key,
          CopySource: `${bucket}/${encodeURIComponent(tempKey).replace(/%2F/g, '/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: info.type,
        }),
      );
      return info;
    } catch (error) {
      const failure = inspected.failure();
      if (failure) throw failure;
      if (isBlobStoreError(error)) throw error;
      throw new BlobStoreUnavailableError(`object store, ${stage}`, { cause: error });
    } finally {
      // Idempotent: also covers a single-part put that completed before a later step failed.
      await this.client
        .send(new DeleteObjectCommand({ Bucket: bucket, Key: tempKey }))
        .catch(() => undefined);
    }
  }

  async get(sha256: string): Promise<Readable> {
    const key = this.keyOf(sha256);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: key }));
      const body = answer.Body;
      if (body instanceof Readable) return body;
      throw new Error('the object store answered a body that is not a Node stream');
    } catch (error) {
      throw this.notFoundOr(error, sha256, 'get');
    }
  }

  async has(sha256: string): Promise<boolean> {
    return this.exists(this.keyOf(sha256));
  }

  async stat(sha256: string): Promise<BlobInfo> {
    const key = this.keyOf(sha256);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
      const type = BLOB_TYPES.find((t) => t === head.ContentType);
      if (type === undefined)
        throw new Error(`the object ${key} has the content type ${String(head.ContentType)}`);
      return { sha256, size: head.ContentLength ?? 0, type };
    } catch (error) {
      throw this.notFoundOr(error, sha256, 'stat');
    }
  }

  async storedAt(sha256: string): Promise<Date> {
    const key = this.keyOf(sha256);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
      if (head.LastModified === undefined) throw new Error(`the object ${key} has no LastModified`);
      return new Date(head.LastModified.getTime());
    } catch (error) {
      throw this.notFoundOr(error, sha256, 'head');
    }
  }

  async delete(sha256: string): Promise<void> {
    const key = this.keyOf(sha256);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: key }));
    } catch (error) {
      throw new BlobStoreUnavailableError('object store, delete', { cause: error });
    }
  }

  async *list(): AsyncIterable<string> {
    const { bucket, prefix } = this.location;
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
      } catch (error) {
        throw new BlobStoreUnavailableError('object store, list', { cause: error });
      }
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(prefix.length) ?? '';
        if (isSha256(name)) yield name;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private keyOf(sha256: string): string {
    return `${this.location.prefix}${checkSha256(sha256)}`;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw new BlobStoreUnavailableError('object store, head', { cause: error });
    }
  }

  private notFoundOr(error: unknown, sha256: string, stage: string): Error {
    if (isBlobStoreError(error)) return error;
    if (isNotFound(error)) return new BlobNotFoundError(sha256);
    return new BlobStoreUnavailableError(`object store, ${stage}`, { cause: error });
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
