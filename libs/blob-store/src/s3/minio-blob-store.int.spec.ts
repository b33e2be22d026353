import { CreateBucketCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import type { StartedTestContainer } from 'testcontainers';
import { blobStoreContract } from '../testing/blob-store.contract.js';
import { whyNoContainerRuntime } from '../../../../test/support/container-runtime.js';
import { s3Factory } from '../testing/s3-fixture.js';

/**
 * The same contract against MinIO in a container, started once for the file. It runs wherever a
 * container engine answers; elsewhere it is skipped, saying why in one line. MINIO_IMAGE
 * overrides the pinned image.
 */
const IMAGE = process.env.MINIO_IMAGE ?? 'quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z';
const STARTUP_MS = 180_000;
const BUCKET = 'one-window-blobs';
const USER = 'one-window';
const PASSWORD = 'one-window-secret';

const missing = await whyNoContainerRuntime();

if (missing !== undefined) {
  process.stdout.write(`MinIO blob-store suite skipped: no container runtime (${missing})\n`);
  describe.skip(`BlobStore contract: MinIO (${IMAGE}) — skipped: no container runtime (${missing})`, () => {
    it('runs the blob-store contract against MinIO where a container engine exists', () => undefined);
  });
} else {
  let container: StartedTestContainer | undefined;
  let endpoint = '';
  let client: S3Client | undefined;

  beforeAll(async () => {
    const { GenericContainer, Wait } = await import('testcontainers');
    container = await new GenericContainer(IMAGE)
      .withEnvironment({ MINIO_ROOT_USER: USER, MINIO_ROOT_PASSWORD: PASSWORD })
      .withCommand(['server', '/data'])
      .withExposedPorts(9000)
      .withWaitStrategy(Wait.forHttp('/minio/health/live', 9000).forStatusCode(200))
      .withStartupTimeout(STARTUP_MS)
      .start();
    endpoint = `http://${container.getHost()}:${container.getMappedPort(9000)}`;
    client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: USER, secretAccessKey: PASSWORD },
    });
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  }, STARTUP_MS + 60_000);

  afterAll(async () => {
    client?.destroy();
    await container?.stop();
  });

  async function openUploads(prefix: string): Promise<string[]> {
    const answer = await client!.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }));
    return (answer.Uploads ?? []).map((upload) => upload.Key ?? '');
  }

  blobStoreContract(
    `MinIO (${IMAGE})`,
    s3Factory(
      () => client!,
      (prefix) =>
        `s3://${USER}:${PASSWORD}@${BUCKET}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true`,
      openUploads,
    ),
  );
}
