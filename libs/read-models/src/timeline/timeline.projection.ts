import type { CaseEvent } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { caseProjection } from '../projections/case-projection.js';
import type { Projection } from '../runner/projection.js';

export const TIMELINE_SCHEMA = `
CREATE TABLE IF NOT EXISTS timeline (
  case_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_user_id TEXT,
  actor_name TEXT,
  actor_role TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (case_id, revision)
) WITHOUT ROWID;
`;

/** The `timeline` read model: every case event in order, with who did it; labels are rendered at query time. */
export function timelineProjection(): Projection {
  return caseProjection({
    name: 'timeline',
    version: 1,
    tables: ['timeline'],
    schema: TIMELINE_SCHEMA,
    bind: (db) => {
      // (case_id, revision) is the key: an event applied twice is ignored.
      const insert = db.prepare(
        `INSERT INTO timeline (case_id, revision, position, type, at, actor_user_id, actor_name, actor_role, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      return (e: ProjectedCaseEvent) => {
        const actor = e.metadata?.actor;
        insert.run(
          e.caseId,
          e.revision,
          e.position,
          e.event.type,
          e.at,
          actor?.userId ?? null,
          actor?.name ?? null,
          actor?.role ?? null,
          JSON.stringify(compact(e.event)),
        );
      };
    },
  });
}

/** The guide snapshot in `case.Received` is long and shown elsewhere: the timeline keeps its name and version. */
function compact(event: CaseEvent): unknown {
  if (event.type !== 'case.Received') return event.data;
  const { guide, ...rest } = event.data;
  return { ...rest, guide: { code: guide.code, version: guide.version, name: guide.name } };
}
