import type { ReadModelDb } from '../database/read-model-database.js';
import { type Patch, RowPatcher } from './row-patcher.js';

/**
 * The `n` of a task id `<caseId>.t<n>` or an obligation id `<caseId>.o<n>` (the case engine's
 * format). Read with string search rather than the engine's parser: this runs for most events of
 * a rebuild. -1 for an id of another shape.
 */
export function childNumber(id: string, kind: 't' | 'o'): number {
  const at = id.lastIndexOf(`.${kind}`);
  if (at < 0) return -1;
  const n = Number(id.slice(at + 2));
  return Number.isSafeInteger(n) && n > 0 ? n : -1;
}

/** The rows of a case's tasks or obligations (keyed `(k, n)`), each patched by its id. */
export class ChildRows {
  private readonly rows: RowPatcher;

  constructor(
    db: ReadModelDb,
    table: string,
    private readonly kind: 't' | 'o',
  ) {
    this.rows = new RowPatcher(db, table, ['k', 'n']);
  }

  /** Patches child `id` of case `k`, guarded by the event's revision; true when the row changed. */
  patch(k: number, id: string, revision: number, changes: Patch): boolean {
    return this.rows.patch([k, childNumber(id, this.kind)], revision, changes);
  }
}
