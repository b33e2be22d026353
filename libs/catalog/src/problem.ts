/** One thing wrong in a catalog folder: which file, which item, which field, and what. */
export interface CatalogProblem {
  /** Path relative to the catalog folder, e.g. `11150102DEM000004X4DEM000000101/v2.json`. */
  readonly file: string;
  /** The item code, or `-` where the problem concerns no single item. */
  readonly item: string;
  /** Field path inside the file, e.g. `materials[2].sharedSource`, or `-` for the whole file. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: ${p.item}: ${p.field}: ${p.message}`;
}

/** A catalog is loaded whole or not at all: this error carries every problem found. */
export class CatalogValidationError extends Error {
  readonly type = 'catalog.invalid' as const;
  constructor(
    readonly dir: string,
    readonly problems: readonly CatalogProblem[],
  ) {
    super(
      `catalog ${dir} has ${problems.length} problem(s):\n` +
        problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.name = 'CatalogValidationError';
  }
}
