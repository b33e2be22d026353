// Attached files (issue 13, ADR 16): the blob store, the upload route, a case's files and their access log.
import { AttachedFiles } from './attached-files.js';
import { BLOB_STORE_PROVIDER, BlobStoreCloser } from './blob-store.provider.js';
import { BlobsController } from './blobs.controller.js';
import { CaseFilesController } from './case-files.controller.js';
import { FileViews } from './file-views.js';

export { AttachedFiles } from './attached-files.js';
export { blobProblem } from './blob-problems.js';

export const BLOB_PROVIDERS = [BLOB_STORE_PROVIDER, BlobStoreCloser, AttachedFiles, FileViews];
export const BLOB_CONTROLLERS = [BlobsController, CaseFilesController];
