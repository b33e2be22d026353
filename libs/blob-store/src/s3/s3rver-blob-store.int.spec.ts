import { blobStoreContract } from '../testing/blob-store.contract.js';
import { s3Factory } from '../testing/s3-fixture.js';
import { type LocalS3, startS3rver } from '../testing/local-s3.js';

/** The contract against s3rver, a local S3-compatible server the test starts (testing/local-s3.ts). */
let s3: LocalS3 | undefined;

beforeAll(async () => {
  s3 = await startS3rver();
});

afterAll(async () => {
  await s3?.close();
});

blobStoreContract(
  's3rver (local S3-compatible server)',
  s3Factory(
    () => s3!.client,
    (prefix) => s3!.url(prefix),
    (prefix) => s3!.openUploads(prefix),
  ),
);
