import type { EventStore } from '@one-window/event-store';
import { foldStored, noCase, readCaseEvents, type FoldedCase } from './case-stream.js';

/** Cases whose folded state the executor keeps by default. */
export const DEFAULT_CASE_CACHE_SIZE = 2_000;

/**
 * Folded case states by case id, least recently used dropped first. A command reads only the
 * events after the cached revision (another writer's, or none) and folds those; a stream that
 * does not continue where the cache stopped, or an append conflict (`forget`), means a full read.
 * Whatever the cache holds, a command sees exactly what a full fold would give it.
 */
export class CaseStateCache {
  private readonly cases = new Map<string, FoldedCase>();

  constructor(
    private readonly store: EventStore,
    readonly capacity = DEFAULT_CASE_CACHE_SIZE,
  ) {}

  /** The case as the store has it now. */
  async load(caseId: string): Promise<FoldedCase> {
    const cached = this.cases.get(caseId);
    if (cached) {
      const after = await readCaseEvents(this.store, caseId, cached.revision + 1);
      if (after !== null && (after.length === 0 || after[0].streamRevision === cached.revision + 1)) {
        return this.keep(foldStored(cached, after));
      }
      this.cases.delete(caseId);
    }
    const events = await readCaseEvents(this.store, caseId, 0);
    if (events === null) return noCase(caseId);
    return this.keep(foldStored(noCase(caseId), events));
  }

  /** Keeps a case as this process just wrote it; returns it. */
  keep(folded: FoldedCase): FoldedCase {
    if (this.capacity <= 0 || folded.revision < 0) return folded;
    const current = this.cases.get(folded.caseId);
    // Never step back or sideways: a slower command, or a retry the store answered as already
    // written (decided again, at another moment), must not replace what is cached.
    if (current && current !== folded && current.revision >= folded.revision) return folded;
    this.cases.delete(folded.caseId);
    this.cases.set(folded.caseId, folded);
    if (this.cases.size > this.capacity) this.cases.delete(this.cases.keys().next().value!);
    return folded;
  }

  /** Drops a case (after a conflict): its next load reads the whole stream. */
  forget(caseId: string): void {
    this.cases.delete(caseId);
  }

  get size(): number {
    return this.cases.size;
  }
}
