/** No item with this code in the catalog. */
export class UnknownItemError extends Error {
  readonly type = 'catalog.unknown-item' as const;
  constructor(readonly code: string) {
    super(`no service item ${code} in the catalog`);
    this.name = 'UnknownItemError';
  }
}

/** The item exists but not in this version. */
export class UnknownGuideVersionError extends Error {
  readonly type = 'catalog.unknown-version' as const;
  constructor(
    readonly code: string,
    readonly version: number,
    readonly known: readonly number[],
  ) {
    super(`service item ${code} has no guide version ${version} (known: ${known.join(', ')})`);
    this.name = 'UnknownGuideVersionError';
  }
}
