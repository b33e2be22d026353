// Attached files (issue 13, ADR 16): the blob store, the upload route, a case's files and their access log,
// the sweep of files never attached.
import { AttachGuard } from './attach-guard.js';
import { AttachedFiles } from './attached-files.js';
import { BLOB_STORE_PROVIDER, BlobStoreCloser } from './blob-store.provider.js';
import { BlobsController } from './blobs.controller.js';
import { CaseFilesController } from './case-files.controller.js';
import { FileViews } from './file-views.js';
import { UnattachedFilesSweeper } from './unattached-files.sweeper.js';

export { AttachGuard } from './attach-guard.js';
export { AttachedFiles } from './attached-files.js';
export { UnattachedFilesSweeper, type UnattachedSweep } from './unattached-files.sweeper.js';
export { blobProblem } from './blob-problems.js';

export const BLOB_PROVIDERS = [
  BLOB_STORE_PROVIDER,
  BlobStoreCloser,
  AttachGuard,
  AttachedFiles,
  FileViews,
  UnattachedFilesSweeper,
];
export const BLOB_CONTROLLERS = [BlobsController, CaseFilesController];
