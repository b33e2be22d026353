import type { Directory } from './directory.js';
import { UnknownGuideVersionError, UnknownItemError } from './errors.js';
import type { CaseKind, ItemType, Level, ServiceGuide } from './guide.js';

export interface CatalogFilter {
  readonly level?: Level;
  /** Matches the item's department or the department of any of its steps. */
  readonly department?: string;
  readonly itemType?: ItemType;
  readonly caseKind?: CaseKind;
  /** Case-insensitive text in the name, English name or code. */
  readonly q?: string;
}

/**
 * A loaded, fully valid catalog. Guides are frozen; every version stays available because a
 * case keeps the guide version it was received under (Art. 13).
 */
export class Catalog {
  private readonly byCode: ReadonlyMap<string, readonly ServiceGuide[]>;

  /** Guides must already be valid; use `loadCatalog`. */
  constructor(
    guides: readonly ServiceGuide[],
    readonly directory: Directory,
  ) {
    const byCode = new Map<string, ServiceGuide[]>();
    for (const g of guides) byCode.set(g.code, [...(byCode.get(g.code) ?? []), deepFreeze(g)]);
    for (const versions of byCode.values()) versions.sort((a, b) => a.version - b.version);
    this.byCode = new Map([...byCode].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** The latest version of each item that passes the filter, ordered by code. */
  list(filter: CatalogFilter = {}): readonly ServiceGuide[] {
    const q = filter.q?.trim().toLowerCase();
    return [...this.byCode.values()]
      .map((versions) => versions[versions.length - 1])
      .filter(
        (g) =>
          (filter.level === undefined || g.level === filter.level) &&
          (filter.itemType === undefined || g.itemType === filter.itemType) &&
          (filter.caseKind === undefined || g.caseKind === filter.caseKind) &&
          (filter.department === undefined ||
            g.department === filter.department ||
            g.steps.some((s) => s.department === filter.department)) &&
          (!q || [g.name, g.nameEn ?? '', g.code].some((text) => text.toLowerCase().includes(q))),
      );
  }

  /** One guide: the latest version, or the given one. Throws `UnknownItemError` / `UnknownGuideVersionError`. */
  get(code: string, version?: number): ServiceGuide {
    const versions = this.byCode.get(code);
    if (!versions) throw new UnknownItemError(code);
    if (version === undefined) return versions[versions.length - 1];
    const guide = versions.find((g) => g.version === version);
    if (!guide) throw new UnknownGuideVersionError(code, version, this.versions(code));
    return guide;
  }

  /** Like `get`, but `undefined` when there is no such item or version. */
  find(code: string, version?: number): ServiceGuide | undefined {
    const versions = this.byCode.get(code);
    if (!versions) return undefined;
    return version === undefined
      ? versions[versions.length - 1]
      : versions.find((g) => g.version === version);
  }

  /** The item's versions in ascending order; empty for an unknown item. */
  versions(code: string): readonly number[] {
    return (this.byCode.get(code) ?? []).map((g) => g.version);
  }

  get size(): number {
    return this.byCode.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
