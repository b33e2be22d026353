import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export const S3RVER_BUCKET = 'one-window-blobs';

export interface LocalS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  /** A BLOB_STORE_URL for the bucket under `prefix` (ending in `/`). */
  url(prefix: string): string;
  /** The keys of multipart uploads s3rver still holds open under `prefix`. */
  openUploads(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * s3rver, a local S3-compatible server, on a free port with its files in a temp folder and one
 * bucket. s3rver 3.7.1 has no AbortMultipartUpload: the handler added here does what S3 does (drops
 * the upload and its parts), so that a put which failed to abort would show as an open upload.
 */
export async function startS3rver(): Promise<LocalS3> {
  const uploads = `${S3RVER_BUCKET}/._S3rver_uploads`;
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  server.middleware.unshift(async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string') return next();
    if (!/^[\w-]+$/.test(uploadId)) throw new Error(`odd upload id ${uploadId}`);
    await rm(join(directory, uploads, uploadId), { recursive: true, force: true });
    ctx.status = 204;
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: S3RVER_BUCKET }));
  return {
    endpoint,
    client,
    url: (prefix) =>
      `s3://S3RVER:S3RVER@${S3RVER_BUCKET}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true`,
    openUploads: async (prefix) => {
      const ids = await readdir(join(directory, uploads)).catch(() => [] as string[]);
      const keys = await Promise.all(ids.map((id) => readFile(join(directory, uploads, id, 'key'), 'utf8')));
      return keys.filter((key) => key.startsWith(prefix));
    },
    close: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
