// `@one-window/catalog/nest`: the catalog as a Nest module, for the server. The catalog itself
// (items, directory, loading and checking) is `@one-window/catalog` and loads no Nest.
export { CatalogModule, type CatalogModuleOptions } from './catalog.module.js';
