import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { Catalog } from '../catalog.js';
import { demoCatalogDir } from '../demo-catalog.js';
import { Directory } from '../directory.js';
import { loadCatalog } from '../load-catalog.js';

export interface CatalogModuleOptions {
  /** Catalog folder; default the shipped demo catalog (the application passes its CATALOG_DIR). */
  readonly dir?: string;
  /** Item code pattern; default the 31-character implementation code (the application passes CATALOG_CODE_PATTERN). */
  readonly codePattern?: RegExp;
}

function providers(options: CatalogModuleOptions): Provider[] {
  return [
    {
      provide: Catalog,
      useFactory: () => loadCatalog(options.dir ?? demoCatalogDir(), { codePattern: options.codePattern }),
    },
    { provide: Directory, useFactory: (catalog: Catalog) => catalog.directory, inject: [Catalog] },
  ];
}

/**
 * Provides `Catalog` and `Directory`, loaded once at start-up; a catalog with problems stops the
 * application from starting (the error lists every problem). Import `CatalogModule` for the
 * shipped demo catalog, or `CatalogModule.forRoot({dir})` for a given folder.
 */
@Module({ providers: providers({}), exports: [Catalog, Directory] })
export class CatalogModule {
  static forRoot(options: CatalogModuleOptions = {}): DynamicModule {
    return { module: CatalogModule, providers: providers(options), exports: [Catalog, Directory] };
  }
}
