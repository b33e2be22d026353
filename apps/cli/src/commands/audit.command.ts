import type { Command } from 'commander';
import { ANCHORED, AUDIT_STREAM, formatAnchor, isAnchoredData } from '@one-window/audit';
import { readStreamOrNone } from '@one-window/event-store';
import { environmentDeps, type ReadSideCliDeps } from './read-side-deps.js';

/**
 * `one-window audit anchor`: prints the latest anchor of the hash-chained log as one line, for the
 * administrator to keep outside the system; `verify --anchor <line>` checks the log against it.
 * Reads the store read-only (a running server's: GET /api/admin/audit/anchor).
 */
export async function auditAnchorCommand(deps: ReadSideCliDeps): Promise<number> {
  const store = await deps.openStore({ readOnly: true });
  try {
    const events = await readStreamOrNone(store, AUDIT_STREAM, {
      direction: 'backwards',
      fromRevision: 'end',
    });
    const latest = events.find((e) => e.type === ANCHORED && isAnchoredData(e.data));
    if (latest === undefined || !isAnchoredData(latest.data)) {
      deps.err(
        'no anchor yet: the server writes the first one after AUDIT_ANCHOR_EVERY_EVENTS events or minutes',
      );
      return 1;
    }
    deps.out(formatAnchor(latest.data));
    deps.err(
      `anchored ${latest.created.toISOString()}: ${latest.data.streams} streams up to position ${latest.data.position}; keep this line outside the system`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export function registerAudit(program: Command, deps: ReadSideCliDeps = environmentDeps): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident log: anchors to keep outside the system');
  audit
    .command('anchor')
    .description('print the latest anchor (Merkle root over every stream at a log position), read-only')
    .action(async () => {
      const code = await auditAnchorCommand(deps);
      if (code !== 0) process.exitCode = code;
    });
}
