import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { type BlobStore, createBlobStore } from '@one-window/blob-store';
import type { ServerConfig } from '../config/server-config.js';
import { BLOB_STORE, SERVER_CONFIG } from '../tokens.js';

/** The blob store BLOB_STORE_URL names (checked by the config at start), opened once. */
export const BLOB_STORE_PROVIDER: Provider = {
  provide: BLOB_STORE,
  useFactory: (config: ServerConfig): Promise<BlobStore> => createBlobStore(config.blobs.url, config.dataDir),
  inject: [SERVER_CONFIG],
};

/** Closes the blob store when the server stops (after the routes that stream from it). */
@Injectable()
export class BlobStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.blobs.close();
  }
}
