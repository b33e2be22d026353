import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { Catalog } from './catalog.js';
import { demoCatalogDir } from './demo-catalog.js';
import { Directory } from './directory.js';
import { loadCatalog } from './load-catalog.js';

export interface CatalogModuleOptions {
  /** Catalog folder; default `CATALOG_DIR`, else the shipped demo catalog. */
  readonly dir?: string;
  /** Item code pattern; default `CATALOG_CODE_PATTERN`, else the 31-character implementation code. */
  readonly codePattern?: RegExp;
}

function providers(options: CatalogModuleOptions): Provider[] {
  return [
    {
      provide: Catalog,
      useFactory: () => {
        const envPattern = process.env.CATALOG_CODE_PATTERN;
        return loadCatalog(options.dir ?? process.env.CATALOG_DIR ?? demoCatalogDir(), {
          codePattern: options.codePattern ?? (envPattern ? new RegExp(envPattern) : undefined),
        });
      },
    },
    { provide: Directory, useFactory: (catalog: Catalog) => catalog.directory, inject: [Catalog] },
  ];
}

/**
 * Provides `Catalog` and `Directory`, loaded once at start-up; a catalog with problems stops the
 * application from starting (the error lists every problem). Import `CatalogModule` for the
 * environment's catalog, or `CatalogModule.forRoot({dir})` for a given folder.
 */
@Module({ providers: providers({}), exports: [Catalog, Directory] })
export class CatalogModule {
  static forRoot(options: CatalogModuleOptions = {}): DynamicModule {
    return { module: CatalogModule, providers: providers(options), exports: [Catalog, Directory] };
  }
}
