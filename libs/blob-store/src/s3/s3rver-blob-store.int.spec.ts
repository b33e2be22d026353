import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { blobStoreContract } from '../testing/blob-store.contract.js';
import { s3Factory } from '../testing/s3-fixture.js';

/**
 * The contract against s3rver, a local S3-compatible server on a free port, its files in a temp
 * folder. s3rver 3.7.1 has no AbortMultipartUpload: the handler below does what S3 does (drops the
 * upload and its parts), so that a put which failed to abort would show as an open upload.
 */
const BUCKET = 'one-window-blobs';
const UPLOADS = `${BUCKET}/._S3rver_uploads`;
let directory = '';
let server: S3rver | undefined;
let endpoint = '';
let client: S3Client | undefined;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  server.middleware.unshift(async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string') return next();
    if (!/^[\w-]+$/.test(uploadId)) throw new Error(`odd upload id ${uploadId}`);
    await rm(join(directory, UPLOADS, uploadId), { recursive: true, force: true });
    ctx.status = 204;
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
  client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

async function openUploads(prefix: string): Promise<string[]> {
  const ids = await readdir(join(directory, UPLOADS)).catch(() => [] as string[]);
  const keys = await Promise.all(ids.map((id) => readFile(join(directory, UPLOADS, id, 'key'), 'utf8')));
  return keys.filter((key) => key.startsWith(prefix));
}

blobStoreContract(
  's3rver (local S3-compatible server)',
  s3Factory(
    () => client!,
    (prefix) =>
      `s3://S3RVER:S3RVER@${BUCKET}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true`,
    openUploads,
  ),
);
