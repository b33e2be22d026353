import type { ReadModelDb } from '../database/read-model-database.js';

export interface StoredCheckpoint {
  readonly name: string;
  /** Position of the last event applied; null before the first. */
  readonly position: number | null;
  readonly version: number;
  readonly updatedAt: string;
}

interface CheckpointRow {
  name: string;
  position: number | null;
  version: number;
  updated_at: string;
}

/** The `projection_checkpoints` table: one row per projection, written in the same transaction as its rows. */
export class CheckpointStore {
  private readonly upsert;
  private readonly selectOne;
  private readonly selectAll;

  constructor(db: ReadModelDb) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    this.upsert = db.prepare<[string, number | null, number, string]>(
      `INSERT INTO projection_checkpoints (name, position, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, version = excluded.version,
         updated_at = excluded.updated_at`,
    );
    this.selectOne = db.prepare<[string], CheckpointRow>(
      'SELECT * FROM projection_checkpoints WHERE name = ?',
    );
    this.selectAll = db.prepare<[], CheckpointRow>('SELECT * FROM projection_checkpoints ORDER BY name');
  }

  get(name: string): StoredCheckpoint | undefined {
    const row = this.selectOne.get(name);
    return row && toCheckpoint(row);
  }

  all(): StoredCheckpoint[] {
    return this.selectAll.all().map(toCheckpoint);
  }

  set(name: string, position: number | null, version: number, at: Date): void {
    this.upsert.run(name, position, version, at.toISOString());
  }
}

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return { name: row.name, position: row.position, version: row.version, updatedAt: row.updated_at };
}
